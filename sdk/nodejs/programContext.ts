import * as pulumi from "@pulumi/pulumi";
import type { LookupContext, LookupOptions } from "../../provider/core/draftLookup";
import { describeRetry, RetryNotice } from "../../provider/core/retryPolicy";

/**
 * The settings of a lookup made in the program process: the stack config as the engine
 * passed it (absent in a plain Node script) and the process environment.
 */
export function programLookupContext(options: LookupOptions): LookupContext {
    return {
        options,
        // The raw map, parsed once per lookup: `pulumi.Config#get` warns on secret keys such as
        // alicloud:secretKey, which are meant to be read here, and `runtime.getConfig` parses
        // the whole stack config again on every read.
        config: configReader(),
        env: process.env,
        onRetry: logRetry,
    };
}

function configReader(): (key: string) => string | undefined {
    let all: Record<string, string> | undefined;
    return (key) => (all ??= pulumi.runtime.allConfig())[key];
}

/** Reports a retry through the Pulumi log; the error message never holds a credential. */
export function logRetry(notice: RetryNotice, action: string): void {
    void pulumi.log.info(describeRetry(notice, action));
}

/** The lookup settings among invoke options: Pulumi's own invoke options mean nothing to a direct call. */
export function lookupOptionsOf(opts: LookupOptions | undefined): LookupOptions {
    if (!opts) return {};
    const { region, endpoint, network, maxAttempts, maxRetryTimeMs, retryBaseDelayMs, retryMaxDelayMs, retryThrottleDelayMs, connectTimeoutMs, readTimeoutMs, maxConcurrency, cache } =
        opts;
    const picked = { region, endpoint, network, maxAttempts, maxRetryTimeMs, retryBaseDelayMs, retryMaxDelayMs, retryThrottleDelayMs, connectTimeoutMs, readTimeoutMs, maxConcurrency, cache };
    return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined)) as LookupOptions;
}
