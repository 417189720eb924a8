/**
 * Every fault the emulator can inject, against the public data source: transient faults are
 * retried within the attempt budget (each retry reported through the Pulumi log, without
 * credentials), permanent ones fail at once. Counts are asserted, never durations; the retry
 * waits are kept to a few milliseconds through the retry delay knobs.
 */
import * as assert from "assert";
import {
    AccessDeniedError,
    DraftNameNotFoundError,
    DraftNotFoundError,
    getDeploymentDraft,
    GetDeploymentDraftInvokeOptions,
    InvalidCredentialsError,
    InvalidResponseError,
    NetworkError,
    RequestFailedError,
    ServiceError,
    ThrottledError,
    UnconfirmedNotFoundError,
    VervericaError,
    VervericaErrorCode,
} from "../../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL, FaultKind, FaultOptions, generateDrafts, RequestLogEntry } from "../emulator";
import { rejectsWithCode } from "../helpers/assertions";
import { useEmulator } from "../helpers/emulatorFixture";
import { inPageOrder } from "../helpers/requestLog";
import { withStderrCapture } from "../helpers/stderrCapture";

const demo = { workspace: "a14bd5d90a", namespace: "default-namespace" };
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";

const maxAttempts = 3;
const retryBaseDelayMs = 2;
const retryMaxDelayMs = 50;
const retryThrottleDelayMs = 3;
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
    /** The fault itself comes as HTTP 200 (an envelope that says it failed). */
    readonly servedAs200?: boolean;
}

const transientFaults: readonly TransientFault[] = [
    { kind: "throttle", code: "Throttled", errorClass: ThrottledError, fault: { retryAfterMs: smallRetryAfterMs }, exactDelayMs: smallRetryAfterMs },
    { kind: "throttleNoRetryAfter", code: "Throttled", errorClass: ThrottledError },
    { kind: "rejectedThrottling", code: "Throttled", errorClass: ThrottledError },
    { kind: "retryAfterOn400", code: "Throttled", errorClass: ThrottledError, fault: { retryAfterMs: smallRetryAfterMs }, exactDelayMs: smallRetryAfterMs },
    { kind: "successFalseThrottling", code: "Throttled", errorClass: ThrottledError, servedAs200: true },
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
    { name: "404 without the not-found code", kind: "notFoundWithoutCode", code: "UnconfirmedNotFound", errorClass: UnconfirmedNotFoundError },
    { name: "403 forbidden", kind: "forbidden", code: "AccessDenied", errorClass: AccessDeniedError },
    { name: "a refused signature", kind: "badSignature", code: "InvalidCredentials", errorClass: InvalidCredentialsError },
];

/** One retry report, as `logRetry` writes it. */
interface RetryLine {
    readonly attempt: number;
    /** The attempt bound of a fault; throttling's lines name the time left instead. */
    readonly of?: number;
    readonly code: string;
    readonly delayMs: number;
    readonly text: string;
}

const retryLinePattern = /^ververica: GetDeploymentDraft attempt (\d+)(?:\/(\d+))? failed \((\w+)\); retrying in (\d+) ms(?:, for up to (?:\d+m)?\d+s more)?: /;

/** Runs `fn` while collecting the retry reports: outside a Pulumi engine, they go to stderr. */
async function withLogCapture<T>(fn: () => Promise<T>): Promise<{ result: T; retries: RetryLine[]; lines: string[] }> {
    const { result, lines } = await withStderrCapture(fn);
    const retries = lines.flatMap((text) => {
        const m = retryLinePattern.exec(text);
        return m ? [{ attempt: Number(m[1]), ...(m[2] ? { of: Number(m[2]) } : {}), code: m[3], delayMs: Number(m[4]), text }] : [];
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
        {
            VERVERICA_RETRY_BASE_DELAY_MS: String(retryBaseDelayMs),
            VERVERICA_RETRY_MAX_DELAY_MS: String(retryMaxDelayMs),
            VERVERICA_RETRY_THROTTLE_DELAY_MS: String(retryThrottleDelayMs),
        },
    );

    const lookup = (options: GetDeploymentDraftInvokeOptions = {}, deploymentDraftId = ordersEtl) =>
        getDeploymentDraft({ ...demo, deploymentDraftId }, { endpoint: fixture.emulator.url, cache: false, maxAttempts, readTimeoutMs, ...options });

    /** Asserts the lines report the failed attempts 1..n in order and reveal no credential. */
    function assertRetryLines(retries: readonly RetryLine[], lines: readonly string[], n: number, t: TransientFault): void {
        assert.deepStrictEqual(
            retries.map((r) => [r.attempt, r.of, r.code]),
            Array.from({ length: n }, (_, i) => [i + 1, t.code === "Throttled" ? undefined : maxAttempts, t.code]),
            lines.join("\n"),
        );
        for (const r of retries) {
            if (t.exactDelayMs !== undefined) {
                assert.strictEqual(r.delayMs, t.exactDelayMs, r.text);
            } else if (t.code === "Throttled") {
                // Throttling without x-acs-retry-after: at least the doubled floor, less than twice it.
                const floor = Math.min(retryMaxDelayMs, retryThrottleDelayMs * 2 ** (r.attempt - 1));
                assert.ok(r.delayMs >= floor && r.delayMs < 2 * floor, r.text);
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
                    assert.strictEqual(emulator.stats.byStatus["200"], t.servedAs200 ? n + 1 : 1);
                    assertRetryLines(retries, lines, n, t);
                }
            });

            if (t.code === "Throttled") {
                it(`keeps retrying past maxAttempts (${maxAttempts}): succeeds after ${maxAttempts + 2} faults, naming the time left in each retry line`, async () => {
                    const { emulator } = fixture;
                    emulator.faults.next(t.kind, maxAttempts + 2, t.fault);
                    const { result, retries, lines } = await withLogCapture(() => lookup());
                    assert.strictEqual(result.deploymentDraftId, ordersEtl);
                    assert.strictEqual(emulator.stats.requests, maxAttempts + 3);
                    assertRetryLines(retries, lines, maxAttempts + 2, t);
                    for (const r of retries) assert.match(r.text, /retrying in \d+ ms, for up to 4m5\ds more: request throttled/);
                });

                it("fails as Throttled after exactly 1 request with a throttling budget of 0", async () => {
                    const { emulator } = fixture;
                    emulator.faults.next(t.kind, maxAttempts, t.fault);
                    const { result: e, retries } = await withLogCapture(() => failure(lookup({ throttleRetryTimeMs: 0 }), t.code, t.errorClass));
                    assert.strictEqual(emulator.stats.requests, 1);
                    assert.strictEqual(e.draft.deploymentDraftId, ordersEtl);
                    assert.deepStrictEqual(retries, []);
                });
                return;
            }

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

        it("gives up on throttling without waiting when the next wait would pass throttleRetryTimeMs", async () => {
            const { emulator } = fixture;
            emulator.faults.next("throttle", maxAttempts, { retryAfterMs: 40 });
            const { retries } = await withLogCapture(() => failure(lookup({ throttleRetryTimeMs: 30 }), "Throttled", ThrottledError));
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

    describe("list pages as the service may send them (lookups by name)", () => {
        const paging = { workspace: "ws-paging", namespace: "many-drafts" };
        const lookupByName = (name: string, namespace = paging.namespace) =>
            getDeploymentDraft({ workspace: paging.workspace, namespace, name }, { endpoint: fixture.emulator.url, cache: false, maxAttempts });

        /** What each request asked for: the action and, for a list, the page and the size asked. */
        function requests(log: readonly RequestLogEntry[]): string[] {
            return inPageOrder(log).map((e) => {
                const query = new URLSearchParams(e.rawQuery);
                return e.action === "ListDeploymentDrafts" ? `list ${query.get("pageIndex")}/${query.get("pageSize")}` : "get";
            });
        }
        const lists = (n: number) => Array.from({ length: n }, (_, i) => `list ${i + 1}/100`);

        function store(count: number, namespace = paging.namespace): void {
            for (const d of generateDrafts(count, { ...paging, namespace })) fixture.emulator.store.put(d);
        }

        it("reads a page without data as empty: a namespace with no drafts fails as DraftNameNotFound after 1 request", async () => {
            fixture.emulator.listing.omitEmptyData = true;
            const e = await failure(lookupByName("draft-0001", "empty"), "DraftNameNotFound", DraftNameNotFoundError);
            assert.match(e.message, /the namespace has no drafts/);
            assert.deepStrictEqual(requests(fixture.emulator.stats.log), lists(1));
        });

        it("pages on without totalSize until a short page: 250 drafts take 3 list requests", async () => {
            store(250);
            fixture.emulator.listing.omitTotalSize = true;
            const found = await lookupByName("draft-0217");
            assert.strictEqual(found.name, "draft-0217");
            assert.deepStrictEqual(requests(fixture.emulator.stats.log), [...lists(3), "get"]);
        });

        it("pages on without totalSize until an empty page, with or without data: 200 drafts take 3 list requests", async () => {
            store(200);
            fixture.emulator.listing.omitTotalSize = true;
            for (const omitEmptyData of [false, true]) {
                fixture.emulator.stats.reset();
                fixture.emulator.listing.omitEmptyData = omitEmptyData;
                assert.strictEqual((await lookupByName("draft-0200")).name, "draft-0200");
                assert.deepStrictEqual(requests(fixture.emulator.stats.log), [...lists(3), "get"], `omitEmptyData ${omitEmptyData}`);
            }
        });

        it("pages by the size the service served, not the size asked: 40 a page take 7 list requests for 250 drafts", async () => {
            store(250);
            fixture.emulator.listing.servedPageSizeLimit = 40;
            for (const omitTotalSize of [false, true]) {
                fixture.emulator.stats.reset();
                fixture.emulator.listing.omitTotalSize = omitTotalSize;
                // draft-0217 is on the sixth page of 40; the seventh (10 drafts) is read too, to rule out a second match.
                assert.strictEqual((await lookupByName("draft-0217")).name, "draft-0217");
                assert.deepStrictEqual(requests(fixture.emulator.stats.log), [...lists(7), "get"], `omitTotalSize ${omitTotalSize}`);
            }
            fixture.emulator.stats.reset();
            const e = await failure(lookupByName("draft-9999"), "DraftNameNotFound", DraftNameNotFoundError);
            assert.ok(e instanceof DraftNameNotFoundError && e.availableNames.length === 250, e.message);
            assert.deepStrictEqual(requests(fixture.emulator.stats.log), lists(7));
        });
    });
});
