import { checkExecutionMode, executionModeRule } from "../../../sdk/nodejs/policy";
import { draftLabel, makeDraft } from "../../helpers/draftFactory";
import { assertCompliant, assertViolations } from "../../helpers/policyAssertions";

describe("execution-mode rule", () => {
    it("allows streaming drafts by default", () => {
        assertCompliant(checkExecutionMode(makeDraft({ executionMode: "STREAMING" })));
    });

    it("flags a mode that is not allowed, naming the allowed ones", () => {
        assertViolations(checkExecutionMode(makeDraft({ executionMode: "BATCH" })), executionModeRule, 1, draftLabel, "execution mode BATCH is not allowed", "STREAMING");
    });

    it("follows the configured modes", () => {
        assertCompliant(checkExecutionMode(makeDraft({ executionMode: "BATCH" }), { allowedModes: ["STREAMING", "BATCH"] }));
        assertViolations(checkExecutionMode(makeDraft({ executionMode: "STREAMING" }), { allowedModes: ["BATCH"] }), executionModeRule, 1, "Use one of: BATCH");
    });

    it("flags a draft without an execution mode", () => {
        assertViolations(checkExecutionMode(makeDraft({ executionMode: undefined })), executionModeRule, 1, "no execution mode");
    });
});
