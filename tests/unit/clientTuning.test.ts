import * as assert from "node:assert";
import { defaultMaxConcurrency, defaultTimeouts, resolveTuning } from "../../provider/core/clientTuning";
import type { ConfigReader } from "../../provider/core/connectionSettings";
import { ConfigurationError } from "../../provider/core/errors";
import { defaultRetryOptions } from "../../provider/core/retryPolicy";
import { assertCleanMessage } from "../helpers/assertions";

const config = (values: Record<string, string> = {}): ConfigReader => (key) => values[key];

function configurationError(fn: () => unknown): string {
    try {
        fn();
    } catch (e) {
        assert.ok(e instanceof ConfigurationError, `expected a ConfigurationError, got ${String(e)}`);
        return e.message;
    }
    return assert.fail("expected a ConfigurationError");
}

describe("clientTuning", () => {
    it("uses the documented defaults when nothing is set", () => {
        const t = resolveTuning({}, config(), {});
        assert.deepStrictEqual(t, {
            retry: { maxAttempts: 5, maxElapsedMs: 30_000, throttleRetryTimeMs: 300_000, baseDelayMs: 200, maxDelayMs: 10_000, throttleDelayMs: 1_000 },
            timeouts: { connectTimeoutMs: 10_000, readTimeoutMs: 60_000 },
            maxConcurrency: 8,
        });
        assert.deepStrictEqual(t.retry, defaultRetryOptions);
        assert.deepStrictEqual(t.timeouts, defaultTimeouts);
        assert.strictEqual(t.maxConcurrency, defaultMaxConcurrency);
    });

    it("reads every knob from the environment", () => {
        const t = resolveTuning({}, config(), {
            VERVERICA_MAX_ATTEMPTS: "2",
            VERVERICA_MAX_RETRY_TIME_MS: "1500",
            VERVERICA_CONNECT_TIMEOUT_MS: "250",
            VERVERICA_READ_TIMEOUT_MS: "750",
            VERVERICA_MAX_CONCURRENCY: "3",
        });
        assert.deepStrictEqual(t, {
            retry: { ...defaultRetryOptions, maxAttempts: 2, maxElapsedMs: 1500 },
            timeouts: { connectTimeoutMs: 250, readTimeoutMs: 750 },
            maxConcurrency: 3,
        });
    });

    it("reads every knob from stack config, over the environment", () => {
        const t = resolveTuning(
            {},
            config({
                "ververica:maxAttempts": "3",
                "ververica:maxRetryTimeMs": "2500",
                "ververica:connectTimeoutMs": "300",
                "ververica:readTimeoutMs": "900",
                "ververica:maxConcurrency": "4",
            }),
            { VERVERICA_MAX_ATTEMPTS: "2", VERVERICA_MAX_RETRY_TIME_MS: "1500", VERVERICA_CONNECT_TIMEOUT_MS: "250", VERVERICA_READ_TIMEOUT_MS: "750", VERVERICA_MAX_CONCURRENCY: "3" },
        );
        assert.deepStrictEqual(t, {
            retry: { ...defaultRetryOptions, maxAttempts: 3, maxElapsedMs: 2500 },
            timeouts: { connectTimeoutMs: 300, readTimeoutMs: 900 },
            maxConcurrency: 4,
        });
    });

    it("takes per-call options over stack config and environment", () => {
        const t = resolveTuning(
            { maxAttempts: 7, maxRetryTimeMs: 0, connectTimeoutMs: 11, readTimeoutMs: 22, maxConcurrency: 1 },
            config({ "ververica:maxAttempts": "3", "ververica:readTimeoutMs": "900" }),
            { VERVERICA_MAX_CONCURRENCY: "3", VERVERICA_CONNECT_TIMEOUT_MS: "250" },
        );
        assert.deepStrictEqual(t, {
            retry: { ...defaultRetryOptions, maxAttempts: 7, maxElapsedMs: 0 },
            timeouts: { connectTimeoutMs: 11, readTimeoutMs: 22 },
            maxConcurrency: 1,
        });
    });

    it("reads the retry backoff bounds like the other knobs: option, stack config, environment", () => {
        assert.deepStrictEqual(resolveTuning({}, config(), { VERVERICA_RETRY_BASE_DELAY_MS: "50", VERVERICA_RETRY_MAX_DELAY_MS: "2000" }).retry, {
            ...defaultRetryOptions,
            baseDelayMs: 50,
            maxDelayMs: 2000,
        });
        const t = resolveTuning({ retryBaseDelayMs: 5 }, config({ "ververica:retryBaseDelayMs": "60", "ververica:retryMaxDelayMs": "3000" }), { VERVERICA_RETRY_MAX_DELAY_MS: "2000" });
        assert.strictEqual(t.retry.baseDelayMs, 5);
        assert.strictEqual(t.retry.maxDelayMs, 3000);
        assertCleanMessage(configurationError(() => resolveTuning({}, config(), { VERVERICA_RETRY_MAX_DELAY_MS: "0" })), ["VERVERICA_RETRY_MAX_DELAY_MS", "at least 1"]);
    });

    it("reads the throttling floor like the other knobs: option, stack config, environment", () => {
        assert.strictEqual(resolveTuning({}, config(), { VERVERICA_RETRY_THROTTLE_DELAY_MS: "40" }).retry.throttleDelayMs, 40);
        assert.strictEqual(resolveTuning({}, config({ "ververica:retryThrottleDelayMs": "30" }), { VERVERICA_RETRY_THROTTLE_DELAY_MS: "40" }).retry.throttleDelayMs, 30);
        assert.strictEqual(resolveTuning({ retryThrottleDelayMs: 20 }, config({ "ververica:retryThrottleDelayMs": "30" }), {}).retry.throttleDelayMs, 20);
        assertCleanMessage(configurationError(() => resolveTuning({}, config(), { VERVERICA_RETRY_THROTTLE_DELAY_MS: "0" })), ["VERVERICA_RETRY_THROTTLE_DELAY_MS", "at least 1"]);
    });

    it("reads the throttling time budget like the other knobs, 0 allowed, and keeps it apart from maxRetryTimeMs", () => {
        assert.strictEqual(resolveTuning({}, config(), { VERVERICA_THROTTLE_RETRY_TIME_MS: "60000" }).retry.throttleRetryTimeMs, 60_000);
        assert.strictEqual(resolveTuning({}, config({ "ververica:throttleRetryTimeMs": "0" }), { VERVERICA_THROTTLE_RETRY_TIME_MS: "60000" }).retry.throttleRetryTimeMs, 0);
        const t = resolveTuning({ throttleRetryTimeMs: 1000, maxRetryTimeMs: 50 }, config({ "ververica:throttleRetryTimeMs": "30" }), {});
        assert.deepStrictEqual([t.retry.throttleRetryTimeMs, t.retry.maxElapsedMs], [1000, 50]);
        assertCleanMessage(configurationError(() => resolveTuning({}, config(), { VERVERICA_THROTTLE_RETRY_TIME_MS: "-1" })), ["VERVERICA_THROTTLE_RETRY_TIME_MS", "at least 0"]);
    });

    it("resolves each knob on its own: one from an option, one from config, one from the environment", () => {
        const t = resolveTuning({ maxAttempts: 9 }, config({ "ververica:readTimeoutMs": "900" }), { VERVERICA_CONNECT_TIMEOUT_MS: "250" });
        assert.strictEqual(t.retry.maxAttempts, 9);
        assert.strictEqual(t.timeouts.readTimeoutMs, 900);
        assert.strictEqual(t.timeouts.connectTimeoutMs, 250);
        assert.strictEqual(t.retry.maxElapsedMs, defaultRetryOptions.maxElapsedMs);
        assert.strictEqual(t.maxConcurrency, defaultMaxConcurrency);
    });

    it("skips empty strings and trims numbers given as text", () => {
        const t = resolveTuning({}, config({ "ververica:maxAttempts": "", "ververica:readTimeoutMs": " 900 " }), { VERVERICA_MAX_ATTEMPTS: "4" });
        assert.strictEqual(t.retry.maxAttempts, 4);
        assert.strictEqual(t.timeouts.readTimeoutMs, 900);
    });

    it("allows a retry time budget of 0 but at least 1 for every other knob", () => {
        assert.strictEqual(resolveTuning({}, config(), { VERVERICA_MAX_RETRY_TIME_MS: "0" }).retry.maxElapsedMs, 0);
        for (const name of ["VERVERICA_MAX_ATTEMPTS", "VERVERICA_CONNECT_TIMEOUT_MS", "VERVERICA_READ_TIMEOUT_MS", "VERVERICA_MAX_CONCURRENCY"]) {
            assertCleanMessage(configurationError(() => resolveTuning({}, config(), { [name]: "0" })), [name, "at least 1", '"0"']);
        }
    });

    it("refuses values that are not whole numbers, naming the source and the value", () => {
        assertCleanMessage(configurationError(() => resolveTuning({}, config({ "ververica:readTimeoutMs": "1.5" }), {})), ["stack config ververica:readTimeoutMs", "whole number", '"1.5"']);
        assertCleanMessage(configurationError(() => resolveTuning({}, config(), { VERVERICA_MAX_CONCURRENCY: "many" })), ["VERVERICA_MAX_CONCURRENCY", '"many"']);
        assertCleanMessage(configurationError(() => resolveTuning({}, config(), { VERVERICA_MAX_RETRY_TIME_MS: "-1" })), ["VERVERICA_MAX_RETRY_TIME_MS", "at least 0"]);
        assertCleanMessage(configurationError(() => resolveTuning({ maxAttempts: 0 }, config(), {})), ["option maxAttempts", "at least 1", "0"]);
        assertCleanMessage(configurationError(() => resolveTuning({ connectTimeoutMs: Number.NaN }, config(), {})), ["option connectTimeoutMs"]);
    });

    it("reports a bad higher-level value even when a lower level holds a good one", () => {
        assertCleanMessage(configurationError(() => resolveTuning({}, config({ "ververica:maxAttempts": "x" }), { VERVERICA_MAX_ATTEMPTS: "3" })), ["stack config ververica:maxAttempts"]);
    });
});
