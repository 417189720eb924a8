/**
 * The emulator's HTTP server: a request passes the gateway (authentication, injected faults,
 * routing, RAM) and then reaches the ververica service (handlers.ts), as on the real API.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { BlockList, isIP, type AddressInfo, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { WireDeploymentDraft } from "../../provider/core/wireTypes";
import { Authenticator } from "./authenticator";
import { DEFAULT_TEST_CREDENTIAL, type EmulatorCredential } from "./credentials";
import { DraftStore } from "./draftStore";
import { faultOutcome, type Outcome } from "./faultOutcomes";
import { FaultController, type Fault, type FaultInjector } from "./faults";
import { loadFixtureDrafts } from "./fixtures";
import { handle, type ListingBehaviour } from "./handlers";
import { pairHeaders, splitTarget, type ReceivedRequest } from "./request";
import { forbiddenError, gatewayErrorReply, newRequestId, type Reply, type ReplyContext } from "./responses";
import { matchRoute, UNROUTED, type Route } from "./routes";
import type { ServiceBehaviour } from "./serviceBehaviour";
import { StatsRecorder, type EmulatorStats } from "./stats";

export interface EmulatorOptions {
    /** A loopback address or "localhost"; default 127.0.0.1. Anything else is refused. */
    host?: string;
    /** Default 0: an ephemeral port. */
    port?: number;
    /** Default [DEFAULT_TEST_CREDENTIAL]. */
    credentials?: EmulatorCredential[];
    /** Default: loadFixtureDrafts(). */
    drafts?: WireDeploymentDraft[];
    /** How far x-acs-date may be from the server clock; default 900. */
    maxClockSkewSeconds?: number;
    /** Fields ListDeploymentDrafts leaves out of each draft; default none. */
    listOmits?: ServiceBehaviour["listOmits"];
    /** Namespaces on which every call answers 403 Forbidden.RAM; default none. */
    deniedNamespaces?: string[];
    /** How ListDeploymentDrafts pages; default: data and totalSize always, the page size asked. */
    listing?: Partial<ListingBehaviour>;
}

export interface Emulator {
    /** e.g. "http://127.0.0.1:PORT" */
    readonly url: string;
    /** e.g. "127.0.0.1:PORT", the form openapi-client takes as `endpoint` */
    readonly endpoint: string;
    readonly port: number;
    readonly store: DraftStore;
    readonly faults: FaultInjector;
    /** Changeable while the emulator runs; applies to the next list request. */
    readonly listing: ListingBehaviour;
    readonly stats: EmulatorStats;
    /** How the service differs from the plain store; change it at any time. */
    readonly behaviour: ServiceBehaviour;
    /** Stops listening and destroys open connections, including ones held by a "timeout" fault. */
    close(): Promise<void>;
}

const JSON_CONTENT_TYPE = "application/json;charset=utf-8";
/** The API takes no request bodies; this only bounds memory against a runaway client. */
const MAX_BODY_BYTES = 1024 * 1024;

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");
LOOPBACK.addSubnet("::ffff:127.0.0.0", 104, "ipv6");

/**
 * Starts an emulator on loopback.
 * @throws Error when `host` is not a loopback address, or listening fails
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
    const host = options.host ?? "127.0.0.1";
    if (host !== "localhost" && !isLoopbackAddress(host)) {
        throw new Error(`refusing to listen on "${host}": the Ververica emulator only listens on loopback (127.0.0.0/8, ::1 or localhost)`);
    }
    const port = options.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new RangeError(`port must be an integer from 0 to 65535, got ${port}`);
    }
    const maxClockSkewSeconds = options.maxClockSkewSeconds ?? 900;
    if (!Number.isFinite(maxClockSkewSeconds) || maxClockSkewSeconds <= 0) {
        throw new RangeError(`maxClockSkewSeconds must be a positive number, got ${maxClockSkewSeconds}`);
    }

    const store = new DraftStore(options.drafts ?? loadFixtureDrafts());
    const faults = new FaultController();
    const listing: ListingBehaviour = { omitEmptyData: false, omitTotalSize: false, ...options.listing };
    const stats = new StatsRecorder();
    const behaviour: ServiceBehaviour = { listOmits: [...(options.listOmits ?? [])], deniedNamespaces: [...(options.deniedNamespaces ?? [])] };
    const authenticator = new Authenticator(options.credentials ?? [DEFAULT_TEST_CREDENTIAL], maxClockSkewSeconds);
    // Aborted on close, so that responses waiting out their latency do not keep the process alive.
    const lifetime = new AbortController();
    const sockets = new Set<Socket>();
    let hostId = "";

    const server = createServer((req, res) => {
        serve(req, res).catch((error: unknown) => {
            // An emulator bug must be loud, not look like an injected "reset" or "timeout".
            console.error("ververica emulator: internal error", error);
            if (!res.headersSent) {
                res.writeHead(500, { "content-type": "text/plain" });
            }
            res.end("emulator internal error\n");
        });
    });
    server.on("connection", (socket: Socket) => {
        sockets.add(socket);
        socket.once("close", () => sockets.delete(socket));
    });

    async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const method = req.method ?? "";
        const { rawPath, rawQuery } = splitTarget(req.url ?? "");
        const route = matchRoute(method, rawPath);
        const action = route?.action ?? UNROUTED;
        stats.arrived(action);
        res.once("close", () => stats.departed());

        const body = await readBody(req);
        if (body === undefined) {
            return; // the client went away mid-request
        }
        const ctx: ReplyContext = { requestId: newRequestId(), hostId };
        const received: ReceivedRequest = { method, rawPath, rawQuery, headers: req.headers, headerPairs: pairHeaders(req.rawHeaders), body: body.data };
        let fault: Fault | undefined;
        let outcome: Outcome;
        if (body.tooLarge) {
            outcome = { kind: "reply", reply: gatewayErrorReply(ctx, { status: 413, code: "RequestTooLarge", message: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` }) };
        } else {
            const auth = authenticator.authenticate(received);
            if (auth.ok) {
                fault = faults.take();
                const serviceReply = (): Reply => respond(ctx, route, auth.credential, received);
                outcome = fault ? faultOutcome(fault, ctx, action, serviceReply) : { kind: "reply", reply: serviceReply() };
            } else {
                outcome = { kind: "reply", reply: gatewayErrorReply(ctx, auth.error) };
            }
        }
        if (fault) {
            stats.faultServed(fault.kind);
        }

        if (faults.latencyMs > 0) {
            try {
                await sleep(faults.latencyMs, undefined, { signal: lifetime.signal });
            } catch {
                return; // the emulator is closing and destroys the connection
            }
        }
        let status = 0;
        if (outcome.kind === "reply" && !res.destroyed) {
            status = outcome.reply.status;
            res.writeHead(status, {
                ...outcome.reply.headers,
                "content-type": JSON_CONTENT_TYPE,
                "content-length": outcome.reply.body.length,
                "x-acs-request-id": ctx.requestId,
            });
            res.end(outcome.reply.body);
        } else if (outcome.kind === "reset") {
            req.socket.destroy();
        }
        // A "hang" outcome leaves the request open until the client gives up or the emulator closes.
        stats.answered({ method, rawPath, rawQuery, headers: { ...req.headers }, status, action, fault: fault?.kind });
    }

    function respond(ctx: ReplyContext, route: Route | undefined, credential: EmulatorCredential, request: ReceivedRequest): Reply {
        if (!route) {
            return gatewayErrorReply(ctx, { status: 404, code: "InvalidAction.NotFound", message: "Specified api is not found, please check your url and method." });
        }
        if (credential.denied || behaviour.deniedNamespaces.includes(route.namespace)) {
            return gatewayErrorReply(ctx, forbiddenError(ctx, route.action));
        }
        return handle(ctx, store, listing, route, request, behaviour);
    }

    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
            server.off("error", reject);
            resolve();
        });
    });
    const address = server.address() as AddressInfo;
    const boundHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
        closing ??= new Promise<void>((resolve) => {
            lifetime.abort();
            server.close(() => resolve());
            for (const socket of sockets) {
                socket.destroy();
            }
        });
        return closing;
    };
    // "localhost" is resolved by the system; make sure it did resolve to loopback.
    if (!isLoopbackAddress(address.address)) {
        await close();
        throw new Error(`"${host}" resolved to ${address.address}, which is not loopback; the emulator was stopped`);
    }
    hostId = `${boundHost}:${address.port}`;

    return {
        url: `http://${hostId}`,
        endpoint: hostId,
        port: address.port,
        store,
        faults,
        listing,
        stats,
        behaviour,
        close,
    };
}

function isLoopbackAddress(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && LOOPBACK.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** The body, flagged when it exceeded MAX_BODY_BYTES (then only the start is kept); undefined if the client aborted. */
function readBody(req: IncomingMessage): Promise<{ data: Buffer; tooLarge: boolean } | undefined> {
    return new Promise((resolve) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_BODY_BYTES) {
                chunks.push(chunk);
            }
        });
        req.once("end", () => resolve({ data: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES }));
        // After a normal "end", these settle nothing: a promise resolves only once.
        req.once("error", () => resolve(undefined));
        req.once("close", () => resolve(undefined));
    });
}
