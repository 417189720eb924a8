/**
 * Every fault the emulator can inject, against the public data source: transient faults are
 * retried within the attempt budget (each retry reported through the Pulumi log, without
 * credentials), permanent ones fail at once. Counts are asserted, never durations; the retry
 * waits are kept to a few milliseconds through the retry delay knobs.
 */
import * as assert from "assert";
import {
    AccessDeniedError,
    DraftNotFoundError,
    getDeploymentDraft,
    GetDeploymentDraftInvokeOptions,
    InvalidCredentialsError,
    InvalidResponseError,
    NetworkError,
    RequestFailedError,
    ServiceError,
    ThrottledError,
    VervericaError,
    VervericaErrorCode,
} from "../../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL, FaultKind, FaultOptions } from "../emulator";
import { rejectsWithCode } from "../helpers/assertions";
import { useEmulator } from "../helpers/emulatorFixture";
import { withStderrCapture } from "../helpers/stderrCapture";

const demo = { workspace: "a14bd5d90a", namespace: "default-namespace" };
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";

const maxAttempts = 3;
const retryBaseDelayMs = 2;
const retryMaxDelayMs = 50;
const smallRetryAfterMs = 5;
// A hung request is given up on after this long; far above the emulator's answer time.
const readTimeoutMs = 200;

type ErrorClass = new (...args: never[]) => VervericaError;

interface TransientFault {
    readonly kind: FaultKind;
    readonly code: VervericaErrorCode;
    readonly errorClass: ErrorClass;
    readonly fault?: FaultOptions;
    /** The wait every retry must announce, when the server prescribes it. */
    readonly exactDelayMs?: number;
}

const transientFaults: readonly TransientFault[] = [
    { kind: "throttle", code: "Throttled", errorClass: ThrottledError, fault: { retryAfterMs: smallRetryAfterMs }, exactDelayMs: smallRetryAfterMs },
    { kind: "throttleNoRetryAfter", code: "Throttled", errorClass: ThrottledError },
    { kind: "error500", code: "ServiceError", errorClass: ServiceError },
    { kind: "error503", code: "ServiceError", errorClass: ServiceError },
    { kind: "reset", code: "Network", errorClass: NetworkError },
    { kind: "timeout", code: "Network", errorClass: NetworkError },
];

interface PermanentFault {
    readonly name: string;
    /** Injected; absent for a failure the service itself produces. */
    readonly kind?: FaultKind;
    readonly deploymentDraftId?: string;
    readonly code: VervericaErrorCode;
    readonly errorClass: ErrorClass;
}

const permanentFaults: readonly PermanentFault[] = [
    { name: "malformed JSON", kind: "malformedJson", code: "InvalidResponse", errorClass: InvalidResponseError },
    { name: "truncated JSON", kind: "truncatedJson", code: "InvalidResponse", errorClass: InvalidResponseError },
    { name: "HTTP 200 with success:false", kind: "successFalse", code: "RequestFailed", errorClass: RequestFailedError },
    { name: "404 for an unknown draft", deploymentDraftId: "no-such-draft", code: "DraftNotFound", errorClass: DraftNotFoundError },
    { name: "403 forbidden", kind: "forbidden", code: "AccessDenied", errorClass: AccessDeniedError },
    { name: "a refused signature", kind: "badSignature", code: "InvalidCredentials", errorClass: InvalidCredentialsError },
];

/** One retry report, as `logRetry` writes it. */
interface RetryLine {
    readonly attempt: number;
    readonly of: number;
    readonly code: string;
    readonly delayMs: number;
    readonly text: string;
}

const retryLinePattern = /^ververica: GetDeploymentDraft attempt (\d+)\/(\d+) failed \((\w+)\); retrying in (\d+) ms: /;

/** Runs `fn` while collecting the retry reports: outside a Pulumi engine, they go to stderr. */
async function withLogCapture<T>(fn: () => Promise<T>): Promise<{ result: T; retries: RetryLine[]; lines: string[] }> {
    const { result, lines } = await withStderrCapture(fn);
    const retries = lines.flatMap((text) => {
        const m = retryLinePattern.exec(text);
        return m ? [{ attempt: Number(m[1]), of: Number(m[2]), code: m[3], delayMs: Number(m[4]), text }] : [];
    });
    return { result, retries, lines };
}

/** The promise's rejection, asserted to be a VervericaError of `code` and `errorClass`. */
async function failure(promise: Promise<unknown>, code: VervericaErrorCode, errorClass: ErrorClass): Promise<VervericaError> {
    const e = await rejectsWithCode(promise, code);
    assert.ok(e instanceof errorClass, `expected ${errorClass.name}, got ${e.name}`);
    return e;
}

describe("fault matrix: retries and failures per injected fault", () => {
    const fixture = useEmulator(
        {},
        { VERVERICA_RETRY_BASE_DELAY_MS: String(retryBaseDelayMs), VERVERICA_RETRY_MAX_DELAY_MS: String(retryMaxDelayMs) },
    );

    const lookup = (options: GetDeploymentDraftInvokeOptions = {}, deploymentDraftId = ordersEtl) =>
        getDeploymentDraft({ ...demo, deploymentDraftId }, { endpoint: fixture.emulator.url, cache: false, maxAttempts, readTimeoutMs, ...options });

    /** Asserts the lines report the failed attempts 1..n in order and reveal no credential. */
    function assertRetryLines(retries: readonly RetryLine[], lines: readonly string[], n: number, t: TransientFault): void {
        assert.deepStrictEqual(
            retries.map((r) => [r.attempt, r.of, r.code]),
            Array.from({ length: n }, (_, i) => [i + 1, maxAttempts, t.code]),
            lines.join("\n"),
        );
        for (const r of retries) {
            if (t.exactDelayMs !== undefined) {
                assert.strictEqual(r.delayMs, t.exactDelayMs, r.text);
            } else {
                // Full jitter: anywhere below the doubled ceiling.
                assert.ok(r.delayMs < Math.min(retryMaxDelayMs, retryBaseDelayMs * 2 ** (r.attempt - 1)), r.text);
            }
        }
        for (const line of lines) {
            for (const secret of [DEFAULT_TEST_CREDENTIAL.accessKeySecret, DEFAULT_TEST_CREDENTIAL.accessKeyId, "Signature=", "Credential="]) {
                assert.ok(!line.includes(secret), `a log line reveals ${JSON.stringify(secret)}: ${line}`);
            }
        }
    }

    for (const t of transientFaults) {
        describe(`transient: ${t.kind}`, () => {
            it(`succeeds after 1..${maxAttempts - 1} injected faults, with exactly one more request than faults and a logged retry per fault`, async () => {
                const { emulator } = fixture;
                for (let n = 1; n < maxAttempts; n++) {
                    emulator.stats.reset();
                    emulator.faults.next(t.kind, n, t.fault);
                    const { result, retries, lines } = await withLogCapture(() => lookup());
                    assert.strictEqual(result.deploymentDraftId, ordersEtl);
                    assert.strictEqual(result.name, "orders-etl");
                    assert.strictEqual(emulator.stats.requests, n + 1, `${n} fault(s)`);
                    assert.strictEqual(emulator.stats.faultsServed[t.kind], n);
                    assert.strictEqual(emulator.stats.byStatus["200"], 1);
                    assertRetryLines(retries, lines, n, t);
                }
            });

            it(`fails as ${t.code} after exactly ${maxAttempts} requests when the fault persists`, async () => {
                const { emulator } = fixture;
                emulator.faults.next(t.kind, maxAttempts + 2, t.fault);
                const { result: e, retries, lines } = await withLogCapture(() => failure(lookup(), t.code, t.errorClass));
                assert.strictEqual(emulator.stats.requests, maxAttempts);
                assert.strictEqual(emulator.stats.faultsServed[t.kind], maxAttempts);
                assert.strictEqual(e.draft.deploymentDraftId, ordersEtl);
                assert.ok(!e.message.includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret), e.message);
                assertRetryLines(retries, lines, maxAttempts - 1, t);
            });
        });
    }

    for (const p of permanentFaults) {
        it(`permanent: ${p.name} fails at once as ${p.code} after exactly 1 request, without a retry`, async () => {
            const { emulator } = fixture;
            if (p.kind !== undefined) {
                // Queued more than once, so that a retry would meet the fault again and show up.
                emulator.faults.next(p.kind, maxAttempts);
            }
            const { retries, lines } = await withLogCapture(() => failure(lookup({}, p.deploymentDraftId), p.code, p.errorClass));
            assert.strictEqual(emulator.stats.requests, 1);
            assert.deepStrictEqual(retries, [], lines.join("\n"));
        });
    }

    describe("retry budget", () => {
        it("waits what x-acs-retry-after asks, capped at retryMaxDelayMs", async () => {
            const { emulator } = fixture;
            emulator.faults.next("throttle", 1, { retryAfterMs: 60_000 });
            const { result, retries } = await withLogCapture(() => lookup());
            assert.strictEqual(result.deploymentDraftId, ordersEtl);
            assert.strictEqual(emulator.stats.requests, 2);
            assert.deepStrictEqual(retries.map((r) => r.delayMs), [retryMaxDelayMs]);
        });

        it("gives up without waiting when the next wait would pass maxRetryTimeMs", async () => {
            const { emulator } = fixture;
            emulator.faults.next("throttle", maxAttempts, { retryAfterMs: 40 });
            const { retries } = await withLogCapture(() => failure(lookup({ maxRetryTimeMs: 30 }), "Throttled", ThrottledError));
            assert.strictEqual(emulator.stats.requests, 1);
            assert.deepStrictEqual(retries, []);
        });

        it("makes a single attempt with maxAttempts 1", async () => {
            const { emulator } = fixture;
            emulator.faults.next("error503", maxAttempts);
            await failure(lookup({ maxAttempts: 1 }), "ServiceError", ServiceError);
            assert.strictEqual(emulator.stats.requests, 1);
        });

        it("gets a fresh budget for every lookup", async () => {
            const { emulator } = fixture;
            const { retries } = await withLogCapture(async () => {
                emulator.faults.next("error500", maxAttempts - 1);
                await lookup();
                emulator.faults.next("error500", maxAttempts - 1);
                await lookup();
            });
            assert.strictEqual(emulator.stats.requests, 2 * maxAttempts);
            assert.deepStrictEqual(retries.map((r) => r.attempt), [1, 2, 1, 2]);
        });
    });
});
