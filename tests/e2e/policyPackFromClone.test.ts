// The repository's own policy pack run from the clone, as a contributor runs it after
// `npm ci && npm run build`: `pulumi preview --policy-pack <repo>/policy-pack`, with nothing
// installed in the pack's folder. Its entry loads the compiled policies beside it
// (`../dist/sdk/nodejs/policy`) and `@pulumi/policy` from the repository's node_modules; the
// shipped use (`node_modules/pulumi-ververica/policy-pack`) is covered by package.test.ts.

import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Emulator, startEmulator } from "../emulator";
import { ensurePulumiCli } from "../helpers/harness";
import { createLinkedProject, diagnosticsBlock, emulatorStackConfig, normalizeVolatile } from "../helpers/linkedProject";
import { createProjectStack, ProjectStack } from "../helpers/projectStack";

const repoRoot = path.resolve(__dirname, "..", "..");
const packDir = path.join(repoRoot, "policy-pack");

// A sample draft that passes every rule, moved to an engine below the pack's default minimum
// 8.0.0: one violation, of one mandatory rule.
const workspace = "a14bd5d90a";
const namespace = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const oldEngine = "vvr-6.0.7-flink-1.15";

const program = `import * as pulumi from "@pulumi/pulumi";
import * as ververica from "pulumi-ververica";

const config = new pulumi.Config();
new ververica.DeploymentDraft("tracked", {
    workspace: config.require("draftWorkspace"),
    namespace: config.require("draftNamespace"),
    deploymentDraftId: config.require("draftId"),
});
`;

/** The "Policies:" block of a preview's output, up to the next section, the clone's path as `<repo>`. */
function policiesBlock(stdout: string): string {
    const start = stdout.indexOf("\nPolicies:\n");
    if (start < 0) return "";
    const rest = stdout.slice(start + 1);
    const end = rest.search(/\n\n(Resources|Outputs|Diagnostics|Duration):/);
    return normalizeVolatile((end < 0 ? rest : rest.slice(0, end)).trimEnd()).split(repoRoot).join("<repo>");
}

/** The pack folder's entries, to show that running it installs nothing there. */
function packListing(): string[] {
    return fs.readdirSync(packDir).sort();
}

describe("e2e: the repository's policy pack run from a clone", function () {
    this.timeout(10 * 60 * 1000);
    let emulator: Emulator | undefined;
    let projectDir: string | undefined;
    let stack: ProjectStack | undefined;

    before(async function () {
        this.timeout(40 * 60 * 1000);
        ensurePulumiCli();
        // `npm run build`, as a contributor does before running the pack.
        execFileSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], { cwd: repoRoot, stdio: "pipe" });
        emulator = await startEmulator();
        emulator.store.update(workspace, namespace, ordersEtl, { engineVersion: oldEngine });
        projectDir = createLinkedProject("ververica-policy-clone", { "index.ts": program });
        stack = await createProjectStack({
            projectDir,
            config: { ...emulatorStackConfig(emulator.url), draftWorkspace: workspace, draftNamespace: namespace, draftId: ordersEtl },
        });
        // A DeploymentDraft's attributes exist once it has been created: the rules run from then on.
        await stack.runOk(["up", "--yes", "--skip-preview"]);
    });

    after(async function () {
        this.timeout(5 * 60 * 1000);
        try {
            await stack?.dispose();
        } finally {
            await emulator?.close();
            if (projectDir !== undefined) fs.rmSync(projectDir, { recursive: true, force: true });
        }
    });

    it("finds no dependencies in the pack's folder: they resolve from the repository", function () {
        assert.deepStrictEqual(packListing(), ["PulumiPolicy.yaml", "config.example.json", "index.js", "package.json"]);
    });

    it("stops the preview of a stack tracking a draft on a too old engine, with the rule's whole report", async function () {
        const before = packListing();
        const preview = await stack!.run(["preview", "--policy-pack", packDir]);
        assert.notStrictEqual(preview.exitCode, 0, preview.stdout + preview.stderr);
        assert.doesNotMatch(preview.stdout + preview.stderr, /Cannot find module/);
        assert.strictEqual(
            policiesBlock(preview.stdout),
            [
                "Policies:",
                "    ❌ ververica-drafts@v0.1.0 (local: <repo>/policy-pack)",
                "        - [mandatory]  ververica-engine-version  (pulumi-nodejs:dynamic/ververica:DeploymentDraft: tracked)",
                "          Requires a Ververica Runtime engine version at or above the configured minimum and not on the deny list.",
                `          ${workspace}/${namespace}/orders-etl (${ordersEtl}): engine version "${oldEngine}" runs VVR 6.0.7, older than the minimum 8.0.0. Upgrade the draft to VVR 8.0.0 or newer.`,
            ].join("\n"),
            preview.stdout,
        );
        assert.strictEqual(diagnosticsBlock(preview.stdout), ["Diagnostics:", "  pulumi:pulumi:Stack (ververica-policy-clone-test):", "    error: preview failed"].join("\n"), preview.stdout);
        assert.deepStrictEqual(packListing(), before, "running the pack left files in its folder");
    });
});
