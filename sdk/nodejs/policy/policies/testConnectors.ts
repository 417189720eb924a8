/**
 * Policies for the test-connectors rule. Advisory by default: a test connector is a smell, not
 * a risk.
 */
import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { checkTestConnectors, defaultTestConnectorsConfig, TestConnectorsConfig, testConnectorsRule } from "../rules/testConnectors";
import { deploymentResourcePolicy, draftStackPolicy, DraftRuleDefinition } from "./factory";

const testConnectorsDefinition: DraftRuleDefinition<TestConnectorsConfig> = {
    description: "Flags SQL tables on test connectors (datagen, blackhole, print) in jobs being deployed.",
    defaults: defaultTestConnectorsConfig,
    configSchema: {
        properties: {
            connectors: {
                type: "array",
                items: { type: "string" },
                default: [...defaultTestConnectorsConfig.connectors],
                description: "Connector names to flag, compared case-insensitively with the 'connector' option.",
            },
        },
    },
    check: checkTestConnectors,
};

/** Checks the SQL of every `DeploymentDraft` in the stack for test connectors. */
export function testConnectorsPolicy(enforcementLevel: EnforcementLevel = "advisory"): StackValidationPolicy {
    return draftStackPolicy(testConnectorsRule, testConnectorsDefinition, enforcementLevel);
}

/** Checks the SQL of every `alicloud.realtimecompute.Deployment` for test connectors before it is deployed. */
export function deploymentTestConnectorsPolicy(enforcementLevel: EnforcementLevel = "advisory"): ResourceValidationPolicy {
    return deploymentResourcePolicy("ververica-deployment-test-connectors", testConnectorsDefinition, enforcementLevel);
}
