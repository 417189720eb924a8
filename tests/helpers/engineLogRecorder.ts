// A stand-in for the engine's log service (`pulumirpc.Engine/Log`) on loopback: it records every
// line a plugin sends, as the engine would receive it.

import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";

/** One line the engine received. */
export interface RecordedLog {
    readonly severity: "debug" | "info" | "warning" | "error";
    readonly message: string;
    readonly urn: string;
    readonly ephemeral: boolean;
}

/** A running stand-in of the engine's log service. */
export interface EngineLogRecorder {
    /** `127.0.0.1:<port>`, the form the engine gives plugins. */
    readonly address: string;
    /** Every line received so far, in order. */
    readonly logs: readonly RecordedLog[];
    /** Resolves once `count` lines have been received. */
    waitFor(count: number): Promise<readonly RecordedLog[]>;
    close(): Promise<void>;
}

const severityNames: Readonly<Record<LogSeverity, RecordedLog["severity"]>> = {
    [LogSeverity.DEBUG]: "debug",
    [LogSeverity.INFO]: "info",
    [LogSeverity.WARNING]: "warning",
    [LogSeverity.ERROR]: "error",
};

/** Serves `pulumirpc.Engine/Log` on a free loopback port; the other Engine RPCs are unimplemented. */
export async function startEngineLogRecorder(): Promise<EngineLogRecorder> {
    const logs: RecordedLog[] = [];
    const waiters: Array<{ count: number; resolve: (logs: readonly RecordedLog[]) => void }> = [];
    const server = new grpc.Server();
    server.addService(EngineService, {
        log: (call: grpc.ServerUnaryCall<LogRequest, Empty>, callback: grpc.sendUnaryData<Empty>) => {
            const request = call.request;
            logs.push({ severity: severityNames[request.getSeverity()], message: request.getMessage(), urn: request.getUrn(), ephemeral: request.getEphemeral() });
            for (const waiter of waiters.filter((w) => logs.length >= w.count)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve([...logs]);
            }
            callback(null, new Empty());
        },
    });
    const port = await new Promise<number>((resolve, reject) => {
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound)));
    });
    return {
        address: `127.0.0.1:${port}`,
        logs,
        waitFor: (count) => (logs.length >= count ? Promise.resolve([...logs]) : new Promise((resolve) => waiters.push({ count, resolve }))),
        close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
    };
}
