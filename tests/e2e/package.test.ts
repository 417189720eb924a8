// The package as a stranger gets it: `npm pack`, installed into a fresh Pulumi TypeScript
// project outside this repository (its own package.json and node_modules, nothing linked from
// here), type-checked without the optional peers, and run as users run stacks: `pulumi up`,
// `pulumi preview` and `pulumi destroy` in the project directory, the program compiled and run by
// the Node language host, the DeploymentDraft provider loaded from the project's node_modules.
// Then `@pulumi/policy` is added, as the README says, and the ready pack shipped in the package
// runs from `node_modules/pulumi-ververica/policy-pack`.

import * as assert from "assert";
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkPackedFiles, npmPack, PackageManifest } from "../../scripts/packCheck";
import { DEFAULT_TEST_CREDENTIAL, Emulator, startEmulator } from "../emulator";
import { emulatorChildEnvironment } from "../helpers/environment";
import { ensurePulumiCli } from "../helpers/harness";
import { CommandResult, createProjectStack, ProjectStack } from "../helpers/projectStack";

const CLI_TIMEOUT_MS = 40 * 60 * 1000;
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;
const RUN_TIMEOUT_MS = 5 * 60 * 1000;

const repoRoot = path.resolve(__dirname, "..", "..");
const workspace = "a14bd5d90a";
const namespace = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const lockedByAlice = "1a6e9f3d-0b7c-4d25-9e8f-c4b3a2d1e0f6";
// The API documentation's example draft: VVR 6.0.7, below the pack's default minimum.
const documented = { workspace: "edcef******b4f", id: "00000000-0000-0000-0000-00000012****" };
const packPath = path.join("node_modules", "pulumi-ververica", "policy-pack");

// The stranger's Pulumi program, in TypeScript, compiled by the Node language host.
const programSource = `import * as pulumi from "@pulumi/pulumi";
import * as ververica from "pulumi-ververica";

const config = new pulumi.Config();
const workspace = config.require("workspace");
const namespace = config.require("namespace");

export = async () => {
    const byId: ververica.GetDeploymentDraftResult = await ververica.getDeploymentDraft({
        workspace,
        namespace,
        deploymentDraftId: config.require("draftId"),
    });
    const byName = ververica.getDeploymentDraftOutput({ workspace, namespace, name: config.require("draftName") });
    const tracked = config
        .requireObject<Array<{ workspace: string; id: string }>>("tracked")
        .map((t, i) => new ververica.DeploymentDraft(\`tracked-\${i}\`, { workspace: t.workspace, namespace, deploymentDraftId: t.id }));

    let kind: string;
    switch (byId.artifact?.kind) {
        case "SQLSCRIPT":
            kind = \`SQL, \${byId.artifact.sqlArtifact?.sqlScript?.length ?? 0} characters\`;
            break;
        default:
            kind = String(byId.artifact?.kind);
    }
    return {
        byIdName: byId.name,
        byIdKind: kind,
        // The data source's result is secret for its artifact's sake; these two are harmless.
        byNameId: pulumi.unsecret(byName.apply((d) => d.id)),
        byNameEngine: pulumi.unsecret(byName.apply((d) => d.engineVersion)),
        trackedNames: pulumi.all(tracked.map((t) => t.name)),
        firstTrackedLabels: tracked[0]?.labels,
        loadedFrom: require.resolve("pulumi-ververica"),
    };
};
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

// Asynchronous, so that the emulator in this process keeps answering the child.
function run(command: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(command, args, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error === null) resolve(stdout);
            else reject(new Error(`${command} ${args.join(" ")} failed (${String(error.code)}):\n${stdout}\n${stderr}`));
        });
    });
}

function npmInstall(projectDir: string, packages: readonly string[]): Promise<string> {
    // Exact versions the repository installed, so that npm's cache answers.
    return run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...packages], projectDir);
}

function installedVersion(name: string): string {
    return (JSON.parse(fs.readFileSync(path.join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

describe("e2e: the packed package in a stranger's project", function () {
    let root: string;
    let tarball: string;
    let packedFiles: string[];

    before(function () {
        this.timeout(CLI_TIMEOUT_MS);
        ensurePulumiCli();
        root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-package-"));
        execFileSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], { cwd: repoRoot, stdio: "pipe" });
        const report = npmPack(repoRoot, root);
        tarball = path.join(root, report.filename);
        packedFiles = report.files.map((f) => f.path);
    });

    after(function () {
        this.timeout(RUN_TIMEOUT_MS);
        if (root !== undefined) fs.rmSync(root, { recursive: true, force: true });
    });

    it("packs compiled code, declarations, the ready policy pack, README and LICENSE, and nothing else", function () {
        const extracted = path.join(root, "extracted");
        fs.mkdirSync(extracted);
        execFileSync("tar", ["-xzf", tarball, "-C", extracted]);
        const packageDir = path.join(extracted, "package");
        const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as PackageManifest;
        const problems = checkPackedFiles(packedFiles, manifest, (file) => fs.readFileSync(path.join(packageDir, file), "utf8"));
        assert.deepStrictEqual(problems, []);
        assert.ok(!packedFiles.some((f) => /(^|\/)(tests?|fixtures|examples|bench|scripts)\//.test(f) || (f.endsWith(".ts") && !f.endsWith(".d.ts"))), packedFiles.join("\n"));
    });

    describe("installed and run through the Node language host", function () {
        let emulator: Emulator;
        let projectDir: string;
        let stack: ProjectStack;

        before(async function () {
            this.timeout(INSTALL_TIMEOUT_MS);
            projectDir = path.join(root, "project");
            fs.mkdirSync(projectDir);
            fs.writeFileSync(path.join(projectDir, "package.json"), JSON.stringify({ name: "stranger", version: "1.0.0", private: true, main: "index.ts" }, null, 2));
            fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), "name: stranger\nruntime: nodejs\ndescription: A stranger's project reading Ververica drafts.\n");
            await npmInstall(projectDir, ["@pulumi/pulumi@3.248.0", `typescript@${installedVersion("typescript")}`, `@types/node@${installedVersion("@types/node")}`, tarball]);
            fs.writeFileSync(path.join(projectDir, "index.ts"), programSource);
            fs.writeFileSync(path.join(projectDir, "tsconfig.json"), JSON.stringify(tsconfig, null, 4));
            emulator = await startEmulator();
            // Everything the program and the provider need comes from stack config, keys as secrets.
            stack = await createProjectStack({
                projectDir,
                config: {
                    workspace,
                    namespace,
                    draftId: ordersEtl,
                    draftName: "payments-enrichment",
                    tracked: JSON.stringify([{ workspace, id: ordersEtl }]),
                    "ververica:endpoint": emulator.url,
                    "alicloud:accessKey": { secret: DEFAULT_TEST_CREDENTIAL.accessKeyId },
                    "alicloud:secretKey": { secret: DEFAULT_TEST_CREDENTIAL.accessKeySecret },
                },
            });
        });

        after(async function () {
            this.timeout(RUN_TIMEOUT_MS);
            try {
                await stack?.dispose();
            } finally {
                await emulator?.close();
            }
        });

        async function setTracked(tracked: ReadonlyArray<{ workspace: string; id: string }>): Promise<void> {
            await stack.runOk(["config", "set", "tracked", JSON.stringify(tracked)]);
        }

        function writePolicyConfig(config: object): string {
            const file = path.join(root, `policy-config-${Date.now()}.json`);
            fs.writeFileSync(file, JSON.stringify(config));
            return file;
        }

        function policyReport(result: CommandResult): string {
            const start = result.stdout.indexOf("\nPolicies:\n");
            return start < 0 ? "" : result.stdout.slice(start);
        }

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
            await run(process.execPath, [path.join(projectDir, "node_modules", "typescript", "bin", "tsc"), "-p", "."], projectDir);
            assert.ok(fs.existsSync(path.join(projectDir, "bin", "index.js")));
            fs.rmSync(path.join(projectDir, "bin"), { recursive: true });
        });

        it("runs the audit command through npx, without the optional peers", async function () {
            this.timeout(RUN_TIMEOUT_MS);
            const env = emulatorChildEnvironment();
            assert.match(await run("npx", ["--no-install", "pulumi-ververica", "audit", "--help"], projectDir, env), /^Usage: pulumi-ververica audit --workspace W --namespace N/);
            const audit = ["--no-install", "pulumi-ververica", "audit", "--workspace", workspace, "--namespace", namespace, "--endpoint", emulator.url, "--format", "json", "--fail-on", "never"];
            const report = JSON.parse(await run("npx", audit, projectDir, env)) as { namespaces: Array<{ drafts: number }>; failures: unknown[] };
            assert.deepStrictEqual(report.failures, []);
            assert.strictEqual(report.namespaces[0].drafts, emulator.store.list(workspace, namespace).length);
        });

        it("`pulumi up` reads drafts by id and by name and tracks one, loading the installed copy", async function () {
            this.timeout(RUN_TIMEOUT_MS);
            const up = await stack.runOk(["up", "--yes"]);
            assert.match(up.stdout, /\+ 2 created/, up.stdout);
            const outputs = JSON.parse((await stack.runOk(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
            const orders = emulator.store.get(workspace, namespace, ordersEtl);
            const payments = emulator.store.list(workspace, namespace).find((d) => d.name === "payments-enrichment");
            assert.ok(orders && payments);
            assert.deepStrictEqual(outputs, {
                byIdName: "orders-etl",
                byIdKind: `SQL, ${orders.artifact?.sqlArtifact?.sqlScript?.length} characters`,
                byNameId: payments.deploymentDraftId,
                byNameEngine: payments.engineVersion,
                trackedNames: ["orders-etl"],
                firstTrackedLabels: orders.labels,
                loadedFrom: path.join(fs.realpathSync(projectDir), "node_modules", "pulumi-ververica", "dist", "sdk", "nodejs", "index.js"),
            });
            const actions = new Set(emulator.stats.log.map((e) => e.action));
            assert.deepStrictEqual([...actions].sort(), ["GetDeploymentDraft", "ListDeploymentDrafts"]);
            const again = await stack.runOk(["up", "--yes"]);
            assert.doesNotMatch(again.stdout, /created|updated|deleted/, again.stdout);
        });

        describe("with @pulumi/policy added, the ready pack from node_modules/pulumi-ververica/policy-pack", function () {
            before(async function () {
                this.timeout(INSTALL_TIMEOUT_MS);
                await npmInstall(projectDir, [`@pulumi/policy@${installedVersion("@pulumi/policy")}`]);
            });

            it("passes a clean draft", async function () {
                this.timeout(RUN_TIMEOUT_MS);
                const preview = await stack.runOk(["preview", "--policy-pack", packPath]);
                assert.match(preview.stdout, /✅ ververica-drafts@v0\.1\.0 \(local: node_modules\/pulumi-ververica\/policy-pack\)/, preview.stdout);
                assert.doesNotMatch(preview.stdout, /mandatory|advisory/, preview.stdout);
            });

            it("changes its verdict with a config file", async function () {
                this.timeout(RUN_TIMEOUT_MS);
                const stricter = writePolicyConfig({ "ververica-engine-version": { enforcementLevel: "mandatory", minimumVvrVersion: "9.0.0" } });
                const preview = await stack.run(["preview", "--policy-pack", packPath, "--policy-pack-config", stricter]);
                assert.notStrictEqual(preview.exitCode, 0, preview.stdout);
                const report = policyReport(preview);
                assert.match(report, /\[mandatory\]\s+ververica-engine-version\s+\(pulumi-nodejs:dynamic\/ververica:DeploymentDraft: tracked-0\)/, preview.stdout);
                assert.match(report, /a14bd5d90a\/default-namespace\/orders-etl \(c84d73be-40ad-4627-8bdd-fa1eba51b234\): engine version "vvr-8\.0\.9-flink-1\.17" runs VVR 8\.0\.9, older than the minimum 9\.0\.0/);
                const relaxed = writePolicyConfig({ "ververica-engine-version": { enforcementLevel: "disabled" }, "ververica-artifact-sources": "disabled" });
                await stack.runOk(["preview", "--policy-pack", packPath, "--policy-pack-config", relaxed]);
            });

            it("fails preview and up on a mandatory violation with the rule's message, and only warns on an advisory one", async function () {
                this.timeout(RUN_TIMEOUT_MS);
                // A DeploymentDraft's attributes exist once created: track the drafts first.
                await setTracked([{ workspace, id: ordersEtl }, documented, { workspace, id: lockedByAlice }]);
                await stack.runOk(["up", "--yes"]);
                const preview = await stack.run(["preview", "--policy-pack", packPath]);
                assert.notStrictEqual(preview.exitCode, 0, preview.stdout);
                const report = policyReport(preview);
                assert.match(report, /\[mandatory\]\s+ververica-engine-version\s+\(pulumi-nodejs:dynamic\/ververica:DeploymentDraft: tracked-1\)/, report);
                assert.match(report, /edcef\*\*\*\*\*\*b4f\/default-namespace\/test-draft \(00000000-0000-0000-0000-00000012\*\*\*\*\): engine version "vvr-6\.0\.7-flink-1\.15" runs VVR 6\.0\.7, older than the minimum 8\.0\.0/);
                assert.match(report, /\[advisory\]\s+ververica-draft-lock\s+\(pulumi-nodejs:dynamic\/ververica:DeploymentDraft: tracked-2\)/);
                assert.doesNotMatch(report, /tracked-0/, "the clean draft has no violation");
                const up = await stack.run(["up", "--yes", "--policy-pack", packPath]);
                assert.notStrictEqual(up.exitCode, 0, up.stdout);
                assert.match(policyReport(up), /\[mandatory\]\s+ververica-engine-version/);

                await setTracked([{ workspace, id: ordersEtl }, { workspace, id: lockedByAlice }]);
                const advisoryOnly = await stack.runOk(["up", "--yes", "--policy-pack", packPath]);
                assert.match(policyReport(advisoryOnly), /\[advisory\]\s+ververica-draft-lock/);
                assert.doesNotMatch(policyReport(advisoryOnly), /mandatory/);
            });

            it("runs as the README's pack folder of a team without a Node project: its own package.json and three-line entry", async function () {
                this.timeout(INSTALL_TIMEOUT_MS);
                const teamPack = path.join(root, "ververica-policies");
                fs.mkdirSync(teamPack);
                fs.writeFileSync(path.join(teamPack, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: Ververica draft checks\n");
                fs.writeFileSync(
                    path.join(teamPack, "index.js"),
                    'const { PolicyPack } = require("@pulumi/policy");\nconst { allDraftPolicies } = require("pulumi-ververica/policy");\nnew PolicyPack("ververica-drafts", { policies: allDraftPolicies() });\n',
                );
                fs.writeFileSync(path.join(teamPack, "package.json"), JSON.stringify({ name: "ververica-policies", version: "1.0.0", main: "index.js" }, null, 2));
                await npmInstall(teamPack, [tarball, `@pulumi/policy@${installedVersion("@pulumi/policy")}`, "@pulumi/pulumi@3.248.0"]);
                await setTracked([{ workspace, id: ordersEtl }, documented]);
                await stack.runOk(["up", "--yes"]);
                const preview = await stack.run(["preview", "--policy-pack", teamPack]);
                assert.notStrictEqual(preview.exitCode, 0, preview.stdout);
                assert.match(policyReport(preview), /ververica-drafts@v1\.0\.0[\s\S]*\[mandatory\]\s+ververica-engine-version\s+\(pulumi-nodejs:dynamic\/ververica:DeploymentDraft: tracked-1\)/);
            });
        });
    });
});
