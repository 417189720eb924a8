import { percentEncode } from "./acs3Signature";

/**
 * Percent-encodes one path segment the way Alibaba's ROA signer expects (encodeURIComponent,
 * plus `!'()*`), so that `/`, `..`, spaces or unicode in an id can never change the path.
 */
export function encodePathSegment(segment: string): string {
    // "." and ".." survive encodeURIComponent and would be resolved as dot segments by any URL
    // normaliser on the way, so they are escaped too.
    if (segment === "." || segment === "..") {
        return segment.replace(/\./g, "%2E");
    }
    return percentEncode(segment);
}

/** The GetDeploymentDraft path. */
export function draftPath(namespace: string, deploymentDraftId: string): string {
    return `/api/v2/namespaces/${encodePathSegment(namespace)}/deployment-drafts/${encodePathSegment(deploymentDraftId)}`;
}

/** The ListDeploymentDrafts path. */
export function draftsPath(namespace: string): string {
    return `/api/v2/namespaces/${encodePathSegment(namespace)}/deployment-drafts`;
}
