// The package as a stranger gets it: `npm pack`, installed into a fresh Pulumi TypeScript
// project outside this repository (its own package.json and node_modules, nothing linked from
// here, no @pulumi/alicloud or @pulumi/policy), type-checked, and run with the real engine
// against the emulator.
//
// The CLI built here has no Node language host, so the project is run by a small script of its
// own (`run.js`) through its own `@pulumi/pulumi/automation` with an inline program; the
// DeploymentDraft's dynamic provider then runs in the engine's provider process, which loads
// the provider from the project's node_modules as it would for any user.

import * as assert from "assert";
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkPackedFiles, npmPack, PackageManifest } from "../../scripts/packCheck";
import { DEFAULT_TEST_CREDENTIAL, Emulator, startEmulator } from "../emulator";
import { connectionVariables } from "../helpers/environment";
import { ensurePulumiCli } from "./harness";

const CLI_TIMEOUT_MS = 40 * 60 * 1000;
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;
const RUN_TIMEOUT_MS = 5 * 60 * 1000;

const repoRoot = path.resolve(__dirname, "..", "..");
const workspace = "a14bd5d90a";
const namespace = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";

// The stranger's Pulumi program, in TypeScript, compiled by the project's own tsc.
const programSource = `import * as pulumi from "@pulumi/pulumi";
import * as ververica from "pulumi-ververica";

export async function program(): Promise<Record<string, unknown>> {
    const config = new pulumi.Config();
    const workspace = config.require("workspace");
    const namespace = config.require("namespace");

    const byId: ververica.GetDeploymentDraftResult = await ververica.getDeploymentDraft({
        workspace,
        namespace,
        deploymentDraftId: config.require("draftId"),
    });
    const byName = ververica.getDeploymentDraftOutput({ workspace, namespace, name: config.require("draftName") });
    const tracked = new ververica.DeploymentDraft("tracked", { workspace, namespace, deploymentDraftId: byId.id });

    let kind: string;
    switch (byId.artifact?.kind) {
        case "SQLSCRIPT":
            kind = \`SQL, \${byId.artifact.sqlArtifact.sqlScript?.length ?? 0} characters\`;
            break;
        default:
            kind = String(byId.artifact?.kind);
    }
    return {
        byIdName: byId.name,
        byIdKind: kind,
        byNameId: byName.id,
        byNameEngine: byName.engineVersion,
        trackedName: tracked.name,
        trackedLabels: tracked.labels,
    };
}
`;

// The compiler options of Pulumi's TypeScript template (module resolution "node" ignores
// "exports", as many projects' settings do), with the declarations of every package checked:
// the main entry must type-check without the optional peers @pulumi/alicloud and @pulumi/policy.
const tsconfig = {
    compilerOptions: {
        strict: true,
        outDir: "bin",
        target: "es2020",
        module: "commonjs",
        moduleResolution: "node",
        sourceMap: true,
        experimentalDecorators: true,
        pretty: false,
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
        skipLibCheck: false,
    },
    files: ["index.ts"],
};

// Runs the program with the project's own Automation API, then destroys the stack. The result
// goes to a file: the CLI's progress goes to stdout.
const runScript = `"use strict";
const fs = require("fs");
const path = require("path");
const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");
const { program } = require("./bin/index.js");

async function main() {
    const [cliRoot, resultFile, configJson] = process.argv.slice(2);
    const pulumiCommand = await PulumiCommand.get({ root: cliRoot });
    const stack = await LocalWorkspace.createOrSelectStack(
        { stackName: "e2e", projectName: "stranger", program },
        {
            workDir: __dirname,
            pulumiCommand,
            projectSettings: { name: "stranger", runtime: "nodejs", backend: { url: process.env.PULUMI_BACKEND_URL } },
        },
    );
    await stack.setAllConfig(JSON.parse(configJson));
    const up = await stack.up();
    const outputs = Object.fromEntries(Object.entries(up.outputs).map(([k, v]) => [k, v.value]));
    const loaded = Object.keys(require.cache).filter((f) => f.includes(path.join("node_modules", "pulumi-ververica")));
    const destroyed = await stack.destroy();
    await stack.workspace.removeStack("e2e");
    fs.writeFileSync(resultFile, JSON.stringify({ changes: up.summary.resourceChanges, outputs, destroyed: destroyed.summary.resourceChanges, loaded }));
}

main().then(
    () => process.exit(0),
    (e) => {
        console.error(e);
        process.exit(1);
    },
);
`;

interface RunResult {
    changes: Record<string, number>;
    outputs: Record<string, unknown>;
    destroyed: Record<string, number>;
    loaded: string[];
}

// Asynchronous, so that the emulator in this process keeps answering the child.
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(command, args, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error === null) resolve(stdout);
            else reject(new Error(`${command} ${args.join(" ")} failed (${String(error.code)}):\n${stdout}\n${stderr}`));
        });
    });
}

function installedVersion(name: string): string {
    return (JSON.parse(fs.readFileSync(path.join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

describe("e2e: the packed package in a stranger's project", function () {
    let root: string;
    let tarball: string;
    let packedFiles: string[];
    let projectDir: string;
    let cliBinDir: string;

    before(async function () {
        this.timeout(CLI_TIMEOUT_MS);
        cliBinDir = ensurePulumiCli();
        root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-package-"));
        execFileSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], { cwd: repoRoot, stdio: "pipe" });
        const report = npmPack(repoRoot, root);
        tarball = path.join(root, report.filename);
        packedFiles = report.files.map((f) => f.path);
    });

    after(function () {
        // Removing the stranger's installed node_modules can take seconds on a busy machine.
        this.timeout(2 * 60 * 1000);
        if (root !== undefined) fs.rmSync(root, { recursive: true, force: true });
    });

    it("packs compiled code, declarations, README and LICENSE, and nothing else", function () {
        const extracted = path.join(root, "extracted");
        fs.mkdirSync(extracted);
        execFileSync("tar", ["-xzf", tarball, "-C", extracted]);
        const packageDir = path.join(extracted, "package");
        const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as PackageManifest;
        const problems = checkPackedFiles(packedFiles, manifest, (file) => fs.readFileSync(path.join(packageDir, file), "utf8"));
        assert.deepStrictEqual(problems, []);
        assert.ok(!packedFiles.some((f) => /(^|\/)(tests?|fixtures|examples|bench|scripts)\//.test(f) || f.endsWith(".ts") && !f.endsWith(".d.ts")), packedFiles.join("\n"));
    });

    describe("installed and run", function () {
        let emulator: Emulator;

        before(async function () {
            this.timeout(INSTALL_TIMEOUT_MS);
            projectDir = path.join(root, "project");
            fs.mkdirSync(projectDir);
            fs.writeFileSync(path.join(projectDir, "package.json"), JSON.stringify({ name: "stranger", version: "1.0.0", private: true, main: "bin/index.js" }, null, 2));
            // Exact versions the repository installed, so that npm's cache answers.
            await run(
                "npm",
                [
                    "install",
                    "--prefer-offline",
                    "--no-audit",
                    "--no-fund",
                    "@pulumi/pulumi@3.248.0",
                    `typescript@${installedVersion("typescript")}`,
                    `@types/node@${installedVersion("@types/node")}`,
                    tarball,
                ],
                projectDir,
                process.env,
            );
            fs.writeFileSync(path.join(projectDir, "index.ts"), programSource);
            fs.writeFileSync(path.join(projectDir, "tsconfig.json"), JSON.stringify(tsconfig, null, 4));
            fs.writeFileSync(path.join(projectDir, "run.js"), runScript);
            emulator = await startEmulator();
        });

        after(async function () {
            await emulator?.close();
        });

        it("installs as a copy, without the optional peers", function () {
            const installed = path.join(projectDir, "node_modules", "pulumi-ververica");
            assert.ok(!fs.lstatSync(installed).isSymbolicLink(), "the package must be installed, not linked");
            assert.ok(fs.existsSync(path.join(installed, "dist", "sdk", "nodejs", "index.js")));
            for (const optional of ["@pulumi/alicloud", "@pulumi/policy"]) {
                assert.ok(!fs.existsSync(path.join(projectDir, "node_modules", optional)), `${optional} should not be installed`);
            }
            assert.strictEqual(fs.realpathSync(projectDir).startsWith(fs.realpathSync(repoRoot)), false);
        });

        it("type-checks the program with the project's own compiler", async function () {
            this.timeout(RUN_TIMEOUT_MS);
            await run(process.execPath, [path.join(projectDir, "node_modules", "typescript", "bin", "tsc"), "-p", "."], projectDir, process.env);
            assert.ok(fs.existsSync(path.join(projectDir, "bin", "index.js")));
        });

        it("reads drafts by id and by name and tracks one, under the real engine", async function () {
            this.timeout(RUN_TIMEOUT_MS);
            const home = path.join(root, "home");
            const backend = path.join(root, "backend");
            fs.mkdirSync(home, { recursive: true });
            fs.mkdirSync(backend, { recursive: true });
            const env: NodeJS.ProcessEnv = { ...process.env };
            for (const name of connectionVariables) delete env[name];
            Object.assign(env, {
                PATH: [cliBinDir, process.env.PATH ?? ""].join(path.delimiter),
                PULUMI_HOME: home,
                PULUMI_BACKEND_URL: `file://${backend}`,
                PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
                PULUMI_SKIP_UPDATE_CHECK: "true",
                PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
                PULUMI_IGNORE_AMBIENT_PLUGINS: "false",
                ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
            });
            // Everything the program and the provider need comes from stack config, keys as secrets.
            const config = {
                workspace: { value: workspace },
                namespace: { value: namespace },
                draftId: { value: ordersEtl },
                draftName: { value: "payments-enrichment" },
                "ververica:endpoint": { value: emulator.url },
                "alicloud:accessKey": { value: DEFAULT_TEST_CREDENTIAL.accessKeyId, secret: true },
                "alicloud:secretKey": { value: DEFAULT_TEST_CREDENTIAL.accessKeySecret, secret: true },
            };
            const resultFile = path.join(root, "result.json");
            await run(process.execPath, ["run.js", path.dirname(cliBinDir), resultFile, JSON.stringify(config)], projectDir, env);
            const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as RunResult;

            const orders = emulator.store.get(workspace, namespace, ordersEtl);
            const payments = emulator.store.list(workspace, namespace).find((d) => d.name === "payments-enrichment");
            assert.ok(orders && payments);
            assert.deepStrictEqual(result.changes, { create: 2 });
            assert.deepStrictEqual(result.destroyed, { delete: 2 });
            assert.deepStrictEqual(result.outputs, {
                byIdName: "orders-etl",
                byIdKind: `SQL, ${orders.artifact?.sqlArtifact?.sqlScript?.length} characters`,
                byNameId: payments.deploymentDraftId,
                byNameEngine: payments.engineVersion,
                trackedName: "orders-etl",
                trackedLabels: orders.labels,
            });
            assert.ok(
                result.loaded.length > 0 && result.loaded.every((f) => f.startsWith(fs.realpathSync(projectDir))),
                `the program must load the installed copy:\n${result.loaded.join("\n")}`,
            );
            const actions = new Set(emulator.stats.log.map((e) => e.action));
            assert.deepStrictEqual([...actions].sort(), ["GetDeploymentDraft", "ListDeploymentDrafts"]);
        });
    });
});
