/**
 * Many lookups at once, against a slow and sometimes throttling emulator: the process-wide
 * bound on concurrent calls holds, identical lookups share one request, and throttled
 * requests are retried until everything succeeds. Counts are asserted, never durations.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { getDeploymentDraft, getDeploymentDraftOutput, GetDeploymentDraftResult } from "../../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL, generateDrafts } from "../emulator";
import { useEmulator } from "../helpers/emulatorFixture";
import { setEnvironment } from "../helpers/environment";
import { withStderrCapture } from "../helpers/stderrCapture";

const workspace = "ws-load";
const namespace = "ns-load";
const drafts = generateDrafts(200, { workspace, namespace });
const ids = drafts.map((d) => String(d.deploymentDraftId));

const latencyMs = 20;
const maxConcurrency = 8;
// Ten attempts make a lookup that is throttled every time (p = 0.1^10) practically impossible.
const maxAttempts = 10;
const credentialEnv = { ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret };

/** The value of a known output, outside any Pulumi engine. */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => {
        output.apply((v) => {
            resolve(v);
            return v;
        });
    });
}

describe("many lookups", () => {
    const fixture = useEmulator({ drafts });
    const options = () => ({ endpoint: fixture.emulator.url, maxConcurrency, maxAttempts });

    beforeEach(() => {
        fixture.emulator.faults.latencyMs = latencyMs;
    });

    it("1,000 lookups of 200 drafts under 10% throttling: all succeed, at most 8 in flight, one request per draft plus one per throttle", async () => {
        const { emulator } = fixture;
        emulator.faults.rate("throttle", 0.1, { retryAfterMs: 2, seed: 42 });
        // Interleaved, so that most lookups of a draft arrive while its first one is in flight.
        const wanted = Array.from({ length: 1000 }, (_, i) => ids[(i * 7) % ids.length]);
        const { result: results, lines } = await withStderrCapture(() =>
            Promise.all(wanted.map((id) => getDeploymentDraft({ workspace, namespace, deploymentDraftId: id }, options()))),
        );

        assert.deepStrictEqual(results.map((r) => r.deploymentDraftId), wanted);
        const throttled = emulator.stats.faultsServed.throttle ?? 0;
        assert.strictEqual(lines.filter((l) => l.includes("failed (Throttled); retrying in 2 ms")).length, throttled, "one logged retry per throttled request");
        assert.ok(throttled > 0, "the seeded rule throttled nothing: the test would prove nothing about retries");
        assert.ok(emulator.stats.peakInFlight <= maxConcurrency, `peak in flight ${emulator.stats.peakInFlight}`);
        assert.ok(emulator.stats.requests >= ids.length, `requests ${emulator.stats.requests}`);
        assert.ok(emulator.stats.requests <= ids.length + throttled, `requests ${emulator.stats.requests}, throttled ${throttled}`);
        assert.strictEqual(emulator.stats.byStatus["200"], ids.length);
        assert.strictEqual(emulator.stats.byStatus["429"], throttled);
    });

    it("100 identical lookups make exactly 1 request, in flight and afterwards", async () => {
        const { emulator } = fixture;
        const args = { workspace, namespace, deploymentDraftId: ids[0] };
        const results = await Promise.all(Array.from({ length: 100 }, () => getDeploymentDraft(args, options())));
        assert.ok(results.every((r) => r.deploymentDraftId === ids[0]));
        assert.strictEqual((await getDeploymentDraft(args, options())).deploymentDraftId, ids[0]);
        assert.strictEqual(emulator.stats.requests, 1);
    });

    it("cache:false makes one request per lookup, still within the bound", async () => {
        const { emulator } = fixture;
        const args = { workspace, namespace, deploymentDraftId: ids[0] };
        await Promise.all(Array.from({ length: 50 }, () => getDeploymentDraft(args, { ...options(), cache: false })));
        assert.strictEqual(emulator.stats.requests, 50);
        assert.ok(emulator.stats.peakInFlight <= maxConcurrency, `peak in flight ${emulator.stats.peakInFlight}`);
        assert.ok(emulator.stats.peakInFlight > 1, "the lookups did not overlap at all");
    });

    it("time spent queued for a slot does not use up the retry budget", async () => {
        const { emulator } = fixture;
        // One slot: the tenth lookup waits for nine answers (about 9 x 20 ms) before its first
        // attempt, far beyond the 60 ms budget, and must still get its retry.
        emulator.faults.next("throttle", 10, { retryAfterMs: 1 });
        const lookups = ids
            .slice(0, 10)
            .map((id) => getDeploymentDraft({ workspace, namespace, deploymentDraftId: id }, { ...options(), maxConcurrency: 1, maxRetryTimeMs: 60 }));
        const { result: results } = await withStderrCapture(() => Promise.all(lookups));
        assert.deepStrictEqual(results.map((r) => r.deploymentDraftId), ids.slice(0, 10));
        assert.strictEqual(emulator.stats.faultsServed.throttle, 10);
        assert.strictEqual(emulator.stats.requests, 20);
    });

    it("a setting changed between lookups applies to the next one", async () => {
        const { emulator } = fixture;
        const args = (i: number) => ({ workspace, namespace, deploymentDraftId: ids[i] });
        const batch = (from: number) => Promise.all(Array.from({ length: 20 }, (_, i) => getDeploymentDraft(args(from + i), { endpoint: emulator.url })));
        const restore = setEnvironment({ ...credentialEnv, VERVERICA_MAX_CONCURRENCY: "6" });
        try {
            await batch(0);
            assert.strictEqual(emulator.stats.peakInFlight, 6);
            emulator.stats.reset();
            process.env.VERVERICA_MAX_CONCURRENCY = "2";
            await batch(20);
            assert.strictEqual(emulator.stats.peakInFlight, 2);
            emulator.stats.reset();
            // A per-call option wins over the environment.
            await Promise.all(Array.from({ length: 20 }, (_, i) => getDeploymentDraft(args(40 + i), { endpoint: emulator.url, maxConcurrency: 4 })));
            assert.strictEqual(emulator.stats.peakInFlight, 4);
        } finally {
            restore();
        }
    });

    it("a lower maxConcurrency bounds every call of the process, getDeploymentDraftOutput in a plain program included", async () => {
        const { emulator } = fixture;
        const bound = 3;
        const outputs: pulumi.Output<GetDeploymentDraftResult>[] = ids
            .slice(0, 60)
            .map((id) => getDeploymentDraftOutput({ workspace, namespace, deploymentDraftId: pulumi.output(id) }, { ...options(), maxConcurrency: bound }));
        const direct = ids.slice(60, 100).map((id) => getDeploymentDraft({ workspace, namespace, deploymentDraftId: id }, { ...options(), maxConcurrency: bound }));
        const results = [...(await Promise.all(outputs.map(valueOf))), ...(await Promise.all(direct))];
        assert.deepStrictEqual(results.map((r) => r.deploymentDraftId), ids.slice(0, 100));
        assert.strictEqual(emulator.stats.requests, 100);
        assert.ok(emulator.stats.peakInFlight <= bound, `peak in flight ${emulator.stats.peakInFlight}`);
        assert.strictEqual(emulator.stats.peakInFlight, bound, "the lookups never filled the bound");
    });
});
