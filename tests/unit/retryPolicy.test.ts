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
import {
    defaultRetryOptions,
    describeRetry,
    formatDuration,
    retryDelayMs,
    RetryNotice,
    RetryOptions,
    RetryRuntime,
    systemRetryRuntime,
    withRetries,
} from "../../provider/core/retryPolicy";

const draft = { workspace: "ws", namespace: "ns", deploymentDraftId: "id" };
const options: RetryOptions = { maxAttempts: 5, maxElapsedMs: 30_000, throttleRetryTimeMs: 300_000, baseDelayMs: 200, maxDelayMs: 10_000, throttleDelayMs: 1_000 };

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
        // Backoffs count per kind: the first throttling waits its floor (1000 ms) plus half of it,
        // and the network failure is the second fault, so its ceiling is 2 x 200 ms.
        assert.deepStrictEqual(rt.sleeps, [100, 1500, 200]);
    });

    it("tells onRetry about each retry before sleeping: attempt, budget, delay, the error and the time left", async () => {
        const rt = new FakeRuntime([0.25]);
        const first = serviceError();
        const second = throttled(700);
        const notices: Array<RetryNotice & { sleptBefore: number }> = [];
        const s = script<string>([first, second, "ok"]);
        await withRetries(s.attempt, options, (n) => notices.push({ ...n, sleptBefore: rt.sleeps.length }), rt);
        assert.deepStrictEqual(notices, [
            // A fault's budget runs from its attempt; throttling's from the first attempt.
            { attempt: 1, maxAttempts: 5, delayMs: 50, error: first, retryTimeLeftMs: 30_000 - 50, sleptBefore: 0 },
            { attempt: 2, maxAttempts: 5, delayMs: 700, error: second, retryTimeLeftMs: 300_000 - 50 - 700, sleptBefore: 1 },
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
        const e = await rejection(withRetries(s.attempt, { ...options, throttleRetryTimeMs: 1000 }, undefined, rt));
        assert.ok(e instanceof ThrottledError);
        // attempt at 0 ms, wait to 600 ms; a second wait would end at 1200 ms > 1000 ms.
        assert.strictEqual(s.calls(), 2);
        assert.deepStrictEqual(rt.sleeps, [600]);
    });

    it("allows a retry whose wait ends exactly at the time budget", async () => {
        const rt = new FakeRuntime();
        const s = script<string>([throttled(500), throttled(500), "ok"]);
        assert.strictEqual(await withRetries(s.attempt, { ...options, throttleRetryTimeMs: 1000 }, undefined, rt), "ok");
        assert.deepStrictEqual(rt.sleeps, [500, 500]);
    });

    it("counts the time the attempts themselves took against the budget", async () => {
        const rt = new FakeRuntime();
        const s = script<string>([throttled(100)], rt, 450);
        await rejection(withRetries(s.attempt, { ...options, throttleRetryTimeMs: 1000 }, undefined, rt));
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

describe("retryPolicy: throttling is bounded by time, other faults by attempts", () => {
    it("keeps retrying throttled calls past maxAttempts until throttleRetryTimeMs is spent", async () => {
        const rt = new FakeRuntime();
        const s = script<string>([throttled(200)]);
        const e = await rejection(withRetries(s.attempt, { ...options, maxAttempts: 3, throttleRetryTimeMs: 10_000 }, undefined, rt));
        assert.ok(e instanceof ThrottledError);
        // Waits of 200 ms up to 10 s in all: 50 retries after the first attempt.
        assert.strictEqual(s.calls(), 51);
        assert.strictEqual(rt.sleeps.reduce((a, b) => a + b, 0), 10_000);
    });

    it("rides out throttling and succeeds, however many attempts it took", async () => {
        const rt = new FakeRuntime();
        const s = script<string>([...Array.from({ length: 20 }, () => throttled(200)), "ok"]);
        assert.strictEqual(await withRetries(s.attempt, options, undefined, rt), "ok");
        assert.strictEqual(s.calls(), 21);
    });

    it("stops other faults at maxAttempts, throttled attempts not counted", async () => {
        const rt = new FakeRuntime([0.5]);
        const throttles = Array.from({ length: 10 }, () => throttled(200));
        const faults = [serviceError({ requestId: "f1" }), serviceError({ requestId: "f2" }), serviceError({ requestId: "f3" }), serviceError({ requestId: "f4" })];
        const s = script<string>([...throttles, ...faults, "never reached"]);
        const e = await rejection(withRetries(s.attempt, { ...options, maxAttempts: 3 }, undefined, rt));
        assert.strictEqual(e, faults[2]);
        assert.strictEqual(s.calls(), 13);
    });

    it("counts the faults' time budget from the first fault, not from the throttling before it", async () => {
        const rt = new FakeRuntime([0.5]);
        // A minute of throttling, then faults: maxRetryTimeMs (30 s) is not already spent.
        const s = script<string>([...Array.from({ length: 6 }, () => throttled(10_000)), serviceError(), "ok"]);
        assert.strictEqual(await withRetries(s.attempt, options, undefined, rt), "ok");
        assert.strictEqual(s.calls(), 8);
    });

    it("bounds throttling by the time since the first attempt, faults included", async () => {
        const rt = new FakeRuntime([0.5]);
        const s = script<string>([serviceError(), serviceError(), throttled(1000), throttled(1000)]);
        await rejection(withRetries(s.attempt, { ...options, throttleRetryTimeMs: 1300 }, undefined, rt));
        // Faults waited 100 + 200 ms; one throttled wait of 1000 ms ends at 1300, a second would not.
        assert.deepStrictEqual(rt.sleeps, [100, 200, 1000]);
        assert.strictEqual(s.calls(), 4);
    });

    it("does not retry throttling at all with a throttling budget of 0", async () => {
        const rt = new FakeRuntime();
        const s = script<string>([throttled(200), "ok"]);
        await rejection(withRetries(s.attempt, { ...options, throttleRetryTimeMs: 0 }, undefined, rt));
        assert.strictEqual(s.calls(), 1);
    });
});

describe("retryPolicy: the retry line", () => {
    it("names the time left, not an attempt bound, for throttling", () => {
        const line = describeRetry({ attempt: 7, maxAttempts: 5, delayMs: 200, error: throttled(200), retryTimeLeftMs: 292_400 }, "GetDeploymentDraft");
        assert.ok(line.startsWith("ververica: GetDeploymentDraft attempt 7 failed (Throttled); retrying in 200 ms, for up to 4m52s more: request throttled ("), line);
    });

    it("names the attempt bound for other faults", () => {
        const line = describeRetry({ attempt: 2, maxAttempts: 5, delayMs: 300, error: serviceError(), retryTimeLeftMs: 20_000 }, "GetDeploymentDraft");
        assert.ok(line.startsWith("ververica: GetDeploymentDraft attempt 2/5 failed (ServiceError); retrying in 300 ms: the service failed ("), line);
    });

    it("formats durations to the second", () => {
        assert.deepStrictEqual([0, 999, 45_000, 60_000, 292_400, 300_000, -5].map(formatDuration), ["0s", "0s", "45s", "1m00s", "4m52s", "5m00s", "0s"]);
    });
});

describe("retryPolicy: cancellation", () => {
    it("ends a retry wait as soon as the signal is aborted, with the signal's reason", async () => {
        const controller = new AbortController();
        const s = script<string>([throttled(60_000), "ok"]);
        const waiting = withRetries(s.attempt, { ...options, maxDelayMs: 60_000 }, () => setImmediate(() => controller.abort()), systemRetryRuntime, controller.signal);
        const e = await rejection(waiting);
        assert.ok(e instanceof Error && e.name === "AbortError", String(e));
        assert.strictEqual(s.calls(), 1);
    });

    it("starts no attempt once the signal is aborted", async () => {
        const controller = new AbortController();
        controller.abort();
        const s = script<string>(["ok"]);
        await rejection(withRetries(s.attempt, options, undefined, new FakeRuntime(), controller.signal));
        assert.strictEqual(s.calls(), 0);
    });

    it("does not retry a retryable failure that came after the signal was aborted", async () => {
        const controller = new AbortController();
        const failure = throttled(0);
        const s = script<string>([failure, "ok"]);
        const attempt = () => {
            controller.abort();
            return s.attempt();
        };
        assert.strictEqual(await rejection(withRetries(attempt, options, undefined, new FakeRuntime(), controller.signal)), failure);
        assert.strictEqual(s.calls(), 1);
    });
});
