import * as http from "http";
import * as https from "https";
import type { RawResponse } from "./responseClassifier";

/** One signed HTTP request, ready to send. */
export interface HttpRequest {
    readonly protocol: "HTTP" | "HTTPS";
    /** `host` or `host:port`. */
    readonly host: string;
    readonly method: "GET";
    /** Path and query, already encoded. */
    readonly path: string;
    readonly headers: { readonly [name: string]: string };
    /** How long to wait for the TCP (and TLS) connection. */
    readonly connectTimeoutMs: number;
    /** How long to wait for the complete response once connected. */
    readonly readTimeoutMs: number;
}

/** Why an exchange produced no response. Carries no request data, so no secret can leak through it. */
export class TransportError extends Error {
    constructor(
        readonly kind: "connect-timeout" | "read-timeout" | "connection-reset" | "connection-failed" | "cancelled",
        message: string,
    ) {
        super(message);
        this.name = "TransportError";
    }
}

interface Transport {
    readonly request: typeof http.request;
    readonly agent: http.Agent;
}

// Keep-alive agents shared by the whole process: a handshake per lookup would dominate the
// cost of a GetDeploymentDraft call. `https` (and with it `tls`) is loaded only when used.
const transports: { HTTP?: Transport; HTTPS?: Transport } = {};

function transportFor(protocol: "HTTP" | "HTTPS"): Transport {
    let transport = transports[protocol];
    if (!transport) {
        const module = protocol === "HTTPS" ? https : http;
        transport = { request: module.request, agent: new module.Agent({ keepAlive: true }) };
        transports[protocol] = transport;
    }
    return transport;
}

/** Whether the exchange never reached the service: it could not connect at all. */
export function isUnreachable(error: TransportError): boolean {
    return error.kind === "connect-timeout" || error.kind === "connection-failed";
}

/**
 * Sends one request and reads the whole body as UTF-8. Aborting `signal` ends the exchange at
 * once (its socket is destroyed) with a `cancelled` TransportError.
 */
export function sendRequest(request: HttpRequest, signal?: AbortSignal): Promise<RawResponse> {
    if (signal?.aborted) {
        return Promise.reject(new TransportError("cancelled", "cancelled"));
    }
    const transport = transportFor(request.protocol);
    const [hostname, port] = splitHost(request.host, request.protocol);
    return new Promise<RawResponse>((resolve, reject) => {
        let settled = false;
        let connectTimer: NodeJS.Timeout | undefined;
        let readTimer: NodeJS.Timeout | undefined;
        const finish = (error: TransportError | undefined, response?: RawResponse) => {
            if (settled) return;
            settled = true;
            clearTimeout(connectTimer);
            clearTimeout(readTimer);
            signal?.removeEventListener("abort", onAbort);
            if (error) {
                req.destroy();
                reject(error);
            } else {
                resolve(response as RawResponse);
            }
        };
        // Neither timer may start once the exchange is over: it would hold the process open.
        const startReadTimer = () => {
            if (settled) return;
            clearTimeout(connectTimer);
            readTimer ??= setTimeout(
                () => finish(new TransportError("read-timeout", `no complete response within ${request.readTimeoutMs} ms`)),
                request.readTimeoutMs,
            );
        };

        const req = transport.request({
            protocol: request.protocol === "HTTPS" ? "https:" : "http:",
            hostname,
            port,
            method: request.method,
            path: request.path,
            headers: request.headers,
            agent: transport.agent,
        });
        req.on("socket", (socket) => {
            // A pooled socket is already connected: only the read timeout applies. A new one
            // gets the connect timeout (name lookup included) until it reports it is connected.
            if (settled) return;
            if (!socket.connecting) {
                startReadTimer();
                return;
            }
            connectTimer = setTimeout(
                () => finish(new TransportError("connect-timeout", `could not connect to ${request.host} within ${request.connectTimeoutMs} ms`)),
                request.connectTimeoutMs,
            );
            socket.once(request.protocol === "HTTPS" ? "secureConnect" : "connect", startReadTimer);
        });
        req.on("response", (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("aborted", () => finish(new TransportError("connection-reset", "the connection closed before the response was complete")));
            res.on("error", (e) => finish(toTransportError(e)));
            res.on("end", () => {
                if (!res.complete) {
                    finish(new TransportError("connection-reset", "the connection closed before the response was complete"));
                    return;
                }
                finish(undefined, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
            });
        });
        req.on("error", (e) => finish(toTransportError(e)));
        const onAbort = () => finish(new TransportError("cancelled", "cancelled"));
        signal?.addEventListener("abort", onAbort, { once: true });
        req.end();
    });
}

function toTransportError(error: Error & { code?: string }): TransportError {
    switch (error.code) {
        case "ECONNRESET":
        case "EPIPE":
        case "ECONNABORTED":
            return new TransportError("connection-reset", `connection reset (${error.code})`);
        case "ETIMEDOUT":
            return new TransportError("connect-timeout", `connection timed out (${error.code})`);
        default:
            return new TransportError("connection-failed", error.code ? `connection failed (${error.code})` : `connection failed: ${error.message}`);
    }
}

// A process talks to one or two endpoints: each is split once.
const splitHosts = new Map<string, readonly [string, number]>();

function splitHost(host: string, protocol: "HTTP" | "HTTPS"): readonly [string, number] {
    const key = `${protocol} ${host}`;
    let split = splitHosts.get(key);
    if (!split) {
        const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(host);
        const hostname = m ? m[1] : host;
        const port = m && m[2] ? Number(m[2]) : protocol === "HTTPS" ? 443 : 80;
        split = [hostname, port];
        splitHosts.set(key, split);
    }
    return split;
}
