/**
 * Policies for the test-connectors rule. Advisory by default: a test connector is a smell, not
 * a risk.
 */
import { checkTestConnectors, defaultTestConnectorsConfig, testConnectorsRule } from "../rules/testConnectors";
import { defineDraftRule, deploymentPolicyFactory, stackPolicyFactory } from "./factory";

/** The test-connectors rule with its policies' level, settings schema and defaults. */
export const testConnectorsDefinition = defineDraftRule({
    name: testConnectorsRule,
    description: "Flags SQL tables on test connectors (datagen, blackhole, print) in the SQL a draft carries, whatever its kind, before it is deployed.",
    defaultLevel: "advisory",
    deploymentPolicy: true,
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
});

/** Checks the SQL of every `DeploymentDraft` in the stack for test connectors. */
export const testConnectorsPolicy = stackPolicyFactory(testConnectorsDefinition);

/** Checks the SQL of every `alicloud.realtimecompute.Deployment` for test connectors before it is deployed. */
export const deploymentTestConnectorsPolicy = deploymentPolicyFactory(testConnectorsDefinition);
