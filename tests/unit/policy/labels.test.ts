import * as assert from "node:assert/strict";
import { checkRequiredLabels, labelText, requiredLabelsRule } from "../../../sdk/nodejs/policy";
import { draftLabel, makeDraft } from "../../helpers/draftFactory";
import { assertCompliant, assertViolations } from "../../helpers/policyAssertions";

describe("required-labels rule", () => {
    const config = { requiredLabels: ["owner", "cost-center"], labelPatterns: { env: "prod|staging", "cost-center": "\\d{4}" } };

    it("requires nothing by default", () => {
        assertCompliant(checkRequiredLabels(makeDraft({ labels: undefined })));
    });

    it("accepts a draft with every required label and matching values", () => {
        assertCompliant(checkRequiredLabels(makeDraft({ labels: { owner: "data", "cost-center": "1234", env: "prod" } }), config));
    });

    it("lists all missing labels in one violation", () => {
        assertViolations(checkRequiredLabels(makeDraft({ labels: { env: "prod" } }), config), requiredLabelsRule, 1, draftLabel, 'labels "owner", "cost-center" are missing');
        assertViolations(checkRequiredLabels(makeDraft({ labels: undefined }), config), requiredLabelsRule, 1, "are missing");
    });

    it("matches patterns against the whole value", () => {
        const violations = checkRequiredLabels(makeDraft({ labels: { owner: "data", "cost-center": "12345", env: "production" } }), config);
        const messages = assertViolations(violations, requiredLabelsRule, 2, 'label "env" has the value "production", which does not match "prod|staging"');
        assert.ok(messages[1].includes('label "cost-center" has the value "12345"'));
    });

    it("checks a pattern only when the label is present", () => {
        assertCompliant(checkRequiredLabels(makeDraft({ labels: { owner: "data", "cost-center": "1234" } }), config));
    });

    it("compares non-string values as their JSON text", () => {
        assert.equal(labelText(1), "1");
        assert.equal(labelText({ a: [true, null] }), '{"a":[true,null]}');
        const patterns = { requiredLabels: ["tier"], labelPatterns: { tier: "[12]", flags: "\\{.*\\}" } };
        assertCompliant(checkRequiredLabels(makeDraft({ labels: { tier: 1, flags: { beta: true } } }), patterns));
        assertViolations(checkRequiredLabels(makeDraft({ labels: { tier: 3 } }), patterns), requiredLabelsRule, 1, 'has the value "3"');
    });

    it("rejects an invalid pattern, naming the label", () => {
        assert.throws(() => checkRequiredLabels(makeDraft(), { requiredLabels: [], labelPatterns: { env: "(" } }), /labelPatterns\.env/);
    });
});
