// examples/esm: an ES module Pulumi program (`"type": "module"`, `nodeargs: "--loader
// ts-node/esm"`), run as a user runs it: `pulumi up` of the project through the Node language
// host, with the packed package installed in a fresh project outside this repository, against
// the emulator.

import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { npmPack } from "../../scripts/packCheck";
import { DEFAULT_TEST_CREDENTIAL, Emulator, loadFixtureDrafts, startEmulator } from "../emulator";
import { connectionVariables } from "../helpers/environment";
import { installedVersion } from "../helpers/installedVersions";
import { ensurePulumiCli, runPulumi } from "../helpers/harness";

const CLI_TIMEOUT_MS = 40 * 60 * 1000;
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;
const RUN_TIMEOUT_MS = 5 * 60 * 1000;

const repoRoot = path.resolve(__dirname, "..", "..");
const exampleDir = path.join(repoRoot, "examples", "esm");
// The Node language host matching the pinned CLI, for machines whose CLI build lacks it.
const languageHosts = path.resolve(repoRoot, "..", "shared", "pulumi-language-hosts", "v3.248.0");


// Asynchronous, so that the emulator in this process keeps answering the child.
function run(command: string, args: readonly string[], cwd: string): Promise<{ status: number; output: string }> {
    return new Promise((resolve) => {
        execFile(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            resolve({ status: error === null ? 0 : typeof error.code === "number" ? error.code : -1, output: `${stdout}${stderr}` });
        });
    });
}

describe("e2e: examples/esm, an ES module program under the real engine", function () {
    let root: string;
    let projectDir: string;
    let cliBinDir: string;
    let emulator: Emulator;

    before(async function () {
        this.timeout(CLI_TIMEOUT_MS + INSTALL_TIMEOUT_MS);
        cliBinDir = ensurePulumiCli();
        const hosts = [cliBinDir, languageHosts, ...(process.env.PATH ?? "").split(path.delimiter)].filter((dir) => fs.existsSync(path.join(dir, "pulumi-language-nodejs")));
        assert.ok(hosts.length > 0, `pulumi up needs the Node language host (pulumi-language-nodejs) beside the CLI, in ${languageHosts} or on PATH`);
        root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-esm-"));
        const build = await run(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], repoRoot);
        assert.strictEqual(build.status, 0, build.output);
        const tarball = path.join(root, npmPack(repoRoot, root).filename);
        projectDir = path.join(root, "project");
        fs.mkdirSync(projectDir);
        for (const file of ["Pulumi.yaml", "index.ts", "tsconfig.json"]) {
            fs.copyFileSync(path.join(exampleDir, file), path.join(projectDir, file));
        }
        // The example's package.json, with this package from the tarball and exact versions the
        // repository installed, so that npm's cache answers.
        const manifest = JSON.parse(fs.readFileSync(path.join(exampleDir, "package.json"), "utf8")) as { type: string };
        assert.strictEqual(manifest.type, "module");
        fs.writeFileSync(path.join(projectDir, "package.json"), JSON.stringify({ name: "ververica-esm", private: true, type: "module" }));
        const install = await run(
            "npm",
            [
                "install",
                "--prefer-offline",
                "--no-audit",
                "--no-fund",
                "@pulumi/pulumi@3.248.0",
                `ts-node@${installedVersion("ts-node")}`,
                `typescript@${installedVersion("typescript")}`,
                `@types/node@${installedVersion("@types/node")}`,
                tarball,
            ],
            projectDir,
        );
        assert.strictEqual(install.status, 0, install.output);
        emulator = await startEmulator();
    });

    after(async function () {
        this.timeout(INSTALL_TIMEOUT_MS);
        await emulator?.close();
        if (root !== undefined) fs.rmSync(root, { recursive: true, force: true });
    });

    it("type-checks with the project's own compiler", async function () {
        this.timeout(RUN_TIMEOUT_MS);
        const check = await run(process.execPath, [path.join(projectDir, "node_modules", "typescript", "bin", "tsc"), "-p", ".", "--noEmit"], projectDir);
        assert.strictEqual(check.status, 0, check.output);
    });

    it("runs with `pulumi up` and exports what it read", async function () {
        this.timeout(RUN_TIMEOUT_MS);
        const env: Record<string, string> = {
            PATH: [cliBinDir, languageHosts, process.env.PATH ?? ""].join(path.delimiter),
            PULUMI_HOME: path.join(root, "home"),
            PULUMI_BACKEND_URL: `file://${path.join(root, "backend")}`,
            PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
            ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId,
            ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret,
        };
        fs.mkdirSync(env.PULUMI_HOME, { recursive: true });
        fs.mkdirSync(path.join(root, "backend"), { recursive: true });
        const saved = Object.fromEntries(connectionVariables.map((name) => [name, process.env[name]]));
        for (const name of connectionVariables) delete process.env[name];
        try {
            const options = { cwd: projectDir, env };
            await runPulumi(["stack", "init", "esm"], options);
            await runPulumi(["config", "set", "workspace", "a14bd5d90a"], options);
            await runPulumi(["config", "set", "draftName", "orders-etl"], options);
            await runPulumi(["config", "set", "ververica:endpoint", emulator.url], options);
            await runPulumi(["up", "--yes", "--skip-preview"], options);
            const outputs = JSON.parse((await runPulumi(["stack", "output", "--json"], options)).stdout) as unknown;
            const orders = loadFixtureDrafts().find((d) => d.name === "orders-etl" && d.workspace === "a14bd5d90a");
            assert.deepStrictEqual(outputs, { draftId: orders?.deploymentDraftId, engineVersion: orders?.engineVersion, artifactKind: "SQLSCRIPT" });
        } finally {
            for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
        }
    });
});
