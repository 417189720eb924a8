/**
 * readDrafts with a client that serves pages and reads from memory: which drafts are read
 * again, that the reads start before the paging ends, the order of the result, progress and
 * failures. The emulator tests cover the same function over HTTP.
 */
import * as assert from "node:assert";
import type { DraftClient, DraftPage } from "../../provider/core/draftClient";
import { ListingProgress, readDrafts } from "../../provider/core/draftListing";
import { NetworkError } from "../../provider/core/errors";
import type { DeploymentDraftAttributes } from "../../provider/core/model";
import { DraftCoordinates } from "../../provider/core/validation";
import { makeDraft } from "../helpers/draftFactory";

const where = { workspace: "ws", namespace: "ns" };

/** A client whose pages hold drafts without artifacts where `summaries` says so. */
function memoryClient(drafts: readonly DeploymentDraftAttributes[], options: { readonly summaries?: boolean; readonly readDelayMs?: (id: string) => number; readonly failRead?: string } = {}) {
    const events: string[] = [];
    const client = {
        async forEachDraftPage(_workspace: string, _namespace: string, onPage: (page: DraftPage) => void): Promise<void> {
            for (let start = 0; start === 0 || start < drafts.length; start += 2) {
                await new Promise((resolve) => setTimeout(resolve, 5));
                events.push(`page ${start / 2 + 1}`);
                const page = drafts.slice(start, start + 2).map((d) => (options.summaries ? { ...d, artifact: undefined } : d));
                onPage({ drafts: page, pageIndex: start / 2 + 1, pageSize: 2, totalSize: drafts.length, isLastPage: start + 2 >= drafts.length });
            }
        },
        async getDeploymentDraft(c: DraftCoordinates): Promise<DeploymentDraftAttributes> {
            events.push(`read ${c.deploymentDraftId}`);
            await new Promise((resolve) => setTimeout(resolve, options.readDelayMs?.(c.deploymentDraftId) ?? 1));
            if (c.deploymentDraftId === options.failRead) throw new NetworkError("connection reset", c);
            const draft = drafts.find((d) => d.deploymentDraftId === c.deploymentDraftId);
            assert.ok(draft);
            return draft;
        },
    };
    return { client: client as unknown as DraftClient, events };
}

const drafts = ["a", "b", "c", "d", "e"].map((id) => makeDraft({ deploymentDraftId: id, name: `draft-${id}` }));

describe("reading the drafts of a namespace", () => {
    it("takes complete listed drafts as they are, without a second read", async () => {
        const { client, events } = memoryClient(drafts);
        assert.deepStrictEqual(await readDrafts(client, where), drafts);
        assert.deepStrictEqual(events, ["page 1", "page 2", "page 3"]);
    });

    it("reads drafts listed without their artifact in full, starting before the last page, in list order", async () => {
        const { client, events } = memoryClient(drafts, { summaries: true, readDelayMs: (id) => (id === "a" ? 40 : 1) });
        assert.deepStrictEqual(await readDrafts(client, where), drafts);
        assert.ok(events.indexOf("read a") < events.indexOf("page 3"), events.join(", "));
        assert.strictEqual(events.filter((e) => e.startsWith("read")).length, 5);
    });

    it("reads only the drafts the filter keeps", async () => {
        const { client, events } = memoryClient(drafts, { summaries: true });
        const kept = await readDrafts(client, { ...where, nameRegex: /-[bd]$/ });
        assert.deepStrictEqual(kept.map((d) => d.deploymentDraftId), ["b", "d"]);
        assert.deepStrictEqual(events.filter((e) => e.startsWith("read")), ["read b", "read d"]);
    });

    it("reports progress up to every draft of the namespace, filtered out ones included", async () => {
        const { client } = memoryClient(drafts, { summaries: true });
        const seen: ListingProgress[] = [];
        await readDrafts(client, { ...where, ids: new Set(["a", "e"]) }, (p) => seen.push(p));
        assert.deepStrictEqual(seen[seen.length - 1], { read: 5, total: 5 });
        assert.ok(seen.every((p) => p.read <= p.total));
    });

    it("fails with the error of a read that fails", async () => {
        const { client } = memoryClient(drafts, { summaries: true, failRead: "c" });
        await assert.rejects(readDrafts(client, where), (e: unknown) => e instanceof NetworkError && e.draft.deploymentDraftId === "c");
    });

    it("returns nothing for an empty namespace", async () => {
        const { client } = memoryClient([]);
        assert.deepStrictEqual(await readDrafts(client, where), []);
    });
});
