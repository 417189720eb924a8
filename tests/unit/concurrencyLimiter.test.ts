import * as assert from "node:assert";
import { ConcurrencyLimiter } from "../../provider/core/concurrencyLimiter";
import { manualClock } from "../helpers/manualClock";

/** A task whose completion the test controls. */
interface Gate<T> {
    readonly task: () => Promise<T>;
    readonly started: () => boolean;
    readonly open: (value: T) => void;
    readonly fail: (error: Error) => void;
}

function gate<T = string>(): Gate<T> {
    let started = false;
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const done = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return {
        task: () => {
            started = true;
            return done;
        },
        started: () => started,
        open: (value) => resolve(value),
        fail: (error) => reject(error),
    };
}

/** Lets every queued microtask and promise continuation run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("concurrencyLimiter", () => {
    it("runs at most `limit` tasks at once and the rest when slots free up", async () => {
        const limiter = new ConcurrencyLimiter(2);
        const gates = [gate(), gate(), gate(), gate(), gate()];
        const results = gates.map((g) => limiter.run(g.task));
        await settle();
        assert.deepStrictEqual(gates.map((g) => g.started()), [true, true, false, false, false]);
        assert.strictEqual(limiter.running, 2);

        gates[0].open("a");
        await settle();
        assert.deepStrictEqual(gates.map((g) => g.started()), [true, true, true, false, false]);
        assert.strictEqual(limiter.running, 2);

        gates[1].open("b");
        gates[2].open("c");
        await settle();
        assert.deepStrictEqual(gates.map((g) => g.started()), [true, true, true, true, true]);
        gates[3].open("d");
        gates[4].open("e");
        assert.deepStrictEqual(await Promise.all(results), ["a", "b", "c", "d", "e"]);
        assert.strictEqual(limiter.running, 0);
    });

    it("starts waiting tasks in the order they arrived", async () => {
        const limiter = new ConcurrencyLimiter(1);
        const order: number[] = [];
        const first = gate();
        const running = limiter.run(first.task);
        const waiting = [1, 2, 3, 4].map((n) => limiter.run(() => Promise.resolve(void order.push(n))));
        await settle();
        assert.deepStrictEqual(order, []);
        first.open("x");
        await Promise.all([running, ...waiting]);
        assert.deepStrictEqual(order, [1, 2, 3, 4]);
    });

    it("frees the slot of a task that rejects, and passes the rejection on", async () => {
        const limiter = new ConcurrencyLimiter(1);
        const failing = gate();
        const next = gate();
        const failed = limiter.run(failing.task);
        const queued = limiter.run(next.task);
        failing.fail(new Error("boom"));
        await assert.rejects(failed, /boom/);
        await settle();
        assert.strictEqual(next.started(), true);
        next.open("ok");
        assert.strictEqual(await queued, "ok");
        assert.strictEqual(limiter.running, 0);
    });

    it("frees the slot of a task that throws synchronously", async () => {
        const limiter = new ConcurrencyLimiter(1);
        await assert.rejects(
            limiter.run(() => {
                throw new Error("sync");
            }),
            /sync/,
        );
        assert.strictEqual(limiter.running, 0);
        assert.strictEqual(await limiter.run(() => Promise.resolve("after")), "after");
    });

    it("starts waiting tasks at once when the limit is raised", async () => {
        const limiter = new ConcurrencyLimiter(1);
        const gates = [gate(), gate(), gate()];
        gates.forEach((g) => void limiter.run(g.task));
        await settle();
        assert.deepStrictEqual(gates.map((g) => g.started()), [true, false, false]);
        limiter.setLimit(3);
        await settle();
        assert.deepStrictEqual(gates.map((g) => g.started()), [true, true, true]);
        assert.strictEqual(limiter.limit, 3);
        gates.forEach((g) => g.open("x"));
    });

    it("lets running tasks finish when the limit is lowered, and starts no new one until below it", async () => {
        const limiter = new ConcurrencyLimiter(3);
        const gates = [gate(), gate(), gate(), gate()];
        gates.forEach((g) => void limiter.run(g.task));
        await settle();
        limiter.setLimit(1);
        gates[0].open("a");
        gates[1].open("b");
        await settle();
        assert.strictEqual(gates[3].started(), false, "two tasks finished, but one is still running at limit 1");
        gates[2].open("c");
        await settle();
        assert.strictEqual(gates[3].started(), true);
        gates[3].open("d");
    });

    it("refuses a limit that is not a whole number of at least 1", () => {
        for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
            assert.throws(() => new ConcurrencyLimiter(bad), (e: unknown) => e instanceof RangeError && /at least 1/.test(e.message), String(bad));
            assert.throws(() => new ConcurrencyLimiter(2).setLimit(bad), RangeError, String(bad));
        }
    });
});

describe("ConcurrencyLimiter: adaptive bound", () => {
    it("halves the bound on a throttled answer, never below 1", () => {
        const clock = manualClock();
        const limiter = new ConcurrencyLimiter(8, { now: clock.now, decreaseIntervalMs: 1000 });
        const bounds = [8, 4, 2, 1, 1].map((expected) => {
            assert.strictEqual(limiter.bound, expected);
            limiter.throttled();
            clock.advance(1000);
            return limiter.bound;
        });
        assert.deepStrictEqual(bounds, [4, 2, 1, 1, 1]);
        assert.strictEqual(limiter.limit, 8, "the configured limit stays");
    });

    it("halves at most once per interval, however many answers were throttled", () => {
        const clock = manualClock();
        const limiter = new ConcurrencyLimiter(8, { now: clock.now, decreaseIntervalMs: 1000 });
        for (let i = 0; i < 20; i++) limiter.throttled();
        assert.strictEqual(limiter.bound, 4);
        clock.advance(999);
        limiter.throttled();
        assert.strictEqual(limiter.bound, 4);
        clock.advance(1);
        limiter.throttled();
        assert.strictEqual(limiter.bound, 2);
    });

    it("grows by one per successesPerIncrease successes, back up to the limit and no further", () => {
        const clock = manualClock();
        const limiter = new ConcurrencyLimiter(4, { now: clock.now, successesPerIncrease: 3 });
        limiter.throttled();
        assert.strictEqual(limiter.bound, 2);
        const seen: number[] = [];
        for (let i = 0; i < 12; i++) {
            limiter.succeeded();
            seen.push(limiter.bound);
        }
        assert.deepStrictEqual(seen, [2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4]);
    });

    it("restarts counting successes after a throttled answer", () => {
        const clock = manualClock();
        const limiter = new ConcurrencyLimiter(8, { now: clock.now, successesPerIncrease: 3, decreaseIntervalMs: 1000 });
        limiter.throttled();
        limiter.succeeded();
        limiter.succeeded();
        clock.advance(1000);
        limiter.throttled();
        limiter.succeeded();
        limiter.succeeded();
        assert.strictEqual(limiter.bound, 2, "two successes after the second halving are not yet three");
        limiter.succeeded();
        assert.strictEqual(limiter.bound, 3);
    });

    it("runs fewer tasks at once after throttling, and more again as the bound grows", async () => {
        const clock = manualClock();
        const limiter = new ConcurrencyLimiter(4, { now: clock.now, successesPerIncrease: 1 });
        limiter.throttled();
        const gates = [gate(), gate(), gate(), gate()];
        gates.forEach((g) => void limiter.run(g.task));
        await settle();
        assert.deepStrictEqual(gates.map((g) => g.started()), [true, true, false, false]);
        limiter.succeeded();
        await settle();
        assert.deepStrictEqual(gates.map((g) => g.started()), [true, true, true, false]);
        gates.forEach((g) => g.open("x"));
    });

    it("keeps the adapted bound when the same limit is set again, and restarts from a new one", () => {
        const limiter = new ConcurrencyLimiter(8, { now: manualClock().now });
        limiter.throttled();
        limiter.setLimit(8);
        assert.strictEqual(limiter.bound, 4);
        limiter.setLimit(6);
        assert.strictEqual(limiter.bound, 6);
    });
});

describe("ConcurrencyLimiter: cancellation", () => {
    it("ends a wait for a slot when the signal is aborted, and the task never starts", async () => {
        const limiter = new ConcurrencyLimiter(1);
        const running = gate();
        const waiting = gate();
        const controller = new AbortController();
        void limiter.run(running.task);
        const queued = limiter.run(waiting.task, controller.signal);
        controller.abort();
        await assert.rejects(queued, (e: unknown) => e instanceof Error && e.name === "AbortError");
        running.open("done");
        await settle();
        assert.strictEqual(waiting.started(), false);
        assert.strictEqual(limiter.running, 0);
    });

    it("starts nothing once the signal is aborted", async () => {
        const limiter = new ConcurrencyLimiter(1);
        const controller = new AbortController();
        controller.abort();
        const task = gate();
        await assert.rejects(limiter.run(task.task, controller.signal));
        assert.strictEqual(task.started(), false);
        assert.strictEqual(limiter.running, 0);
    });
});
