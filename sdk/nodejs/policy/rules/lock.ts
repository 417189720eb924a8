/**
 * The draft-lock rule: a draft that someone holds a lock on is being edited, so what a program
 * reads from it may change under its feet. Only the holders listed (typically the account that
 * automation runs as) may hold a lock on a draft a stack depends on.
 */
import { DeploymentDraftAttributes } from "../../../../provider/core/model";
import { quote, RuleViolation, violation } from "./violation";
import { withDefaults } from "./settings";

/** The name of the draft-lock rule. */
export const draftLockRule = "ververica-draft-lock";

/** Settings of the draft-lock rule. */
export interface DraftLockConfig {
    /** Holder ids or holder names that may hold a lock; a lock held by anyone else is a violation. */
    readonly allowedHolders: readonly string[];
}

/** The draft-lock rule's defaults: nobody may hold a lock. */
export const defaultDraftLockConfig: DraftLockConfig = {
    allowedHolders: [],
};

/** Checks that a draft is not locked, or only by an allowed holder. */
export function checkDraftLock(draft: DeploymentDraftAttributes, partialConfig: Partial<DraftLockConfig> = {}): RuleViolation[] {
    const config = withDefaults(defaultDraftLockConfig, partialConfig);
    const holderId = draft.lock?.holderId || undefined;
    const holderName = draft.lock?.holderName || undefined;
    if (holderId === undefined && holderName === undefined) {
        return [];
    }
    const allowed = new Set(config.allowedHolders);
    if ((holderId !== undefined && allowed.has(holderId)) || (holderName !== undefined && allowed.has(holderName))) {
        return [];
    }
    const holder = holderName !== undefined && holderId !== undefined ? `${quote(holderName)} (${holderId})` : quote(holderName ?? holderId ?? "");
    return [
        violation(
            draftLockRule,
            draft,
            `the draft is locked by ${holder}, who is not an allowed lock holder. ` +
                "Ask them to finish editing and release the lock, or add them to allowedHolders.",
        ),
    ];
}
