/**
 * Maps a raw request path to an API action. Segments are split on the raw "/" before
 * decoding, so an id holding an encoded "/" (or "..", or anything else) stays one segment.
 */
import { tryDecode } from "./request";

export type Route =
    | { action: "GetDeploymentDraft"; namespace: string; deploymentDraftId: string }
    | { action: "ListDeploymentDrafts"; namespace: string };

/** Recorded for requests that match no route. */
export const UNROUTED = "Unrouted";

export function matchRoute(method: string, rawPath: string): Route | undefined {
    if (method !== "GET") {
        return undefined;
    }
    const segments = rawPath.split("/").map(tryDecode);
    if (segments.some((segment) => segment === undefined)) {
        return undefined;
    }
    const [root, api, version, namespaces, namespace, drafts, deploymentDraftId] = segments;
    if (root !== "" || api !== "api" || version !== "v2" || namespaces !== "namespaces" || drafts !== "deployment-drafts" || !namespace) {
        return undefined;
    }
    if (segments.length === 6) {
        return { action: "ListDeploymentDrafts", namespace };
    }
    if (segments.length === 7 && deploymentDraftId) {
        return { action: "GetDeploymentDraft", namespace, deploymentDraftId };
    }
    return undefined;
}
