/**
 * The emulator's drafts, keyed by the (workspace, namespace, deploymentDraftId) each draft
 * carries itself. Everything going in or out is deep-copied, so a test holding a draft can
 * never change what the server answers behind the store's back.
 */
import type { WireDeploymentDraft } from "../../provider/core/wireTypes";

export type DraftPatch = Partial<WireDeploymentDraft> | ((draft: WireDeploymentDraft) => void);

export class DraftStore {
    private readonly drafts = new Map<string, WireDeploymentDraft>();

    constructor(drafts: readonly WireDeploymentDraft[] = []) {
        for (const draft of drafts) {
            this.put(draft);
        }
    }

    /** Adds or replaces a draft; it must carry non-empty workspace, namespace and deploymentDraftId. */
    put(draft: WireDeploymentDraft): void {
        this.drafts.set(identityKey(draft), structuredClone(draft));
    }

    get(workspace: string, namespace: string, deploymentDraftId: string): WireDeploymentDraft | undefined {
        const draft = this.drafts.get(key(workspace, namespace, deploymentDraftId));
        return draft && structuredClone(draft);
    }

    /**
     * Changes a stored draft, as a user editing it in the console would (drift tests). A patch
     * object replaces top-level fields (an `undefined` value removes the field); a function
     * edits a copy. `modifiedAt` becomes now, in unix seconds, unless the patch set it.
     * Identity fields cannot change: remove the draft and put a new one instead.
     * @returns the updated draft
     * @throws Error when no such draft exists or the patch changes its identity
     */
    update(workspace: string, namespace: string, deploymentDraftId: string, patch: DraftPatch): WireDeploymentDraft {
        const storeKey = key(workspace, namespace, deploymentDraftId);
        const current = this.drafts.get(storeKey);
        if (!current) {
            throw new Error(`no deployment draft ${deploymentDraftId} in ${workspace}/${namespace}`);
        }
        const next = structuredClone(current);
        let setsModifiedAt: boolean;
        if (typeof patch === "function") {
            patch(next);
            setsModifiedAt = next.modifiedAt !== current.modifiedAt;
        } else {
            applyFields(next, patch);
            setsModifiedAt = "modifiedAt" in patch;
        }
        if (identityKey(next) !== storeKey) {
            throw new Error("update cannot change workspace, namespace or deploymentDraftId");
        }
        if (!setsModifiedAt) {
            next.modifiedAt = Math.floor(Date.now() / 1000);
        }
        this.drafts.set(storeKey, next);
        return structuredClone(next);
    }

    /** @returns whether a draft was removed */
    remove(workspace: string, namespace: string, deploymentDraftId: string): boolean {
        return this.drafts.delete(key(workspace, namespace, deploymentDraftId));
    }

    /** The drafts of one namespace, ordered by name then id so that paging is stable. */
    list(workspace: string, namespace: string): WireDeploymentDraft[] {
        return [...this.drafts.values()]
            .filter((draft) => draft.workspace === workspace && draft.namespace === namespace)
            .sort((a, b) => compare(a.name ?? "", b.name ?? "") || compare(a.deploymentDraftId ?? "", b.deploymentDraftId ?? ""))
            .map((draft) => structuredClone(draft));
    }

    clear(): void {
        this.drafts.clear();
    }
}

function applyFields(draft: WireDeploymentDraft, patch: Partial<WireDeploymentDraft>): void {
    const target: Record<string, unknown> = draft;
    for (const [field, value] of Object.entries(patch)) {
        if (value === undefined) {
            delete target[field];
        } else {
            target[field] = structuredClone(value);
        }
    }
}

function identityKey(draft: WireDeploymentDraft): string {
    const { workspace, namespace, deploymentDraftId } = draft;
    if (!workspace || !namespace || !deploymentDraftId) {
        throw new Error("a stored draft needs non-empty workspace, namespace and deploymentDraftId");
    }
    return key(workspace, namespace, deploymentDraftId);
}

/** JSON keeps the three parts apart whatever characters they contain. */
function key(workspace: string, namespace: string, deploymentDraftId: string): string {
    return JSON.stringify([workspace, namespace, deploymentDraftId]);
}

/** Code-unit order: deterministic, unlike localeCompare. */
function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
