// The native plugin under the real engine, from a YAML program (examples/yaml-quickstart): the
// plugin installed from its tarball, the YAML language host built from its Go module, the API
// played by the emulator on loopback.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { draftPath } from "../../provider/core/pathEncoding";
import { DEFAULT_TEST_CREDENTIAL, Emulator, generateDrafts, startEmulator } from "../emulator";
import { ensurePulumiCli } from "../helpers/harness";
import { createLinkedPolicyPack, pluginStackConfig } from "../helpers/linkedProject";
import { ensurePluginTarball, ensureYamlLanguageHost, installPlugin, pluginVersion } from "../helpers/pluginInstall";
import { createProjectStack, ProjectStack } from "../helpers/projectStack";

const SETUP_TIMEOUT_MS = 40 * 60 * 1000;
const STEP_TIMEOUT_MS = 3 * 60 * 1000;
const example = path.resolve(__dirname, "..", "..", "examples", "yaml-quickstart", "Pulumi.yaml");
const ws = "a14bd5d90a";
const ns = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const clickstream = "5e0f4a4c-2d7b-4b8e-9c61-3f1a7d2e9b04";
const fraudScoring = "9b2d6c1e-7f3a-4e58-a0c4-6d8e2f1b7a93";
const sqlPassword = "yaml-e2e-sql-password-5b1f";

/** The example program with `extra` resources added. */
function program(extra = ""): string {
    return fs.readFileSync(example, "utf8").replace("\noutputs:\n", `\n${extra}outputs:\n`);
}

function resourceBlock(name: string, body: string): string {
    return `  ${name}:\n    type: ververica:index:DeploymentDraft\n${body.replace(/^/gm, "    ")}\n`;
}

const allOutput = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;

describe("e2e: the ververica plugin from a YAML program", function () {
    this.timeout(STEP_TIMEOUT_MS);
    let emulator: Emulator;
    let stack: ProjectStack;
    let projectDir: string;
    let packDir: string | undefined;
    const writeProgram = (text: string) => fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), text);
    const trackedState = async () => (await stack.exportState()).deployment.resources?.filter((r) => r.type === "ververica:index:DeploymentDraft") ?? [];

    before(async function () {
        this.timeout(SETUP_TIMEOUT_MS);
        ensurePulumiCli();
        ensureYamlLanguageHost();
        ensurePluginTarball();
        emulator = await startEmulator();
        emulator.store.update(ws, ns, ordersEtl, (d) => {
            if (d.artifact?.sqlArtifact) d.artifact.sqlArtifact.sqlScript = `CREATE TABLE s (id INT) WITH ('connector' = 'jdbc', 'password' = '${sqlPassword}');`;
        });
        projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-yaml-"));
        writeProgram(program());
        stack = await createProjectStack({
            projectDir,
            config: {
                ...pluginStackConfig(emulator.url),
                workspace: ws,
                draftName: "clickstream-sessionizer",
                draftId: ordersEtl,
            },
            // The plugin must get its credentials from the stack config, not from the environment.
            env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "", VERVERICA_MAX_ATTEMPTS: "2", VERVERICA_RETRY_BASE_DELAY_MS: "1" },
        });
        await installPlugin(stack);
    });

    after(async () => {
        await stack?.dispose();
        await emulator?.close();
        if (projectDir) fs.rmSync(projectDir, { recursive: true, force: true });
        if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
    });

    it("the installed plugin prints the committed schema", async () => {
        const installed = path.join(stack.pulumiHome, "plugins", `resource-ververica-v${pluginVersion}`, "pulumi-resource-ververica");
        const printed = await stack.runOk(["package", "get-schema", installed]);
        const committed = fs.readFileSync(path.resolve(__dirname, "..", "..", "provider", "cmd", "pulumi-resource-ververica", "schema.json"), "utf8");
        assert.deepStrictEqual(JSON.parse(printed.stdout), JSON.parse(committed));
    });

    it("the first preview already shows the looked-up attributes of the data source and the resource", async () => {
        // What is read from a function's result is secret (the result is, for its artifact).
        const hidden = allOutput(await stack.runOk(["preview"]));
        assert.match(hidden, /\n\s+engineVersion\s*:\s*\[secret\]/);
        assert.match(hidden, /trackedEngineVersion\s*:\s*"vvr-8\.0\.9-flink-1\.17"/);
        const preview = await stack.runOk(["preview", "--show-secrets"]);
        const output = allOutput(preview);
        assert.match(output, /\+ +ververica:index:DeploymentDraft +tracked +create/);
        assert.match(output, /trackedEngineVersion\s*:\s*"vvr-8\.0\.9-flink-1\.17"/);
        assert.match(output, /engineVersion\s*:\s*"vvr-8\.0\.9-flink-1\.17"/);
        assert.match(output, /trackedName\s*:\s*"orders-etl"/);
        assert.match(output, /prodDraftNames\s*:\s*\[\s*\[0\]: "fraud-scoring"\s*\[1\]: "mysql-to-paimon"\s*\[2\]: "orders-etl"\s*\[3\]: "payments-enrichment"\s*\]/);
    });

    it("up creates the resource; its artifact is a secret and no credential or SQL password is in state", async () => {
        await stack.runOk(["up", "--yes"]);
        const [tracked] = await trackedState();
        assert.strictEqual(tracked.id, `${ws}/${ns}/${ordersEtl}`);
        assert.strictEqual(tracked.outputs?.name, "orders-etl");
        assert.ok(JSON.stringify(tracked.outputs?.artifact).includes("ciphertext"), "the artifact is ciphertext in state");
        const exported = JSON.stringify(await stack.exportState());
        for (const text of [exported, stack.backendFilesText()]) {
            assert.ok(!text.includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret), "the secret key is nowhere in state");
            assert.ok(!text.includes(sqlPassword), "the SQL password is nowhere in state");
        }
    });

    it("a second up changes nothing and does not read the tracked draft, even one edited since: drift is refresh's", async () => {
        emulator.store.update(ws, ns, ordersEtl, { engineVersion: "vvr-8.0.11-flink-1.17", lock: { id: "stt-yaml-e2e", holderName: "bob" } });
        emulator.stats.reset();
        const again = await stack.runOk(["up", "--yes", "--expect-no-changes"]);
        assert.match(again.stdout, /2 unchanged/);
        // Only the program's data sources read (by name and by listing): the tracked draft is not.
        const trackedPath = draftPath(ns, ordersEtl);
        assert.deepStrictEqual(emulator.stats.log.filter((e) => e.rawPath === trackedPath), []);
        assert.ok(emulator.stats.requests > 0, "the data sources were read");
    });

    it("refresh shows a draft edited and locked since as drift", async () => {
        const refresh = await stack.runOk(["refresh", "--yes", "--diff"]);
        assert.match(refresh.stdout, /~ +ververica:index:DeploymentDraft: \(update\)|~ +ververica:index:DeploymentDraft +tracked +(refresh|update)/);
        assert.match(refresh.stdout, /vvr-8\.0\.11-flink-1\.17/);
        const [tracked] = await trackedState();
        assert.strictEqual(tracked.outputs?.engineVersion, "vvr-8.0.11-flink-1.17");
        assert.strictEqual((tracked.outputs?.lock as { holderName?: string }).holderName, "bob");
    });

    it("a transient fault fails refresh and keeps the resource in state", async () => {
        emulator.faults.next("error503", 10);
        const refresh = await stack.run(["refresh", "--yes"]);
        emulator.faults.clear();
        assert.notStrictEqual(refresh.exitCode, 0);
        assert.match(allOutput(refresh), /ServiceError: the service failed \(workspace "a14bd5d90a", namespace "default-namespace", deploymentDraftId "c84d73be/);
        assert.strictEqual((await trackedState()).length, 1);
    });

    it("pulumi import writes the resource and prints the YAML for it", async () => {
        const imported = await stack.runOk(["import", "ververica:index:DeploymentDraft", "fraud", `${ws}/${ns}/${fraudScoring}`, "--yes"]);
        assert.match(imported.stdout, /= +ververica:index:DeploymentDraft +fraud +import/);
        assert.match(imported.stdout, /type: ververica:(index:)?DeploymentDraft/);
        assert.match(imported.stdout, new RegExp(`deploymentDraftId: ${fraudScoring}`));
        assert.match(imported.stdout, new RegExp(`workspace: ${ws}`));
        const fraud = (await trackedState()).find((r) => r.urn.endsWith("::fraud"));
        assert.strictEqual(fraud?.outputs?.name, "fraud-scoring");
        // Declared as printed, it needs no change; protect is what import adds.
        writeProgram(program(resourceBlock("fraud", `properties:\n  workspace: ${ws}\n  namespace: ${ns}\n  deploymentDraftId: ${fraudScoring}\noptions:\n  protect: true`)));
        const declared = await stack.runOk(["preview", "--expect-no-changes"]);
        assert.match(declared.stdout, /3 unchanged/);
        await stack.runOk(["state", "unprotect", `urn:pulumi:${stack.stackName}::yaml-quickstart::ververica:index:DeploymentDraft::fraud`, "--yes"]);
    });

    it("a read of an existing draft (get) returns its attributes during preview", async () => {
        writeProgram(program(resourceBlock("existing", `get:\n  id: ${ws}/${ns}/${clickstream}`)).replace("outputs:\n", "outputs:\n  existingName: ${existing.name}\n"));
        const preview = await stack.runOk(["preview"]);
        assert.match(preview.stdout, /existingName\s*:\s*"clickstream-sessionizer"/);
    });

    it("an unknown draft fails preview and up with one clear line, and nothing is lost", async () => {
        writeProgram(program(resourceBlock("missing", `properties:\n  workspace: ${ws}\n  namespace: ${ns}\n  deploymentDraftId: 00000000-dead-beef-0000-000000000000`)));
        for (const command of [["preview"], ["up", "--yes"]]) {
            const result = await stack.run(command);
            assert.notStrictEqual(result.exitCode, 0);
            const output = allOutput(result);
            assert.match(
                output,
                // Create reads, also in preview: the engine puts "Preview failed: " before its error there.
                /error: (Preview failed: )?DraftNotFound: deployment draft not found \(workspace "a14bd5d90a", namespace "default-namespace", deploymentDraftId "00000000-dead-beef-0000-000000000000"; action GetDeploymentDraft; HTTP 404; requestId [0-9A-F-]+; error code 990301; message "[^"]+"\)/,
            );
            assert.doesNotMatch(output, /\n\s+at .*\(.*:\d+:\d+\)/, "no stack trace");
            assert.ok(!output.includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret));
        }
        assert.strictEqual((await trackedState()).length, 2);
    });

    it("getDeploymentDrafts reads every page and filters by a numeric label; an invalid nameRegex is one clear line", async () => {
        const bulk = { workspace: ws, namespace: "bulk" };
        for (const draft of generateDrafts(120, bulk)) emulator.store.put(draft);
        // `filters` are YAML lines of the invoke's arguments beside workspace and namespace.
        const listing = (name: string, filters: string[]) =>
            [`  ${name}:`, "    fn::invoke:", "      function: ververica:index:getDeploymentDrafts", "      arguments:", `        workspace: ${ws}`, "        namespace: bulk", ...filters.map((f) => `        ${f}`), ""].join("\n");
        const withListings = (filters: string[]) =>
            program().replace("\nresources:\n", `\n${listing("all", [])}${listing("picked", filters)}resources:\n`) + "  lastOfAll: ${all.names[119]}\n  picked: ${picked.names}\n";

        const listsBefore = emulator.stats.byAction.ListDeploymentDrafts ?? 0;
        writeProgram(withListings(["labels:", "  index: 107", "  generated: true", "nameRegex: ^draft-01"]));
        const preview = await stack.runOk(["preview", "--show-secrets"]);
        assert.match(preview.stdout, /lastOfAll\s*:\s*"draft-0120"/);
        // Preview marks outputs new since the last update with "+".
        assert.match(preview.stdout, /picked\s*:\s*\[\s*\+?\s*\[0\]: "draft-0107"\s*\]/);
        assert.ok((emulator.stats.byAction.ListDeploymentDrafts ?? 0) - listsBefore >= 5, "two pages for each of two listings, and the example's own");

        writeProgram(withListings(["nameRegex: orders-("]));
        const invalid = await stack.run(["preview"]);
        assert.notStrictEqual(invalid.exitCode, 0);
        assert.match(allOutput(invalid), /"orders-\(" is not a valid regular expression .*\(nameRegex\)/);
        assert.doesNotMatch(allOutput(invalid), /\n\s+at .*\(.*:\d+:\d+\)/, "no stack trace");
        writeProgram(program());
    });

    it("the policy pack passes a clean draft and fails one with a literal SQL password, already at preview", async () => {
        writeProgram(program());
        packDir = createLinkedPolicyPack();
        await stack.runOk(["config", "set", "draftId", clickstream]);
        const clean = await stack.run(["preview", "--policy-pack", packDir]);
        assert.strictEqual(clean.exitCode, 0, allOutput(clean));
        await stack.runOk(["config", "set", "draftId", ordersEtl]);
        const violating = await stack.run(["preview", "--policy-pack", packDir]);
        assert.notStrictEqual(violating.exitCode, 0);
        assert.match(allOutput(violating), /\[mandatory\] +ververica-no-plaintext-secrets +\(ververica:index:DeploymentDraft: tracked\)/);
        assert.ok(!allOutput(violating).includes(sqlPassword), "the violation names the option, not its value");
    });

    it("an explicit ververica:Provider configures the resources it is given to, its secret key a secret in state", async () => {
        // A second API endpoint that only the explicit provider knows about.
        const other = await startEmulator();
        try {
            const explicit =
                "  explicit:\n    type: pulumi:providers:ververica\n    properties:\n" +
                `      endpoint: ${other.url}\n      accessKey: ${DEFAULT_TEST_CREDENTIAL.accessKeyId}\n` +
                `      secretKey:\n        fn::secret: ${DEFAULT_TEST_CREDENTIAL.accessKeySecret}\n`;
            writeProgram(program(explicit + resourceBlock("viaExplicit", `properties:\n  workspace: ${ws}\n  namespace: ${ns}\n  deploymentDraftId: ${clickstream}\noptions:\n  provider: \${explicit}`)));
            await stack.runOk(["up", "--yes"]);
            assert.ok((other.stats.byAction.GetDeploymentDraft ?? 0) > 0, "the explicit provider's endpoint was used");
            const viaExplicit = (await trackedState()).find((r) => r.urn.endsWith("::viaExplicit"));
            assert.strictEqual(viaExplicit?.outputs?.name, "clickstream-sessionizer");
            const state = await stack.exportState();
            const provider = state.deployment.resources?.find((r) => r.type === "pulumi:providers:ververica" && r.urn.endsWith("::explicit"));
            assert.ok(JSON.stringify(provider?.inputs?.secretKey).includes("ciphertext"), "the explicit provider's secret key is ciphertext");
            assert.ok(!JSON.stringify(state).includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret));
            assert.ok(!stack.backendFilesText().includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret));
            // Tracked drafts stay readable while their provider is declared.
            writeProgram(program());
            await stack.runOk(["up", "--yes"]);
        } finally {
            await other.close();
        }
    });

    it("destroy forgets the drafts and leaves them untouched", async () => {
        writeProgram(program());
        await stack.runOk(["destroy", "--yes"]);
        assert.strictEqual((await trackedState()).length, 0);
        assert.ok(emulator.store.get(ws, ns, ordersEtl));
        assert.ok(emulator.store.get(ws, ns, fraudScoring));
    });
});
