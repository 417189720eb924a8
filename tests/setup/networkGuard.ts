/**
 * Fails any attempt of the test process to reach a non-loopback address: a TCP/TLS connect or
 * a DNS lookup. The attempt itself errors, and the violation is remembered so the current test
 * fails even when the code under test swallowed the error (as Alibaba's credentials chain does).
 */
// The module objects themselves: an `import * as` namespace has read-only getters.
import type { Socket } from "net";
import dns = require("dns");
import net = require("net");

const violations: string[] = [];

/** Whether an address or host name stays on this machine. */
export function isLoopback(host: string | undefined): boolean {
    if (host === undefined || host === "" || host === "localhost") return true;
    const h = host.replace(/^\[|\]$/g, "").toLowerCase();
    if (h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
    const v4 = h.startsWith("::ffff:") ? h.slice(7) : h;
    return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function refuse(what: string): Error {
    const message = `network guard: ${what} is not a loopback address; tests may only talk to 127.0.0.0/8 or ::1`;
    violations.push(message);
    return Object.assign(new Error(message), { code: "ENETUNREACH" });
}

/** Takes (and clears) the violations recorded since the last call. */
export function takeViolations(): string[] {
    return violations.splice(0, violations.length);
}

type Connect = typeof net.Socket.prototype.connect;

/**
 * Wraps `Socket#connect`: a connect to a non-loopback host fails on the next tick and never
 * reaches `original`. Exported so the guard itself can be tested without sending anything.
 */
export function guardConnect(original: Connect): Connect {
    return function guardedConnect(this: Socket, ...args: unknown[]) {
        // net.createConnection passes its normalised [options, callback] pair as one array.
        const first: unknown = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
        let host: string | undefined;
        let pipe = false;
        if (first !== null && typeof first === "object") {
            const o = first as { host?: string; path?: string | null };
            host = o.host;
            // As in Node: a truthy `path` means an IPC socket (http passes `path: null`).
            pipe = Boolean(o.path);
        } else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
            host = typeof args[1] === "string" ? args[1] : undefined;
        } else if (typeof first === "string") {
            pipe = true;
        }
        if (!pipe && !isLoopback(host)) {
            const error = refuse(`connect to ${host}`);
            process.nextTick(() => this.destroy(error));
            return this;
        }
        return (original as (...a: unknown[]) => Socket).apply(this, args);
    };
}

let installed = false;

/** Patches `net` and `dns`; idempotent. */
export function installNetworkGuard(): void {
    if (installed) return;
    installed = true;

    // eslint-disable-next-line @typescript-eslint/unbound-method -- guardConnect applies it with the socket as `this`
    net.Socket.prototype.connect = guardConnect(net.Socket.prototype.connect);

    const originalLookup = dns.lookup;
    const guardedLookup = function (hostname: string, ...rest: unknown[]) {
        if (!isLoopback(hostname)) {
            const callback = rest[rest.length - 1];
            const error = refuse(`DNS lookup of ${hostname}`);
            if (typeof callback === "function") {
                process.nextTick(() => (callback as (e: Error) => void)(error));
                return {};
            }
            throw error;
        }
        return (originalLookup as (...a: unknown[]) => unknown).call(dns, hostname, ...rest);
    };
    (dns as { lookup: unknown }).lookup = guardedLookup;

    const originalPromiseLookup = dns.promises.lookup;
    (dns.promises as { lookup: unknown }).lookup = async (hostname: string, ...rest: unknown[]) => {
        if (!isLoopback(hostname)) {
            throw refuse(`DNS lookup of ${hostname}`);
        }
        return (originalPromiseLookup as (...a: unknown[]) => Promise<unknown>).call(dns.promises, hostname, ...rest);
    };

    for (const name of ["resolve", "resolve4", "resolve6", "resolveAny", "resolveCname", "resolveTxt"] as const) {
        const original = dns[name] as (...a: unknown[]) => unknown;
        (dns as unknown as Record<string, unknown>)[name] = (hostname: string, ...rest: unknown[]) => {
            const callback = rest[rest.length - 1];
            const error = refuse(`DNS ${name} of ${hostname}`);
            if (typeof callback === "function") {
                process.nextTick(() => (callback as (e: Error) => void)(error));
                return undefined;
            }
            return original.call(dns, hostname, ...rest);
        };
    }
}
