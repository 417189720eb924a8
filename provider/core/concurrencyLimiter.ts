/**
 * A counting semaphore: at most `limit` tasks run at once, the rest wait in FIFO order.
 */
export class ConcurrencyLimiter {
    private active = 0;
    private readonly waiting: Array<() => void> = [];

    constructor(private limitValue: number) {
        ConcurrencyLimiter.check(limitValue);
    }

    /** The current bound. */
    get limit(): number {
        return this.limitValue;
    }

    /** Tasks running now. */
    get running(): number {
        return this.active;
    }

    /** Changes the bound; a higher one starts waiting tasks at once. */
    setLimit(limit: number): void {
        ConcurrencyLimiter.check(limit);
        this.limitValue = limit;
        this.drain();
    }

    /** Runs `task` when a slot is free. */
    async run<T>(task: () => Promise<T>): Promise<T> {
        if (this.active >= this.limitValue) {
            await new Promise<void>((resolve) => this.waiting.push(resolve));
        } else {
            this.active++;
        }
        try {
            return await task();
        } finally {
            this.release();
        }
    }

    private release(): void {
        this.active--;
        this.drain();
    }

    private drain(): void {
        while (this.active < this.limitValue && this.waiting.length > 0) {
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
