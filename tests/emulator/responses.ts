/**
 * The two body shapes the real service answers with: the API gateway's PascalCase error
 * (before a request reaches ververica) and ververica's own camelCase envelope.
 */
import { randomUUID } from "node:crypto";
import type { WireEnvelope, WireGatewayError, WireListEnvelope } from "../../provider/core/wireTypes";

export interface Reply {
    status: number;
    /** Headers beyond content-type, content-length and x-acs-request-id, which every reply gets. */
    headers: Readonly<Record<string, string>>;
    body: Buffer;
}

/** Identifies one exchange in the bodies and headers that the reply builders produce. */
export interface ReplyContext {
    requestId: string;
    hostId: string;
}

/** Shaped like the gateway's request ids, e.g. `CBC799F0-A57A-1D30-8A4F-882ED4DD1A2B`. */
export function newRequestId(): string {
    return randomUUID().toUpperCase();
}

export type AccessDeniedDetail = {
    PolicyType: string;
    AuthAction: string;
    AuthPrincipalType: string;
    AuthPrincipalDisplayName: string;
    NoPermissionType: string;
    EncodedDiagnosticMessage: string;
};

export interface GatewayError {
    status: number;
    code: string;
    message: string;
    headers?: Readonly<Record<string, string>>;
    accessDeniedDetail?: AccessDeniedDetail;
}

export function gatewayErrorReply(ctx: ReplyContext, error: GatewayError): Reply {
    const body: WireGatewayError = {
        RequestId: ctx.requestId,
        HostId: ctx.hostId,
        Code: error.code,
        Message: error.message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=ververica&requestId=${ctx.requestId}`,
    };
    if (error.accessDeniedDetail) {
        body.AccessDeniedDetail = error.accessDeniedDetail;
    }
    return jsonReply(error.status, body, error.headers);
}

/** The RAM refusal for an authenticated caller lacking `stream:<action>`. */
export function forbiddenError(ctx: ReplyContext, action: string): GatewayError {
    const authAction = `stream:${action}`;
    return {
        status: 403,
        code: "Forbidden.RAM",
        message: `User not authorized to operate on the specified resource, or this API doesn't support RAM. Action: ${authAction}`,
        accessDeniedDetail: {
            PolicyType: "AccountLevelIdentityBasedPolicy",
            AuthAction: authAction,
            AuthPrincipalType: "SubUser",
            AuthPrincipalDisplayName: "emulator-ram-user",
            NoPermissionType: "ImplicitDeny",
            EncodedDiagnosticMessage: Buffer.from(JSON.stringify({ requestId: ctx.requestId, authAction })).toString("base64"),
        },
    };
}

export function envelopeReply(status: number, envelope: WireEnvelope<unknown> | WireListEnvelope): Reply {
    return jsonReply(status, envelope);
}

/** A ververica business error: `httpCode` mirrors the HTTP status and `data` is null, as the service sends it. */
export function serviceErrorReply(ctx: ReplyContext, status: number, errorCode: string, errorMessage: string): Reply {
    return envelopeReply(status, {
        requestId: ctx.requestId,
        success: false,
        httpCode: status,
        errorCode,
        errorMessage,
        data: null,
    });
}

function jsonReply(status: number, body: object, headers: Readonly<Record<string, string>> = {}): Reply {
    return { status, headers, body: Buffer.from(JSON.stringify(body), "utf8") };
}
