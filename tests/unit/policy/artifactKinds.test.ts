/**
 * Every rule of the registry judges every artifact part a draft carries, whatever the artifact's
 * kind: an unknown kind (FLINKML), no kind, or a known kind with parts of other kinds sent along.
 * Each rule is broken in each part it reads (or, for rules that read no part, in the draft
 * itself), under each kind, and must say so.
 */
import * as assert from "node:assert/strict";
import { DeploymentDraftAttributes, DraftArtifact } from "../../../provider/core/model";
import { draftRules, RegisteredDraftRule } from "../../../sdk/nodejs/policy";
import { configureDraftRule } from "../../../sdk/nodejs/policy/policies/factory";
import { compliantSql, makeDraft } from "../../helpers/draftFactory";
import { assertCompliant, assertNotLeaked } from "../../helpers/policyAssertions";

type PartName = "sqlArtifact" | "jarArtifact" | "pythonArtifact" | "cdcYamlArtifact";
type Parts = { readonly [part in PartName]?: object };

/** A violation planted in a draft, and what the messages must say about it. */
interface Planted<T> {
    readonly with: T;
    /** Fragments that must each appear in some message. */
    readonly finds: readonly string[];
}

/** How to break a rule: in each part it reads, or in the draft's own attributes. */
interface RuleCase {
    readonly settings?: object;
    readonly parts?: { readonly [part in PartName]?: Planted<object> };
    readonly draft?: Planted<Partial<DeploymentDraftAttributes>>;
}

const compliantParts: Required<Parts> = {
    sqlArtifact: { sqlScript: compliantSql, additionalDependencies: ["oss://b/udf.jar"] },
    jarArtifact: { jarUri: "oss://b/job.jar", entryClass: "com.example.Job", mainArgs: "--topic orders", additionalDependencies: ["oss://b/dep.jar"] },
    pythonArtifact: { pythonArtifactUri: "oss://b/job.py", mainArgs: "--topic orders", additionalPythonLibraries: ["oss://b/lib.zip"] },
    cdcYamlArtifact: { cdcYaml: "source:\n  type: mysql\n  password: ${secret_values.mysql}\n", additionalDependencies: ["oss://b/cdc.jar"] },
};

const secret = "pw-literal-9f2";

const cases: { readonly [rule in RegisteredDraftRule["name"]]: RuleCase } = {
    "ververica-engine-version": { draft: { with: { engineVersion: "vvr-6.0.7-flink-1.15" }, finds: ['engine version "vvr-6.0.7-flink-1.15"'] } },
    "ververica-no-plaintext-secrets": {
        parts: {
            sqlArtifact: {
                with: { sqlScript: `CREATE TABLE t WITH ('password' = '${secret}');`, additionalDependencies: [`https://u:${secret}@h/udf.jar`] },
                finds: ["SQL statement 1 (CREATE TABLE t), line 1: option \"password\"", "sqlArtifact.additionalDependencies[0]"],
            },
            jarArtifact: {
                with: { jarUri: `https://u:${secret}@h/job.jar`, mainArgs: `--password ${secret}` },
                finds: ["jarArtifact.mainArgs, argument 1", "jarArtifact.jarUri"],
            },
            pythonArtifact: {
                with: { pythonArtifactUri: `https://u:${secret}@h/job.py`, mainArgs: `--password ${secret}` },
                finds: ["pythonArtifact.mainArgs, argument 1", "pythonArtifact.pythonArtifactUri"],
            },
            cdcYamlArtifact: {
                with: { cdcYaml: `source:\n  type: mysql\n  password: ${secret}\n`, additionalDependencies: [`https://u:${secret}@h/cdc.jar`] },
                finds: ['cdcYamlArtifact.cdcYaml, line 3: key "password"', "cdcYamlArtifact.additionalDependencies[0]"],
            },
        },
    },
    "ververica-draft-lock": { draft: { with: { lock: { id: "l-1", holderId: "2001", holderName: "alice" } }, finds: ['locked by "alice" (2001)'] } },
    "ververica-execution-mode": { draft: { with: { executionMode: "BATCH" }, finds: ["execution mode BATCH is not allowed"] } },
    "ververica-required-labels": { settings: { requiredLabels: ["owner"] }, draft: { with: { labels: {} }, finds: ['required label "owner" is missing'] } },
    "ververica-artifact-sources": {
        parts: {
            sqlArtifact: { with: { sqlScript: compliantSql, additionalDependencies: ["http://x/udf.jar"] }, finds: ["sqlArtifact.additionalDependencies[0]"] },
            jarArtifact: { with: { jarUri: "http://x/job.jar", additionalDependencies: ["s3://b/dep.jar"] }, finds: ["jarArtifact.jarUri", "jarArtifact.additionalDependencies[0]"] },
            pythonArtifact: {
                with: { pythonArtifactUri: "http://x/job.py", additionalDependencies: ["s3://b/d.jar"], additionalPythonLibraries: ["lib.zip"], additionalPythonArchives: ["ftp://h/venv.zip"] },
                finds: [
                    "pythonArtifact.pythonArtifactUri",
                    "pythonArtifact.additionalDependencies[0]",
                    "pythonArtifact.additionalPythonLibraries[0]",
                    "pythonArtifact.additionalPythonArchives[0]",
                ],
            },
            cdcYamlArtifact: { with: { cdcYaml: "source:\n  type: mysql\n", additionalDependencies: ["ftp://h/c.jar"] }, finds: ["cdcYamlArtifact.additionalDependencies[0]"] },
        },
    },
    "ververica-test-connectors": {
        parts: {
            sqlArtifact: { with: { sqlScript: "CREATE TABLE t WITH ('connector' = 'datagen');" }, finds: ['SQL statement 1 (CREATE TABLE t), line 1: uses the test connector "datagen"'] },
        },
    },
};

/** The kinds a draft's artifact may have, with the part each known kind always carries. */
const kinds: readonly { readonly label: string; readonly kind?: string; readonly own?: PartName }[] = [
    { label: "an unknown kind (FLINKML)", kind: "FLINKML" },
    { label: "no kind" },
    { label: "kind SQLSCRIPT", kind: "SQLSCRIPT", own: "sqlArtifact" },
    { label: "kind JAR", kind: "JAR", own: "jarArtifact" },
    { label: "kind PYTHON", kind: "PYTHON", own: "pythonArtifact" },
    { label: "kind CDCYAML", kind: "CDCYAML", own: "cdcYamlArtifact" },
];

/** An artifact of `kind` carrying `parts` (and, for a known kind, its own part, compliant unless given). */
function artifact({ kind, own }: (typeof kinds)[number], parts: Parts): DraftArtifact {
    const ownPart = own === undefined ? {} : { [own]: compliantParts[own] };
    return { ...(kind === undefined ? {} : { kind }), ...ownPart, ...parts };
}

function assertFinds(violations: readonly { rule: string; message: string }[], rule: string, finds: readonly string[]): void {
    const messages = violations.map((v) => v.message);
    assert.ok(violations.every((v) => v.rule === rule), rule);
    for (const fragment of finds) {
        assert.ok(messages.some((m) => m.includes(fragment)), `expected a message with ${JSON.stringify(fragment)}, got:\n${messages.join("\n")}`);
    }
    assertNotLeaked(messages, secret);
}

describe("every rule, whatever the artifact's kind", () => {
    it("has a case here for every rule of the registry", () => {
        assert.deepEqual(Object.keys(cases).sort(), draftRules.map((rule) => rule.name).sort());
    });

    for (const rule of draftRules) {
        const { settings = {}, parts = {}, draft } = cases[rule.name];
        const check = configureDraftRule(rule, settings);
        describe(rule.name, () => {
            for (const kind of kinds) {
                it(`passes a compliant draft of ${kind.label} carrying every part`, () => {
                    assertCompliant(check(makeDraft({ artifact: artifact(kind, compliantParts) })));
                });

                for (const [part, planted] of Object.entries(parts) as [PartName, Planted<object>][]) {
                    it(`finds the violation in ${part} of a draft of ${kind.label}`, () => {
                        assertFinds(check(makeDraft({ artifact: artifact(kind, { [part]: planted.with }) })), rule.name, planted.finds);
                    });
                }

                if (draft !== undefined) {
                    it(`finds the violation in a draft of ${kind.label} carrying every part`, () => {
                        assertFinds(check(makeDraft({ ...draft.with, artifact: artifact(kind, compliantParts) })), rule.name, draft.finds);
                    });
                }
            }
        });
    }
});
