import * as assert from "node:assert";
import {
    ApiFailureDetails,
    DraftNotFoundError,
    InvalidArgumentError,
    InvalidCredentialsError,
    NetworkError,
    ServiceError,
    ThrottledError,
    VervericaError,
} from "../../provider/core/errors";
import { defaultRetryOptions, retryDelayMs, RetryNotice, RetryOptions, RetryRuntime, withRetries } from "../../provider/core/retryPolicy";

const draft = { workspace: "ws", namespace: "ns", deploymentDraftId: "id" };
const options: RetryOptions = { maxAttempts: 5, maxElapsedMs: 30_000, baseDelayMs: 200, maxDelayMs: 10_000, throttleDelayMs: 1_000 };

const serviceError = (details: ApiFailureDetails = {}) => new ServiceError(draft, { action: "GetDeploymentDraft", httpStatus: 503, ...details });
const throttled = (retryAfterMs?: number) => new ThrottledError(draft, retryAfterMs === undefined ? { httpStatus: 429 } : { httpStatus: 429, retryAfterMs });

/** A clock that only moves when the code under test sleeps (or an attempt says it took time). */
class FakeRuntime implements RetryRuntime {
    time = 1_000_000;
    readonly sleeps: number[] = [];
    private readonly randoms: number[];
    constructor(randoms: number[] = [0.5]) {
        this.randoms = randoms;
    }
    readonly now = () => this.time;
    readonly sleep = (ms: number) => {
        this.sleeps.push(ms);
        this.time += ms;
        return Promise.resolve();
    };
    readonly random = () => (this.randoms.length > 1 ? (this.randoms.shift() as number) : this.randoms[0]);
}

/** An attempt function that plays `outcomes` in order (an Error is thrown, anything else returned). */
function script<T>(outcomes: Array<T | Error>, runtime?: FakeRuntime, tookMs = 0) {
    let calls = 0;
    const attempt = (): Promise<T> => {
        const outcome = outcomes[Math.min(calls, outcomes.length - 1)];
        calls++;
        if (runtime) runtime.time += tookMs;
        return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
    };
    return { attempt, calls: () => calls };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
    try {
        await promise;
    } catch (e) {
        return e;
    }
    return assert.fail("expected a rejection");
}

describe("retryPolicy: retryDelayMs", () => {
    it("draws the first backoff from [0, baseDelayMs) with full jitter", () => {
        const e = serviceError();
        assert.strictEqual(retryDelayMs(1, e, options, () => 0), 0);
        assert.strictEqual(retryDelayMs(1, e, options, () => 0.5), 100);
        assert.strictEqual(retryDelayMs(1, e, options, () => 0.999999), 199);
    });

    it("doubles the jitter ceiling per attempt", () => {
        const e = serviceError();
        const top = (attempt: number) => retryDelayMs(attempt, e, options, () => 0.999999);
        assert.deepStrictEqual([1, 2, 3, 4, 5].map(top), [199, 399, 799, 1599, 3199]);
        assert.deepStrictEqual([1, 2, 3, 4].map((n) => retryDelayMs(n, e, options, () => 0.5)), [100, 200, 400, 800]);
    });

    it("caps the jitter ceiling at maxDelayMs, however many attempts were made", () => {
        const e = serviceError();
        assert.strictEqual(retryDelayMs(7, e, options, () => 0.999999), 9999);
        assert.strictEqual(retryDelayMs(60, e, options, () => 0.999999), 9999);
        assert.strictEqual(retryDelayMs(1100, e, options, () => 0.5), 5000);
    });

    it("stays within [0, ceiling) for any random value in [0, 1)", () => {
        const e = serviceError();
        for (let attempt = 1; attempt <= 10; attempt++) {
            const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
            for (const r of [0, 0.1, 0.37, 0.5, 0.9, 0.9999999]) {
                const d = retryDelayMs(attempt, e, options, () => r);
                assert.ok(Number.isInteger(d) && d >= 0 && d < ceiling, `attempt ${attempt}, random ${r}: ${d} not in [0, ${ceiling})`);
            }
        }
    });

    it("waits exactly the x-acs-retry-after the server asked for, ignoring jitter", () => {
        assert.strictEqual(retryDelayMs(1, throttled(1234), options, () => 0), 1234);
        assert.strictEqual(retryDelayMs(4, throttled(1234), options, () => 0.99), 1234);
        assert.strictEqual(retryDelayMs(1, throttled(0), options, () => 0.99), 0);
    });

    it("waits at least throttleDelayMs before retrying throttling without x-acs-retry-after, doubling per attempt", () => {
        const e = throttled();
        const at = (random: number) => [1, 2, 3, 4].map((n) => retryDelayMs(n, e, options, () => random));
        assert.deepStrictEqual(at(0), [1000, 2000, 4000, 8000]);
        assert.deepStrictEqual(at(0.5), [1500, 3000, 6000, 10_000]);
        assert.deepStrictEqual(at(0.999999), [1999, 3999, 7999, 10_000]);
    });

    it("keeps the throttling floor under maxDelayMs, and leaves other failures on the faster backoff", () => {
        assert.strictEqual(retryDelayMs(1, throttled(), { ...options, maxDelayMs: 600 }, () => 0.5), 600);
        assert.strictEqual(retryDelayMs(1, throttled(), { ...options, throttleDelayMs: 10 }, () => 0.5), 15);
        assert.strictEqual(retryDelayMs(1, serviceError(), options, () => 0.5), 100);
        assert.strictEqual(retryDelayMs(1, new NetworkError("connection reset (ECONNRESET)", draft), options, () => 0.5), 100);
    });

    it("caps x-acs-retry-after at maxDelayMs", () => {
        assert.strictEqual(retryDelayMs(1, throttled(60_000), options, () => 0), 10_000);
        assert.strictEqual(retryDelayMs(1, throttled(60_000), { ...options, maxDelayMs: 500 }, () => 0), 500);
    });
});

describe("retryPolicy: withRetries", () => {
    it("returns the first success without sleeping", async () => {
        const rt = new FakeRuntime();
        const s = script(["draft"]);
        assert.strictEqual(await withRetries(s.attempt, options, undefined, rt), "draft");
        assert.strictEqual(s.calls(), 1);
        assert.deepStrictEqual(rt.sleeps, []);
    });

    it("retries ServiceError, ThrottledError and NetworkError until one attempt succeeds", async () => {
        const rt = new FakeRuntime([0.5]);
        const s = script<string>([serviceError(), throttled(), new NetworkError("connection reset (ECONNRESET)", draft), "draft"]);
        assert.strictEqual(await withRetries(s.attempt, options, undefined, rt), "draft");
        assert.strictEqual(s.calls(), 4);
        // The throttled second attempt waits its floor (2 x 1000 ms) plus half of it.
        assert.deepStrictEqual(rt.sleeps, [100, 3000, 400]);
    });

    it("tells onRetry about each retry before sleeping: attempt, budget, delay and the error", async () => {
        const rt = new FakeRuntime([0.25]);
        const first = serviceError();
        const second = throttled(700);
        const notices: Array<RetryNotice & { sleptBefore: number }> = [];
        const s = script<string>([first, second, "ok"]);
        await withRetries(s.attempt, options, (n) => notices.push({ ...n, sleptBefore: rt.sleeps.length }), rt);
        assert.deepStrictEqual(notices, [
            { attempt: 1, maxAttempts: 5, delayMs: 50, error: first, sleptBefore: 0 },
            { attempt: 2, maxAttempts: 5, delayMs: 700, error: second, sleptBefore: 1 },
        ]);
    });

    it("honours x-acs-retry-after between attempts, capped at maxDelayMs", async () => {
        const rt = new FakeRuntime([0]);
        const s = script<string>([throttled(1500), throttled(45_000), "ok"]);
        await withRetries(s.attempt, options, undefined, rt);
        assert.deepStrictEqual(rt.sleeps, [1500, 10_000]);
    });

    it("throws a non-retryable error at once, without sleeping", async () => {
        const nonRetryable: Error[] = [
            new DraftNotFoundError(draft, { httpStatus: 404 }),
            new InvalidArgumentError("deploymentDraftId", "is empty"),
            new InvalidCredentialsError("refused", draft, { apiCode: "SignatureDoesNotMatch" }),
            new TypeError("a bug, not a VervericaError"),
        ];
        for (const error of nonRetryable) {
            const rt = new FakeRuntime();
            const s = script<string>([error, "never reached"]);
            let notified = false;
            assert.strictEqual(await rejection(withRetries(s.attempt, options, () => (notified = true), rt)), error);
            assert.strictEqual(s.calls(), 1, error.message);
            assert.deepStrictEqual(rt.sleeps, []);
            assert.strictEqual(notified, false);
        }
    });

    it("stops after maxAttempts and throws the last error as it is", async () => {
        const rt = new FakeRuntime([0.5]);
        const errors = [serviceError({ requestId: "r1" }), serviceError({ requestId: "r2" }), serviceError({ requestId: "r3" }), serviceError({ requestId: "r4" })];
        const s = script<string>(errors);
        const e = await rejection(withRetries(s.attempt, { ...options, maxAttempts: 3 }, undefined, rt));
        assert.strictEqual(e, errors[2]);
        assert.strictEqual(s.calls(), 3);
        assert.deepStrictEqual(rt.sleeps, [100, 200]);
    });

    it("makes exactly one attempt when maxAttempts is 1", async () => {
        const rt = new FakeRuntime();
        const s = script<string>([serviceError(), "ok"]);
        await rejection(withRetries(s.attempt, { ...options, maxAttempts: 1 }, undefined, rt));
        assert.strictEqual(s.calls(), 1);
        assert.deepStrictEqual(rt.sleeps, []);
    });

    it("does not start a retry whose wait would end past the time budget", async () => {
        const rt = new FakeRuntime();
        const s = script<string>([throttled(600)]);
        const e = await rejection(withRetries(s.attempt, { ...options, maxElapsedMs: 1000 }, undefined, rt));
        assert.ok(e instanceof ThrottledError);
        // attempt at 0 ms, wait to 600 ms; a second wait would end at 1200 ms > 1000 ms.
        assert.strictEqual(s.calls(), 2);
        assert.deepStrictEqual(rt.sleeps, [600]);
    });

    it("allows a retry whose wait ends exactly at the time budget", async () => {
        const rt = new FakeRuntime();
        const s = script<string>([throttled(500), throttled(500), "ok"]);
        assert.strictEqual(await withRetries(s.attempt, { ...options, maxElapsedMs: 1000 }, undefined, rt), "ok");
        assert.deepStrictEqual(rt.sleeps, [500, 500]);
    });

    it("counts the time the attempts themselves took against the budget", async () => {
        const rt = new FakeRuntime();
        const s = script<string>([throttled(100)], rt, 450);
        await rejection(withRetries(s.attempt, { ...options, maxElapsedMs: 1000 }, undefined, rt));
        // 450 (attempt) + 100 (wait) + 450 (attempt) = 1000; another wait would end at 1100. Counting
        // only the waits (200 ms) would instead run all 5 attempts.
        assert.strictEqual(s.calls(), 2);
        assert.deepStrictEqual(rt.sleeps, [100]);
    });

    it("does not retry at all with a time budget of 0 unless the wait is 0", async () => {
        const rt = new FakeRuntime([0.5]);
        const s = script<string>([serviceError(), "ok"]);
        await rejection(withRetries(s.attempt, { ...options, maxElapsedMs: 0 }, undefined, rt));
        assert.strictEqual(s.calls(), 1);
        const rt0 = new FakeRuntime([0]);
        const s0 = script<string>([serviceError(), "ok"]);
        assert.strictEqual(await withRetries(s0.attempt, { ...options, maxElapsedMs: 0 }, undefined, rt0), "ok");
    });

    it("uses real timers by default: a retry after 0 ms still happens", async () => {
        const s = script<string>([throttled(0), "ok"]);
        assert.strictEqual(await withRetries(s.attempt, { ...defaultRetryOptions, maxAttempts: 2 }), "ok");
        assert.strictEqual(s.calls(), 2);
    });

    it("marks exactly Throttled, ServiceError and Network as retryable", () => {
        const retryable = (e: VervericaError) => e.retryable;
        assert.strictEqual(retryable(throttled()), true);
        assert.strictEqual(retryable(serviceError()), true);
        assert.strictEqual(retryable(new NetworkError("x", draft)), true);
        assert.strictEqual(retryable(new DraftNotFoundError(draft, {})), false);
        assert.strictEqual(retryable(new InvalidCredentialsError("x", draft)), false);
    });
});
