// The DeploymentDraft resource as users run it: `pulumi up`, `refresh` and `destroy` of a
// TypeScript project through the Node language host against the emulator: create, a no-op update
// that reads nothing, refresh with drift, refresh under faults, an unknown draft, forgetting on destroy, and what
// ends up in the state file.

import * as assert from "assert";
import * as fs from "fs";
import { DEFAULT_TEST_CREDENTIAL, Emulator, EmulatorCredential, startEmulator } from "../emulator";
import { ensurePulumiCli } from "../helpers/harness";
import { createLinkedProject } from "../helpers/linkedProject";
import { createProjectStack, ExportedResource, ProjectConfigValue, ProjectStack } from "../helpers/projectStack";

const CLI_TIMEOUT_MS = 40 * 60 * 1000;
const STACK_TIMEOUT_MS = 5 * 60 * 1000;
const ws = "a14bd5d90a";
const ns = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const draftType = "pulumi-nodejs:dynamic/ververica:DeploymentDraft";

// Tracks the drafts listed in the `drafts` config key; exports the first one's attributes.
const program = `import * as pulumi from "@pulumi/pulumi";
import * as ververica from "pulumi-ververica";

const config = new pulumi.Config();
const drafts = config
    .requireObject<Array<{ name: string; id: string; storeArtifactAsSecret?: boolean }>>("drafts")
    .map((d) => new ververica.DeploymentDraft(d.name, { workspace: "${ws}", namespace: "${ns}", deploymentDraftId: d.id, storeArtifactAsSecret: d.storeArtifactAsSecret }));
const first = drafts[0];
export const name = first?.name;
export const engineVersion = first?.engineVersion;
export const kind = first?.artifact.apply((a) => a?.kind);
export const lockHolder = first?.lock.apply((l) => l?.holderName ?? "none");
export const labels = first?.labels;
`;

type Tracked = { name: string; id: string; storeArtifactAsSecret?: boolean };

function draftsIn(resources: readonly ExportedResource[] | undefined): ExportedResource[] {
    return (resources ?? []).filter((r) => r.type === draftType);
}

describe("e2e: DeploymentDraft resource", function () {
    this.timeout(STACK_TIMEOUT_MS);
    let emulator: Emulator | undefined;
    let stack: ProjectStack | undefined;
    let projectDir: string;

    before(function () {
        this.timeout(CLI_TIMEOUT_MS);
        ensurePulumiCli();
        projectDir = createLinkedProject("ververica-drafts", { "index.ts": program });
    });

    afterEach(async () => {
        const current = stack;
        stack = undefined;
        try {
            await current?.dispose();
        } finally {
            await emulator?.close();
            emulator = undefined;
        }
    });

    after(() => {
        if (projectDir) fs.rmSync(projectDir, { recursive: true, force: true });
    });

    /** Starts an emulator and a stack whose credentials are stack config under `keys` (`alicloud`, the fallback, unless told). */
    async function start(
        drafts: readonly Tracked[],
        credentials: EmulatorCredential = DEFAULT_TEST_CREDENTIAL,
        env: Readonly<Record<string, string>> = {},
        keys: "ververica" | "alicloud" = "alicloud",
    ): Promise<[Emulator, ProjectStack]> {
        const em = (emulator = await startEmulator({ credentials: [credentials] }));
        const config: Record<string, ProjectConfigValue> = {
            drafts: JSON.stringify(drafts),
            "ververica:endpoint": em.url,
            [`${keys}:accessKey`]: credentials.accessKeyId,
            [`${keys}:secretKey`]: { secret: credentials.accessKeySecret },
            ...(credentials.securityToken !== undefined ? { [`${keys}:securityToken`]: { secret: credentials.securityToken } } : {}),
        };
        stack = await createProjectStack({ projectDir, config, env: { VERVERICA_MAX_ATTEMPTS: "2", ...env } });
        return [em, stack];
    }

    async function outputs(s: ProjectStack): Promise<Record<string, unknown>> {
        return JSON.parse((await s.runOk(["stack", "output", "--json", "--show-secrets"])).stdout) as Record<string, unknown>;
    }

    it("creates, stays unchanged, shows drift on refresh, and only forgets the draft on destroy", async () => {
        const [em, s] = await start([{ name: "orders-etl", id: ordersEtl }]);
        const first = await s.runOk(["up", "--yes"]);
        assert.match(first.stdout, /\+ 2 created/, first.stdout);
        assert.deepStrictEqual(await outputs(s), {
            name: "orders-etl",
            engineVersion: "vvr-8.0.9-flink-1.17",
            kind: "SQLSCRIPT",
            lockHolder: "none",
            labels: { team: "data-platform", env: "prod", tier: 1 },
        });
        const plain = JSON.parse((await s.runOk(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
        assert.strictEqual(plain.kind, "[secret]", "the artifact is a secret by default");

        em.store.update(ws, ns, ordersEtl, (d) => {
            d.engineVersion = "vvr-11.1-jdk11-flink-1.20";
            d.lock = { id: "lock-1", workspace: ws, namespace: ns, holderId: "1001", holderName: "bob" };
            if (d.artifact?.sqlArtifact) d.artifact.sqlArtifact.sqlScript = "INSERT INTO sink SELECT * FROM source;";
        });
        // `up` compares the program with state and reads no tracked draft: drift is refresh's.
        em.stats.reset();
        const second = await s.runOk(["up", "--yes", "--expect-no-changes"]);
        assert.match(second.stdout, /2 unchanged/, second.stdout);
        assert.strictEqual(em.stats.requests, 0, "a no-op up reads no draft");
        const refresh = await s.runOk(["refresh", "--yes"]);
        assert.match(refresh.stdout, /~ pulumi-nodejs:dynamic\/ververica:DeploymentDraft orders-etl (refreshed|updated)|1 updated/, refresh.stdout);
        const [tracked] = draftsIn((await s.exportState(true)).deployment.resources);
        assert.strictEqual(tracked.outputs?.engineVersion, "vvr-11.1-jdk11-flink-1.20");
        assert.strictEqual((tracked.outputs?.lock as { holderName?: string }).holderName, "bob");
        assert.match(JSON.stringify(tracked.outputs?.artifact), /INSERT INTO sink SELECT \* FROM source;/);

        await s.runOk(["up", "--yes"]);
        const third = await outputs(s);
        assert.strictEqual(third.engineVersion, "vvr-11.1-jdk11-flink-1.20");
        assert.strictEqual(third.lockHolder, "bob");

        const destroyed = await s.runOk(["destroy", "--yes"]);
        assert.match(destroyed.stdout, /- 2 deleted/, destroyed.stdout);
        assert.strictEqual(em.store.get(ws, ns, ordersEtl)?.name, "orders-etl", "the remote draft is untouched");
    });

    it("keeps state exactly as it was when a refresh fails, and drops the resource only when the draft is gone", async () => {
        // Throttling is retried for a time budget: 20 ms are spent well before the 10 queued faults.
        const [em, s] = await start([{ name: "orders-etl", id: ordersEtl }], DEFAULT_TEST_CREDENTIAL, { VERVERICA_READ_TIMEOUT_MS: "500", VERVERICA_THROTTLE_RETRY_TIME_MS: "20" });
        await s.runOk(["up", "--yes"]);
        const before = draftsIn((await s.exportState(true)).deployment.resources);
        assert.strictEqual(before.length, 1);

        for (const fault of ["error503", "throttle", "timeout", "malformedJson", "truncatedJson", "reset", "forbidden", "badSignature"] as const) {
            em.faults.next(fault, 10, { retryAfterMs: 5 });
            const refresh = await s.run(["refresh", "--yes"]);
            assert.notStrictEqual(refresh.exitCode, 0, `refresh during ${fault} must fail`);
            em.faults.clear();
            assert.deepStrictEqual(draftsIn((await s.exportState(true)).deployment.resources), before, `state after a refresh during ${fault}`);
        }

        em.store.remove(ws, ns, ordersEtl);
        await s.runOk(["refresh", "--yes"]);
        assert.deepStrictEqual(draftsIn((await s.exportState()).deployment.resources), []);
    });

    it("keeps state byte for byte through a refresh that meets a 404 without 990301, and drops the resource on 990301", async () => {
        const [em, s] = await start([{ name: "orders-etl", id: ordersEtl }]);
        await s.runOk(["up", "--yes"]);
        const before = JSON.stringify(draftsIn((await s.exportState(true)).deployment.resources));

        // A wrong workspace header or a path the gateway does not serve answers like this.
        em.faults.next("notFoundWithoutCode", 10);
        const refresh = await s.run(["refresh", "--yes"]);
        assert.notStrictEqual(refresh.exitCode, 0, "a refresh during an unconfirmed 404 must fail");
        const output = refresh.stdout + refresh.stderr;
        assert.match(output, /HTTP 404 without the not-found code 990301, so the draft is not known to be gone; check the workspace, namespace and endpoint/);
        assert.match(output, new RegExp(`workspace "${ws}", namespace "${ns}", deploymentDraftId "${ordersEtl}"`));
        assert.strictEqual(em.stats.faultsServed.notFoundWithoutCode, 1, "an unconfirmed 404 is not retried");
        em.faults.clear();
        assert.strictEqual(JSON.stringify(draftsIn((await s.exportState(true)).deployment.resources)), before, "the tracked draft's state is byte-equal");

        // The service's own not-found code is the one answer that drops the resource.
        em.store.remove(ws, ns, ordersEtl);
        await s.runOk(["refresh", "--yes"]);
        assert.deepStrictEqual(draftsIn((await s.exportState()).deployment.resources), []);
    });

    it("reads ververica:* credentials (an STS token too), keeps them out of state and stores a draft's SQL as a secret unless told otherwise", async () => {
        const sts: EmulatorCredential = { accessKeyId: "STS.NTestKeyId001", accessKeySecret: "Sts5ecretValue-QQ7x", securityToken: "CAIS-sts-token-SENTINEL-8842" };
        const sentinel = "S3ntinel-Passw0rd-4417";
        const [em, s] = await start(
            [
                { name: "secret-sql", id: ordersEtl },
                { name: "plain-sql", id: ordersEtl, storeArtifactAsSecret: false },
            ],
            sts,
            {},
            "ververica",
        );
        em.store.update(ws, ns, ordersEtl, (d) => {
            if (d.artifact?.sqlArtifact) d.artifact.sqlArtifact.sqlScript = `CREATE TABLE s (id INT) WITH ('connector' = 'jdbc', 'password' = '${sentinel}');`;
        });
        await s.runOk(["up", "--yes"]);
        await s.runOk(["refresh", "--yes"]);
        assert.ok(em.stats.byAction.GetDeploymentDraft >= 2, "the draft was read with the STS credential");

        const exported = await s.exportState();
        for (const text of [JSON.stringify(exported), s.backendFilesText()]) {
            assert.ok(!text.includes(sts.accessKeySecret), "the AccessKey secret must not be in state");
            assert.ok(!text.includes(sts.securityToken as string), "the STS token must not be in state");
        }
        // Decrypted, the engine's own record of the stack config (the default dynamic provider's
        // inputs, which hold every config value, secrets encrypted) is the only place they
        // appear: never a DeploymentDraft and never its serialized provider.
        for (const r of (await s.exportState(true)).deployment.resources ?? []) {
            const text = JSON.stringify(r);
            if (r.type === "pulumi:providers:pulumi-nodejs") continue;
            assert.ok(!text.includes(sts.accessKeySecret) && !text.includes(sts.securityToken as string), `${r.urn} holds a credential`);
        }

        const [secretSql, plainSql] = ["secret-sql", "plain-sql"].map((n) => draftsIn(exported.deployment.resources).find((r) => r.urn.endsWith(`::${n}`)));
        assert.ok(!JSON.stringify(secretSql).includes(sentinel), "an SQL password is ciphertext in state by default");
        assert.ok(JSON.stringify(plainSql).includes(sentinel), "storeArtifactAsSecret: false keeps the SQL in plain text");
        const revealed = draftsIn((await s.exportState(true)).deployment.resources).find((r) => r.urn.endsWith("::secret-sql"));
        assert.ok(JSON.stringify(revealed).includes(sentinel), "--show-secrets decrypts it");

        const providerBytes = Buffer.byteLength(String(secretSql?.outputs?.__provider ?? secretSql?.inputs?.__provider));
        assert.ok(providerBytes > 0 && providerBytes < 4096, `__provider is ${providerBytes} bytes`);
        console.log(`      __provider: ${providerBytes} bytes per DeploymentDraft`);
    });
});
