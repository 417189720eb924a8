// The DeploymentDraft resource under the real engine: create, no-op update, refresh with drift,
// refresh under faults, forgetting on destroy, and what ends up in the state file.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { DeploymentDraft } from "../../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL, Emulator, EmulatorCredential, startEmulator } from "../emulator";
import { createTestStack, ensurePulumiCli, PulumiCliError, runPulumi, TestStack } from "./harness";

const CLI_TIMEOUT_MS = 40 * 60 * 1000;
const STACK_TIMEOUT_MS = 5 * 60 * 1000;
const ws = "a14bd5d90a";
const ns = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const draftType = "pulumi-nodejs:dynamic/ververica:DeploymentDraft";

interface ExportedResource {
    urn: string;
    type: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
}

async function exportState(ts: TestStack, showSecrets = false): Promise<{ text: string; resources: ExportedResource[] }> {
    const args = ["stack", "export", "--stack", ts.stack.name, ...(showSecrets ? ["--show-secrets"] : [])];
    const text = (await runPulumi(args, { cwd: ts.workDir, env: ts.env })).stdout;
    const parsed = JSON.parse(text) as { deployment: { resources?: ExportedResource[] } };
    return { text, resources: parsed.deployment.resources ?? [] };
}

function draftsIn(resources: ExportedResource[]): ExportedResource[] {
    return resources.filter((r) => r.type === draftType);
}

/** Every file the backend holds (state, history, backups), concatenated. */
function backendFiles(ts: TestStack): string {
    const out: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const p = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(p);
            else out.push(fs.readFileSync(p).toString("latin1"));
        }
    };
    walk(ts.backendDir);
    return out.join("\n");
}

describe("e2e: DeploymentDraft resource", function () {
    this.timeout(STACK_TIMEOUT_MS);
    let emulator: Emulator | undefined;
    let ts: TestStack | undefined;

    before(function () {
        this.timeout(CLI_TIMEOUT_MS);
        ensurePulumiCli();
    });

    afterEach(async () => {
        const current = ts;
        ts = undefined;
        try {
            await current?.destroy();
        } finally {
            await emulator?.close();
            emulator = undefined;
        }
    });

    async function start(credentials: EmulatorCredential[] = [DEFAULT_TEST_CREDENTIAL]): Promise<Emulator> {
        emulator = await startEmulator({ credentials });
        return emulator;
    }

    const keyEnv = {
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret,
        VERVERICA_MAX_ATTEMPTS: "2",
    };

    it("creates, stays unchanged, shows drift on refresh, and only forgets the draft on destroy", async () => {
        const em = await start();
        ts = await createTestStack({
            env: keyEnv,
            program: async () => {
                const draft = new DeploymentDraft("orders-etl", { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl, endpoint: em.url });
                return {
                    name: draft.name,
                    engineVersion: draft.engineVersion,
                    executionMode: draft.executionMode,
                    kind: draft.artifact.apply((a) => a?.kind),
                    lockHolder: draft.lock.apply((l) => l?.holderName ?? "none"),
                    labels: draft.labels,
                };
            },
        });
        const first = await ts.stack.up();
        assert.deepStrictEqual(first.summary.resourceChanges, { create: 2 });
        assert.strictEqual(first.outputs.engineVersion.value, "vvr-8.0.9-flink-1.17");
        assert.strictEqual(first.outputs.name.value, "orders-etl");
        assert.strictEqual(first.outputs.kind.value, "SQLSCRIPT");
        assert.strictEqual(first.outputs.kind.secret, true, "the artifact is a secret by default");
        assert.deepStrictEqual(first.outputs.labels.value, { team: "data-platform", env: "prod", tier: 1 });

        const second = await ts.stack.up();
        assert.deepStrictEqual(second.summary.resourceChanges, { same: 2 });

        em.store.update(ws, ns, ordersEtl, (d) => {
            d.engineVersion = "vvr-11.1-jdk11-flink-1.20";
            d.lock = { id: "lock-1", workspace: ws, namespace: ns, holderId: "1001", holderName: "bob" };
            if (d.artifact?.sqlArtifact) d.artifact.sqlArtifact.sqlScript = "INSERT INTO sink SELECT * FROM source;";
        });
        const refresh = await runPulumi(["refresh", "--yes", "--stack", ts.stack.name], { cwd: ts.workDir, env: ts.env });
        assert.match(refresh.stdout, /~ pulumi-nodejs:dynamic\/ververica:DeploymentDraft orders-etl (refreshed|updated)|1 updated/, refresh.stdout);
        const [tracked] = draftsIn((await exportState(ts, true)).resources);
        assert.strictEqual(tracked.outputs?.engineVersion, "vvr-11.1-jdk11-flink-1.20");
        assert.strictEqual((tracked.outputs?.lock as { holderName?: string }).holderName, "bob");
        assert.match(JSON.stringify(tracked.outputs?.artifact), /INSERT INTO sink SELECT \* FROM source;/);

        const third = await ts.stack.up();
        assert.strictEqual(third.outputs.engineVersion.value, "vvr-11.1-jdk11-flink-1.20");
        assert.strictEqual(third.outputs.lockHolder.value, "bob");

        const destroyed = await ts.stack.destroy();
        assert.deepStrictEqual(destroyed.summary.resourceChanges, { delete: 2 });
        assert.strictEqual(em.store.get(ws, ns, ordersEtl)?.name, "orders-etl", "the remote draft is untouched");
    });

    it("keeps state exactly as it was when a refresh fails, and drops the resource only when the draft is gone", async () => {
        const em = await start();
        ts = await createTestStack({
            env: { ...keyEnv, VERVERICA_READ_TIMEOUT_MS: "500" },
            program: async () => {
                new DeploymentDraft("orders-etl", { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl, endpoint: em.url });
            },
        });
        await ts.stack.up();
        const before = draftsIn((await exportState(ts, true)).resources);
        assert.strictEqual(before.length, 1);

        for (const fault of ["error503", "throttle", "timeout", "malformedJson", "truncatedJson", "reset", "forbidden", "badSignature"] as const) {
            em.faults.next(fault, 10, { retryAfterMs: 5 });
            await assert.rejects(runPulumi(["refresh", "--yes", "--stack", ts.stack.name], { cwd: ts.workDir, env: ts.env }), `refresh during ${fault} must fail`);
            em.faults.clear();
            assert.deepStrictEqual(draftsIn((await exportState(ts, true)).resources), before, `state after a refresh during ${fault}`);
        }

        em.store.remove(ws, ns, ordersEtl);
        await runPulumi(["refresh", "--yes", "--stack", ts.stack.name], { cwd: ts.workDir, env: ts.env });
        assert.deepStrictEqual(draftsIn((await exportState(ts)).resources), []);
    });

    it("keeps state byte for byte through a refresh that meets a 404 without 990301, and drops the resource on 990301", async () => {
        const em = await start();
        ts = await createTestStack({
            env: keyEnv,
            program: async () => {
                new DeploymentDraft("orders-etl", { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl, endpoint: em.url });
            },
        });
        await ts.stack.up();
        const before = JSON.stringify(draftsIn((await exportState(ts, true)).resources));

        // A wrong workspace header or a path the gateway does not serve answers like this.
        em.faults.next("notFoundWithoutCode", 10);
        const refresh = runPulumi(["refresh", "--yes", "--stack", ts.stack.name], { cwd: ts.workDir, env: ts.env });
        const failed = await refresh.then(
            () => assert.fail("a refresh during an unconfirmed 404 must fail"),
            (e: unknown) => e as PulumiCliError,
        );
        assert.ok(failed instanceof PulumiCliError, String(failed));
        const output = failed.stdout + failed.stderr;
        assert.match(output, /HTTP 404 without the not-found code 990301, so the draft is not known to be gone; check the workspace, namespace and endpoint/);
        assert.match(output, new RegExp(`workspace "${ws}", namespace "${ns}", deploymentDraftId "${ordersEtl}"`));
        assert.strictEqual(em.stats.faultsServed.notFoundWithoutCode, 1, "an unconfirmed 404 is not retried");
        em.faults.clear();
        assert.strictEqual(JSON.stringify(draftsIn((await exportState(ts, true)).resources)), before, "the tracked draft's state is byte-equal");

        // The service's own not-found code is the one answer that drops the resource.
        em.store.remove(ws, ns, ordersEtl);
        await runPulumi(["refresh", "--yes", "--stack", ts.stack.name], { cwd: ts.workDir, env: ts.env });
        assert.deepStrictEqual(draftsIn((await exportState(ts)).resources), []);
    });

    it("fails `up` on an unknown draft with the not-found error and loses nothing already in state", async () => {
        const em = await start();
        let includeMissing = false;
        ts = await createTestStack({
            env: keyEnv,
            program: async () => {
                new DeploymentDraft("orders-etl", { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl, endpoint: em.url });
                if (includeMissing) {
                    new DeploymentDraft("missing", { workspace: ws, namespace: ns, deploymentDraftId: "no-such-draft", endpoint: em.url });
                }
            },
        });
        await ts.stack.up();
        includeMissing = true;
        let output = "";
        await assert.rejects(ts.stack.up({ onOutput: (o) => (output += o) }));
        assert.match(output, /deployment draft not found/);
        assert.match(output, /deploymentDraftId "no-such-draft"/);
        assert.match(output, /error code 990301/);
        const ids = draftsIn((await exportState(ts)).resources).map((r) => r.id);
        assert.deepStrictEqual(ids, [ordersEtl]);
    });

    it("keeps credentials out of state and stores a draft's SQL as a secret unless told otherwise", async () => {
        const sts: EmulatorCredential = { accessKeyId: "STS.NTestKeyId001", accessKeySecret: "Sts5ecretValue-QQ7x", securityToken: "CAIS-sts-token-SENTINEL-8842" };
        const em = await start([sts]);
        const sentinel = "S3ntinel-Passw0rd-4417";
        em.store.update(ws, ns, ordersEtl, (d) => {
            if (d.artifact?.sqlArtifact) d.artifact.sqlArtifact.sqlScript = `CREATE TABLE s (id INT) WITH ('connector' = 'jdbc', 'password' = '${sentinel}');`;
        });
        ts = await createTestStack({
            env: { VERVERICA_MAX_ATTEMPTS: "2" },
            config: {
                "alicloud:accessKey": { value: sts.accessKeyId },
                "alicloud:secretKey": { value: sts.accessKeySecret, secret: true },
                "alicloud:securityToken": { value: sts.securityToken as string, secret: true },
            },
            program: async () => {
                new DeploymentDraft("secret-sql", { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl, endpoint: em.url });
                new DeploymentDraft("plain-sql", { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl, endpoint: em.url, storeArtifactAsSecret: false });
            },
        });
        await ts.stack.up();
        await runPulumi(["refresh", "--yes", "--stack", ts.stack.name], { cwd: ts.workDir, env: ts.env });
        assert.ok(em.stats.byAction.GetDeploymentDraft >= 2, "the draft was read with the STS credential");

        const exported = await exportState(ts);
        for (const text of [exported.text, backendFiles(ts)]) {
            assert.ok(!text.includes(sts.accessKeySecret), "the AccessKey secret must not be in state");
            assert.ok(!text.includes(sts.securityToken as string), "the STS token must not be in state");
        }
        // Decrypted, the engine's own record of the stack config (the default dynamic provider's
        // inputs, which hold every config value, secrets encrypted) is the only place they
        // appear: never a DeploymentDraft and never its serialized provider.
        for (const r of (await exportState(ts, true)).resources) {
            const text = JSON.stringify(r);
            if (r.type === "pulumi:providers:pulumi-nodejs") continue;
            assert.ok(!text.includes(sts.accessKeySecret) && !text.includes(sts.securityToken as string), `${r.urn} holds a credential`);
        }

        const [secretSql, plainSql] = ["secret-sql", "plain-sql"].map((n) => draftsIn(exported.resources).find((r) => r.urn.endsWith(`::${n}`)));
        assert.ok(!JSON.stringify(secretSql).includes(sentinel), "an SQL password is ciphertext in state by default");
        assert.ok(JSON.stringify(plainSql).includes(sentinel), "storeArtifactAsSecret: false keeps the SQL in plain text");
        const revealed = draftsIn((await exportState(ts, true)).resources).find((r) => r.urn.endsWith("::secret-sql"));
        assert.ok(JSON.stringify(revealed).includes(sentinel), "--show-secrets decrypts it");

        const providerBytes = Buffer.byteLength(String(secretSql?.outputs?.__provider ?? secretSql?.inputs?.__provider));
        assert.ok(providerBytes > 0 && providerBytes < 4096, `__provider is ${providerBytes} bytes`);
        console.log(`      __provider: ${providerBytes} bytes per DeploymentDraft`);
    });
});

