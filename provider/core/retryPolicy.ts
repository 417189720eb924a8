import { VervericaError } from "./errors";

/** How transient failures (throttling, 5xx, timeouts, resets) are retried. */
export interface RetryOptions {
    /** Attempts in all, the first included. */
    readonly maxAttempts: number;
    /** No retry starts once this much time has passed since the first attempt. */
    readonly maxElapsedMs: number;
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

/** Defaults sized for a throttled production API: up to about 30 s of retrying. */
export const defaultRetryOptions: RetryOptions = { maxAttempts: 5, maxElapsedMs: 30_000, baseDelayMs: 200, maxDelayMs: 10_000, throttleDelayMs: 1_000 };

/** Told before each retry; carries no request data. */
export interface RetryNotice {
    readonly attempt: number;
    readonly maxAttempts: number;
    readonly delayMs: number;
    readonly error: VervericaError;
}

/** The one-line report of a retry; the error's message never holds a credential. */
export function describeRetry(notice: RetryNotice, action: string): string {
    return (
        `ververica: ${action} attempt ${notice.attempt}/${notice.maxAttempts} failed (${notice.error.code}); ` +
        `retrying in ${notice.delayMs} ms: ${notice.error.message}`
    );
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
    readonly sleep: (ms: number) => Promise<void>;
    readonly random: () => number;
}

/** The system clock, timers and `Math.random`. */
export const systemRetryRuntime: RetryRuntime = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
};

/**
 * The wait before retry number `attempt` (1-based), capped at `maxDelayMs`: the server's
 * `x-acs-retry-after` when it gave one; for other throttling, between `throttleDelayMs` and
 * twice that, doubling per attempt; else exponential backoff with full jitter from `baseDelayMs`.
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
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or the attempt or time
 * budget is spent; then the last error is thrown as it is.
 */
export async function withRetries<T>(
    attempt: () => Promise<T>,
    options: RetryOptions,
    onRetry?: (notice: RetryNotice) => void,
    runtime: RetryRuntime = systemRetryRuntime,
): Promise<T> {
    const started = runtime.now();
    for (let n = 1; ; n++) {
        try {
            return await attempt();
        } catch (e) {
            if (!(e instanceof VervericaError) || !e.retryable || n >= options.maxAttempts) {
                throw e;
            }
            const delayMs = retryDelayMs(n, e, options, runtime.random);
            if (runtime.now() - started + delayMs > options.maxElapsedMs) {
                throw e;
            }
            onRetry?.({ attempt: n, maxAttempts: options.maxAttempts, delayMs, error: e });
            await runtime.sleep(delayMs);
        }
    }
}
