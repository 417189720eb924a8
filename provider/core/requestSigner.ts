import { arch, platform } from "os";
import { acs3Authorization, percentEncode, signatureNonce, signatureTimestamp } from "./acs3Signature";
import type { ResolvedEndpoint } from "./connectionSettings";
import type { CallerCredential } from "./credentialSource";
import type { HttpRequest } from "./httpTransport";
import { packageManifest } from "./packageManifest";

/** The product version every call is made against. */
export const apiVersion = "2022-07-18";
// sha256 of the empty body: every call here is a GET.
const emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const packageVersion = packageManifest.version;

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

// Constant for the process, as `@alicloud/tea-util`'s `getUserAgent` builds it.
const userAgent = `AlibabaCloud (${platform()}; ${arch()}) Node.js/${process.version} Core/1.0.1 TeaDSL/1 pulumi-ververica/${packageVersion}`;

/**
 * Builds the request exactly as `@alicloud/openapi-client`'s `callApi` does for a ROA GET
 * (same headers, same values) and signs it as its V3 signer, `@alicloud/openapi-util`'s
 * `getAuthorization`, does (see `acs3Signature.ts`).
 */
export function signRequest(call: ApiCall, endpoint: ResolvedEndpoint, credential: CallerCredential, timeouts: TimeoutSettings): HttpRequest {
    const query = call.query ?? {};
    const headers: { [name: string]: string } = {
        host: endpoint.host,
        "x-acs-version": apiVersion,
        "x-acs-action": call.action,
        "user-agent": userAgent,
        "x-acs-date": signatureTimestamp(),
        "x-acs-signature-nonce": signatureNonce(),
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
    headers.Authorization = acs3Authorization({ method: "GET", pathname: call.pathname, query, headers, payloadHash: emptyPayloadHash }, credential.accessKeyId, credential.accessKeySecret);
    const search = Object.keys(query)
        .map((k) => `${percentEncode(k)}=${percentEncode(query[k])}`)
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
