/**
 * The required-labels rule: a draft must carry the configured labels (an owner, a cost centre,
 * ...), optionally with values of a given form.
 */
import { DeploymentDraftAttributes, JsonValue } from "../../../../provider/core/model";
import { compilePattern, quote, RuleViolation, violation } from "./violation";
import { withDefaults } from "./settings";

/** The name of the required-labels rule. */
export const requiredLabelsRule = "ververica-required-labels";

/** Settings of the required-labels rule. */
export interface RequiredLabelsConfig {
    /** Label keys every draft must have. */
    readonly requiredLabels: readonly string[];
    /**
     * Regular expressions, by label key, that a label's value must match as a whole (`prod|dev`
     * accepts `prod` but not `production`). A pattern applies whenever the label is present;
     * list the key in `requiredLabels` as well to make it mandatory. Values that are not strings
     * are matched as their JSON text (`1`, `true`, `{"a":1}`).
     */
    readonly labelPatterns: { readonly [key: string]: string };
}

/** The required-labels rule's defaults: nothing is required. */
export const defaultRequiredLabelsConfig: RequiredLabelsConfig = {
    requiredLabels: [],
    labelPatterns: {},
};

/** Checks that a draft has the required labels and that label values match their patterns. */
export function checkRequiredLabels(
    draft: DeploymentDraftAttributes,
    partialConfig: Partial<RequiredLabelsConfig> = {},
): RuleViolation[] {
    const config = withDefaults(defaultRequiredLabelsConfig, partialConfig);
    const patterns = Object.entries(config.labelPatterns).map(
        ([key, pattern]) => [key, pattern, compilePattern(`^(?:${pattern})$`, "s", `labelPatterns.${key}`)] as const,
    );
    const labels = draft.labels ?? {};
    const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(labels, key);
    const violations: RuleViolation[] = [];
    const missing = config.requiredLabels.filter((key) => !has(key));
    if (missing.length > 0) {
        const names = missing.map(quote).join(", ");
        violations.push(
            violation(requiredLabelsRule, draft, `required label${missing.length > 1 ? "s" : ""} ${names} ${missing.length > 1 ? "are" : "is"} missing. Add ${missing.length > 1 ? "them" : "it"} to the draft's labels.`),
        );
    }
    for (const [key, pattern, regExp] of patterns) {
        if (has(key)) {
            const text = labelText(labels[key]);
            if (!regExp.test(text)) {
                violations.push(
                    violation(
                        requiredLabelsRule,
                        draft,
                        `label ${quote(key)} has the value ${quote(text)}, which does not match ${quote(pattern)}. Change the label's value.`,
                    ),
                );
            }
        }
    }
    return violations;
}

/** A label value as the text patterns are matched against. */
export function labelText(value: JsonValue): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}
