import * as assert from "node:assert";
import { LookupCache } from "../../provider/core/lookupCache";

/** A loader whose calls are counted and whose promises the test settles. */
function loader<T>() {
    const pending: Array<{ resolve: (v: T) => void; reject: (e: Error) => void }> = [];
    const load = () =>
        new Promise<T>((resolve, reject) => {
            pending.push({ resolve, reject });
        });
    return { load, calls: () => pending.length, call: (i: number) => pending[i] };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("lookupCache", () => {
    it("shares one in-flight load between callers asking for the same key", async () => {
        const cache = new LookupCache<string>();
        const l = loader<string>();
        const a = cache.get("k", l.load);
        const b = cache.get("k", l.load);
        assert.strictEqual(a, b);
        assert.strictEqual(l.calls(), 1);
        l.call(0).resolve("draft");
        assert.deepStrictEqual(await Promise.all([a, b]), ["draft", "draft"]);
    });

    it("keeps a success: later callers get it without a new load", async () => {
        const cache = new LookupCache<string>();
        const l = loader<string>();
        const first = cache.get("k", l.load);
        l.call(0).resolve("draft");
        await first;
        assert.strictEqual(await cache.get("k", l.load), "draft");
        assert.strictEqual(l.calls(), 1);
        assert.strictEqual(cache.size, 1);
    });

    it("forgets an entry on request, but not a newer one under the same key", () => {
        const cache = new LookupCache<string>();
        const l = loader<string>();
        const forgotten = cache.get("k", l.load);
        cache.forget("k", forgotten);
        const newer = cache.get("k", l.load);
        cache.forget("k", forgotten);
        assert.strictEqual(cache.get("k", l.load), newer);
        assert.strictEqual(l.calls(), 2);
    });

    it("loads different keys separately", async () => {
        const cache = new LookupCache<string>();
        const l = loader<string>();
        const a = cache.get("a", l.load);
        const b = cache.get("b", l.load);
        assert.strictEqual(l.calls(), 2);
        l.call(0).resolve("A");
        l.call(1).resolve("B");
        assert.deepStrictEqual(await Promise.all([a, b]), ["A", "B"]);
        assert.strictEqual(cache.size, 2);
    });

    it("gives every caller sharing a failed load its rejection", async () => {
        const cache = new LookupCache<string>();
        const l = loader<string>();
        const a = cache.get("k", l.load);
        const b = cache.get("k", l.load);
        l.call(0).reject(new Error("throttled"));
        await assert.rejects(a, /throttled/);
        await assert.rejects(b, /throttled/);
    });

    it("forgets a failure at once, so the next caller loads again", async () => {
        const cache = new LookupCache<string>();
        const l = loader<string>();
        const failed = cache.get("k", l.load);
        l.call(0).reject(new Error("throttled"));
        await assert.rejects(failed, /throttled/);
        await settle();
        assert.strictEqual(cache.size, 0);
        const retried = cache.get("k", l.load);
        assert.strictEqual(l.calls(), 2);
        l.call(1).resolve("draft");
        assert.strictEqual(await retried, "draft");
    });

    it("does not let a stale failure evict a newer entry for the same key", async () => {
        const cache = new LookupCache<string>();
        const l = loader<string>();
        const stale = cache.get("k", l.load);
        cache.clear();
        const fresh = cache.get("k", l.load);
        l.call(1).resolve("fresh");
        await fresh;
        l.call(0).reject(new Error("old failure"));
        await assert.rejects(stale, /old failure/);
        await settle();
        assert.strictEqual(await cache.get("k", l.load), "fresh");
        assert.strictEqual(l.calls(), 2);
    });

    it("forgets everything on clear()", async () => {
        const cache = new LookupCache<string>();
        const l = loader<string>();
        const first = cache.get("k", l.load);
        l.call(0).resolve("v1");
        await first;
        cache.clear();
        assert.strictEqual(cache.size, 0);
        const second = cache.get("k", l.load);
        assert.strictEqual(l.calls(), 2);
        l.call(1).resolve("v2");
        assert.strictEqual(await second, "v2");
    });

    it("leaves no unhandled rejection behind when the caller handles its own promise", async () => {
        const unhandled: unknown[] = [];
        const onUnhandled = (reason: unknown) => unhandled.push(reason);
        process.on("unhandledRejection", onUnhandled);
        try {
            const cache = new LookupCache<string>();
            await assert.rejects(
                cache.get("k", () => Promise.reject(new Error("nope"))),
                /nope/,
            );
            await settle();
            assert.deepStrictEqual(unhandled, []);
        } finally {
            process.off("unhandledRejection", onUnhandled);
        }
    });
});
