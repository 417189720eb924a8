/**
 * The V3 request signature (ACS3-HMAC-SHA256) of Alibaba Cloud's OpenAPI gateway, byte for
 * byte as `@alicloud/openapi-util`'s `getAuthorization` computes it (the tests compare the two
 * on every request shape this package sends), in a few lines of `crypto` instead of that
 * library's dependency tree.
 */
import { createHash, createHmac, randomBytes } from "crypto";

/** The algorithm named in the `Authorization` header. */
export const signatureAlgorithm = "ACS3-HMAC-SHA256";

/** What is signed of a request. */
export interface SignableRequest {
    readonly method: string;
    /** The encoded path, as sent. */
    readonly pathname: string;
    /** Query parameters, unencoded. */
    readonly query: { readonly [key: string]: string };
    readonly headers: { readonly [name: string]: string };
    /** Hex sha256 of the body. */
    readonly payloadHash: string;
}

/**
 * The `Authorization` header value: `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=...,Signature=<hex>`.
 */
export function acs3Authorization(request: SignableRequest, accessKeyId: string, accessKeySecret: string): string {
    const { canonicalHeaders, signedHeaders } = canonicalizeHeaders(request.headers);
    const canonicalRequest = [
        request.method,
        canonicalUri(request.pathname),
        canonicalQuery(request.query),
        canonicalHeaders,
        signedHeaders,
        request.payloadHash,
    ].join("\n");
    const stringToSign = `${signatureAlgorithm}\n${createHash("sha256").update(canonicalRequest, "utf8").digest("hex")}`;
    const signature = createHmac("sha256", accessKeySecret).update(stringToSign, "utf8").digest("hex");
    return `${signatureAlgorithm} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

/**
 * The package's one percent-encoding, as the signer's reference (`getEncodeParam`) does it:
 * RFC 3986 unreserved characters stay, all else is encoded. Used for query keys and values and
 * for path segments (see `pathEncoding.ts`).
 */
export function percentEncode(value: string): string {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `x-acs-date`: UTC time to the second, e.g. `2024-05-01T12:00:00Z`. */
export function signatureTimestamp(now: Date = new Date()): string {
    return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** `x-acs-signature-nonce`: 64 hex digits, as `@alicloud/openapi-core` makes it. */
export function signatureNonce(): string {
    return randomBytes(32).toString("hex");
}

// The reference replaces only the first occurrence of each; kept so, to sign identically.
function canonicalUri(pathname: string): string {
    return pathname.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
}

function canonicalQuery(query: { readonly [key: string]: string }): string {
    return Object.keys(query)
        .sort()
        .map((key) => `${key}=${percentEncode(query[key])}`)
        .join("&");
}

// Signed: every `x-acs-*` header, `host` and `content-type`, lower-cased, sorted, values
// trimmed (several values of one name sorted and joined with commas).
function canonicalizeHeaders(headers: { readonly [name: string]: string }): { canonicalHeaders: string; signedHeaders: string } {
    const values = new Map<string, string[]>();
    for (const [name, value] of Object.entries(headers)) {
        const lower = name.toLowerCase();
        if (lower.startsWith("x-acs-") || lower === "host" || lower === "content-type") {
            const list = values.get(lower) ?? [];
            list.push((value || "").trim());
            values.set(lower, list);
        }
    }
    const names = [...values.keys()].sort();
    const canonicalHeaders = names.map((name) => `${name}:${(values.get(name) ?? []).sort().join(",")}\n`).join("");
    return { canonicalHeaders, signedHeaders: names.join(";") };
}
