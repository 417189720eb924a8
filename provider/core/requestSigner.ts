import type { ResolvedEndpoint } from "./connectionSettings";
import type { CallerCredential } from "./credentialSource";
import type { HttpRequest } from "./httpTransport";

/** The product version every call is made against. */
export const apiVersion = "2022-07-18";
const signatureAlgorithm = "ACS3-HMAC-SHA256";
// sha256 of the empty body: every call here is a GET.
const emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
// By package name, so the same line works from the sources and from the built `dist/`.
const packageVersion: string = (require("pulumi-ververica/package.json") as { version: string }).version;

/** One ROA call of the ververica API. */
export interface ApiCall {
    readonly action: string;
    /** The encoded path, see `pathEncoding.ts`. */
    readonly pathname: string;
    readonly query?: { readonly [key: string]: string };
    /** Sent as the `workspace` header; not signed, as the API defines. */
    readonly workspace: string;
}

/** Timeouts applied to every exchange. */
export interface TimeoutSettings {
    readonly connectTimeoutMs: number;
    readonly readTimeoutMs: number;
}

type OpenApiUtil = typeof import("@alicloud/openapi-util").default;
type TeaUtil = typeof import("@alicloud/tea-util").default;
let signers: { openApiUtil: OpenApiUtil; teaUtil: TeaUtil; userAgent: string } | undefined;

// Loaded on the first call, not on import: they pull in a dozen modules that a program which
// only declares resources never needs.
function loadSigners() {
    if (!signers) {
        const teaUtil = (require("@alicloud/tea-util") as { default: TeaUtil }).default;
        signers = {
            openApiUtil: (require("@alicloud/openapi-util") as { default: OpenApiUtil }).default,
            teaUtil,
            // Constant for the process: built once rather than per request.
            userAgent: teaUtil.getUserAgent(`pulumi-ververica/${packageVersion}`),
        };
    }
    return signers;
}

/**
 * Builds the request exactly as `@alicloud/openapi-client`'s `callApi` does for a ROA GET
 * (same headers, same values) and signs it with the same V3 signer it uses,
 * `@alicloud/openapi-util`'s `getAuthorization`.
 */
export function signRequest(call: ApiCall, endpoint: ResolvedEndpoint, credential: CallerCredential, timeouts: TimeoutSettings): HttpRequest {
    const { openApiUtil, teaUtil, userAgent } = loadSigners();
    const query = call.query ?? {};
    const headers: { [name: string]: string } = {
        host: endpoint.host,
        "x-acs-version": apiVersion,
        "x-acs-action": call.action,
        "user-agent": userAgent,
        "x-acs-date": openApiUtil.getTimestamp(),
        "x-acs-signature-nonce": teaUtil.getNonce(),
        accept: "application/json",
        workspace: call.workspace,
        "x-acs-content-sha256": emptyPayloadHash,
    };
    if (credential.providerName) {
        headers["x-acs-credentials-provider"] = credential.providerName;
    }
    if (credential.securityToken) {
        headers["x-acs-accesskey-id"] = credential.accessKeyId;
        headers["x-acs-security-token"] = credential.securityToken;
    }
    headers.Authorization = openApiUtil.getAuthorization(
        { pathname: call.pathname, method: "GET", query, headers } as unknown as Parameters<OpenApiUtil["getAuthorization"]>[0],
        signatureAlgorithm,
        emptyPayloadHash,
        credential.accessKeyId,
        credential.accessKeySecret,
    );
    const search = Object.keys(query)
        .map((k) => `${openApiUtil.getEncodeParam(k)}=${openApiUtil.getEncodeParam(query[k])}`)
        .join("&");
    return {
        protocol: endpoint.protocol,
        host: endpoint.host,
        method: "GET",
        path: search ? `${call.pathname}?${search}` : call.pathname,
        headers,
        connectTimeoutMs: timeouts.connectTimeoutMs,
        readTimeoutMs: timeouts.readTimeoutMs,
    };
}
