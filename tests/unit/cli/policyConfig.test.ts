import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { auditRules } from "../../../sdk/nodejs/cli/auditRules";
import { UsageError } from "../../../sdk/nodejs/cli/cliErrors";
import { configureRules } from "../../../sdk/nodejs/cli/policyConfig";
import { makeDraft } from "../../helpers/draftFactory";

const levelsOf = (config: unknown) => Object.fromEntries(configureRules(auditRules, config, "c.json").map((r) => [r.rule.name, r.level]));

describe("the audit's policy configuration", () => {
    it("runs every draft rule of the pack at the pack's default levels without a file", () => {
        assert.deepStrictEqual(levelsOf(undefined), {
            "ververica-engine-version": "mandatory",
            "ververica-no-plaintext-secrets": "mandatory",
            "ververica-draft-lock": "advisory",
            "ververica-execution-mode": "mandatory",
            "ververica-required-labels": "mandatory",
            "ververica-artifact-sources": "mandatory",
            "ververica-test-connectors": "advisory",
        });
    });

    it("reads the example file the policy pack documents", () => {
        const config: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../policy-pack/config.example.json"), "utf8"));
        const rules = configureRules(auditRules, config, "config.example.json");
        const labels = rules.find((r) => r.rule.name === "ververica-required-labels");
        assert.deepStrictEqual(labels?.check(makeDraft({ labels: { env: "production" } })).map((v) => v.message.replace(/^.*?: /, "")), [
            'required label "owner" is missing. Add it to the draft\'s labels.',
            'label "env" has the value "production", which does not match "dev|staging|prod". Change the label\'s value.',
        ]);
    });

    it("applies `all` to policies without a level of their own, and drops disabled ones", () => {
        const levels = levelsOf({ all: "advisory", "ververica-engine-version": { enforcementLevel: "remediate" }, "ververica-test-connectors": "disabled" });
        assert.strictEqual(levels["ververica-engine-version"], "remediate");
        assert.strictEqual(levels["ververica-execution-mode"], "advisory");
        assert.strictEqual(levels["ververica-test-connectors"], undefined);
    });

    it("accepts entries for the pack's deployment policies, which do not apply to drafts", () => {
        assert.strictEqual(Object.keys(levelsOf({ "ververica-deployment-engine-version": "disabled" })).length, 7);
    });

    for (const [name, config, message] of [
        ["a file that is not an object", [], /c\.json: expected an object, got a list/],
        ["an unknown setting", { "ververica-draft-lock": { holders: [] } }, /"ververica-draft-lock": unknown setting "holders"; the policy takes allowedHolders/],
        ["a list item of the wrong type", { "ververica-draft-lock": { allowedHolders: [1] } }, /allowedHolders\[0\]: expected a string, got 1/],
        ["a value outside the enum", { "ververica-execution-mode": { allowedModes: ["STREAM"] } }, /allowedModes\[0\]: expected one of "STREAMING", "BATCH"/],
        ["a version of the wrong form", { "ververica-engine-version": { minimumVvrVersion: "eight" } }, /minimumVvrVersion: expected a value matching/],
        ["a label pattern that does not compile", { "ververica-required-labels": { labelPatterns: { env: "(" } } }, /"ververica-required-labels": labelPatterns\.env: .* is not a valid regular expression/],
    ] as const) {
        it(`rejects ${name}, naming the file and setting`, () => {
            assert.throws(() => configureRules(auditRules, config, "c.json"), (e: unknown) => e instanceof UsageError && message.test(e.message));
        });
    }
});
