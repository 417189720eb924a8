/**
 * Runs the Ververica emulator in a child process, as a remote API would be: the benchmark
 * process then holds only the clients being measured, so its own CPU time is theirs alone,
 * and on a machine with two cores or more client and server run side by side.
 */
import { ChildProcess, fork } from "child_process";
import type { WireDeploymentDraft } from "../provider/core/wireTypes";
import type { EmulatorStats, FaultKind } from "../tests/emulator";

type Command =
    | { readonly op: "setLatency"; readonly latencyMs: number }
    | { readonly op: "setFaultRate"; readonly kind: FaultKind; readonly probability: number }
    | { readonly op: "putDrafts"; readonly drafts: readonly WireDeploymentDraft[] }
    | { readonly op: "setListOmits"; readonly fields: ReadonlyArray<keyof WireDeploymentDraft> }
    | { readonly op: "stats" }
    | { readonly op: "resetStats" };

/** The emulator's counters, copied across processes. */
export type StatsSnapshot = Pick<EmulatorStats, "requests" | "byAction" | "byStatus" | "peakInFlight">;

/** The benchmark's handle on an emulator running in a child process. */
export interface EmulatorProcess {
    /** e.g. `http://127.0.0.1:PORT` */
    readonly url: string;
    setLatency(latencyMs: number): Promise<void>;
    /** Each request gets the fault `kind` with this probability (seeded, so runs repeat); 0 removes it. */
    setFaultRate(kind: FaultKind, probability: number): Promise<void>;
    putDrafts(drafts: readonly WireDeploymentDraft[]): Promise<void>;
    /** Fields ListDeploymentDrafts leaves out of each draft. */
    setListOmits(fields: ReadonlyArray<keyof WireDeploymentDraft>): Promise<void>;
    stats(): Promise<StatsSnapshot>;
    resetStats(): Promise<void>;
    close(): Promise<void>;
}

/** Starts the emulator in a child process and waits until it listens. */
export async function startEmulatorProcess(): Promise<EmulatorProcess> {
    const child = fork(__filename, [], { execArgv: ["-r", "ts-node/register/transpile-only"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
    let failure: Error | undefined;
    const failAll = (e: Error) => {
        failure = e;
        for (const p of pending.values()) p.reject(e);
        pending.clear();
    };
    child.on("error", failAll);
    child.on("exit", (code, signal) => failAll(new Error(`the emulator process exited (${signal ?? `code ${code}`})`)));

    const url = await new Promise<string>((resolve, reject) => {
        child.once("message", (m: { url: string }) => resolve(m.url));
        child.once("exit", () => reject(failure ?? new Error("the emulator process exited before it started")));
    });
    child.on("message", (m: { id: number; result: unknown }) => {
        pending.get(m.id)?.resolve(m.result);
        pending.delete(m.id);
    });

    let nextId = 0;
    const send = <T>(command: Command): Promise<T> =>
        new Promise<T>((resolve, reject) => {
            if (failure) {
                reject(failure);
                return;
            }
            const id = nextId++;
            pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
            child.send({ id, command });
        });

    return {
        url,
        setLatency: (latencyMs) => send({ op: "setLatency", latencyMs }),
        setFaultRate: (kind, probability) => send({ op: "setFaultRate", kind, probability }),
        putDrafts: (drafts) => send({ op: "putDrafts", drafts }),
        setListOmits: (fields) => send({ op: "setListOmits", fields }),
        stats: () => send<StatsSnapshot>({ op: "stats" }),
        resetStats: () => send({ op: "resetStats" }),
        close: () => stop(child),
    };
}

function stop(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
        }
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill();
    });
}

async function serveCommands(): Promise<void> {
    const { startEmulator } = await import("../tests/emulator");
    const emulator = await startEmulator({ drafts: [] });
    const reply = (message: unknown) => (process.send as NonNullable<typeof process.send>)(message);
    process.on("message", ({ id, command }: { id: number; command: Command }) => {
        let result: unknown;
        switch (command.op) {
            case "setLatency":
                emulator.faults.latencyMs = command.latencyMs;
                break;
            case "setFaultRate":
                emulator.faults.rate(command.kind, command.probability);
                break;
            case "putDrafts":
                for (const draft of command.drafts) emulator.store.put(draft);
                break;
            case "setListOmits":
                emulator.behaviour.listOmits = [...command.fields];
                break;
            case "stats": {
                const { requests, byAction, byStatus, peakInFlight } = emulator.stats;
                result = { requests, byAction: { ...byAction }, byStatus: { ...byStatus }, peakInFlight };
                break;
            }
            case "resetStats":
                emulator.stats.reset();
                break;
        }
        reply({ id, result });
    });
    // The benchmark going away, however it ends, ends the emulator too.
    process.on("disconnect", () => process.exit(0));
    reply({ url: emulator.url });
}

if (require.main === module) {
    void serveCommands();
}
