/**
 * The ververica service behind the gateway: answers a routed, authorised request from the
 * draft store with the service's camelCase envelope.
 */
import type { WireEnvelope, WireDeploymentDraft, WireListEnvelope } from "../../provider/core/wireTypes";
import type { DraftStore } from "./draftStore";
import { headerValue, parseQuery, type ReceivedRequest } from "./request";
import { envelopeReply, serviceErrorReply, type Reply, type ReplyContext } from "./responses";
import type { Route } from "./routes";
import { listedDraft, type ServiceBehaviour } from "./serviceBehaviour";

/** The code the Terraform provider, and therefore this project, reads as "not found". */
export const NOT_FOUND_ERROR_CODE = "990301";
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

/**
 * How ListDeploymentDrafts answers where Alibaba's models leave room (every field optional):
 * switchable per test, all off by default.
 */
export interface ListingBehaviour {
    /** Leave `data` out of a page that has no drafts. */
    omitEmptyData: boolean;
    /** Leave `totalSize` out of every page. */
    omitTotalSize: boolean;
    /** Serve at most this many drafts a page, whatever was asked, and say so in `pageSize`. */
    servedPageSizeLimit?: number;
}

export function handle(ctx: ReplyContext, store: DraftStore, listing: ListingBehaviour, route: Route, request: ReceivedRequest, behaviour: ServiceBehaviour): Reply {
    const workspace = headerValue(request.headers, "workspace");
    if (!workspace) {
        return serviceErrorReply(ctx, 400, "MissingParameter", "The workspace header is required.");
    }
    return route.action === "GetDeploymentDraft"
        ? getDraft(ctx, store, workspace, route.namespace, route.deploymentDraftId)
        : listDrafts(ctx, store, listing, workspace, route.namespace, request.rawQuery, behaviour);
}

function getDraft(ctx: ReplyContext, store: DraftStore, workspace: string, namespace: string, id: string): Reply {
    const draft = store.get(workspace, namespace, id);
    if (!draft) {
        return serviceErrorReply(ctx, 404, NOT_FOUND_ERROR_CODE, `deployment draft ${id} not found`);
    }
    const envelope: WireEnvelope<WireDeploymentDraft> = { ...success(ctx), data: draft };
    return envelopeReply(200, envelope);
}

function listDrafts(ctx: ReplyContext, store: DraftStore, listing: ListingBehaviour, workspace: string, namespace: string, rawQuery: string, behaviour: ServiceBehaviour): Reply {
    const query = new Map(parseQuery(rawQuery).reverse()); // reversed so the first occurrence wins
    const pageIndex = parsePositiveInteger(query.get("pageIndex"), 1);
    const pageSize = parsePositiveInteger(query.get("pageSize"), DEFAULT_PAGE_SIZE);
    if (pageIndex === undefined) {
        return serviceErrorReply(ctx, 400, "InvalidParameter", "pageIndex must be an integer of at least 1.");
    }
    if (pageSize === undefined || pageSize > MAX_PAGE_SIZE) {
        return serviceErrorReply(ctx, 400, "InvalidParameter", `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
    }
    const servedSize = Math.min(pageSize, listing.servedPageSizeLimit ?? pageSize);
    const all = store.list(workspace, namespace);
    const start = (pageIndex - 1) * servedSize;
    const data = all.slice(start, start + servedSize).map((draft) => listedDraft(draft, behaviour));
    const envelope: WireListEnvelope = { ...success(ctx), pageIndex, pageSize: servedSize };
    if (data.length > 0 || !listing.omitEmptyData) envelope.data = data;
    if (!listing.omitTotalSize) envelope.totalSize = all.length;
    return envelopeReply(200, envelope);
}

function success(ctx: ReplyContext): WireEnvelope<never> {
    return { requestId: ctx.requestId, success: true, httpCode: 200, errorCode: "", errorMessage: "" };
}

/** The default when absent; undefined when present but not a decimal integer >= 1. */
function parsePositiveInteger(value: string | undefined, fallback: number): number | undefined {
    if (value === undefined) {
        return fallback;
    }
    if (!/^[0-9]{1,9}$/.test(value)) {
        return undefined;
    }
    const n = Number(value);
    return n >= 1 ? n : undefined;
}
