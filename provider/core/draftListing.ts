/**
 * The plural lookup: every draft of a namespace that passes a filter, each with every
 * attribute the single lookup returns.
 */
import type { DraftClient } from "./draftClient";
import { createLookupClient, GetDeploymentDraftResult, LookupContext, withDraftId } from "./draftLookup";
import { DraftFilter, DraftFilterArgs, matchesDraftFilter, validateDraftFilter } from "./draftFilter";
import type { DeploymentDraftAttributes } from "./model";

/** The drafts of a namespace that match the filters, in the API's list order. */
export interface DeploymentDraftsResult {
    /** The workspace id the drafts were read from. */
    readonly workspace: string;
    /** The namespace the drafts were read from. */
    readonly namespace: string;
    /** The ids of `drafts`, in the same order. */
    readonly ids: readonly string[];
    /** The names of `drafts`, in the same order (`""` for a draft without a name). */
    readonly names: readonly string[];
    /** Every matching draft with `id` and every attribute, as the single lookup returns it. */
    readonly drafts: readonly GetDeploymentDraftResult[];
}

/** How far the reading of a namespace has come. */
export interface ListingProgress {
    /** Drafts done with: read in full, or listed and left out by the filter. */
    readonly read: number;
    /** Drafts in the namespace, as far as the pages seen so far tell. */
    readonly total: number;
}

/**
 * Looks up the drafts of a namespace that pass every given filter (`nameRegex`, `ids`,
 * `labels`). Arguments are validated before anything else, so an invalid regular expression
 * fails without a request. This is the function a provider host calls with plain inputs and
 * its own {@link LookupContext}.
 */
export async function lookupDeploymentDrafts(args: DraftFilterArgs, context: LookupContext): Promise<DeploymentDraftsResult> {
    const filter = validateDraftFilter(args);
    const { client } = createLookupClient(context);
    const drafts = await readDrafts(client, filter);
    return {
        workspace: filter.workspace,
        namespace: filter.namespace,
        ids: drafts.map((d) => d.deploymentDraftId),
        names: drafts.map((d) => d.name ?? ""),
        drafts: drafts.map(withDraftId),
    };
}

/**
 * Reads every page of the namespace and keeps the drafts that pass the filter. A listed draft
 * without its artifact (a list answer may leave it out) is read again with GetDeploymentDraft;
 * those reads start as soon as their page arrives, so they overlap the paging, and all of it
 * shares the client's concurrency bound and retries.
 */
export async function readDrafts(
    client: DraftClient,
    filter: DraftFilter,
    onProgress?: (progress: ListingProgress) => void,
): Promise<DeploymentDraftAttributes[]> {
    const pending: Array<Promise<DeploymentDraftAttributes>> = [];
    let read = 0;
    let listed = 0;
    let namespaceSize = 0;
    const report = () => onProgress?.({ read, total: Math.max(namespaceSize, listed) });
    const counted = (draft: DeploymentDraftAttributes): DeploymentDraftAttributes => {
        read++;
        report();
        return draft;
    };
    await client.forEachDraftPage(filter.workspace, filter.namespace, (page) => {
        listed += page.drafts.length;
        namespaceSize = page.totalSize ?? 0;
        for (const listedDraft of page.drafts) {
            if (!matchesDraftFilter(listedDraft, filter)) {
                read++;
                continue;
            }
            const full = isComplete(listedDraft)
                ? Promise.resolve(counted(listedDraft))
                : client.getDeploymentDraft({ workspace: filter.workspace, namespace: filter.namespace, deploymentDraftId: listedDraft.deploymentDraftId }).then(counted);
            // Awaited together below; until then a failure must not count as unhandled.
            full.catch(() => undefined);
            pending.push(full);
        }
        report();
    });
    return Promise.all(pending);
}

function isComplete(draft: DeploymentDraftAttributes): boolean {
    return draft.artifact !== undefined;
}
