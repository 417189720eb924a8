import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { draftPolicyNames, draftRules } from "../../../sdk/nodejs/policy";
import { renderRuleDocs, ruleDocsIn, updateRuleDocs } from "../../../sdk/nodejs/policy/policies/ruleDocs";

const committedPath = join(__dirname, "..", "..", "..", "docs", "policies.md");

describe("the rules reference (docs/policies.md)", () => {
    it("is the committed table (run `npm run gen-docs` after changing a rule)", () => {
        const committed = ruleDocsIn(readFileSync(committedPath, "utf8"));
        assert.ok(committed === renderRuleDocs(), "docs/policies.md differs from the rules: run `npm run gen-docs`");
    });

    it("has a row for every rule, naming each of its policies, its level and every setting", () => {
        const table = renderRuleDocs();
        for (const name of draftPolicyNames()) {
            assert.ok(table.includes(`\`${name}\``), name);
        }
        for (const rule of draftRules) {
            const row = table.split("\n").find((line) => line.startsWith(`| \`${rule.name}\``));
            assert.ok(row?.includes(` | ${rule.defaultLevel} | `), rule.name);
            for (const setting of Object.keys(rule.configSchema.properties)) {
                assert.ok(row?.includes(`\`${setting}\` (`), `${rule.name}.${setting}`);
            }
        }
    });

    it("escapes what markdown would misread in a cell", () => {
        const table = renderRuleDocs();
        assert.ok(table.includes("${secret_values.&lt;name&gt;}"));
        assert.ok(table.includes("(password\\|passwd"));
        assert.ok(table.includes("(none)"), "a setting without a default");
    });

    it("replaces only what is between the markers, and starts a new file with a heading", () => {
        const updated = updateRuleDocs("# Policies\n\nIntro.\n\n<!-- rules:start -->\nold\n<!-- rules:end -->\n\nMore text.\n");
        assert.equal(updated, `# Policies\n\nIntro.\n\n${renderRuleDocs()}\nMore text.\n`);
        assert.equal(updateRuleDocs(undefined), `# Policies\n\n${renderRuleDocs()}`);
    });
});
