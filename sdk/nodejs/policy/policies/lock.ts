/**
 * The policy for the draft-lock rule. Deployments have no lock, so there is no resource policy.
 */
import type { EnforcementLevel, StackValidationPolicy } from "@pulumi/policy";
import { checkDraftLock, defaultDraftLockConfig, DraftLockConfig, draftLockRule } from "../rules/lock";
import { draftStackPolicy, DraftRuleDefinition } from "./factory";

const draftLockDefinition: DraftRuleDefinition<DraftLockConfig> = {
    description: "Flags drafts that someone other than an allowed holder has locked for editing.",
    defaults: defaultDraftLockConfig,
    configSchema: {
        properties: {
            allowedHolders: {
                type: "array",
                items: { type: "string" },
                default: [...defaultDraftLockConfig.allowedHolders],
                description: "Holder ids or names that may hold a lock on a draft.",
            },
        },
    },
    check: checkDraftLock,
};

/** Checks the lock of every `DeploymentDraft` in the stack. */
export function draftLockPolicy(enforcementLevel: EnforcementLevel = "advisory"): StackValidationPolicy {
    return draftStackPolicy(draftLockRule, draftLockDefinition, enforcementLevel);
}
