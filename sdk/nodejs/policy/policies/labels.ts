/**
 * Policies for the required-labels rule.
 */
import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { checkRequiredLabels, defaultRequiredLabelsConfig, RequiredLabelsConfig, requiredLabelsRule } from "../rules/labels";
import { deploymentResourcePolicy, draftStackPolicy, DraftRuleDefinition } from "./factory";

const requiredLabelsDefinition: DraftRuleDefinition<RequiredLabelsConfig> = {
    description: "Requires the configured labels, with values matching the configured patterns.",
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
};

/** Checks the labels of every `DeploymentDraft` in the stack. */
export function requiredLabelsPolicy(enforcementLevel: EnforcementLevel = "mandatory"): StackValidationPolicy {
    return draftStackPolicy(requiredLabelsRule, requiredLabelsDefinition, enforcementLevel);
}

/** Checks the labels of every `alicloud.realtimecompute.Deployment` before it is deployed. */
export function deploymentRequiredLabelsPolicy(enforcementLevel: EnforcementLevel = "mandatory"): ResourceValidationPolicy {
    return deploymentResourcePolicy("ververica-deployment-required-labels", requiredLabelsDefinition, enforcementLevel);
}
