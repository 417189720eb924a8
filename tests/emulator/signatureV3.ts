/**
 * The ACS3-HMAC-SHA256 (V3) signature, computed from the request as received on the wire.
 * Pure functions: which key to use and what to do with a mismatch is the gateway's business
 * (see authenticator.ts).
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

export interface ParsedAuthorization {
    accessKeyId: string;
    /** Header names as listed by the client, in its order. */
    signedHeaders: string[];
    /** Lowercase hex. */
    signature: string;
}

export type AuthorizationParse = { ok: true; value: ParsedAuthorization } | { ok: false; reason: string };

/** Parses `ACS3-HMAC-SHA256 Credential=<AK>,SignedHeaders=<a;b>,Signature=<hex>`. */
export function parseAuthorization(header: string): AuthorizationParse {
    const prefix = ACS3_ALGORITHM + " ";
    if (!header.startsWith(prefix)) {
        return { ok: false, reason: `Authorization must start with "${prefix}"` };
    }
    const fields = new Map<string, string>();
    for (const part of header.slice(prefix.length).split(",")) {
        const eq = part.indexOf("=");
        const name = eq < 0 ? "" : part.slice(0, eq).trim();
        if (name === "" || fields.has(name)) {
            return { ok: false, reason: "Authorization is not a list of distinct name=value fields" };
        }
        fields.set(name, part.slice(eq + 1).trim());
    }
    const accessKeyId = fields.get("Credential");
    const signedHeaders = fields.get("SignedHeaders");
    const signature = fields.get("Signature");
    if (fields.size !== 3 || !accessKeyId || !signedHeaders || signature === undefined) {
        return { ok: false, reason: "Authorization needs exactly Credential, SignedHeaders and Signature" };
    }
    if (!/^[0-9a-f]{64}$/.test(signature)) {
        return { ok: false, reason: "Signature must be 64 lowercase hex digits" };
    }
    return { ok: true, value: { accessKeyId, signedHeaders: signedHeaders.split(";"), signature } };
}

export function sha256Hex(data: string | Buffer): string {
    return createHash("sha256").update(data).digest("hex");
}

/** The raw path with the spec's three normalisations; every occurrence is replaced. */
export function canonicalUri(rawPath: string): string {
    return rawPath.replaceAll("+", "%20").replaceAll("*", "%2A").replaceAll("%7E", "~");
}

/**
 * Keys sorted, each as `key=encode(value)`. Keys stay decoded and unescaped, values are
 * re-encoded: that is what the client signs, whatever escaping it then put on the wire.
 */
export function canonicalQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
    return [...pairs]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, value]) => `${key}=${encodeQueryValue(value)}`)
        .join("&");
}

// Deliberately not the client's percentEncode: the emulator checks the client's signature, so it must not share the client's bugs.
function encodeQueryValue(value: string): string {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

export interface CanonicalHeaders {
    /** `name:value\n` for each signed header, sorted by name. */
    block: string;
    /** The names that must be signed, sorted. */
    names: string[];
}

/** host, content-type and every x-acs-* header; a repeated header's trimmed values are sorted and joined with ",". */
export function canonicalHeaders(pairs: ReadonlyArray<readonly [string, string]>): CanonicalHeaders {
    const values = new Map<string, string[]>();
    for (const [rawName, rawValue] of pairs) {
        const name = rawName.toLowerCase();
        if (name === "host" || name === "content-type" || name.startsWith("x-acs-")) {
            const list = values.get(name) ?? [];
            list.push(rawValue.trim());
            values.set(name, list);
        }
    }
    const names = [...values.keys()].sort();
    const block = names.map((name) => `${name}:${(values.get(name) ?? []).sort().join(",")}\n`).join("");
    return { block, names };
}

export interface CanonicalRequestParts {
    method: string;
    rawPath: string;
    queryPairs: ReadonlyArray<readonly [string, string]>;
    headers: CanonicalHeaders;
    hashedPayload: string;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
    return [
        parts.method,
        canonicalUri(parts.rawPath),
        canonicalQuery(parts.queryPairs),
        parts.headers.block,
        parts.headers.names.join(";"),
        parts.hashedPayload,
    ].join("\n");
}

export function stringToSign(canonical: string): string {
    return `${ACS3_ALGORITHM}\n${sha256Hex(canonical)}`;
}

export function sign(accessKeySecret: string, toSign: string): string {
    return createHmac("sha256", accessKeySecret).update(toSign).digest("hex");
}

/** Compares secrets and signatures without leaking, through timing, how much of them matched. */
export function constantTimeEqual(a: string, b: string): boolean {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
}
