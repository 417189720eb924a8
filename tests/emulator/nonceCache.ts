/**
 * Remembers signature nonces per AccessKey for as long as a request carrying them could
 * still pass the timestamp check, so a captured request cannot be replayed.
 */
export class NonceCache {
    /** Per AccessKeyId: nonce -> time (ms) after which it may be forgotten, in insertion order. */
    private readonly seen = new Map<string, Map<string, number>>();

    /**
     * @param retentionMs how long a nonce is remembered. A request is accepted while its date is
     *   within the skew on either side of now, so twice the skew covers every possible replay.
     */
    constructor(private readonly retentionMs: number) {}

    /** Records the nonce and returns true, or returns false when it was already used. */
    claim(accessKeyId: string, nonce: string, nowMs: number): boolean {
        const nonces = this.seen.get(accessKeyId) ?? new Map<string, number>();
        this.seen.set(accessKeyId, nonces);
        // Entries share one retention, so insertion order is expiry order: drop from the front.
        for (const [old, expiresAt] of nonces) {
            if (expiresAt > nowMs) {
                break;
            }
            nonces.delete(old);
        }
        if (nonces.has(nonce)) {
            return false;
        }
        nonces.set(nonce, nowMs + this.retentionMs);
        return true;
    }
}
