/**
 * The plugin as a process: the arguments the engine starts it with, the engine connection its
 * lines go to, and what becomes of an error nothing handled.
 */
import { EngineLog } from "./engineLog";
import { messageOf, ProviderServiceOptions } from "./providerService";
import { ProviderServer, startProviderServer } from "./server";

/**
 * The engine's address among the plugin's arguments: the first that is not a flag. The engine
 * may put `--logtostderr`, `-v=<n>` and `--tracing <endpoint>` before it; started by hand (to be
 * attached to) the plugin gets none.
 */
export function engineAddressOf(args: readonly string[]): string | undefined {
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === "--tracing") {
            i++;
        } else if (!arg.startsWith("-")) {
            return arg;
        }
    }
    return undefined;
}

/**
 * Logs an error nothing handled as one line on the stack (its message, never its stack trace),
 * and keeps the process serving: one failed callback must not end the calls of every other
 * resource.
 */
export function reportUnhandledErrors(log: EngineLog): void {
    const report = (e: unknown) => log.logOnStack("warning", `ververica: unhandled error in the provider plugin: ${messageOf(e)}`);
    process.on("uncaughtException", report);
    process.on("unhandledRejection", report);
}

/** Serves the provider, its lines going to the engine named in `args` (or, until one attaches, to stderr). */
export async function servePlugin(args: readonly string[], options: Omit<ProviderServiceOptions, "log">): Promise<ProviderServer> {
    const log = new EngineLog();
    const engineAddress = engineAddressOf(args);
    if (engineAddress !== undefined) log.connect(engineAddress);
    reportUnhandledErrors(log);
    return startProviderServer({ ...options, log });
}
