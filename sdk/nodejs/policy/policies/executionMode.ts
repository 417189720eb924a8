/**
 * Policies for the execution-mode rule.
 */
import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { checkExecutionMode, defaultExecutionModeConfig, ExecutionModeConfig, executionModeRule } from "../rules/executionMode";
import { deploymentResourcePolicy, draftStackPolicy, DraftRuleDefinition } from "./factory";

const executionModeDefinition: DraftRuleDefinition<ExecutionModeConfig> = {
    description: "Allows only the configured execution modes (STREAMING, BATCH).",
    defaults: defaultExecutionModeConfig,
    configSchema: {
        properties: {
            allowedModes: {
                type: "array",
                items: { type: "string", enum: ["STREAMING", "BATCH"] },
                minItems: 1,
                uniqueItems: true,
                default: [...defaultExecutionModeConfig.allowedModes],
                description: "The execution modes a draft may run in.",
            },
        },
    },
    check: checkExecutionMode,
};

/** Checks the execution mode of every `DeploymentDraft` in the stack. */
export function executionModePolicy(enforcementLevel: EnforcementLevel = "mandatory"): StackValidationPolicy {
    return draftStackPolicy(executionModeRule, executionModeDefinition, enforcementLevel);
}

/** Checks the execution mode of every `alicloud.realtimecompute.Deployment` before it is deployed. */
export function deploymentExecutionModePolicy(enforcementLevel: EnforcementLevel = "mandatory"): ResourceValidationPolicy {
    return deploymentResourcePolicy("ververica-deployment-execution-mode", executionModeDefinition, enforcementLevel);
}
