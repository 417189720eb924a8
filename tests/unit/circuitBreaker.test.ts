import * as assert from "node:assert";
import { CircuitBreaker, EndpointBreakers } from "../../provider/core/circuitBreaker";
import { manualClock } from "../helpers/manualClock";

describe("circuitBreaker", () => {
    it("lets calls through until failureThreshold calls in a row could not connect, then refuses them for the cool-down", () => {
        const clock = manualClock();
        const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000, now: clock.now });
        breaker.unreachable("connection failed (ECONNREFUSED)");
        breaker.unreachable("connection failed (ECONNREFUSED)");
        assert.strictEqual(breaker.refusal(), undefined);
        breaker.unreachable("could not connect to host within 10 ms");
        assert.deepStrictEqual(breaker.refusal(), { lastCause: "could not connect to host within 10 ms", retryInMs: 10_000 });
        clock.advance(9_999);
        assert.deepStrictEqual(breaker.refusal(), { lastCause: "could not connect to host within 10 ms", retryInMs: 1 });
        clock.advance(1);
        assert.strictEqual(breaker.refusal(), undefined, "the cool-down is over");
    });

    it("reopens at the first failure after the cool-down", () => {
        const clock = manualClock();
        const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000, now: clock.now });
        for (let i = 0; i < 3; i++) breaker.unreachable("connection failed (ECONNREFUSED)");
        clock.advance(10_000);
        assert.strictEqual(breaker.refusal(), undefined);
        breaker.unreachable("connection failed (ENOTFOUND)");
        assert.deepStrictEqual(breaker.refusal(), { lastCause: "connection failed (ENOTFOUND)", retryInMs: 10_000 });
    });

    it("closes, and starts counting again, when the service answers", () => {
        const clock = manualClock();
        const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000, now: clock.now });
        breaker.unreachable("connection failed (ECONNREFUSED)");
        breaker.unreachable("connection failed (ECONNREFUSED)");
        breaker.reached();
        breaker.unreachable("connection failed (ECONNREFUSED)");
        breaker.unreachable("connection failed (ECONNREFUSED)");
        assert.strictEqual(breaker.refusal(), undefined, "failures not in a row do not open it");
        breaker.unreachable("connection failed (ECONNREFUSED)");
        assert.ok(breaker.refusal());
        breaker.reached();
        assert.strictEqual(breaker.refusal(), undefined, "an answer that arrives while open closes it");
    });

    it("keeps one breaker per endpoint, until cleared", () => {
        const breakers = new EndpointBreakers();
        const a = breakers.for("https://a.example");
        assert.strictEqual(breakers.for("https://a.example"), a);
        assert.notStrictEqual(breakers.for("https://b.example"), a);
        for (let i = 0; i < 5; i++) a.unreachable("connection failed (ECONNREFUSED)");
        assert.ok(breakers.for("https://a.example").refusal());
        assert.strictEqual(breakers.for("https://b.example").refusal(), undefined);
        breakers.clear();
        assert.strictEqual(breakers.for("https://a.example").refusal(), undefined);
    });
});
