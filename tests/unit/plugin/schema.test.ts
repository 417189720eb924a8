import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { tuningSettings } from "../../../provider/core/clientTuning";
import { draftResourceInputNames, draftResourceOutputNames } from "../../../provider/core/draftResource";
import { draftAttributeNames } from "../../../provider/core/model";
import { renderSchemaJson } from "../../../provider/plugin/schema";

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8")) as { version: string; config: { repository: string } };

interface ObjectSpec {
    readonly properties: Record<string, { readonly type?: string; readonly description?: string; readonly secret?: boolean; readonly $ref?: string }>;
    readonly required?: readonly string[];
}

describe("the plugin's package schema", () => {
    const schema = JSON.parse(renderSchemaJson()) as {
        name: string;
        version: string;
        config: { variables: ObjectSpec["properties"] };
        provider: { inputProperties: ObjectSpec["properties"] };
        resources: Record<string, ObjectSpec & { inputProperties: ObjectSpec["properties"] }>;
        functions: Record<string, { inputs: ObjectSpec; outputs: ObjectSpec }>;
        language: { go: { importBasePath: string; respectSchemaVersion: boolean }; python: { packageName: string } };
    };

    it("describes every draft attribute of the model on the resource and the function", () => {
        const resource = schema.resources["ververica:index:DeploymentDraft"];
        for (const attribute of draftAttributeNames) {
            assert.ok(resource.properties[attribute], `resource output ${attribute}`);
        }
        const outputs = Object.keys(schema.functions["ververica:index:getDeploymentDraft"].outputs.properties);
        assert.deepStrictEqual(outputs, ["id", ...draftAttributeNames]);
        assert.deepStrictEqual(Object.keys(schema.functions["ververica:index:getDeploymentDraft"].inputs.properties), ["workspace", "namespace", "deploymentDraftId", "name", "storeArtifactAsSecret"]);
        // Both functions take the opt-out of the artifact's secrecy, a boolean that defaults to true.
        for (const fn of ["ververica:index:getDeploymentDraft", "ververica:index:getDeploymentDrafts"]) {
            const input = schema.functions[fn].inputs.properties.storeArtifactAsSecret as { type?: string; default?: unknown };
            assert.deepStrictEqual([input.type, input.default], ["boolean", true], fn);
        }
        assert.strictEqual(resource.properties.labels.$ref, undefined);
    });

    it("declares as the resource's outputs exactly those the hosts return (every one, an absent one as null)", () => {
        const declared = Object.keys(schema.resources["ververica:index:DeploymentDraft"].properties);
        assert.deepStrictEqual([...declared].sort(), [...draftResourceOutputNames].sort());
    });

    it("declares as the resource's inputs exactly those both hosts accept", () => {
        assert.deepStrictEqual(Object.keys(schema.resources["ververica:index:DeploymentDraft"].inputProperties).sort(), [...draftResourceInputNames].sort());
    });

    it("names the package, its version and its SDKs' homes from package.json", () => {
        assert.strictEqual(schema.name, "ververica");
        assert.strictEqual(schema.version, manifest.version);
        assert.strictEqual(schema.language.go.importBasePath, `${manifest.config.repository}/sdk/go/ververica`);
        assert.strictEqual(schema.language.go.respectSchemaVersion, true);
        assert.strictEqual(schema.language.python.packageName, "pulumi_ververica");
    });

    it("configures region, endpoint, credentials (the secret ones marked secret) and every tuning setting the TypeScript package reads", () => {
        assert.deepStrictEqual(Object.keys(schema.config.variables), [
            "region",
            "endpoint",
            "network",
            "accessKey",
            "secretKey",
            "securityToken",
            "profile",
            ...tuningSettings.map((s) => s.key),
        ]);
        for (const setting of tuningSettings) {
            assert.strictEqual(schema.config.variables[setting.key].type, "integer", setting.key);
            assert.ok(schema.config.variables[setting.key].description?.endsWith(`Default ${setting.default}. Falls back to ${setting.env}.`), setting.key);
        }
        assert.deepStrictEqual(schema.provider.inputProperties, schema.config.variables);
        assert.strictEqual(schema.config.variables.secretKey.secret, true);
        assert.strictEqual(schema.config.variables.securityToken.secret, true);
    });
});
