/**
 * Shapes of GetDeploymentDraft / ListDeploymentDrafts as they travel on the wire
 * (ververica 2022-07-18): the model's draft with every field optional, in envelopes.
 */
import type { DeploymentDraftAttributes, JsonValue } from "./model";

type WireOf<T> = T extends readonly (infer E)[] ? WireOf<E>[] : T extends object ? { -readonly [K in keyof T]?: WireOf<T[K]> } : T;

/** A draft as the API sends it: every field may be missing. */
export type WireDeploymentDraft = WireOf<DeploymentDraftAttributes>;

/** The ververica response envelope. */
export interface WireEnvelope<T> {
    requestId?: string;
    success?: boolean;
    httpCode?: number;
    errorCode?: string;
    errorMessage?: string;
    data?: T;
}

/** ListDeploymentDrafts adds paging fields to the envelope. */
export interface WireListEnvelope extends WireEnvelope<WireDeploymentDraft[]> {
    pageIndex?: number;
    pageSize?: number;
    totalSize?: number;
}

/** The PascalCase error body of the API gateway (POP). */
export interface WireGatewayError {
    RequestId?: string;
    HostId?: string;
    Code?: string;
    Message?: string;
    Recommend?: string;
    AccessDeniedDetail?: JsonValue;
}
