// The declaration of a draft is the one description: every derived file matches it, and every
// reader, the schema and the docs carry each of its fields, at every depth.
import * as assert from "node:assert";
import * as fs from "node:fs";
import { deploymentDraftShape } from "../../provider/core/draftShape/draftFields";
import { describeField, FieldSpecs, namedTypes } from "../../provider/core/draftShape/fieldSpecs";
import { normalizeDraft } from "../../provider/core/normalizeDraft";
import { draftAttributeNames } from "../../provider/core/model";
import { packageSchema } from "../../provider/plugin/schema";
import { draftFromDeploymentInputs, draftFromOutputs } from "../../sdk/nodejs/policy/policies/adapters";
import { derivedFiles } from "../../scripts/derivedFiles";
import { draftWithEveryField } from "../helpers/declaredDraft";

const requested = { workspace: "ws", namespace: "ns", deploymentDraftId: "id" };

describe("the declaration of a draft", () => {
    for (const file of derivedFiles()) {
        it(`derives the committed ${file.relativePath} (run \`npm run gen-schema\` after changing the declaration)`, () => {
            const current = fs.readFileSync(file.path, "utf8");
            assert.strictEqual(current, file.render(current));
        });
    }

    it("lists the draft's attributes in the declaration's order", () => {
        assert.deepStrictEqual([...draftAttributeNames], Object.keys(deploymentDraftShape.fields));
    });

    for (const kind of ["SQLSCRIPT", "JAR", "PYTHON", "CDCYAML", "FLINKML"]) {
        it(`reads every declared field back from the wire and from resource outputs (artifact kind ${kind})`, () => {
            const draft = draftWithEveryField(kind);
            assert.deepStrictEqual(normalizeDraft(structuredClone(draft), requested), draft);
            assert.deepStrictEqual(draftFromOutputs({ ...structuredClone(draft) }), draft);
        });
    }

    it("reads an artifact without a kind with every part, from the wire and from outputs alike", () => {
        const artifact = Object.fromEntries(Object.entries(draftWithEveryField().artifact ?? {}).filter(([key]) => key !== "kind"));
        const draft = { ...draftWithEveryField(), artifact };
        assert.deepStrictEqual(normalizeDraft(structuredClone(draft), requested), draft);
        assert.deepStrictEqual(draftFromOutputs({ ...structuredClone(draft) }), draft);
    });

    it("reads every field a Deployment's inputs carry, under the Deployment's names", () => {
        const draft = draftWithEveryField("FLINKML");
        const inputs = { resourceId: draft.workspace, namespace: draft.namespace, deploymentName: draft.name, engineVersion: draft.engineVersion, executionMode: draft.executionMode, labels: draft.labels, localVariables: draft.localVariables, artifact: draft.artifact };
        const read = draftFromDeploymentInputs(structuredClone(inputs) as never);
        assert.deepStrictEqual(JSON.parse(JSON.stringify(read)), {
            deploymentDraftId: "",
            name: draft.name,
            executionMode: draft.executionMode,
            artifact: draft.artifact,
            engineVersion: draft.engineVersion,
            localVariables: draft.localVariables,
            labels: draft.labels,
            workspace: draft.workspace,
            namespace: draft.namespace,
        });
    });

    it("describes every declared field of every type in the plugin's schema, with the declaration's text", () => {
        const schema = packageSchema() as { types: Record<string, { properties: Record<string, { description: string }> }>; functions: Record<string, { outputs: { properties: Record<string, { description: string }> } }> };
        const expectFields = (fields: FieldSpecs, properties: Record<string, { description: string }>, where: string) => {
            for (const [name, field] of Object.entries(fields)) {
                assert.strictEqual(properties[name]?.description, describeField(field), `${where}.${name}`);
            }
        };
        expectFields(deploymentDraftShape.fields, schema.functions["ververica:index:getDeploymentDraft"].outputs.properties, "getDeploymentDraft");
        for (const type of namedTypes(deploymentDraftShape).filter((t) => t !== deploymentDraftShape)) {
            const token = `ververica:index:${type.typeName}`;
            assert.ok(schema.types[token], token);
            assert.deepStrictEqual(Object.keys(schema.types[token].properties), Object.keys(type.fields), token);
            expectFields(type.fields, schema.types[token].properties, token);
        }
    });
});
