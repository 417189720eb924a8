/**
 * A request as the emulator received it: the raw wire form is kept, because the gateway's
 * signature check is defined over the bytes the client sent, not over a normalised URL.
 */
import type { IncomingHttpHeaders } from "node:http";

export interface ReceivedRequest {
    method: string;
    /** The request target up to "?", exactly as sent (still percent-encoded). */
    rawPath: string;
    /** The request target after "?", exactly as sent; "" when there is none. */
    rawQuery: string;
    /** Node's parsed headers (lowercased names; duplicates joined). */
    headers: IncomingHttpHeaders;
    /** Header name/value pairs in arrival order, duplicates kept. */
    headerPairs: ReadonlyArray<readonly [string, string]>;
    body: Buffer;
}

/** Splits a request target into its raw path and raw query. */
export function splitTarget(target: string): { rawPath: string; rawQuery: string } {
    const q = target.indexOf("?");
    return q < 0 ? { rawPath: target, rawQuery: "" } : { rawPath: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

/** Pairs `rawHeaders` (name, value, name, value, ...) as Node delivers them. */
export function pairHeaders(rawHeaders: readonly string[]): Array<readonly [string, string]> {
    const pairs: Array<readonly [string, string]> = [];
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
        pairs.push([rawHeaders[i], rawHeaders[i + 1]]);
    }
    return pairs;
}

/** A header as one string: Node already joins repeated headers, except set-cookie, which it lists. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
    const value = headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * Decodes a query string into ordered key/value pairs. A component whose percent-encoding is
 * malformed is kept verbatim: no conforming client produces one, so it simply fails the
 * signature or the parameter check instead of needing an error path of its own.
 */
export function parseQuery(rawQuery: string): Array<readonly [string, string]> {
    if (rawQuery === "") {
        return [];
    }
    return rawQuery.split("&").filter((part) => part !== "").map((part) => {
        const eq = part.indexOf("=");
        const key = eq < 0 ? part : part.slice(0, eq);
        const value = eq < 0 ? "" : part.slice(eq + 1);
        return [decodeOrKeep(key), decodeOrKeep(value)] as const;
    });
}

/** decodeURIComponent, or undefined when the input is not valid percent-encoding. */
export function tryDecode(component: string): string | undefined {
    try {
        return decodeURIComponent(component);
    } catch {
        return undefined;
    }
}

function decodeOrKeep(component: string): string {
    return tryDecode(component) ?? component;
}
