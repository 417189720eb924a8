/**
 * The client against a service that throttles hard or is gone, through the real HTTP client:
 * sustained throttling is ridden out by every lookup, and a service that cannot be reached
 * fails the remaining lookups at once with one error each. Counts are asserted, never durations.
 */
import * as assert from "assert";
import * as net from "net";
import { getDeploymentDraft } from "../../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL, generateDrafts } from "../emulator";
import { useEmulator } from "../helpers/emulatorFixture";
import { VervericaError } from "../../provider/core/errors";

const workspace = "ws-load";
const namespace = "ns-load";
const drafts = generateDrafts(500, { workspace, namespace });
const ids = drafts.map((d) => String(d.deploymentDraftId));

/** A loopback port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

describe("a throttled or unreachable service", function () {
    this.timeout(120_000);
    const fixture = useEmulator({ drafts });

    it("500 concurrent lookups under 40% throttling with x-acs-retry-after 200 ms all succeed, some after more attempts than maxAttempts", async () => {
        const { emulator } = fixture;
        emulator.faults.latencyMs = 5;
        emulator.faults.rate("throttle", 0.4, { retryAfterMs: 200, seed: 24 });
        const lines: string[] = [];
        // maxAttempts bounds faults other than throttling: 2 would have failed about one draft in six.
        const options = { endpoint: emulator.url, cache: false, maxAttempts: 2, logger: (line: string) => void lines.push(line) };
        const results = await Promise.all(ids.map((id) => getDeploymentDraft({ workspace, namespace, deploymentDraftId: id }, options)));

        assert.deepStrictEqual(results.map((r) => r.deploymentDraftId), ids);
        const throttled = emulator.stats.byStatus["429"] ?? 0;
        assert.strictEqual(emulator.stats.byStatus["200"], ids.length);
        assert.strictEqual(emulator.stats.requests, ids.length + throttled);
        assert.ok(throttled > ids.length / 4, `only ${throttled} throttled answers: the rule did not throttle as configured`);
        assert.strictEqual(lines.length, throttled, "one retry line per throttled answer");
        assert.ok(emulator.stats.peakInFlight <= 8, `peak in flight ${emulator.stats.peakInFlight}`);
        const perDraft = new Map<string, number>();
        for (const entry of emulator.stats.log) {
            if (entry.status === 429) perDraft.set(entry.rawPath, (perDraft.get(entry.rawPath) ?? 0) + 1);
        }
        assert.ok(Math.max(...perDraft.values()) >= 2, "no draft was throttled twice: the test would not show attempts beyond maxAttempts");
        for (const line of lines) {
            assert.match(line, /^ververica: GetDeploymentDraft attempt \d+ failed \(Throttled\); retrying in 200 ms, for up to 4m\d\ds more: request throttled /);
        }
    });

    it("when the endpoint refuses connections, all but the first few lookups fail at once as ServiceUnreachable, each once", async () => {
        const endpoint = `http://127.0.0.1:${await closedPort()}`;
        const lines: string[] = [];
        const options = { endpoint, cache: false, logger: (line: string) => void lines.push(line) };
        const outcomes = await Promise.all(
            ids.slice(0, 100).map((id) =>
                getDeploymentDraft({ workspace, namespace, deploymentDraftId: id }, options).then(
                    () => assert.fail(`the lookup of ${id} succeeded against a closed port`),
                    (e: unknown) => e,
                ),
            ),
        );
        // The first lookups fail as Network until the breaker opens, or as ServiceUnreachable at their next attempt.
        const codes = outcomes.map((e) => (e instanceof VervericaError ? e.code : String(e)));
        assert.deepStrictEqual(codes.filter((c) => c !== "Network" && c !== "ServiceUnreachable"), []);
        const unreachable = outcomes.filter((e): e is VervericaError => e instanceof VervericaError && e.code === "ServiceUnreachable");
        assert.ok(unreachable.length >= 80, `only ${unreachable.length} of 100 lookups failed fast`);
        // Retries happen only before the breaker opens: far fewer than the 4 each lookup would make alone.
        assert.ok(lines.length < 40, `${lines.length} retries`);
        for (const e of unreachable) {
            assert.match(e.message, new RegExp(`^${endpoint.replace(/[.]/g, "\\.")} cannot be reached \\(connection failed \\(ECONNREFUSED\\)\\); failing fast for \\d+ s more \\(workspace "ws-load"`));
            assert.ok(!e.message.includes("\n") && !e.message.includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret), e.message);
        }
    });
});
