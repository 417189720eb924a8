import { setTimeout as sleepFor } from "timers/promises";
import { VervericaError } from "./errors";

/**
 * How retryable failures are retried. Throttling says the service is there but busy, so it is
 * retried for as long as `throttleRetryTimeMs` allows, however many attempts that takes; other
 * faults (5xx, timeouts, resets) are bounded by `maxAttempts` and `maxElapsedMs`.
 */
export interface RetryOptions {
    /** Attempts that fail with a fault other than throttling, the first included. */
    readonly maxAttempts: number;
    /** No retry of such a fault starts once this much time has passed since the attempt that first failed with one. */
    readonly maxElapsedMs: number;
    /** No retry of throttling starts once this much time has passed since the first attempt. */
    readonly throttleRetryTimeMs: number;
    /** The first backoff's upper bound; it doubles per attempt. */
    readonly baseDelayMs: number;
    /** The cap of any one wait, `x-acs-retry-after` included. */
    readonly maxDelayMs: number;
    /**
     * The shortest wait before retrying a throttled call that came without `x-acs-retry-after`;
     * it doubles per attempt. Quotas are counted per second, so a quicker retry would be refused too.
     */
    readonly throttleDelayMs: number;
}

/** Defaults sized for a throttled production API: 5 minutes of throttling, about 30 s of other faults. */
export const defaultRetryOptions: RetryOptions = {
    maxAttempts: 5,
    maxElapsedMs: 30_000,
    throttleRetryTimeMs: 300_000,
    baseDelayMs: 200,
    maxDelayMs: 10_000,
    throttleDelayMs: 1_000,
};

/** Told before each retry; carries no request data. */
export interface RetryNotice {
    /** The attempt that failed, 1-based, throttled ones included. */
    readonly attempt: number;
    /** The bound on attempts failing with a fault other than throttling; throttling is bounded by time only. */
    readonly maxAttempts: number;
    readonly delayMs: number;
    readonly error: VervericaError;
    /** How long retrying may go on after this wait, by the time budget that applies to `error`. */
    readonly retryTimeLeftMs: number;
}

/** The one-line report of a retry; the error's message never holds a credential. */
export function describeRetry(notice: RetryNotice, action: string): string {
    const bound =
        notice.error.code === "Throttled"
            ? `attempt ${notice.attempt} failed (${notice.error.code}); retrying in ${notice.delayMs} ms, for up to ${formatDuration(notice.retryTimeLeftMs)} more`
            : `attempt ${notice.attempt}/${notice.maxAttempts} failed (${notice.error.code}); retrying in ${notice.delayMs} ms`;
    return `ververica: ${action} ${bound}: ${notice.error.message}`;
}

/** `4m52s`, `45s`, `0s`: a duration as a person reads it, to the second. */
export function formatDuration(ms: number): string {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    const minutes = Math.floor(seconds / 60);
    return minutes > 0 ? `${minutes}m${String(seconds % 60).padStart(2, "0")}s` : `${seconds}s`;
}

/**
 * Reports a retry on stderr: in a provider process (the dynamic provider host or the plugin),
 * stderr lines are what the engine shows to the person running it.
 */
export function reportRetryOnStderr(notice: RetryNotice, action: string): void {
    console.error(describeRetry(notice, action));
}

/** Injected clock and randomness, so tests can drive the policy without waiting. */
export interface RetryRuntime {
    readonly now: () => number;
    /** Waits `ms`; rejects as soon as `signal` is aborted. */
    readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
    readonly random: () => number;
}

/** The system clock, timers and `Math.random`. */
export const systemRetryRuntime: RetryRuntime = {
    now: () => Date.now(),
    sleep: (ms, signal) => sleepFor(ms, undefined, signal ? { signal } : undefined),
    random: Math.random,
};

/**
 * The wait before retry number `attempt` (1-based, counted per kind of failure), capped at
 * `maxDelayMs`: the server's `x-acs-retry-after` when it gave one; for other throttling, between
 * `throttleDelayMs` and twice that, doubling per attempt; else exponential backoff with full
 * jitter from `baseDelayMs`.
 */
export function retryDelayMs(attempt: number, error: VervericaError, options: RetryOptions, random: () => number): number {
    const asked = error.details.retryAfterMs;
    if (asked !== undefined) {
        return Math.min(asked, options.maxDelayMs);
    }
    if (error.code === "Throttled") {
        const floor = Math.min(options.maxDelayMs, options.throttleDelayMs * 2 ** (attempt - 1));
        return Math.min(options.maxDelayMs, floor + Math.floor(random() * floor));
    }
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(random() * ceiling);
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or the budget of its kind
 * of failure is spent (see {@link RetryOptions}); then the last error is thrown as it is. Once
 * `signal` is aborted no attempt starts and a wait ends at once, rejecting with the signal's reason.
 */
export async function withRetries<T>(
    attempt: () => Promise<T>,
    options: RetryOptions,
    onRetry?: (notice: RetryNotice) => void,
    runtime: RetryRuntime = systemRetryRuntime,
    signal?: AbortSignal,
): Promise<T> {
    const started = runtime.now();
    let throttles = 0;
    let faults = 0;
    let faultsStarted: number | undefined;
    for (let n = 1; ; n++) {
        signal?.throwIfAborted();
        const attemptStarted = runtime.now();
        try {
            return await attempt();
        } catch (e) {
            if (!(e instanceof VervericaError) || !e.retryable || signal?.aborted) {
                throw e;
            }
            let delayMs: number;
            let retryTimeLeftMs: number;
            if (e.code === "Throttled") {
                throttles++;
                delayMs = retryDelayMs(throttles, e, options, runtime.random);
                retryTimeLeftMs = options.throttleRetryTimeMs - (runtime.now() - started) - delayMs;
            } else {
                faults++;
                faultsStarted ??= attemptStarted;
                if (faults >= options.maxAttempts) {
                    throw e;
                }
                delayMs = retryDelayMs(faults, e, options, runtime.random);
                retryTimeLeftMs = options.maxElapsedMs - (runtime.now() - faultsStarted) - delayMs;
            }
            if (retryTimeLeftMs < 0) {
                throw e;
            }
            onRetry?.({ attempt: n, maxAttempts: options.maxAttempts, delayMs, error: e, retryTimeLeftMs });
            await runtime.sleep(delayMs, signal);
        }
    }
}
