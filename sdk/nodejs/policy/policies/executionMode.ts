/**
 * Policies for the execution-mode rule.
 */
import { checkExecutionMode, defaultExecutionModeConfig, executionModeRule } from "../rules/executionMode";
import { defineDraftRule, deploymentPolicyFactory, stackPolicyFactory } from "./factory";

/** The execution-mode rule with its policies' level, settings schema and defaults. */
export const executionModeDefinition = defineDraftRule({
    name: executionModeRule,
    description: "Allows only the configured execution modes (STREAMING, BATCH).",
    defaultLevel: "mandatory",
    deploymentPolicy: true,
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
});

/** Checks the execution mode of every `DeploymentDraft` in the stack. */
export const executionModePolicy = stackPolicyFactory(executionModeDefinition);

/** Checks the execution mode of every `alicloud.realtimecompute.Deployment` before it is deployed. */
export const deploymentExecutionModePolicy = deploymentPolicyFactory(executionModeDefinition);
