/**
 * The names and ids of a namespace's drafts, from one listing. Every lookup by name in the
 * namespace resolves from it, so that N drafts tracked by name cost one listing, not N.
 */
import { AmbiguousDraftNameError, DraftNameNotFoundError, InvalidResponseError } from "./errors";
import type { DraftCoordinates, DraftNameCoordinates } from "./validation";

/** A listed draft's name and id, as far as the list answer gave them. */
export interface ListedDraftIdentity {
    readonly name?: string;
    readonly deploymentDraftId?: string;
}

/** A namespace's drafts by name, with every name listed (for the "not found" error). */
export class DraftNameIndex {
    private readonly idsByName = new Map<string, Array<string | undefined>>();
    private readonly names: string[] = [];
    private readonly total: number;

    /** @param total How many drafts the namespace holds, when the service said. */
    constructor(entries: Iterable<ListedDraftIdentity>, total: number | undefined) {
        for (const { name, deploymentDraftId } of entries) {
            if (name === undefined) continue;
            this.names.push(name);
            const ids = this.idsByName.get(name);
            if (ids) ids.push(deploymentDraftId);
            else this.idsByName.set(name, [deploymentDraftId]);
        }
        this.total = Math.max(total ?? 0, this.names.length);
    }

    /**
     * The coordinates of the one draft with this exact name. Throws `DraftNameNotFoundError`
     * (naming the drafts found), `AmbiguousDraftNameError` (naming the matching ids), or
     * `InvalidResponseError` when the listed match came without an id.
     */
    resolve(c: DraftNameCoordinates): DraftCoordinates {
        const ids = this.idsByName.get(c.name) ?? [];
        if (ids.length === 0) {
            throw new DraftNameNotFoundError(c, this.names, this.total);
        }
        const known = ids.filter((id): id is string => id !== undefined);
        if (known.length < ids.length) {
            throw new InvalidResponseError(`the listed draft named ${JSON.stringify(c.name)} has no deploymentDraftId`, c, { action: "ListDeploymentDrafts" });
        }
        if (known.length > 1) {
            throw new AmbiguousDraftNameError(c, known);
        }
        return { workspace: c.workspace, namespace: c.namespace, deploymentDraftId: known[0] };
    }
}
