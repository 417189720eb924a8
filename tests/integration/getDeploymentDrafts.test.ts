/**
 * getDeploymentDrafts against the emulator: every page is read, filters keep exactly the
 * matching drafts, a listed draft without its artifact is read in full, and bad arguments fail
 * before any request.
 */
import * as assert from "node:assert";
import { getDeploymentDraft, getDeploymentDrafts, InvalidArgumentError } from "../../sdk/nodejs";
import { generateDrafts } from "../emulator";
import { useEmulator } from "../helpers/emulatorFixture";

const scope = { workspace: "ws-list", namespace: "ns-list" };

describe("getDeploymentDrafts", () => {
    const fixture = useEmulator({ drafts: [] });
    const options = () => ({ endpoint: fixture.emulator.url });
    const seed = (count: number) => {
        for (const draft of generateDrafts(count, scope)) fixture.emulator.store.put(draft);
    };

    for (const [count, pages] of [
        [0, 1],
        [1, 1],
        [100, 1],
        [101, 2],
        [1000, 10],
    ] as const) {
        it(`returns all ${count} drafts of a namespace, reading ${pages} page(s) of 100`, async () => {
            seed(count);
            const result = await getDeploymentDrafts(scope, options());
            const expected = generateDrafts(count, scope);
            assert.deepStrictEqual(result.ids, expected.map((d) => d.deploymentDraftId));
            assert.deepStrictEqual(result.names, expected.map((d) => d.name));
            assert.strictEqual(result.drafts.length, count);
            assert.strictEqual(fixture.emulator.stats.byAction.ListDeploymentDrafts, pages);
            assert.strictEqual(fixture.emulator.stats.byAction.GetDeploymentDraft, undefined, "complete listed drafts need no second read");
            assert.ok(fixture.emulator.stats.log.filter((e) => e.action === "ListDeploymentDrafts").every((e) => e.rawQuery.includes("pageSize=100")));
        });
    }

    it("requests the pages after the first together, within the concurrency bound, and keeps the list order", async () => {
        seed(1000);
        fixture.emulator.faults.latencyMs = 20;
        const result = await getDeploymentDrafts(scope, options());
        assert.deepStrictEqual(result.ids, generateDrafts(1000, scope).map((d) => d.deploymentDraftId));
        assert.strictEqual(fixture.emulator.stats.byAction.ListDeploymentDrafts, 10);
        const { peakInFlight } = fixture.emulator.stats;
        assert.ok(peakInFlight > 1 && peakInFlight <= 8, `${peakInFlight} list requests in flight at most`);
    });

    it("pages by the size the service served, not the size asked: 40 a page take 7 list requests for 250 drafts, in order", async () => {
        seed(250);
        fixture.emulator.listing.servedPageSizeLimit = 40;
        const result = await getDeploymentDrafts(scope, options());
        assert.deepStrictEqual(result.ids, generateDrafts(250, scope).map((d) => d.deploymentDraftId));
        assert.strictEqual(fixture.emulator.stats.byAction.ListDeploymentDrafts, 7);
    });

    it("pages on one page at a time without totalSize, until a short page", async () => {
        seed(250);
        fixture.emulator.listing.omitTotalSize = true;
        const result = await getDeploymentDrafts(scope, options());
        assert.strictEqual(result.ids.length, 250);
        assert.strictEqual(fixture.emulator.stats.byAction.ListDeploymentDrafts, 3);
    });

    it("returns each draft exactly as getDeploymentDraft does, with id", async () => {
        seed(3);
        const { drafts } = await getDeploymentDrafts(scope, options());
        assert.deepStrictEqual(
            drafts.map((d) => d.id),
            generateDrafts(3, scope).map((d) => d.deploymentDraftId),
        );
        for (const draft of drafts) {
            assert.deepStrictEqual(draft, await getDeploymentDraft({ ...scope, deploymentDraftId: draft.id }, { ...options(), cache: false }));
        }
    });

    it("reads a listed draft that lacks its artifact with GetDeploymentDraft", async () => {
        seed(150);
        fixture.emulator.behaviour.listOmits = ["artifact"];
        const { drafts } = await getDeploymentDrafts(scope, options());
        assert.strictEqual(drafts.length, 150);
        assert.ok(drafts.every((d) => d.artifact?.kind === "SQLSCRIPT" && d.artifact.sqlArtifact?.sqlScript?.startsWith("INSERT INTO")));
        assert.strictEqual(fixture.emulator.stats.byAction.GetDeploymentDraft, 150);
        assert.strictEqual(fixture.emulator.stats.byAction.ListDeploymentDrafts, 2);
    });

    it("keeps only names matching nameRegex (anywhere in the name)", async () => {
        seed(120);
        const result = await getDeploymentDrafts({ ...scope, nameRegex: "-01[0-9]{2}$" }, options());
        assert.deepStrictEqual(result.names, Array.from({ length: 21 }, (_, i) => `draft-${String(100 + i).padStart(4, "0")}`));
    });

    it("keeps only the given ids", async () => {
        seed(120);
        const wanted = generateDrafts(120, scope).filter((_, i) => i === 4 || i === 110).map((d) => String(d.deploymentDraftId));
        const result = await getDeploymentDrafts({ ...scope, ids: [...wanted, "00000000-0000-4000-8000-ffffffffffff"] }, options());
        assert.deepStrictEqual(result.ids, wanted);
    });

    it("keeps only drafts carrying every given label with its value (non-string values as JSON text)", async () => {
        seed(30);
        fixture.emulator.store.update(scope.workspace, scope.namespace, String(generateDrafts(30, scope)[6].deploymentDraftId), (d) => {
            d.labels = { ...d.labels, team: "payments" };
        });
        assert.deepStrictEqual((await getDeploymentDrafts({ ...scope, labels: { index: "7", generated: "true" } }, options())).names, ["draft-0007"]);
        assert.deepStrictEqual((await getDeploymentDrafts({ ...scope, labels: { team: "payments" } }, options())).names, ["draft-0007"]);
        assert.deepStrictEqual((await getDeploymentDrafts({ ...scope, labels: { team: "payments", index: "8" } }, options())).names, []);
        assert.strictEqual((await getDeploymentDrafts({ ...scope, labels: {} }, options())).names.length, 30);
    });

    it("combines filters: a draft must pass all of them", async () => {
        seed(30);
        const result = await getDeploymentDrafts({ ...scope, nameRegex: "^draft-000", labels: { generated: "true" }, ids: generateDrafts(30, scope).slice(5, 15).map((d) => String(d.deploymentDraftId)) }, options());
        assert.deepStrictEqual(result.names, ["draft-0006", "draft-0007", "draft-0008", "draft-0009"]);
    });

    for (const [name, args, argument] of [
        ["an invalid nameRegex", { ...scope, nameRegex: "orders-(" }, "nameRegex"],
        ["a nameRegex that is not a string", { ...scope, nameRegex: 7 }, "nameRegex"],
        ["a blank id", { ...scope, ids: ["ok-id", " "] }, "ids[1]"],
        ["ids that are not a list", { ...scope, ids: "one-id" }, "ids"],
        ["a label value that is not a string", { ...scope, labels: { tier: 1 } }, "labels.tier"],
        ["a missing namespace", { workspace: scope.workspace }, "namespace"],
        ["the namespace \"..\"", { ...scope, namespace: ".." }, "namespace"],
        ["a nameRegex of 100,000 characters", { ...scope, nameRegex: "a".repeat(100_000) }, "nameRegex"],
        ["a misspelt argument (from JavaScript)", { ...scope, nameRegexp: "^orders" }, "nameRegexp"],
    ] as const) {
        it(`rejects ${name} before any request, naming the argument`, async () => {
            seed(5);
            await assert.rejects(
                getDeploymentDrafts(args as never, options()),
                (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument && e.message.split("\n").length === 1,
            );
            assert.strictEqual(fixture.emulator.stats.requests, 0);
        });
    }

    it("names the workspace, namespace, request id and error code when the namespace is denied", async () => {
        fixture.emulator.behaviour.deniedNamespaces = [scope.namespace];
        await assert.rejects(getDeploymentDrafts(scope, options()), (e: unknown) => {
            const message = (e as Error).message;
            return (e as { code?: string }).code === "AccessDenied" && message.includes('workspace "ws-list"') && message.includes('namespace "ns-list"') && /requestId [0-9A-F-]{36}/.test(message) && message.includes("Forbidden.RAM");
        });
    });

    it("recovers from throttling and still returns every draft", async () => {
        seed(250);
        fixture.emulator.behaviour.listOmits = ["artifact"];
        fixture.emulator.faults.rate("throttle", 0.2, { retryAfterMs: 5, seed: 7 });
        const result = await getDeploymentDrafts(scope, { ...options(), maxAttempts: 10, retryBaseDelayMs: 1, retryMaxDelayMs: 10 });
        assert.strictEqual(result.drafts.length, 250);
        assert.ok((fixture.emulator.stats.byStatus[429] ?? 0) > 0, "some requests were throttled");
    });
});
