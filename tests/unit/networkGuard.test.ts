import * as assert from "assert";
import dns = require("dns");
import type { Socket } from "net";
import { guardConnect, isLoopback, takeViolations } from "../setup/networkGuard";

// The guard is exercised with a recording stand-in for the real connect, so these tests
// send nothing even if the guard were broken.
function fakeSocket() {
    const destroyed: Error[] = [];
    return { socket: { destroy: (e: Error) => destroyed.push(e) } as unknown as Socket, destroyed };
}

describe("network guard", () => {
    afterEach(() => takeViolations());

    it("knows loopback addresses from the rest", () => {
        for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "::ffff:127.0.0.1", undefined]) {
            assert.strictEqual(isLoopback(host), true, String(host));
        }
        for (const host of ["100.100.100.200", "10.0.0.1", "192.168.1.1", "ververica.cn-hangzhou.aliyuncs.com", "128.0.0.1", "::2"]) {
            assert.strictEqual(isLoopback(host), false, host);
        }
    });

    it("refuses a connect to the ECS metadata address and records it", async () => {
        const calls: unknown[][] = [];
        const guarded = guardConnect(function (this: Socket, ...args: unknown[]) {
            calls.push(args);
            return this;
        });
        const { socket, destroyed } = fakeSocket();
        (guarded as (...a: unknown[]) => Socket).call(socket, [{ host: "100.100.100.200", port: 80, path: null }, () => undefined]);
        await new Promise((r) => process.nextTick(r));
        assert.strictEqual(calls.length, 0);
        assert.match(destroyed[0].message, /100\.100\.100\.200 is not a loopback address/);
        assert.deepStrictEqual(takeViolations().length, 1);
    });

    it("lets loopback and IPC connects through", () => {
        const calls: unknown[][] = [];
        const guarded = guardConnect(function (this: Socket, ...args: unknown[]) {
            calls.push(args);
            return this;
        });
        const { socket } = fakeSocket();
        (guarded as (...a: unknown[]) => Socket).call(socket, { host: "127.0.0.1", port: 8080 });
        (guarded as (...a: unknown[]) => Socket).call(socket, 8080);
        (guarded as (...a: unknown[]) => Socket).call(socket, "/tmp/some.sock");
        assert.strictEqual(calls.length, 3);
        assert.deepStrictEqual(takeViolations(), []);
    });

    it("fails DNS lookups of public names", (done) => {
        dns.lookup("ververica.cn-hangzhou.aliyuncs.com", (err: Error | null) => {
            assert.match(String(err?.message), /DNS lookup of ververica\.cn-hangzhou\.aliyuncs\.com/);
            assert.strictEqual(takeViolations().length, 1);
            done();
        });
    });
});
