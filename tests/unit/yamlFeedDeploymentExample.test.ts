// examples/yaml-feed-deployment checked for its shape without the alicloud plugin, which
// `pulumi preview` would need and which cannot be had here: the Deployment takes every result of
// getDeploymentArgs under its own name, and every property it sets is an argument of
// @pulumi/alicloud's realtimecompute.Deployment (the list below compiles only while it holds
// exactly alicloud's argument names). tests/e2e/yamlFeedDeployment.test.ts runs the function part
// of the program under the engine.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { DeploymentArgs } from "@pulumi/alicloud/realtimecompute";
import { parse } from "yaml";
import { renderSchemaJson } from "../../provider/plugin/schema";

const example = path.resolve(__dirname, "..", "..", "examples", "yaml-feed-deployment", "Pulumi.yaml");

const deploymentArguments: { readonly [K in keyof Required<DeploymentArgs>]: true } = {
    artifact: true,
    batchResourceSetting: true,
    deploymentName: true,
    deploymentTarget: true,
    description: true,
    engineVersion: true,
    executionMode: true,
    flinkConf: true,
    labels: true,
    localVariables: true,
    logging: true,
    namespace: true,
    resourceId: true,
    streamingResourceSetting: true,
};

interface Program {
    readonly variables: Record<string, { readonly "fn::invoke"?: { readonly function: string; readonly arguments: Record<string, unknown> } }>;
    readonly resources: Record<string, { readonly type: string; readonly properties: Record<string, unknown> }>;
}

describe("examples/yaml-feed-deployment", () => {
    const program = parse(fs.readFileSync(example, "utf8")) as Program;
    const schema = JSON.parse(renderSchemaJson()) as { functions: Record<string, { outputs: { properties: Record<string, unknown> } }> };

    it("invokes getDeploymentArgs by name and hands every result to the Deployment under its own name", () => {
        const invoke = program.variables.feed["fn::invoke"];
        assert.strictEqual(invoke?.function, "ververica:index:getDeploymentArgs");
        assert.deepStrictEqual(Object.keys(invoke.arguments).sort(), ["name", "namespace", "workspace"]);
        const { deployment } = program.resources;
        assert.strictEqual(deployment.type, "alicloud:realtimecompute/deployment:Deployment");
        const results = Object.keys(schema.functions["ververica:index:getDeploymentArgs"].outputs.properties);
        const fed = Object.entries(deployment.properties).filter(([, value]) => typeof value === "string" && value.startsWith("${feed."));
        assert.deepStrictEqual(
            fed.sort(([a], [b]) => a.localeCompare(b)),
            [...results].sort().map((name) => [name, `\${feed.${name}}`]),
        );
    });

    it("sets only arguments realtimecompute.Deployment has, deploymentTarget among them", () => {
        const properties = Object.keys(program.resources.deployment.properties);
        assert.deepStrictEqual(
            properties.filter((name) => !Object.hasOwn(deploymentArguments, name)),
            [],
        );
        assert.ok(properties.includes("deploymentTarget"));
    });
});
