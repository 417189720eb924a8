import type { ConfigReader } from "./connectionSettings";
import { ConfigurationError } from "./errors";
import { settingText } from "./settingText";
import { defaultRetryOptions, RetryOptions } from "./retryPolicy";
import type { TimeoutSettings } from "./requestSigner";

/** Knobs for many lookups over slow or failing networks. All optional. */
export interface TuningOptions {
    /** Attempts per lookup, the first included (default 5). */
    readonly maxAttempts?: number;
    /** Time budget for retrying one lookup, in ms (default 30000). */
    readonly maxRetryTimeMs?: number;
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

/** One tuning setting: its option, where else it is read from, its least value and what it does. */
export interface TuningSetting {
    readonly key: keyof TuningOptions;
    readonly config: string;
    readonly env: string;
    readonly min: number;
    /** What it bounds, for the schema and the docs. */
    readonly description: string;
}

/** Every tuning setting; a provider host declares its settings from this list. */
export const tuningSettings: readonly TuningSetting[] = [
    { key: "maxAttempts", config: "ververica:maxAttempts", env: "VERVERICA_MAX_ATTEMPTS", min: 1, description: "Attempts per API call, the first included (default 5)." },
    { key: "maxRetryTimeMs", config: "ververica:maxRetryTimeMs", env: "VERVERICA_MAX_RETRY_TIME_MS", min: 0, description: "Time budget for retrying one API call, in ms (default 30000)." },
    { key: "connectTimeoutMs", config: "ververica:connectTimeoutMs", env: "VERVERICA_CONNECT_TIMEOUT_MS", min: 1, description: "TCP/TLS connect timeout, in ms (default 10000)." },
    { key: "readTimeoutMs", config: "ververica:readTimeoutMs", env: "VERVERICA_READ_TIMEOUT_MS", min: 1, description: "Time allowed for a complete response once connected, in ms (default 60000)." },
    { key: "maxConcurrency", config: "ververica:maxConcurrency", env: "VERVERICA_MAX_CONCURRENCY", min: 1, description: "Bound on concurrent API calls of the process (default 8)." },
    { key: "retryBaseDelayMs", config: "ververica:retryBaseDelayMs", env: "VERVERICA_RETRY_BASE_DELAY_MS", min: 1, description: "Upper bound of the first retry's randomized wait, in ms; it doubles per retry (default 200)." },
    { key: "retryMaxDelayMs", config: "ververica:retryMaxDelayMs", env: "VERVERICA_RETRY_MAX_DELAY_MS", min: 1, description: "The longest single wait between attempts, in ms, `x-acs-retry-after` included (default 10000)." },
    {
        key: "retryThrottleDelayMs",
        config: "ververica:retryThrottleDelayMs",
        env: "VERVERICA_RETRY_THROTTLE_DELAY_MS",
        min: 1,
        description: "The shortest wait before retrying throttling that came without `x-acs-retry-after`, in ms; it doubles per retry (default 1000).",
    },
];

/** Resolves tuning: per-call options, then stack config, then environment, then defaults. */
export function resolveTuning(options: TuningOptions, config: ConfigReader, env: NodeJS.ProcessEnv): ResolvedTuning {
    const value = (s: TuningSetting): number | undefined => {
        const candidates: Array<[unknown, string]> = [
            [options[s.key], `option ${s.key}`],
            [config(s.config), `stack config ${s.config}`],
            [env[s.env], s.env],
        ];
        for (const [raw, source] of candidates) {
            if (raw === undefined || raw === null || raw === "") continue;
            const n = typeof raw === "number" ? raw : Number(settingText(raw).trim());
            if (!Number.isInteger(n) || n < s.min) {
                throw new ConfigurationError(`${source} must be a whole number of at least ${s.min}, got ${JSON.stringify(raw)}`);
            }
            return n;
        }
        return undefined;
    };
    const [maxAttempts, maxRetryTimeMs, connectTimeoutMs, readTimeoutMs, maxConcurrency, retryBaseDelayMs, retryMaxDelayMs, retryThrottleDelayMs] = tuningSettings.map(value);
    return {
        retry: {
            maxAttempts: maxAttempts ?? defaultRetryOptions.maxAttempts,
            maxElapsedMs: maxRetryTimeMs ?? defaultRetryOptions.maxElapsedMs,
            baseDelayMs: retryBaseDelayMs ?? defaultRetryOptions.baseDelayMs,
            maxDelayMs: retryMaxDelayMs ?? defaultRetryOptions.maxDelayMs,
            throttleDelayMs: retryThrottleDelayMs ?? defaultRetryOptions.throttleDelayMs,
        },
        timeouts: {
            connectTimeoutMs: connectTimeoutMs ?? defaultTimeouts.connectTimeoutMs,
            readTimeoutMs: readTimeoutMs ?? defaultTimeouts.readTimeoutMs,
        },
        maxConcurrency: maxConcurrency ?? defaultMaxConcurrency,
    };
}
