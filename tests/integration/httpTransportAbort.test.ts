/**
 * Aborting an exchange ends it at once and closes its connection: the service sees the client
 * go, and nothing waits for the read timeout.
 */
import * as assert from "assert";
import * as http from "http";
import type { AddressInfo } from "net";
import { HttpRequest, sendRequest, TransportError } from "../../provider/core/httpTransport";
import { until } from "../helpers/eventually";

describe("httpTransport: abort", () => {
    let server: http.Server;
    let received = 0;
    let connections = 0;
    let closedByClient = 0;

    beforeEach(async () => {
        received = 0;
        connections = 0;
        closedByClient = 0;
        // Never answers, like a service that hangs.
        server = http.createServer((req) => {
            received++;
            req.socket.on("close", () => closedByClient++);
        });
        server.on("connection", () => connections++);
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    });
    afterEach(async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    const request = (): HttpRequest => ({
        protocol: "HTTP",
        host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
        method: "GET",
        path: "/hang",
        headers: {},
        connectTimeoutMs: 60_000,
        readTimeoutMs: 60_000,
    });

    it("ends a request the service never answers with a cancelled TransportError, and closes its connection", async () => {
        const controller = new AbortController();
        const exchange = sendRequest(request(), controller.signal);
        await until(() => received === 1);
        controller.abort();
        await assert.rejects(exchange, (e: unknown) => e instanceof TransportError && e.kind === "cancelled");
        await until(() => closedByClient === 1);
    });

    it("does not even connect when the signal is already aborted", async () => {
        const controller = new AbortController();
        controller.abort();
        await assert.rejects(sendRequest(request(), controller.signal), (e: unknown) => e instanceof TransportError && e.kind === "cancelled");
        // A connection opened for the aborted request would have been accepted before this one's.
        const later = sendRequest(request());
        await until(() => received === 1);
        assert.strictEqual(connections, 1);
        server.closeAllConnections();
        await assert.rejects(later);
    });
});
