import { checkDraftLock, draftLockRule } from "../../../sdk/nodejs/policy";
import { draftLabel, makeDraft } from "../../helpers/draftFactory";
import { assertCompliant, assertViolations } from "../../helpers/policyAssertions";

describe("draft-lock rule", () => {
    const lock = { id: "lock-1", holderId: "2012345678", holderName: "alice" };

    it("accepts a draft without a lock or with an empty one", () => {
        assertCompliant(checkDraftLock(makeDraft()));
        assertCompliant(checkDraftLock(makeDraft({ lock: { id: "lock-1", holderId: "", holderName: "" } })));
    });

    it("flags a lock held by someone not allowed, naming the holder and the fix", () => {
        assertViolations(checkDraftLock(makeDraft({ lock })), draftLockRule, 1, draftLabel, 'locked by "alice" (2012345678)', "release the lock");
    });

    it("accepts a holder allowed by id or by name", () => {
        assertCompliant(checkDraftLock(makeDraft({ lock }), { allowedHolders: ["2012345678"] }));
        assertCompliant(checkDraftLock(makeDraft({ lock }), { allowedHolders: ["alice"] }));
        assertViolations(checkDraftLock(makeDraft({ lock }), { allowedHolders: ["ci-bot"] }), draftLockRule, 1);
    });

    it("names a holder known only by id", () => {
        assertViolations(checkDraftLock(makeDraft({ lock: { holderId: "2012345678" } })), draftLockRule, 1, 'locked by "2012345678"');
    });
});
