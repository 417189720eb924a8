import * as assert from "node:assert/strict";
import { checkPlaintextSecrets, plaintextSecretsRule } from "../../../sdk/nodejs/policy/rules";
import { argumentCases } from "./corpus/plaintextSecrets.args";
import { sqlCases } from "./corpus/plaintextSecrets.sql";
import { variableAndUriCases } from "./corpus/plaintextSecrets.variables";
import { yamlCases } from "./corpus/plaintextSecrets.yaml";
import { corpusDraft, SecretsCorpusCase } from "./corpus/secretsCorpusCase";
import { assertNotLeaked } from "../../helpers/policyAssertions";

const corpus: { readonly [part: string]: readonly SecretsCorpusCase[] } = {
    "Flink SQL": sqlCases,
    "main arguments": argumentCases,
    "CDC pipeline YAML": yamlCases,
    "variables, labels, URIs and configuration": variableAndUriCases,
};

describe("no-plaintext-secrets rule on a corpus of real-world and adversarial snippets", () => {
    for (const [part, cases] of Object.entries(corpus)) {
        describe(part, () => {
            for (const example of cases) {
                const verdict = example.violations.length === 0 ? "compliant" : `${example.violations.length} violation(s)`;
                it(`${example.name}: ${verdict}`, () => {
                    assert.ok(example.source.trim() !== "", "every case names its source");
                    const violations = checkPlaintextSecrets(corpusDraft(example), example.config);
                    const messages = violations.map((v) => v.message);
                    assert.equal(messages.length, example.violations.length, `expected ${example.violations.length} violation(s), got:\n${messages.join("\n")}`);
                    example.violations.forEach((fragment, i) => {
                        assert.ok(messages[i].includes(fragment), `expected ${JSON.stringify(messages[i])} to contain ${JSON.stringify(fragment)}`);
                        assert.ok(messages[i].includes("${secret_values.<name>}"), "every message says how to fix it");
                    });
                    assert.ok(violations.every((v) => v.rule === plaintextSecretsRule));
                    assertNotLeaked(messages, ...(example.secrets ?? []));
                });
            }
        });
    }
});
