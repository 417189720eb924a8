import * as assert from "node:assert";
import { InvalidResponseError } from "../../provider/core/errors";
import { normalizeDraft } from "../../provider/core/normalizeDraft";
import { loadFixtureDrafts } from "../emulator";
import { assertCleanMessage } from "../helpers/assertions";

const requested = { workspace: "ws-req", namespace: "ns-req", deploymentDraftId: "id-req" };
const fixtures = loadFixtureDrafts();
const seed = fixtures[0];

/** Normalizes `data`, asserts an InvalidResponseError whose message names `field`, and returns it. */
function rejects(data: unknown, field: string, problem?: RegExp): InvalidResponseError {
    try {
        normalizeDraft(data, requested);
    } catch (e) {
        assert.ok(e instanceof InvalidResponseError, `expected InvalidResponseError, got ${String(e)}`);
        assert.strictEqual(e.code, "InvalidResponse");
        assert.ok(e.message.includes(`field "${field}"`), `message should name field "${field}": ${e.message}`);
        if (problem) assert.match(e.message, problem);
        assertCleanMessage(e.message, ['deploymentDraftId "id-req"']);
        return e;
    }
    return assert.fail(`expected field "${field}" to be refused`);
}

/** Every key of `value`, recursively, whose value is undefined. */
function undefinedPaths(value: unknown, path = "$"): string[] {
    if (value === null || typeof value !== "object") return [];
    return Object.entries(value).flatMap(([k, v]) => (v === undefined ? [`${path}.${k}`] : undefinedPaths(v, `${path}.${k}`)));
}

describe("normalizeDraft: what the API sent", () => {
    it("returns the documented example field for field, extra artifact parts included", () => {
        const draft = normalizeDraft(structuredClone(seed), requested);
        assert.deepStrictEqual(draft, seed);
        assert.strictEqual(draft.labels?.test2, 1);
    });

    it("returns every fixture draft unchanged", () => {
        for (const wire of fixtures) {
            assert.deepStrictEqual(normalizeDraft(structuredClone(wire), requested), wire, String(wire.deploymentDraftId));
        }
    });

    it("keeps label values of every JSON type", () => {
        const labels = { s: "x", n: 1.5, b: false, z: null, list: [1, "a"], nested: { k: [true] } };
        assert.deepStrictEqual(normalizeDraft({ labels }, requested).labels, labels);
    });

    it("returns a copy: changing the result never changes the response", () => {
        const data = structuredClone(seed);
        const draft = normalizeDraft(data, requested);
        (draft.labels as Record<string, unknown>).test = "changed";
        (draft.artifact?.sqlArtifact?.additionalDependencies as string[]).push("changed");
        assert.deepStrictEqual(data, seed);
    });
});

describe("normalizeDraft: absent fields", () => {
    it("gives a draft with only id, workspace and namespace for an empty object, filled from the request", () => {
        const draft = normalizeDraft({}, requested);
        assert.deepStrictEqual(draft, { deploymentDraftId: "id-req", workspace: "ws-req", namespace: "ns-req" });
        assert.deepStrictEqual(Object.keys(draft).sort(), ["deploymentDraftId", "namespace", "workspace"]);
    });

    it("leaves absent and null optional fields absent, never undefined or 'undefined'", () => {
        const nulls = Object.fromEntries(
            ["name", "parentId", "referencedDeploymentId", "executionMode", "artifact", "engineVersion", "localVariables", "labels", "lock", "creator", "creatorName", "modifier", "modifierName", "createdAt", "modifiedAt"].map((k) => [k, null]),
        );
        for (const data of [{}, nulls]) {
            const draft = normalizeDraft(data, requested);
            assert.deepStrictEqual(Object.keys(draft).sort(), ["deploymentDraftId", "namespace", "workspace"]);
            assert.ok(!JSON.stringify(draft).includes("undefined"));
        }
    });

    it("leaves absent sub-fields absent in artifacts, locks and local variables", () => {
        const draft = normalizeDraft(
            { artifact: { kind: "JAR", jarArtifact: { jarUri: "oss://b/j.jar", mainArgs: null } }, lock: { holderName: "alice" }, localVariables: [{ name: "a" }, {}] },
            requested,
        );
        assert.deepStrictEqual(draft.artifact, { kind: "JAR", jarArtifact: { jarUri: "oss://b/j.jar" } });
        assert.deepStrictEqual(draft.lock, { holderName: "alice" });
        assert.deepStrictEqual(draft.localVariables, [{ name: "a" }, {}]);
        assert.deepStrictEqual(undefinedPaths(draft), []);
    });

    it("prefers the response's workspace, namespace and id over the requested ones", () => {
        const draft = normalizeDraft({ deploymentDraftId: "id-resp", workspace: "ws-resp", namespace: "ns-resp" }, requested);
        assert.deepStrictEqual(draft, { deploymentDraftId: "id-resp", workspace: "ws-resp", namespace: "ns-resp" });
    });

    it("refuses a draft with no id when none was requested (a list entry)", () => {
        assert.throws(() => normalizeDraft({ name: "x" }, { workspace: "w", namespace: "n" }), (e: unknown) => e instanceof InvalidResponseError && /no deploymentDraftId/.test(e.message));
    });
});

describe("normalizeDraft: timestamps", () => {
    it("keeps numeric timestamps as they are", () => {
        const draft = normalizeDraft({ createdAt: 1723537978, modifiedAt: 0 }, requested);
        assert.strictEqual(draft.createdAt, 1723537978);
        assert.strictEqual(draft.modifiedAt, 0);
    });

    it("reads numeric-string timestamps as numbers", () => {
        const draft = normalizeDraft({ createdAt: "1723537978", modifiedAt: "1723538000" }, requested);
        assert.strictEqual(draft.createdAt, 1723537978);
        assert.strictEqual(draft.modifiedAt, 1723538000);
    });

    it("refuses a timestamp string that is not a whole number, or a timestamp of another type", () => {
        rejects({ createdAt: "2024-08-13T08:32:58Z" }, "createdAt", /should be a number \(unix seconds\) but is string/);
        rejects({ modifiedAt: "" }, "modifiedAt");
        rejects({ modifiedAt: "17.5" }, "modifiedAt");
        rejects({ createdAt: true }, "createdAt", /but is boolean/);
        rejects({ createdAt: {} }, "createdAt", /but is object/);
    });
});

describe("normalizeDraft: wrong field types", () => {
    it("refuses data that is not an object", () => {
        rejects("draft", "data", /should be an object but is string/);
        rejects([], "data", /but is array/);
        rejects(7, "data");
    });

    it("names a top-level field of the wrong type", () => {
        rejects({ name: 5 }, "name", /should be a string but is number/);
        rejects({ deploymentDraftId: 12 }, "deploymentDraftId");
        rejects({ engineVersion: ["vvr"] }, "engineVersion", /but is array/);
        rejects({ labels: ["a"] }, "labels", /should be an object but is array/);
        rejects({ labels: "a=b" }, "labels");
        rejects({ localVariables: {} }, "localVariables", /should be an array but is object/);
        rejects({ lock: "locked" }, "lock", /should be an object/);
        rejects({ artifact: "SQLSCRIPT" }, "artifact", /should be an object/);
        rejects({ workspace: 1 }, "workspace");
    });

    it("names the path of a nested field of the wrong type", () => {
        rejects({ artifact: { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: 1 } } }, "artifact.sqlArtifact.sqlScript");
        rejects({ artifact: { kind: "SQLSCRIPT", sqlArtifact: "SELECT 1" } }, "artifact.sqlArtifact", /should be an object/);
        rejects({ artifact: { kind: "JAR", jarArtifact: { additionalDependencies: ["a.jar", 2] } } }, "artifact.jarArtifact.additionalDependencies[1]", /should be a string but is number/);
        rejects({ artifact: { kind: "PYTHON", pythonArtifact: { additionalPythonArchives: "x.zip" } } }, "artifact.pythonArtifact.additionalPythonArchives", /should be an array/);
        rejects({ artifact: { kind: "CDCYAML", cdcYamlArtifact: { cdcYaml: { source: {} } } } }, "artifact.cdcYamlArtifact.cdcYaml");
        rejects({ localVariables: [{ name: "a", value: "b" }, { name: "c", value: 3 }] }, "localVariables[1].value");
        rejects({ localVariables: ["a=b"] }, "localVariables[0]", /should be an object but is string/);
        rejects({ lock: { holderId: 18389966 } }, "lock.holderId");
    });

    it("names the path artifact.kind when the kind is not a string", () => {
        rejects({ artifact: { kind: 1 } }, "artifact.kind", /should be a string/);
    });

    it("names the path executionMode when it is not a string", () => {
        rejects({ executionMode: ["STREAMING"] }, "executionMode", /should be a string but is array/);
    });
});

describe("normalizeDraft: values the API may add", () => {
    it("keeps an executionMode it does not know as sent, in any case", () => {
        for (const mode of ["STREAM", "streaming", "", "MICRO_BATCH"]) {
            assert.strictEqual(normalizeDraft({ executionMode: mode }, requested).executionMode, mode);
        }
    });

    it("keeps an artifact kind it does not know as sent, with the parts that came with it and no invented one", () => {
        assert.deepStrictEqual(normalizeDraft({ artifact: { kind: "WASM" } }, requested).artifact, { kind: "WASM" });
        assert.deepStrictEqual(normalizeDraft({ artifact: { kind: "sqlscript", sqlArtifact: { sqlScript: "SELECT 1" } } }, requested).artifact, {
            kind: "sqlscript",
            sqlArtifact: { sqlScript: "SELECT 1" },
        });
        assert.deepStrictEqual(normalizeDraft({ artifact: { kind: "", jarArtifact: null } }, requested).artifact, { kind: "" });
    });

    it("reads an artifact without a kind as one of unknown kind, leaving kind absent", () => {
        const artifact = normalizeDraft({ artifact: { sqlArtifact: { sqlScript: "SELECT 1" } } }, requested).artifact;
        assert.deepStrictEqual(artifact, { sqlArtifact: { sqlScript: "SELECT 1" } });
        assert.ok(artifact !== undefined && !("kind" in artifact));
        assert.deepStrictEqual(normalizeDraft({ artifact: { kind: null } }, requested).artifact, {});
    });

    it("still checks the parts of an artifact of unknown kind", () => {
        rejects({ artifact: { kind: "WASM", jarArtifact: { jarUri: 7 } } }, "artifact.jarArtifact.jarUri");
    });

    it("does not take an inherited property name for a known kind", () => {
        assert.deepStrictEqual(normalizeDraft({ artifact: { kind: "toString" } }, requested).artifact, { kind: "toString" });
    });
});

describe("normalizeDraft: artifacts of each kind", () => {
    const parts = {
        SQLSCRIPT: ["sqlArtifact", { sqlScript: "INSERT INTO s SELECT 1;", additionalDependencies: ["oss://b/udf.jar"] }],
        JAR: ["jarArtifact", { jarUri: "oss://b/j.jar", entryClass: "com.example.Job", mainArgs: "--x 1", additionalDependencies: [] }],
        PYTHON: [
            "pythonArtifact",
            { pythonArtifactUri: "oss://b/job.py", entryModule: "job", mainArgs: "-v", additionalDependencies: ["a.jar"], additionalPythonLibraries: ["l.whl"], additionalPythonArchives: ["a.zip"] },
        ],
        CDCYAML: ["cdcYamlArtifact", { cdcYaml: "source:\n  type: mysql\n", additionalDependencies: ["c.jar"] }],
    } as const;

    for (const [kind, [part, value]] of Object.entries(parts)) {
        it(`reads a ${kind} artifact with its ${part}`, () => {
            const artifact = { kind, [part]: value };
            assert.deepStrictEqual(normalizeDraft({ artifact }, requested).artifact, artifact);
        });

        it(`always gives a ${kind} artifact its ${part}, empty when the API sent none or null`, () => {
            assert.deepStrictEqual(normalizeDraft({ artifact: { kind } }, requested).artifact, { kind, [part]: {} });
            assert.deepStrictEqual(normalizeDraft({ artifact: { kind, [part]: null } }, requested).artifact, { kind, [part]: {} });
        });
    }

    it("keeps the other parts the API sent next to the selected one", () => {
        const artifact = normalizeDraft({ artifact: { kind: "PYTHON", sqlArtifact: { sqlScript: "SELECT 1" } } }, requested).artifact;
        assert.deepStrictEqual(artifact, { kind: "PYTHON", sqlArtifact: { sqlScript: "SELECT 1" }, pythonArtifact: {} });
    });

    it("lets TypeScript narrow on kind, to the known part or an artifact of unknown kind", () => {
        const artifact = normalizeDraft({ artifact: { kind: "CDCYAML" } }, requested).artifact;
        if (artifact?.kind === "CDCYAML") {
            assert.deepStrictEqual(artifact.cdcYamlArtifact, {});
        } else {
            assert.fail("expected a CDCYAML artifact");
        }
    });
});
