// Looking a draft up by name pages through ListDeploymentDrafts (100 a page) and then reads the
// match with GetDeploymentDraft; the emulator serves enough drafts for three pages.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { clearDraftLookupCache } from "../../provider/core/draftLookup";
import { AmbiguousDraftNameError, DraftNameNotFoundError } from "../../provider/core/errors";
import { draftResourceOutputNames } from "../../provider/core/draftResource";
import { createDraftResourceProvider, DraftResourceOutputs } from "../../provider/dynamic/draftResourceProvider";
import { draftPath } from "../../provider/core/pathEncoding";
import { getDeploymentDraft, GetDeploymentDraftArgs, getDeploymentDraftOutput } from "../../sdk/nodejs";
import { generateDrafts, RequestLogEntry } from "../emulator";
import { rejectsWithCode } from "../helpers/assertions";
import { useEmulator } from "../helpers/emulatorFixture";
import { inPageOrder } from "../helpers/requestLog";

const workspace = "ws-paging";
const namespace = "many-drafts";
const drafts = generateDrafts(250, { workspace, namespace });
// Names sort in generation order, so the 217th draft is the 17th of page 3.
const target = drafts[216];
const targetName = "draft-0217";

/**
 * What each request asked for, in order: the action, and the page of a list request. The pages
 * after the first are requested together, so a run of list requests is given in page order.
 */
function requests(log: readonly RequestLogEntry[]): string[] {
    return inPageOrder(log).map((e) => {
        if (e.action !== "ListDeploymentDrafts") return `${e.action} ${e.rawPath}`;
        const query = new URLSearchParams(e.rawQuery);
        return `${e.action} pageIndex=${query.get("pageIndex")} pageSize=${query.get("pageSize")}`;
    });
}

const pages = [1, 2, 3].map((i) => `ListDeploymentDrafts pageIndex=${i} pageSize=100`);
const readTarget = `GetDeploymentDraft ${draftPath(namespace, String(target.deploymentDraftId))}`;

// An output's own promise: unlike `apply`, it also reports a failed lookup.
function settle<T>(output: pulumi.Output<T>): Promise<T> {
    return (output as unknown as { promise(): Promise<T> }).promise();
}

describe("lookup by name", () => {
    const fixture = useEmulator({ drafts });
    const endpoint = () => fixture.emulator.url;

    it("getDeploymentDraft pages through the list and reads the one match on page 3", async () => {
        const stored = fixture.emulator.store.get(workspace, namespace, String(target.deploymentDraftId));
        assert.strictEqual(stored?.name, targetName);
        const result = await getDeploymentDraft({ workspace, namespace, name: targetName }, { endpoint: endpoint() });
        assert.deepStrictEqual(result, { id: target.deploymentDraftId, ...stored });
        assert.deepStrictEqual(requests(fixture.emulator.stats.log), [...pages, readTarget]);
        assert.ok(fixture.emulator.stats.log.every((e) => e.headers.workspace === workspace));
    });

    it("requests the pages after the first together once the first tells the namespace's size", async () => {
        fixture.emulator.faults.latencyMs = 20;
        await getDeploymentDraft({ workspace, namespace, name: targetName }, { endpoint: endpoint() });
        assert.deepStrictEqual(requests(fixture.emulator.stats.log), [...pages, readTarget]);
        assert.strictEqual(fixture.emulator.stats.peakInFlight, 2, "pages 2 and 3 in flight together");
    });

    it("getDeploymentDraftOutput does the same", async () => {
        const result = await settle(getDeploymentDraftOutput({ workspace, namespace, name: pulumi.output(targetName) }, { endpoint: endpoint() }));
        assert.deepStrictEqual(result, { id: target.deploymentDraftId, ...fixture.emulator.store.get(workspace, namespace, String(target.deploymentDraftId)) });
        assert.deepStrictEqual(requests(fixture.emulator.stats.log), [...pages, readTarget]);
    });

    it("returns the draft as GetDeploymentDraft has it, even when the list shows less", async () => {
        const store = fixture.emulator.store;
        const list = store.list.bind(store);
        store.list = (w, n) => list(w, n).map((d) => ({ ...d, artifact: undefined, labels: undefined }));
        const result = await getDeploymentDraft({ workspace, namespace, name: targetName }, { endpoint: endpoint() });
        assert.deepStrictEqual([result.artifact, result.labels], [target.artifact, target.labels]);
    });

    it("fails with DraftNameNotFound listing the names found, without a GetDeploymentDraft", async () => {
        for (const lookup of [
            () => getDeploymentDraft({ workspace, namespace, name: "draft-9999" }, { endpoint: endpoint(), cache: false }),
            () => settle(getDeploymentDraftOutput({ workspace, namespace, name: "draft-9999" }, { endpoint: endpoint(), cache: false })),
        ]) {
            fixture.emulator.stats.reset();
            const e = await rejectsWithCode(lookup(), "DraftNameNotFound");
            assert.ok(e instanceof DraftNameNotFoundError);
            assert.deepStrictEqual(e.availableNames, drafts.map((d) => d.name));
            assert.match(e.message, /no deployment draft named "draft-9999"; drafts found: "draft-0001", "draft-0002", .*"draft-0050", and 200 more/);
            assert.deepStrictEqual(e.draft, { workspace, namespace, name: "draft-9999" });
            assert.deepStrictEqual(requests(fixture.emulator.stats.log), pages);
        }
    });

    it("says so when the namespace has no drafts at all", async () => {
        const e = await rejectsWithCode(getDeploymentDraft({ workspace, namespace: "empty", name: targetName }, { endpoint: endpoint() }), "DraftNameNotFound");
        assert.match(e.message, /the namespace has no drafts/);
        assert.deepStrictEqual(requests(fixture.emulator.stats.log), ["ListDeploymentDrafts pageIndex=1 pageSize=100"]);
    });

    it("fails with AmbiguousDraftName listing the ids of every match, across pages", async () => {
        // Equal names sort by id: the first copy ends page 2, the original and the second copy start page 3.
        const original = drafts[199];
        const name = "draft-0200";
        assert.strictEqual(original.name, name);
        const copies = ["00000000-0000-4000-8000-000000000000", "ffffffff-0000-4000-8000-000000000000"];
        for (const id of copies) {
            fixture.emulator.store.put({ ...original, deploymentDraftId: id });
        }
        const e = await rejectsWithCode(getDeploymentDraft({ workspace, namespace, name }, { endpoint: endpoint() }), "AmbiguousDraftName");
        assert.ok(e instanceof AmbiguousDraftNameError);
        const ids = [copies[0], String(original.deploymentDraftId), copies[1]];
        assert.deepStrictEqual(e.matchingIds, ids);
        assert.ok(e.message.includes(`3 deployment drafts are named "${name}" (ids ${ids.join(", ")}); pass deploymentDraftId to choose one`), e.message);
        assert.deepStrictEqual(requests(fixture.emulator.stats.log), pages);
        const pageOf = (id: string) => Math.ceil((fixture.emulator.store.list(workspace, namespace).findIndex((d) => d.deploymentDraftId === id) + 1) / 100);
        assert.deepStrictEqual(ids.map(pageOf), [2, 3, 3]);
    });

    it("succeeds where other drafts have an unknown kind or execution mode, no kind, or fields the model cannot read", async () => {
        const { store } = fixture.emulator;
        const id = (i: number) => String(drafts[i].deploymentDraftId);
        store.update(workspace, namespace, id(0), { artifact: { kind: "FLINK_ML", sqlArtifact: { sqlScript: "SELECT 1" } }, executionMode: "MICRO_BATCH" });
        store.update(workspace, namespace, id(1), { artifact: { kind: "sqlscript" } });
        store.update(workspace, namespace, id(2), { artifact: { sqlArtifact: { sqlScript: "SELECT 2" } } });
        store.update(workspace, namespace, id(3), (d) => Object.assign(d, { labels: "not-an-object", createdAt: "yesterday" }));
        const result = await getDeploymentDraft({ workspace, namespace, name: targetName }, { endpoint: endpoint() });
        assert.deepStrictEqual(result, { id: target.deploymentDraftId, ...store.get(workspace, namespace, String(target.deploymentDraftId)) });
        assert.deepStrictEqual(requests(fixture.emulator.stats.log), [...pages, readTarget]);

        // Read by id or name, such a draft comes back as the API sent it.
        const unknownKind = await getDeploymentDraft({ workspace, namespace, name: String(drafts[0].name) }, { endpoint: endpoint() });
        assert.deepStrictEqual([unknownKind.executionMode, unknownKind.artifact], ["MICRO_BATCH", { kind: "FLINK_ML", sqlArtifact: { sqlScript: "SELECT 1" } }]);
        const kindless = await getDeploymentDraft({ workspace, namespace, deploymentDraftId: id(2) }, { endpoint: endpoint() });
        assert.deepStrictEqual(kindless.artifact, { sqlArtifact: { sqlScript: "SELECT 2" } });
        // Only the draft asked for is read in full: the unreadable one fails alone, naming its field.
        const e = await rejectsWithCode(getDeploymentDraft({ workspace, namespace, name: String(drafts[3].name) }, { endpoint: endpoint() }), "InvalidResponse");
        assert.match(e.message, /field "labels" should be an object but is string/);
    });

    it("rejects both an id and a name before any request, in both forms", async () => {
        // The argument types refuse both; a JavaScript caller is not stopped by them.
        const both = { workspace, namespace, deploymentDraftId: String(target.deploymentDraftId), name: targetName } as unknown as GetDeploymentDraftArgs;
        for (const lookup of [() => getDeploymentDraft(both, { endpoint: endpoint() }), async () => settle(getDeploymentDraftOutput(both, { endpoint: endpoint() }))]) {
            const e = await rejectsWithCode(lookup(), "InvalidArgument");
            assert.match(e.message, /give either "deploymentDraftId" or "name", not both/);
        }
        assert.strictEqual(fixture.emulator.stats.requests, 0);
    });

    it("the DeploymentDraft provider creates by name the same way", async () => {
        const provider = createDraftResourceProvider(process.env);
        const result = await provider.create({ workspace, namespace, name: targetName, endpoint: endpoint() });
        assert.strictEqual(result.id, target.deploymentDraftId);
        const outs = result.outs as DraftResourceOutputs;
        const stored: Record<string, unknown> = { ...fixture.emulator.store.get(workspace, namespace, String(target.deploymentDraftId)), endpoint: endpoint(), lookupName: targetName };
        // Every declared output, an absent one as null.
        assert.deepStrictEqual(outs, Object.fromEntries(draftResourceOutputNames.map((name) => [name, stored[name] ?? null])));
        assert.deepStrictEqual(requests(fixture.emulator.stats.log), [...pages, readTarget]);
    });

    it("lookups by name in one namespace share one listing: concurrent ones wait for the listing in flight, then each reads its own draft", async () => {
        const names = drafts.slice(0, 40).map((d) => String(d.name));
        const found = await Promise.all(names.map((name) => getDeploymentDraft({ workspace, namespace, name }, { endpoint: endpoint() })));
        assert.deepStrictEqual(found.map((d) => d.name), names);
        // A later lookup in the same namespace resolves from the same listing.
        await getDeploymentDraft({ workspace, namespace, name: targetName }, { endpoint: endpoint() });
        assert.deepStrictEqual(fixture.emulator.stats.byAction, { ListDeploymentDrafts: pages.length, GetDeploymentDraft: names.length + 1 });
    });

    it("a shared listing fails each lookup as its own would: not found, ambiguous, or the listing's own failure", async () => {
        const original = drafts[199];
        fixture.emulator.store.put({ ...original, deploymentDraftId: "00000000-0000-4000-8000-000000000000" });
        const lookup = (name: string) => getDeploymentDraft({ workspace, namespace, name }, { endpoint: endpoint() });
        const [missing, ambiguous, found] = await Promise.allSettled([lookup("draft-9999"), lookup(String(original.name)), lookup(targetName)]);
        assert.ok(missing.status === "rejected" && missing.reason instanceof DraftNameNotFoundError, String(missing.status));
        assert.deepStrictEqual(missing.reason.availableNames.length, drafts.length + 1);
        assert.ok(ambiguous.status === "rejected" && ambiguous.reason instanceof AmbiguousDraftNameError, String(ambiguous.status));
        assert.deepStrictEqual(found.status === "fulfilled" && found.value.id, target.deploymentDraftId);
        assert.strictEqual(fixture.emulator.stats.byAction.ListDeploymentDrafts, pages.length);
        // A name the listing lacked may be a draft created since: the next lookup lists again.
        fixture.emulator.store.put({ ...original, deploymentDraftId: "00000000-0000-4000-8000-00000000ffff", name: "draft-9999" });
        assert.strictEqual((await lookup("draft-9999")).id, "00000000-0000-4000-8000-00000000ffff");
        assert.strictEqual(fixture.emulator.stats.byAction.ListDeploymentDrafts, 2 * pages.length);
        // A failed listing is not kept: the next lookup lists again.
        clearDraftLookupCache();
        fixture.emulator.faults.next("forbidden", 1);
        await rejectsWithCode(lookup("draft-0001"), "AccessDenied");
        fixture.emulator.stats.reset();
        assert.strictEqual((await lookup("draft-0001")).name, "draft-0001");
        assert.strictEqual(fixture.emulator.stats.byAction.ListDeploymentDrafts, pages.length);
    });
});
