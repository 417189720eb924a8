/**
 * One round trip through the analyzer functions of `@pulumi/policy`'s own server (internal to
 * the SDK, so typed here by hand), to show end to end what the engine gets back: violations at
 * the policy's level, and the SDK's advisory "can't run during preview" for unknown values.
 */
import * as assert from "node:assert/strict";
import type { Policies } from "@pulumi/policy";
import { alicloudDeploymentType, deploymentDraftType, deploymentEngineVersionPolicy, engineVersionPolicy } from "../../../sdk/nodejs/policy";
import { makeDraft } from "../../helpers/draftFactory";
import { policyProxy } from "../../helpers/policyHarness";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import analyzerMessages = require("@pulumi/pulumi/proto/analyzer_pb");
import policyServer = require("@pulumi/policy/server");
import { asError } from "../../helpers/asError";

interface Message {
    setType(type: string): void;
    setUrn(urn: string): void;
    setName(name: string): void;
    setProperties(properties: unknown): void;
    setOptions(options: unknown): void;
    setResourcesList(resources: Message[]): void;
}
interface Diagnostic {
    getPolicyname(): string;
    getUrn(): string;
    getMessage(): string;
    getEnforcementlevel(): number;
}
interface AnalyzeResponse {
    getDiagnosticsList(): Diagnostic[];
}
type RpcFunction = (call: { request: Message }, callback: (error: unknown, response: AnalyzeResponse) => void) => void;

// The SDK's declarations of these internal modules export nothing: their shapes as used here.
const server = policyServer as unknown as {
    makeAnalyzeStackRpcFun(pack: string, version: string, level: string, policies: Policies): RpcFunction;
    makeAnalyzeRpcFun(pack: string, version: string, level: string, policies: Policies): RpcFunction;
};
const analyzer = analyzerMessages as unknown as { [message: string]: new () => Message };

// The analyzer protocol's enforcement levels.
const advisory = 0;
const mandatory = 1;

function fill(message: Message, type: string, name: string, properties: object): Message {
    message.setType(type);
    message.setUrn(`urn:pulumi:dev::drafts::${type}::${name}`);
    message.setName(name);
    message.setProperties(Struct.fromJavaScript(properties as Parameters<typeof Struct.fromJavaScript>[0]));
    message.setOptions(new analyzer.AnalyzerResourceOptions());
    return message;
}

function call(rpc: RpcFunction, request: Message): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
        rpc({ request }, (error, response) => (error ? reject(asError(error)) : resolve(response.getDiagnosticsList())));
    });
}

describe("policies served by the @pulumi/policy analyzer", () => {
    it("stack: a mandatory violation for a known draft and an advisory can't-run for an unknown one", async () => {
        const request = new analyzer.AnalyzeStackRequest();
        request.setResourcesList([
            fill(new analyzer.AnalyzerResource(), deploymentDraftType, "old", { ...makeDraft({ engineVersion: "vvr-6.0.7-flink-1.15" }) }),
            fill(new analyzer.AnalyzerResource(), deploymentDraftType, "pending", { ...makeDraft({ engineVersion: policyProxy.unknownStringValue }) }),
        ]);
        const diagnostics = await call(server.makeAnalyzeStackRpcFun("ververica-drafts", "0.1.0", "advisory", [engineVersionPolicy()]), request);
        assert.deepEqual(
            diagnostics.map((d) => [d.getPolicyname(), d.getUrn().split("::").pop(), d.getEnforcementlevel()]),
            [
                ["ververica-engine-version", "old", mandatory],
                ["ververica-engine-version", "", advisory],
            ],
        );
        assert.match(diagnostics[0].getMessage(), /older than the minimum 8\.0\.0/);
        assert.match(diagnostics[1].getMessage(), /can't run policy 'ververica-engine-version' .* during preview: string value at \.engineVersion/);
    });

    it("resource: checks Deployments and nothing else", async () => {
        const rpc = server.makeAnalyzeRpcFun("ververica-drafts", "0.1.0", "advisory", [deploymentEngineVersionPolicy()]);
        const deployment = fill(new analyzer.AnalyzeRequest(), alicloudDeploymentType, "job", { engineVersion: "vvr-6.0.7-flink-1.15", deploymentName: "job" });
        const bucket = fill(new analyzer.AnalyzeRequest(), "alicloud:oss/bucket:Bucket", "bucket", { engineVersion: "vvr-6.0.7-flink-1.15" });
        assert.deepEqual(
            (await call(rpc, deployment)).map((d) => [d.getPolicyname(), d.getEnforcementlevel()]),
            [["ververica-deployment-engine-version", mandatory]],
        );
        assert.deepEqual(await call(rpc, bucket), []);
    });
});
