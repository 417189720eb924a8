/**
 * Policies for the required-labels rule.
 */
import { checkRequiredLabels, defaultRequiredLabelsConfig, requiredLabelsRule } from "../rules/labels";
import { defineDraftRule, deploymentPolicyFactory, stackPolicyFactory } from "./factory";

/** The required-labels rule with its policies' level, settings schema and defaults. */
export const requiredLabelsDefinition = defineDraftRule({
    name: requiredLabelsRule,
    description: "Requires the configured labels, with values matching the configured patterns.",
    defaultLevel: "mandatory",
    deploymentPolicy: true,
    defaults: defaultRequiredLabelsConfig,
    configSchema: {
        properties: {
            requiredLabels: {
                type: "array",
                items: { type: "string" },
                uniqueItems: true,
                default: [...defaultRequiredLabelsConfig.requiredLabels],
                description: "Label keys every draft must have.",
            },
            labelPatterns: {
                type: "object",
                additionalProperties: { type: "string" },
                default: { ...defaultRequiredLabelsConfig.labelPatterns },
                description:
                    "Regular expressions, by label key, that the label's whole value must match when the label is present; " +
                    "values that are not strings are matched as JSON text.",
            },
        },
    },
    check: checkRequiredLabels,
});

/** Checks the labels of every `DeploymentDraft` in the stack. */
export const requiredLabelsPolicy = stackPolicyFactory(requiredLabelsDefinition);

/** Checks the labels of every `alicloud.realtimecompute.Deployment` before it is deployed. */
export const deploymentRequiredLabelsPolicy = deploymentPolicyFactory(requiredLabelsDefinition);
