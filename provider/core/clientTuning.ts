import type { ConfigReader } from "./connectionSettings";
import { ConfigurationError } from "./errors";
import { settingText } from "./settingText";
import { defaultRetryOptions, RetryOptions } from "./retryPolicy";
import type { TimeoutSettings } from "./requestSigner";

/** Knobs for many lookups over slow or failing networks. All optional. */
export interface TuningOptions {
    /** Attempts per call that fail with a fault other than throttling, the first included (default 5). */
    readonly maxAttempts?: number;
    /** Time budget for retrying one call after faults other than throttling, in ms (default 30000). */
    readonly maxRetryTimeMs?: number;
    /**
     * Time budget for retrying one throttled call, in ms, however many attempts it takes
     * (default 300000: five minutes of throttling are ridden out).
     */
    readonly throttleRetryTimeMs?: number;
    /** TCP/TLS connect timeout in ms (default 10000). */
    readonly connectTimeoutMs?: number;
    /** Time allowed for the complete response once connected, in ms (default 60000). */
    readonly readTimeoutMs?: number;
    /** Process-wide bound on concurrent API calls (default 8). */
    readonly maxConcurrency?: number;
    /** Upper bound of the first retry's randomized wait, in ms; it doubles per retry (default 200). */
    readonly retryBaseDelayMs?: number;
    /** The longest single wait between attempts, in ms, `x-acs-retry-after` included (default 10000). */
    readonly retryMaxDelayMs?: number;
    /**
     * The shortest wait before retrying a throttled call that came without `x-acs-retry-after`,
     * in ms; it doubles per retry, with jitter of up to as much again (default 1000).
     */
    readonly retryThrottleDelayMs?: number;
}

/** The tuning in force for one call. */
export interface ResolvedTuning {
    readonly retry: RetryOptions;
    readonly timeouts: TimeoutSettings;
    readonly maxConcurrency: number;
}

// A cross-region call to a loaded API can take well over the client library's 3 s default.
export const defaultTimeouts: TimeoutSettings = { connectTimeoutMs: 10_000, readTimeoutMs: 60_000 };
export const defaultMaxConcurrency = 8;

/** One tuning setting: its option name (also its stack config key and plugin setting after `ververica:`), variable and bounds. */
export interface TuningSetting {
    readonly key: keyof TuningOptions;
    readonly env: string;
    /** The smallest whole number it takes. */
    readonly min: number;
    readonly default: number;
    /** What it bounds, for the schema and the docs. */
    readonly description: string;
}

/**
 * Every tuning setting, in one place: the TypeScript package reads these as options, stack
 * config and variables, and the plugin declares them as provider settings and checks them.
 */
export const tuningSettings: readonly TuningSetting[] = [
    { key: "maxAttempts", env: "VERVERICA_MAX_ATTEMPTS", min: 1, default: defaultRetryOptions.maxAttempts, description: "Attempts per call that fail with a fault other than throttling (5xx, timeouts, resets), the first included." },
    { key: "maxRetryTimeMs", env: "VERVERICA_MAX_RETRY_TIME_MS", min: 0, default: defaultRetryOptions.maxElapsedMs, description: "Time budget in ms for retrying one call after faults other than throttling." },
    { key: "throttleRetryTimeMs", env: "VERVERICA_THROTTLE_RETRY_TIME_MS", min: 0, default: defaultRetryOptions.throttleRetryTimeMs, description: "Time budget in ms for retrying one throttled call, however many attempts it takes." },
    { key: "connectTimeoutMs", env: "VERVERICA_CONNECT_TIMEOUT_MS", min: 1, default: defaultTimeouts.connectTimeoutMs, description: "TCP/TLS connect timeout in ms, name lookup included." },
    { key: "readTimeoutMs", env: "VERVERICA_READ_TIMEOUT_MS", min: 1, default: defaultTimeouts.readTimeoutMs, description: "Time allowed for the complete response once connected, in ms." },
    { key: "maxConcurrency", env: "VERVERICA_MAX_CONCURRENCY", min: 1, default: defaultMaxConcurrency, description: "Process-wide bound on concurrent API calls; throttling lowers the bound in force for a while." },
    { key: "retryBaseDelayMs", env: "VERVERICA_RETRY_BASE_DELAY_MS", min: 1, default: defaultRetryOptions.baseDelayMs, description: "Upper bound of the first retry's randomized wait in ms; it doubles per retry." },
    { key: "retryMaxDelayMs", env: "VERVERICA_RETRY_MAX_DELAY_MS", min: 1, default: defaultRetryOptions.maxDelayMs, description: "The longest single wait between attempts in ms, `x-acs-retry-after` included." },
    { key: "retryThrottleDelayMs", env: "VERVERICA_RETRY_THROTTLE_DELAY_MS", min: 1, default: defaultRetryOptions.throttleDelayMs, description: "The shortest wait in ms before retrying throttling that came without `x-acs-retry-after`; it doubles per retry." },
];

/**
 * A whole-number setting's value: a number as it is, or its text in decimal digits (stack config
 * and environment variables are text). Anything else, `"1e3"` and `"0x10"` included, is NaN.
 */
export function wholeNumberOf(raw: unknown): number {
    if (typeof raw === "number") return Number.isInteger(raw) ? raw : Number.NaN;
    const text = settingText(raw).trim();
    return /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** Resolves tuning: per-call options, then stack config, then environment, then defaults. */
export function resolveTuning(options: TuningOptions, config: ConfigReader, env: NodeJS.ProcessEnv): ResolvedTuning {
    const value = (key: keyof TuningOptions): number | undefined => {
        const s = tuningSettings.find((t) => t.key === key) as TuningSetting;
        const configKey = `ververica:${s.key}`;
        const candidates: Array<[unknown, string]> = [
            [options[s.key], `option ${s.key}`],
            [config(configKey), `stack config ${configKey}`],
            [env[s.env], s.env],
        ];
        for (const [raw, source] of candidates) {
            if (raw === undefined || raw === null || raw === "") continue;
            const n = wholeNumberOf(raw);
            if (Number.isNaN(n) || n < s.min) {
                throw new ConfigurationError(`${source} must be a whole number of at least ${s.min}, got ${JSON.stringify(raw)}`);
            }
            return n;
        }
        return undefined;
    };
    return {
        retry: {
            maxAttempts: value("maxAttempts") ?? defaultRetryOptions.maxAttempts,
            maxElapsedMs: value("maxRetryTimeMs") ?? defaultRetryOptions.maxElapsedMs,
            throttleRetryTimeMs: value("throttleRetryTimeMs") ?? defaultRetryOptions.throttleRetryTimeMs,
            baseDelayMs: value("retryBaseDelayMs") ?? defaultRetryOptions.baseDelayMs,
            maxDelayMs: value("retryMaxDelayMs") ?? defaultRetryOptions.maxDelayMs,
            throttleDelayMs: value("retryThrottleDelayMs") ?? defaultRetryOptions.throttleDelayMs,
        },
        timeouts: {
            connectTimeoutMs: value("connectTimeoutMs") ?? defaultTimeouts.connectTimeoutMs,
            readTimeoutMs: value("readTimeoutMs") ?? defaultTimeouts.readTimeoutMs,
        },
        maxConcurrency: value("maxConcurrency") ?? defaultMaxConcurrency,
    };
}
