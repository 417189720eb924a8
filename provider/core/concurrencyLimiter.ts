/** How the in-flight bound adapts to throttling, and the clock it reads. */
export interface AdaptiveBoundOptions {
    /** A throttled answer halves the bound at most once per this many ms (default 1000), so one burst counts once. */
    readonly decreaseIntervalMs: number;
    /** The bound grows by one per this many successful answers (default 10), back up to the configured limit. */
    readonly successesPerIncrease: number;
    /** Injected for tests. */
    readonly now: () => number;
}

const defaultAdaptiveBound: AdaptiveBoundOptions = { decreaseIntervalMs: 1_000, successesPerIncrease: 10, now: () => Date.now() };

/**
 * A counting semaphore whose bound adapts to the service: at most `bound` tasks run at once,
 * the rest wait in FIFO order. The bound starts at the configured `limit`; a throttled answer
 * halves it (never below 1), and successes grow it back by one at a time up to `limit`
 * (additive increase, multiplicative decrease), so a throttled service sees fewer calls at once.
 */
export class ConcurrencyLimiter {
    private active = 0;
    private readonly waiting: Array<() => void> = [];
    private boundValue: number;
    private successes = 0;
    private lastDecrease = Number.NEGATIVE_INFINITY;
    private readonly adaptive: AdaptiveBoundOptions;

    constructor(
        private limitValue: number,
        adaptive: Partial<AdaptiveBoundOptions> = {},
    ) {
        ConcurrencyLimiter.check(limitValue);
        this.boundValue = limitValue;
        this.adaptive = { ...defaultAdaptiveBound, ...adaptive };
    }

    /** The configured bound: the most tasks ever run at once. */
    get limit(): number {
        return this.limitValue;
    }

    /** The bound in force now: `limit`, or less after throttling. */
    get bound(): number {
        return this.boundValue;
    }

    /** Tasks running now. */
    get running(): number {
        return this.active;
    }

    /** Changes the configured bound; the bound in force restarts from it. The same value again changes nothing. */
    setLimit(limit: number): void {
        ConcurrencyLimiter.check(limit);
        if (limit === this.limitValue) return;
        this.limitValue = limit;
        this.boundValue = limit;
        this.successes = 0;
        this.drain();
    }

    /** A task got a throttled answer: halves the bound, unless it was halved within the interval. */
    throttled(): void {
        const now = this.adaptive.now();
        if (now - this.lastDecrease < this.adaptive.decreaseIntervalMs) return;
        this.lastDecrease = now;
        this.boundValue = Math.max(1, Math.floor(this.boundValue / 2));
        this.successes = 0;
    }

    /** A task got an answer that was not throttling: counts towards growing the bound by one. */
    succeeded(): void {
        if (this.boundValue >= this.limitValue) return;
        if (++this.successes < this.adaptive.successesPerIncrease) return;
        this.successes = 0;
        this.boundValue++;
        this.drain();
    }

    /**
     * Runs `task` when a slot is free. A wait ends when `signal` is aborted, rejecting with its
     * reason; a task already started is the task's to stop.
     */
    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
        signal?.throwIfAborted();
        if (this.active >= this.boundValue) {
            await this.slot(signal);
        } else {
            this.active++;
        }
        try {
            return await task();
        } finally {
            this.release();
        }
    }

    /** Waits in line for a slot; the slot is taken (`active` counted) when this resolves. */
    private slot(signal: AbortSignal | undefined): Promise<void> {
        return new Promise<void>((resolve, reject) => {
            const onAbort = () => {
                const at = this.waiting.indexOf(granted);
                if (at >= 0) this.waiting.splice(at, 1);
                const reason: unknown = signal?.reason;
                // `abort()` without a reason gives an AbortError; a reason of another kind is wrapped.
                reject(reason instanceof Error ? reason : new DOMException(String(reason), "AbortError"));
            };
            const granted = () => {
                signal?.removeEventListener("abort", onAbort);
                resolve();
            };
            this.waiting.push(granted);
            signal?.addEventListener("abort", onAbort, { once: true });
        });
    }

    private release(): void {
        this.active--;
        this.drain();
    }

    private drain(): void {
        while (this.active < this.boundValue && this.waiting.length > 0) {
            this.active++;
            (this.waiting.shift() as () => void)();
        }
    }

    private static check(limit: number): void {
        if (!Number.isInteger(limit) || limit < 1) {
            throw new RangeError(`a concurrency limit must be a whole number of at least 1, got ${limit}`);
        }
    }
}
