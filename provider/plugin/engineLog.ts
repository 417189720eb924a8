/**
 * The plugin's voice in `pulumi` output: the engine's log service (`pulumirpc.Engine/Log`). The
 * engine shows a native plugin's stderr only at debug level, so what the person running Pulumi
 * must see (retry notices, warnings) is sent to the engine, attached to the resource the call
 * concerns or, for invokes and process-wide events, to the stack. Until the plugin knows the
 * engine's address (the service run directly, as tests do) the lines go to stderr.
 */
import { AsyncLocalStorage } from "async_hooks";
import * as grpc from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import { describeRetry, RetryNotice } from "../core/retryPolicy";

/** How a line is shown: `info` plain, `warning` marked as one. */
export type EngineLogLevel = "info" | "warning";

const severities: Readonly<Record<EngineLogLevel, LogSeverity>> = { info: LogSeverity.INFO, warning: LogSeverity.WARNING };

/** The plugin's connection to the engine's log service, replaced when the engine attaches anew. */
export class EngineLog {
    private client: EngineClient | undefined;
    private address: string | undefined;
    // The URN of the resource the current call concerns ("" for the stack), carried through the
    // call's async work so that a retry deep inside a lookup lands on that resource.
    private readonly subject = new AsyncLocalStorage<string>();

    /**
     * Sends to the engine at `address` (`host:port`) from now on, closing any earlier connection.
     * Throws, keeping the earlier connection, when `address` is no gRPC target.
     */
    connect(address: string): void {
        const client = new EngineClient(address, grpc.credentials.createInsecure());
        this.client?.close();
        this.client = client;
        this.address = address;
    }

    /** The address lines go to; undefined while they go to stderr. */
    get engineAddress(): string | undefined {
        return this.address;
    }

    /** Runs `work` (a whole call, awaited work included) with its lines attached to `urn`; "" is the stack. */
    concerning<T>(urn: string, work: () => T): T {
        return this.subject.run(urn, work);
    }

    /**
     * Logs one line, on what the current call concerns. Never throws and never waits: a log that
     * cannot be delivered is dropped, and the call goes on.
     */
    log(level: EngineLogLevel, message: string): void {
        this.send(level, message, this.subject.getStore() ?? "");
    }

    /** Logs one line on the stack, whatever call is running (process-wide events). */
    logOnStack(level: EngineLogLevel, message: string): void {
        this.send(level, message, "");
    }

    /** Reports a retry of a lookup (see `describeRetry`: no credential, no SQL), as a lookup's `onRetry`. */
    readonly reportRetry = (notice: RetryNotice, action: string): void => {
        this.log("info", describeRetry(notice, action));
    };

    private send(level: EngineLogLevel, message: string, urn: string): void {
        const client = this.client;
        if (client === undefined) {
            process.stderr.write(`${level === "warning" ? "warning: " : ""}${message}\n`);
            return;
        }
        const request = new LogRequest().setSeverity(severities[level]).setMessage(message).setUrn(urn).setEphemeral(false);
        try {
            client.log(request, () => undefined);
        } catch {
            // A closed or broken channel: the line is lost, the call it concerns is not.
        }
    }
}
