// Where a DeploymentDraft's drift is found: check and diff compare what is stored, a read
// records a new revision only for a draft edited or locked since.
import * as assert from "assert";
import { checkDraftInputs, diffDraft, draftResourceInputNames, revisionOf, revisionToRecord } from "../../provider/core/draftResource";

const selector = { workspace: "ws", namespace: "ns", deploymentDraftId: "d-1" };
const outputs = { ...selector, name: "orders-etl", modifiedAt: 100, lock: null };

describe("DeploymentDraft drift", () => {
    it("check carries the stored revision over and refuses one given among the new inputs", () => {
        assert.deepStrictEqual(checkDraftInputs({ ...selector, revision: "100/unlocked" }, selector), { inputs: { ...selector, revision: "100/unlocked" } });
        assert.deepStrictEqual(checkDraftInputs({}, selector), { inputs: selector });
        const forged = { failure: { property: "", reason: `invalid argument "revision": is not an argument of DeploymentDraft; it takes ${draftResourceInputNames.map((n) => `"${n}"`).join(", ")}` } };
        assert.deepStrictEqual(checkDraftInputs({ ...selector, revision: "100/unlocked" }, { ...selector, revision: "forged" }), forged);
    });

    it("diff shows no change while the recorded revision is the stored one, and an update when a read recorded another", () => {
        assert.deepStrictEqual(diffDraft(outputs, selector, undefined), { replaces: [], updates: [] });
        assert.deepStrictEqual(diffDraft(outputs, { ...selector, revision: "100/unlocked" }, "100/unlocked"), { replaces: [], updates: [] });
        assert.deepStrictEqual(diffDraft(outputs, selector, "200/lock-1"), { replaces: [], updates: ["revision"] });
        assert.deepStrictEqual(diffDraft(outputs, { ...selector, revision: "100/unlocked" }, "200/lock-1"), { replaces: [], updates: ["revision"] });
    });

    it("a read records the draft's new revision when its modification time or lock changed, else keeps the stored one", () => {
        assert.strictEqual(revisionToRecord(undefined, outputs, { modifiedAt: 100 }), undefined);
        assert.strictEqual(revisionToRecord("90/unlocked", outputs, { modifiedAt: 100 }), "90/unlocked");
        assert.strictEqual(revisionToRecord(undefined, outputs, { modifiedAt: 200 }), revisionOf({ modifiedAt: 200 }));
        assert.strictEqual(revisionToRecord(undefined, outputs, { modifiedAt: 100, lock: { id: "lock-1" } }), "100/lock-1");
    });
});
