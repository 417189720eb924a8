/**
 * Every policy of this package, for a policy pack that wants them all, made from the registry
 * of rules: the stack policy of each rule, then the resource policy of each rule that has one.
 */
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { deploymentPolicyFactory, deploymentPolicyName, DraftPolicyFactory, stackPolicyFactory } from "./factory";
import { DraftPolicyName, draftRules } from "./registry";

export type { DraftPolicyName } from "./registry";

/** Enforcement levels to use instead of the policies' defaults, by policy name. */
export type DraftPolicyEnforcementLevels = { readonly [name in DraftPolicyName]?: EnforcementLevel };

/** Each policy's name and factory, in the pack's order. */
const policyFactories: readonly { readonly name: DraftPolicyName; readonly make: DraftPolicyFactory<Policies[number]> }[] = [
    ...draftRules.map((rule) => ({ name: rule.name, make: stackPolicyFactory(rule) })),
    ...draftRules.filter((rule) => rule.deploymentPolicy).map((rule) => ({ name: deploymentPolicyName(rule.name), make: deploymentPolicyFactory(rule) })),
];

/**
 * Returns every policy of this package, each at its default enforcement level unless
 * `enforcementLevels` names another. Levels and settings can also be changed per stack through
 * the policy pack's configuration (`pulumi up --policy-pack-config`).
 *
 * ```ts
 * new PolicyPack("ververica-drafts", {
 *     policies: allDraftPolicies({ "ververica-test-connectors": "mandatory" }),
 * });
 * ```
 */
export function allDraftPolicies(enforcementLevels: DraftPolicyEnforcementLevels = {}): Policies {
    const levels: { readonly [name: string]: EnforcementLevel | undefined } = enforcementLevels;
    return policyFactories.map(({ name, make }) => make(levels[name]));
}

/** The names of every policy of {@link allDraftPolicies}, in the same order. */
export function draftPolicyNames(): DraftPolicyName[] {
    return policyFactories.map(({ name }) => name);
}
