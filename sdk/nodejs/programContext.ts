import * as pulumi from "@pulumi/pulumi";
import { programSettingNames } from "../../provider/core/connectionSettings";
import type { LookupContext, LookupOptions } from "../../provider/core/draftLookup";
import { describeRetry, RetryNotice } from "../../provider/core/retryPolicy";

/**
 * The settings of a lookup made in the program process: the stack config as the engine
 * passed it (absent in a plain Node script) and the process environment. Retry notices go
 * to `logger` when given, otherwise see {@link logRetry}.
 */
export function programLookupContext(options: LookupOptions, logger?: (message: string) => void): LookupContext {
    return {
        options,
        // The raw map, parsed once per lookup: `pulumi.Config#get` warns on secret keys such as
        // ververica:secretKey, which are meant to be read here, and `runtime.getConfig` parses
        // the whole stack config again on every read.
        config: configReader(),
        env: process.env,
        settingNames: programSettingNames,
        onRetry: logger === undefined ? logRetry : (notice, action) => logger(describeRetry(notice, action)),
    };
}

function configReader(): (key: string) => string | undefined {
    let all: Record<string, string> | undefined;
    return (key) => (all ??= pulumi.runtime.allConfig())[key];
}

/**
 * Reports a retry through the Pulumi log inside a Pulumi program, and on stderr in a plain
 * Node script, where Pulumi's log would write to stdout, among the script's own output. The
 * message never holds a credential.
 */
export function logRetry(notice: RetryNotice, action: string): void {
    const message = describeRetry(notice, action);
    if (pulumi.runtime.hasEngine()) {
        void pulumi.log.info(message);
    } else {
        process.stderr.write(`${message}\n`);
    }
}

/** The lookup settings among invoke options: Pulumi's own invoke options mean nothing to a direct call. */
export function lookupOptionsOf(opts: { readonly [K in keyof LookupOptions]?: LookupOptions[K] | undefined } | undefined): LookupOptions {
    if (!opts) return {};
    const { region, endpoint, network, maxAttempts, maxRetryTimeMs, throttleRetryTimeMs, retryBaseDelayMs, retryMaxDelayMs, retryThrottleDelayMs, connectTimeoutMs, readTimeoutMs, maxConcurrency, cache } =
        opts;
    const picked = { region, endpoint, network, maxAttempts, maxRetryTimeMs, throttleRetryTimeMs, retryBaseDelayMs, retryMaxDelayMs, retryThrottleDelayMs, connectTimeoutMs, readTimeoutMs, maxConcurrency, cache };
    return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined));
}
