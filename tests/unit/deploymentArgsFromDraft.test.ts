import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { VervericaError } from "../../provider/core/errors";
import type { DeploymentDraftAttributes } from "../../provider/core/model";
import { DeploymentDraft, DraftNotDeployableError, GetDeploymentDraftResult } from "../../sdk/nodejs";
import { deploymentArgsFromDraft, DeploymentArgsOverrides, DraftAttributeOutputs, DraftSource } from "../../sdk/nodejs/deploymentArgsFromDraft";
import { cdcYamlDraft, draftIdentity, jarDraft, makeDraft, pythonDraft } from "../helpers/draftFactory";

// Compile-time: the resource and the data source's output are drafts the helper takes.
type Fits = [DeploymentDraft, pulumi.Output<GetDeploymentDraftResult>, Promise<GetDeploymentDraftResult>] extends [DraftAttributeOutputs, DraftSource, DraftSource] ? true : never;
export const fits: Fits = true;

const overrides: DeploymentArgsOverrides = {
    deploymentTarget: { mode: "PER_JOB", name: "default-queue" },
    flinkConf: { "execution.checkpointing.interval": "60s" },
    streamingResourceSetting: { resourceSettingMode: "BASIC", basicResourceSetting: { parallelism: 2 } },
};

const sqlDraft = makeDraft({
    artifact: {
        kind: "SQLSCRIPT",
        sqlArtifact: { sqlScript: "INSERT INTO b SELECT * FROM a;", additionalDependencies: ["oss://bucket/udf.jar"] },
        // The documented example sends unselected parts along; they must not reach the deployment.
        jarArtifact: { jarUri: "oss://bucket/ignored.jar" },
    },
});

/** What {@link sqlDraft} turns into, with {@link overrides}. */
const sqlArgs = {
    ...overrides,
    resourceId: draftIdentity.workspace,
    namespace: draftIdentity.namespace,
    deploymentName: draftIdentity.name,
    executionMode: "STREAMING",
    engineVersion: "vvr-8.0.9-flink-1.17",
    artifact: { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: "INSERT INTO b SELECT * FROM a;", additionalDependencies: ["oss://bucket/udf.jar"] } },
    localVariables: [{ name: "topic", value: "orders" }],
    labels: { owner: "data-platform", env: "prod" },
};

const fedKeys = ["resourceId", "namespace", "deploymentName", "executionMode", "engineVersion", "artifact", "localVariables", "labels"] as const;

// An output's own promise: unlike `apply`, it also reports a failed output, and it is the value
// the engine would receive.
function settle<T>(value: pulumi.Input<T> | undefined): Promise<T> {
    return (pulumi.output(value) as unknown as { promise(): Promise<T> }).promise();
}

async function settleAll(args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const entries = await Promise.all(Object.entries(args).map(async ([k, v]) => [k, await settle(v)] as const));
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

function secrecy(args: Record<string, unknown>, keys: readonly string[]): Promise<Record<string, boolean>> {
    return Promise.all(keys.map(async (k) => [k, await pulumi.isSecret(pulumi.output(args[k]))] as const)).then(Object.fromEntries);
}

/** A `DeploymentDraft` resource's outputs, without a resource: one output per attribute. */
function attributeOutputs(draft: DeploymentDraftAttributes, secretArtifact: boolean): DraftAttributeOutputs {
    return {
        deploymentDraftId: pulumi.output(draft.deploymentDraftId),
        name: pulumi.output(draft.name),
        executionMode: pulumi.output(draft.executionMode),
        artifact: secretArtifact ? pulumi.secret(draft.artifact) : pulumi.output(draft.artifact),
        engineVersion: pulumi.output(draft.engineVersion),
        localVariables: pulumi.output(draft.localVariables),
        labels: pulumi.output(draft.labels),
        workspace: pulumi.output(draft.workspace),
        namespace: pulumi.output(draft.namespace),
    };
}

function assertNotDeployable(e: unknown, problem: RegExp): true {
    assert.ok(e instanceof DraftNotDeployableError, `expected a DraftNotDeployableError, got ${String(e)}`);
    assert.ok(e instanceof DraftNotDeployableError && e instanceof VervericaError);
    assert.strictEqual(e.code, "DraftNotDeployable");
    assert.deepStrictEqual(e.draft, { ...draftIdentity });
    assert.match(e.problem, problem);
    for (const part of [`"${draftIdentity.name}"`, `workspace "${draftIdentity.workspace}"`, `namespace "${draftIdentity.namespace}"`, `deploymentDraftId "${draftIdentity.deploymentDraftId}"`]) {
        assert.ok(e.message.includes(part), `${e.message} should name ${part}`);
    }
    return true;
}

describe("deploymentArgsFromDraft", () => {
    describe("from a plain draft", () => {
        it("feeds every deployment argument a draft holds, and passes the overrides through", async () => {
            const result: GetDeploymentDraftResult = { id: draftIdentity.deploymentDraftId, ...sqlDraft };
            const { artifact, ...plain } = deploymentArgsFromDraft(result, overrides);
            const { artifact: expectedArtifact, ...expectedPlain } = sqlArgs;
            assert.deepStrictEqual(plain, expectedPlain);
            assert.deepStrictEqual(await settle(artifact), expectedArtifact);
        });

        it("makes the artifact a secret, and only it, unless told not to", async () => {
            const args = deploymentArgsFromDraft(sqlDraft, overrides);
            assert.deepStrictEqual(await secrecy({ ...args }, fedKeys), Object.fromEntries(fedKeys.map((k) => [k, k === "artifact"])));
            const optedOut = deploymentArgsFromDraft(sqlDraft, overrides, { storeArtifactAsSecret: false });
            assert.deepStrictEqual(optedOut.artifact, sqlArgs.artifact);
        });

        it("takes JAR and Python artifacts part for part", async () => {
            const jar = { jarUri: "oss://bucket/job.jar", entryClass: "com.example.Job", mainArgs: "--env prod", additionalDependencies: ["oss://bucket/dep.jar"] };
            assert.deepStrictEqual(await settle(deploymentArgsFromDraft(jarDraft(jar), overrides).artifact), { kind: "JAR", jarArtifact: jar });
            const python = {
                pythonArtifactUri: "oss://bucket/job.py",
                entryModule: "job.main",
                mainArgs: "--date today",
                additionalDependencies: ["oss://bucket/dep.jar"],
                additionalPythonLibraries: ["oss://bucket/lib.whl"],
                additionalPythonArchives: ["oss://bucket/venv.zip"],
            };
            assert.deepStrictEqual(await settle(deploymentArgsFromDraft(pythonDraft(python), overrides).artifact), { kind: "PYTHON", pythonArtifact: python });
        });

        it("copies arrays, so the deployment never shares them with the draft", () => {
            const args = deploymentArgsFromDraft(sqlDraft, overrides, { storeArtifactAsSecret: false });
            const artifact = args.artifact as { sqlArtifact: { additionalDependencies: string[] } };
            assert.deepStrictEqual(artifact.sqlArtifact.additionalDependencies, ["oss://bucket/udf.jar"]);
            assert.notStrictEqual(artifact.sqlArtifact.additionalDependencies, sqlDraft.artifact?.kind === "SQLSCRIPT" && sqlDraft.artifact.sqlArtifact?.additionalDependencies);
            assert.notStrictEqual(args.localVariables, sqlDraft.localVariables);
        });

        it("turns label values into strings: strings as they are, anything else as its JSON text", () => {
            const labels = { s: "text", n: 1, f: 2.5, t: true, no: false, z: null, o: { a: [1, "b"] }, arr: [1, 2], empty: "" };
            assert.deepStrictEqual(deploymentArgsFromDraft(makeDraft({ labels }), overrides).labels, {
                s: "text",
                n: "1",
                f: "2.5",
                t: "true",
                no: "false",
                z: "null",
                o: '{"a":[1,"b"]}',
                arr: "[1,2]",
                empty: "",
            });
        });

        it("leaves out what the draft does not have, and keeps what it has empty", async () => {
            const sparse = makeDraft({ engineVersion: undefined, labels: undefined, localVariables: undefined, artifact: { kind: "SQLSCRIPT", sqlArtifact: {} } });
            const args = deploymentArgsFromDraft(sparse, overrides);
            assert.deepStrictEqual(
                fedKeys.filter((k) => k in args),
                ["resourceId", "namespace", "deploymentName", "executionMode", "artifact"],
            );
            assert.deepStrictEqual(await settle(args.artifact), { kind: "SQLSCRIPT", sqlArtifact: {} });
            const empty = deploymentArgsFromDraft(makeDraft({ labels: {}, localVariables: [] }), overrides);
            assert.deepStrictEqual([empty.labels, empty.localVariables], [{}, []]);
        });

        it("names the deployment after the draft unless deploymentName is given", () => {
            assert.strictEqual(deploymentArgsFromDraft(sqlDraft, { ...overrides, deploymentName: "orders-v2" }).deploymentName, "orders-v2");
            const renamed = pulumi.output("from-output");
            assert.strictEqual(deploymentArgsFromDraft(sqlDraft, { ...overrides, deploymentName: renamed }).deploymentName, renamed);
            assert.strictEqual(deploymentArgsFromDraft(makeDraft({ name: undefined }), { ...overrides, deploymentName: "named" }).deploymentName, "named");
        });

        it("keeps override values as they are, outputs included", () => {
            const target = pulumi.secret({ mode: "SESSION", name: "shared-session" });
            const args = deploymentArgsFromDraft(sqlDraft, { deploymentTarget: target, description: "fed from a draft" });
            assert.strictEqual(args.deploymentTarget, target);
            assert.strictEqual(args.description, "fed from a draft");
        });

        it("throws DraftNotDeployableError for a CDC YAML draft, naming the draft", () => {
            assert.throws(() => deploymentArgsFromDraft(cdcYamlDraft("source:\n  type: mysql\n"), overrides), (e) => assertNotDeployable(e, /CDCYAML.*takes SQLSCRIPT, JAR and PYTHON/));
        });

        it("throws DraftNotDeployableError when the draft lacks an artifact, an execution mode or a name", () => {
            assert.throws(() => deploymentArgsFromDraft(makeDraft({ artifact: undefined }), overrides), (e) => assertNotDeployable(e, /no artifact/));
            assert.throws(() => deploymentArgsFromDraft(makeDraft({ executionMode: undefined }), overrides), (e) => assertNotDeployable(e, /no execution mode/));
            assert.throws(
                () => deploymentArgsFromDraft(makeDraft({ name: undefined }), overrides),
                (e) => e instanceof DraftNotDeployableError && /no name/.test(e.message) && e.draft.name === undefined,
            );
        });

        it("rejects an artifact kind it does not know, and an artifact without a kind, naming what it takes", () => {
            const odd: DeploymentDraftAttributes = { ...sqlDraft, artifact: { kind: "FLINKML" } };
            assert.throws(() => deploymentArgsFromDraft(odd, overrides), (e) => assertNotDeployable(e, /"FLINKML" is not one of SQLSCRIPT, JAR and PYTHON/));
            const kindless: DeploymentDraftAttributes = { ...sqlDraft, artifact: { sqlArtifact: { sqlScript: "SELECT 1" } } };
            assert.throws(() => deploymentArgsFromDraft(kindless, overrides), (e) => assertNotDeployable(e, /artifact has no kind; .*takes SQLSCRIPT, JAR and PYTHON/));
        });
    });

    describe("from an output or a promise of a draft", () => {
        it("gives outputs with the same values as a plain draft", async () => {
            const args = deploymentArgsFromDraft(pulumi.output(sqlDraft), overrides);
            for (const key of fedKeys) {
                assert.ok(pulumi.Output.isInstance(args[key]), `${key} should be an output`);
            }
            assert.deepStrictEqual(await settleAll({ ...args }), await settleAll({ ...sqlArgs }));
            assert.deepStrictEqual(await settleAll({ ...deploymentArgsFromDraft(Promise.resolve(sqlDraft), overrides) }), await settleAll({ ...sqlArgs }));
        });

        it("makes every argument secret when the draft is secret, and only the artifact when it is not", async () => {
            const secret = await secrecy({ ...deploymentArgsFromDraft(pulumi.secret(sqlDraft), overrides) }, fedKeys);
            assert.deepStrictEqual(Object.values(secret), fedKeys.map(() => true));
            const optedOut = await secrecy({ ...deploymentArgsFromDraft(pulumi.secret(sqlDraft), overrides, { storeArtifactAsSecret: false }) }, fedKeys);
            assert.deepStrictEqual(Object.values(optedOut), fedKeys.map(() => true));
            const plain = await secrecy({ ...deploymentArgsFromDraft(pulumi.output(sqlDraft), overrides) }, fedKeys);
            assert.deepStrictEqual(plain, Object.fromEntries(fedKeys.map((k) => [k, k === "artifact"])));
            const plainOptedOut = await secrecy({ ...deploymentArgsFromDraft(pulumi.output(sqlDraft), overrides, { storeArtifactAsSecret: false }) }, fedKeys);
            assert.deepStrictEqual(Object.values(plainOptedOut), fedKeys.map(() => false));
        });

        it("rejects the artifact output, and only it, for a CDC YAML draft", async () => {
            const args = deploymentArgsFromDraft(pulumi.output(cdcYamlDraft("source:\n  type: mysql\n")), overrides);
            await assert.rejects(settle(args.artifact), (e) => assertNotDeployable(e, /CDCYAML/));
            assert.strictEqual(await settle(args.deploymentName), draftIdentity.name);
            assert.strictEqual(await settle(args.executionMode), "STREAMING");
        });
    });

    describe("from a resource's outputs", () => {
        it("gives outputs with the same values as a plain draft", async () => {
            const args = deploymentArgsFromDraft(attributeOutputs(sqlDraft, false), overrides);
            assert.deepStrictEqual(await settleAll({ ...args }), await settleAll({ ...sqlArgs }));
        });

        it("keeps each attribute's secrecy: a secret artifact does not make the name secret", async () => {
            const secret = await secrecy({ ...deploymentArgsFromDraft(attributeOutputs(sqlDraft, true), overrides) }, fedKeys);
            assert.deepStrictEqual(secret, Object.fromEntries(fedKeys.map((k) => [k, k === "artifact"])));
        });

        it("makes the artifact secret even from a resource that stores it in plain text, unless told not to", async () => {
            const fed = await secrecy({ ...deploymentArgsFromDraft(attributeOutputs(sqlDraft, false), overrides) }, fedKeys);
            assert.deepStrictEqual(fed, Object.fromEntries(fedKeys.map((k) => [k, k === "artifact"])));
            const optedOut = await secrecy({ ...deploymentArgsFromDraft(attributeOutputs(sqlDraft, false), overrides, { storeArtifactAsSecret: false }) }, fedKeys);
            assert.deepStrictEqual(Object.values(optedOut), fedKeys.map(() => false));
        });

        it("rejects the artifact output for a CDC YAML draft, naming the draft", async () => {
            const args = deploymentArgsFromDraft(attributeOutputs(cdcYamlDraft("pipeline:\n  name: x\n"), true), overrides);
            await assert.rejects(settle(args.artifact), (e) => assertNotDeployable(e, /CDCYAML/));
        });
    });

    it("does not load @pulumi/alicloud", () => {
        const repoRoot = path.resolve(__dirname, "..", "..");
        const script = [
            'require("./sdk/nodejs");',
            'require("./sdk/nodejs/deploymentArgsFromDraft");',
            'const loaded = Object.keys(require.cache).filter((f) => f.includes("@pulumi/alicloud"));',
            "process.stdout.write(JSON.stringify(loaded));",
        ].join("\n");
        const child = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: repoRoot, encoding: "utf8" });
        assert.strictEqual(child.status, 0, child.stderr);
        assert.deepStrictEqual(JSON.parse(child.stdout), []);
    });
});
