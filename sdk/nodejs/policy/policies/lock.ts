/**
 * The policy for the draft-lock rule. Deployments have no lock, so there is no resource policy.
 */
import { checkDraftLock, defaultDraftLockConfig, draftLockRule } from "../rules/lock";
import { defineDraftRule, stackPolicyFactory } from "./factory";

/** The draft-lock rule with its policies' level, settings schema and defaults. */
export const draftLockDefinition = defineDraftRule({
    name: draftLockRule,
    description: "Flags drafts that someone other than an allowed holder has locked for editing.",
    defaultLevel: "advisory",
    deploymentPolicy: false,
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
});

/** Checks the lock of every `DeploymentDraft` in the stack. */
export const draftLockPolicy = stackPolicyFactory(draftLockDefinition);
