/**
 * Shares identical lookups: a second caller asking for the same key while the first is in
 * flight, or after it succeeded, gets the same promise. Failures are forgotten at once so a
 * later call can retry.
 */
export class LookupCache<T> {
    private readonly entries = new Map<string, Promise<T>>();

    /** Entries held (in flight or done). */
    get size(): number {
        return this.entries.size;
    }

    get(key: string, load: () => Promise<T>): Promise<T> {
        const existing = this.entries.get(key);
        if (existing) {
            return existing;
        }
        const pending = load();
        this.entries.set(key, pending);
        pending.catch(() => this.forget(key, pending));
        return pending;
    }

    /** Forgets `entry` under `key`, unless a newer one has taken its place. */
    forget(key: string, entry: Promise<T>): void {
        if (this.entries.get(key) === entry) {
            this.entries.delete(key);
        }
    }

    clear(): void {
        this.entries.clear();
    }
}
