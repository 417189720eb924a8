// The schema of ververica:index:getDeploymentArgs against @pulumi/alicloud's own types: the
// result carries realtimecompute.Deployment's argument names, its artifact alicloud's artifact
// shape field for field. The lists below compile only while they hold exactly alicloud's keys.
import * as assert from "assert";
import type { DeploymentArgs } from "@pulumi/alicloud/realtimecompute";
import type { realtimecompute } from "@pulumi/alicloud/types/input";
import { renderSchemaJson } from "../../../provider/plugin/schema";

interface PropertySpec {
    readonly $ref?: string;
    readonly type?: string;
    readonly items?: PropertySpec;
    readonly additionalProperties?: PropertySpec;
    readonly secret?: boolean;
    readonly default?: unknown;
}
interface ObjectSpec {
    readonly properties: Record<string, PropertySpec>;
    readonly required?: readonly string[];
}

/** Every key of `T`, each once: an object literal of this type lists exactly `T`'s keys. */
type KeysOf<T> = { readonly [K in keyof Required<T>]: true };

const artifactFields: KeysOf<realtimecompute.DeploymentArtifact> = { kind: true, sqlArtifact: true, jarArtifact: true, pythonArtifact: true };
const partFields: { readonly [part: string]: KeysOf<unknown> } = {
    sqlArtifact: { sqlScript: true, additionalDependencies: true } satisfies KeysOf<realtimecompute.DeploymentArtifactSqlArtifact>,
    jarArtifact: { jarUri: true, entryClass: true, mainArgs: true, additionalDependencies: true } satisfies KeysOf<realtimecompute.DeploymentArtifactJarArtifact>,
    pythonArtifact: {
        pythonArtifactUri: true,
        entryModule: true,
        mainArgs: true,
        additionalDependencies: true,
        additionalPythonLibraries: true,
        additionalPythonArchives: true,
    } satisfies KeysOf<realtimecompute.DeploymentArtifactPythonArtifact>,
};
const localVariableFields: KeysOf<realtimecompute.DeploymentLocalVariable> = { name: true, value: true };
const fedArguments = ["resourceId", "namespace", "deploymentName", "executionMode", "engineVersion", "artifact", "localVariables", "labels"] as const satisfies readonly (keyof DeploymentArgs)[];

describe("the schema of getDeploymentArgs", () => {
    const schema = JSON.parse(renderSchemaJson()) as {
        types: Record<string, ObjectSpec>;
        functions: Record<string, { inputs: ObjectSpec; outputs: ObjectSpec }>;
    };
    const feed = schema.functions["ververica:index:getDeploymentArgs"];
    const typeOf = (ref: string | undefined) => {
        const type = schema.types[String(ref).replace("#/types/", "")];
        assert.ok(type, `${ref} is not a type of the schema`);
        return type;
    };

    it("selects a draft as getDeploymentDraft does, plus deploymentName and storeArtifactAsSecret (default true)", () => {
        const lookup = schema.functions["ververica:index:getDeploymentDraft"].inputs;
        assert.deepStrictEqual(Object.keys(feed.inputs.properties), [...Object.keys(lookup.properties).filter((key) => key !== "storeArtifactAsSecret"), "deploymentName", "storeArtifactAsSecret"]);
        assert.deepStrictEqual(feed.inputs.required, lookup.required);
        assert.deepStrictEqual(feed.inputs.properties.storeArtifactAsSecret.default, true);
    });

    it("returns realtimecompute.Deployment's arguments by their names, the artifact secret", () => {
        assert.deepStrictEqual(Object.keys(feed.outputs.properties).sort(), [...fedArguments].sort());
        assert.deepStrictEqual(feed.outputs.required, ["resourceId", "namespace", "deploymentName", "executionMode", "artifact"]);
        assert.strictEqual(feed.outputs.properties.artifact.secret, true);
        assert.deepStrictEqual(feed.outputs.properties.labels.additionalProperties, { type: "string" });
    });

    it("shapes the artifact and the local variables as alicloud does, field for field", () => {
        const artifact = typeOf(feed.outputs.properties.artifact.$ref);
        assert.deepStrictEqual(Object.keys(artifact.properties).sort(), Object.keys(artifactFields).sort());
        assert.deepStrictEqual(artifact.required, ["kind"]);
        for (const [part, fields] of Object.entries(partFields)) {
            assert.deepStrictEqual(Object.keys(typeOf(artifact.properties[part].$ref).properties).sort(), Object.keys(fields).sort(), part);
        }
        const variable = typeOf(feed.outputs.properties.localVariables.items?.$ref);
        assert.deepStrictEqual(Object.keys(variable.properties).sort(), Object.keys(localVariableFields).sort());
    });
});
