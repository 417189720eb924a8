// examples/feed-deployment: it type-checks against the real @pulumi/alicloud types, and, run
// with Pulumi's mocks against the emulator, hands the Deployment exactly the draft's attributes.
//
// The example imports "pulumi-ververica" by name, which resolves to this package's built dist/
// through package.json "exports": the suite builds first.
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { loadFixtureDrafts } from "../emulator";
import { useEmulator } from "../helpers/emulatorFixture";
import { emulatorChildEnvironment } from "../helpers/environment";
import type { MockRunResult } from "./feedDeploymentMockRun";

const repoRoot = path.resolve(__dirname, "..", "..");
const workspace = "a14bd5d90a";
const namespace = "default-namespace";

/** The arguments the example adds to every draft. */
const exampleOverrides = {
    deploymentTarget: { mode: "PER_JOB", name: "default-queue" },
    streamingResourceSetting: {
        resourceSettingMode: "BASIC",
        basicResourceSetting: {
            parallelism: 1,
            jobmanagerResourceSettingSpec: { cpu: 1, memory: "4Gi" },
            taskmanagerResourceSettingSpec: { cpu: 1, memory: "4Gi" },
        },
    },
    flinkConf: { "execution.checkpointing.interval": "180s" },
};

// Asynchronous, so that the emulator in this process keeps answering the child.
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<{ status: number; output: string }> {
    return new Promise((resolve) => {
        execFile(command, args, { cwd: repoRoot, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            const status = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
            resolve({ status, output: `${stdout}${stderr}${error !== null && status === -1 ? error.message : ""}` });
        });
    });
}

/** A secret resource input as the engine receives it. */
function secretInput(value: unknown): Record<string, unknown> {
    return { [specialSigKey]: specialSecretSig, value };
}

function fixtureDraft(name: string) {
    const draft = loadFixtureDrafts().find((d) => d.workspace === workspace && d.name === name);
    assert.ok(draft, `no fixture draft ${name}`);
    return draft;
}

describe("examples/feed-deployment", function () {
    this.timeout(120_000);

    before(async function () {
        const build = await run(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"]);
        assert.strictEqual(build.status, 0, `the build failed:\n${build.output}`);
    });

    it("type-checks against @pulumi/alicloud without casts", async function () {
        const check = await run(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", "examples/feed-deployment"]);
        assert.strictEqual(check.status, 0, check.output);
        const source = fs.readFileSync(path.join(repoRoot, "examples", "feed-deployment", "index.ts"), "utf8");
        assert.doesNotMatch(source, /\bas\s+(unknown|any)\b|<any>|@ts-/, "the example must not cast its way past the types");
    });

    describe("run with mocks against the emulator", () => {
        const fixture = useEmulator();
        let dir: string;
        beforeEach(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "feed-deployment-"));
        });
        afterEach(() => {
            fs.rmSync(dir, { recursive: true, force: true });
        });

        async function runExample(draftName: string, expectedStatus = 0): Promise<MockRunResult> {
            const resultFile = path.join(dir, "result.json");
            const env = emulatorChildEnvironment({
                PULUMI_CONFIG: JSON.stringify({
                    "ververica:endpoint": fixture.emulator.url,
                    "ververica-feed-deployment:workspace": workspace,
                    "ververica-feed-deployment:draftName": draftName,
                }),
            });
            const child = await run(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "feedDeploymentMockRun.ts"), resultFile], env);
            assert.strictEqual(child.status, expectedStatus, child.output);
            return JSON.parse(fs.readFileSync(resultFile, "utf8")) as MockRunResult;
        }

        it("creates the Deployment from an SQL draft found by name, with exactly its attributes", async () => {
            const draft = fixtureDraft("orders-etl");
            const result = await runExample("orders-etl");
            assert.strictEqual(result.error, undefined);
            assert.deepStrictEqual(result.resources, [
                {
                    type: "alicloud:realtimecompute/deployment:Deployment",
                    name: "orders-etl",
                    inputs: {
                        ...exampleOverrides,
                        resourceId: workspace,
                        namespace,
                        deploymentName: "orders-etl",
                        executionMode: draft.executionMode,
                        engineVersion: draft.engineVersion,
                        // The SQL reaches state as ciphertext; every other argument stays readable.
                        artifact: secretInput({ kind: "SQLSCRIPT", sqlArtifact: draft.artifact?.sqlArtifact }),
                        localVariables: draft.localVariables,
                        // The number label arrives as its JSON text.
                        labels: { team: "data-platform", env: "prod", tier: "1" },
                    },
                },
            ]);
            assert.deepStrictEqual(result.outputs, {
                draftId: draft.deploymentDraftId,
                deploymentId: "orders-etl-deployment",
                engineVersion: draft.engineVersion,
            });
            assert.deepStrictEqual(
                fixture.emulator.stats.log.map((e) => e.action),
                ["ListDeploymentDrafts", "GetDeploymentDraft"],
            );
        });

        it("hands a JAR draft's artifact over part for part", async () => {
            const draft = fixtureDraft("clickstream-sessionizer");
            const result = await runExample("clickstream-sessionizer");
            assert.strictEqual(result.error, undefined);
            assert.strictEqual(result.resources.length, 1);
            const { artifact, labels, executionMode } = result.resources[0].inputs;
            assert.deepStrictEqual(artifact, secretInput({ kind: "JAR", jarArtifact: draft.artifact?.jarArtifact }));
            assert.deepStrictEqual(labels, draft.labels);
            assert.strictEqual(executionMode, draft.executionMode);
        });

        it("fails on a CDC YAML draft with DraftNotDeployableError and creates nothing", async () => {
            const result = await runExample("mysql-to-paimon", 1);
            assert.deepStrictEqual(result.resources, []);
            assert.match(String(result.error), /^DraftNotDeployableError: .*the draft cannot feed an alicloud\.realtimecompute\.Deployment: .*CDCYAML.*name "mysql-to-paimon"/);
        });
    });
});
