#!/usr/bin/env node
// Runs the quick start (Pulumi.yaml, examples/quickstart/) offline, end to end, with the real
// Pulumi engine: `npm run demo`.
//
// - The Pulumi CLI comes from scripts/pulumi-cli.sh (cached; built from Go modules on first use).
// - The Ververica API is the emulator from tests/emulator, started in this process on an
//   ephemeral loopback port with its fixture drafts, and stopped at the end. The program reaches
//   it through the stack config `ververica:endpoint` and the emulator's test AccessKey in the
//   environment, exactly as it would reach Alibaba Cloud with `ververica:region` and real keys.
// - State: a `file://` backend in `.pulumi-state/` (gitignored; VERVERICA_DEMO_STATE_DIR moves
//   it), stack `demo`, secrets encrypted with the fixed passphrase "ververica-demo", which
//   protects nothing but this throwaway state.
// - The program runs as users run it: `pulumi up` of the project, compiled and run by the Node
//   language host, when one is available (beside the CLI, as scripts/pulumi-cli.sh installs it,
//   or on PATH). Without one it runs as an Automation API inline program in this process. The
//   demo says which path it took.
//
// A second run finds the drafts unchanged and reports no changes.
"use strict";

const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const repoRoot = path.resolve(__dirname, "..");
const stateDir = path.resolve(process.env.VERVERICA_DEMO_STATE_DIR || path.join(repoRoot, ".pulumi-state"));
const STACK_NAME = "demo";
const DEMO_PASSPHRASE = "ververica-demo";

/** Set once `pulumi up` runs: from then on the CLI's own output is shown as it comes. */
let updating = false;

async function main() {
    const started = Date.now();
    if (!fs.existsSync(path.join(repoRoot, "dist", "sdk", "nodejs", "index.js"))) {
        throw new DemoError("the package is not built: run `npm run build` (or `npm run demo`, which builds first)");
    }
    const binDir = ensurePulumiCli();
    isolateEnvironment(binDir);

    // The emulator and the quick start are TypeScript; the quick start imports "pulumi-ververica",
    // which resolves to this package's built dist/ through package.json "exports".
    require("ts-node").register({ transpileOnly: true, project: path.join(repoRoot, "tsconfig.json") });
    const { startEmulator, DEFAULT_TEST_CREDENTIAL } = require("../tests/emulator");

    // Test keys of the emulator, valid nowhere else. The program process is this process, so
    // this is where the data source reads them.
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = DEFAULT_TEST_CREDENTIAL.accessKeyId;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = DEFAULT_TEST_CREDENTIAL.accessKeySecret;

    const emulator = await startEmulator();
    try {
        console.log(`Ververica emulator listening on ${emulator.url}`);
        const workDir = prepareProjectDir();
        const backendDir = path.join(stateDir, "backend");
        const pulumiHome = path.join(stateDir, "home");
        fs.mkdirSync(backendDir, { recursive: true });
        fs.mkdirSync(pulumiHome, { recursive: true });
        const pulumiEnv = {
            PULUMI_HOME: pulumiHome,
            PULUMI_BACKEND_URL: `file://${backendDir}`,
            PULUMI_CONFIG_PASSPHRASE: DEMO_PASSPHRASE,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        };
        linkProgram(workDir, projectMain());

        const host = nodeLanguageHost(binDir);
        const { outputs, changes } = host
            ? await upThroughLanguageHost(host, binDir, workDir, pulumiEnv, emulator.url)
            : await upInline(binDir, workDir, pulumiEnv, emulator.url);

        console.log("\nStack outputs:");
        console.log(JSON.stringify(outputs, null, 2));
        const changed = Object.entries(changes).filter(([op, count]) => op !== "same" && count > 0);
        console.log(
            changed.length === 0
                ? "\nNo changes: the stack already matched the drafts."
                : `\nChanges: ${changed.map(([op, count]) => `${count} ${op}`).join(", ")}.`,
        );
        console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
    } finally {
        await emulator.close();
    }
}

/** The Node language host beside the CLI or on PATH, or undefined. */
function nodeLanguageHost(binDir) {
    const dirs = [binDir, ...(process.env.PATH || "").split(path.delimiter).filter(Boolean)];
    return dirs.map((d) => path.join(d, "pulumi-language-nodejs")).find((f) => fs.existsSync(f));
}

/** `pulumi up` in the project directory, as a user runs it; the CLI's output is shown as it comes. */
async function upThroughLanguageHost(host, binDir, workDir, pulumiEnv, endpoint) {
    console.log(`Running the quick start through the Node language host (${host}): pulumi up in ${displayPath(workDir)}`);
    const pulumi = (args, stdio) => runCli(path.join(binDir, "pulumi"), [...args, "--non-interactive"], workDir, pulumiEnv, stdio);
    await pulumi(["stack", "select", STACK_NAME, "--create", "--secrets-provider", "passphrase"]);
    await pulumi(["config", "set", "ververica:endpoint", endpoint]);
    console.log(`Updating stack "${STACK_NAME}" (state in ${displayPath(stateDir)})`);
    updating = true;
    await pulumi(["up", "--yes"], "inherit");
    updating = false;
    const outputs = JSON.parse(await pulumi(["stack", "output", "--json"]));
    const [last] = JSON.parse(await pulumi(["stack", "history", "--json", "--page-size", "1"]));
    return { outputs, changes: (last && last.resourceChanges) || {} };
}

/** The same project as an Automation API inline program run in this process. */
async function upInline(binDir, workDir, pulumiEnv, endpoint) {
    console.log("No Node language host beside the CLI or on PATH: running the quick start as an inline Automation API program");
    const { LocalWorkspace, PulumiCommand, Stack } = require("@pulumi/pulumi/automation");
    const pulumiCommand = await PulumiCommand.get({ root: path.dirname(binDir) });
    const programModule = require.resolve(path.join(repoRoot, "examples", "quickstart"));
    // The project (name, runtime, main) is read from the linked Pulumi.yaml.
    const workspace = await LocalWorkspace.create({
        workDir,
        pulumiHome: pulumiEnv.PULUMI_HOME,
        pulumiCommand,
        secretsProvider: "passphrase",
        envVars: pulumiEnv,
        // The module's exports are the stack outputs, as with `pulumi up`. It is loaded
        // afresh so that every run of the program registers its resources again.
        program: async () => {
            delete require.cache[programModule];
            return require(programModule);
        },
    });
    const stack = await Stack.createOrSelect(STACK_NAME, workspace);
    await stack.setConfig("ververica:endpoint", { value: endpoint });

    console.log(`Updating stack "${STACK_NAME}" (state in ${displayPath(stateDir)})`);
    updating = true;
    const result = await stack.up({
        onOutput: (text) => process.stdout.write(text),
        onError: (text) => process.stderr.write(text),
    });
    updating = false;
    const outputs = Object.fromEntries(Object.entries(result.outputs).map(([key, output]) => [key, output.secret ? "[secret]" : output.value]));
    return { outputs, changes: result.summary.resourceChanges || {} };
}

/**
 * Runs the CLI without blocking this process (the emulator answers from it). Resolves with its
 * stdout, or, with stdio "inherit", shows its output as it comes.
 */
function runCli(file, args, cwd, extraEnv, stdio) {
    return new Promise((resolve, reject) => {
        const child = spawn(file, args, { cwd, env: { ...process.env, ...extraEnv }, stdio: ["ignore", stdio === "inherit" ? "inherit" : "pipe", stdio === "inherit" ? "inherit" : "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout?.on("data", (d) => (stdout += d));
        child.stderr?.on("data", (d) => (stderr += d));
        child.on("error", reject);
        child.on("close", (code) => {
            if (code === 0) resolve(stdout);
            else reject(new CliError(`pulumi ${args.join(" ")} exited with ${code}${stderr.trim() ? `: ${stderr.trim()}` : ""}`));
        });
    });
}

/** The project's `main` from the repository's Pulumi.yaml (a path relative to it). */
function projectMain() {
    const match = /^main:\s*(\S+)\s*$/m.exec(fs.readFileSync(path.join(repoRoot, "Pulumi.yaml"), "utf8"));
    return match ? match[1] : undefined;
}

/**
 * Runs scripts/pulumi-cli.sh (its progress goes straight to our stderr) and returns the
 * directory it prints last, which holds `pulumi` and the plugin launchers.
 */
function ensurePulumiCli() {
    const script = path.join(repoRoot, "scripts", "pulumi-cli.sh");
    const result = spawnSync("bash", [script], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    if (result.error) {
        throw new DemoError(`could not run ${script}: ${result.error.message}`);
    }
    const binDir = result.stdout.trim().split("\n").pop();
    if (result.status !== 0 || !binDir || !fs.existsSync(path.join(binDir, "pulumi"))) {
        throw new DemoError(`no Pulumi CLI: ${path.relative(repoRoot, script)} exited with ${result.status} (see its messages above)`);
    }
    return binDir;
}

/**
 * Keeps everything on this machine and independent of the user's own Pulumi and Alibaba Cloud
 * settings. The CLI and the plugins it starts inherit this environment.
 */
function isolateEnvironment(binDir) {
    process.env.PATH = [binDir, ...(process.env.PATH || "").split(path.delimiter).filter((p) => p && p !== binDir)].join(path.delimiter);
    // Alibaba's credential chain would otherwise probe the ECS metadata address or a
    // credentials URI when the keys below were ever missing.
    process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
    for (const name of [
        "ALIBABA_CLOUD_CREDENTIALS_URI",
        "ALIBABA_CLOUD_SECURITY_TOKEN",
        "ALICLOUD_SECURITY_TOKEN",
        // A passphrase file would compete with the demo's passphrase.
        "PULUMI_CONFIG_PASSPHRASE_FILE",
    ]) {
        delete process.env[name];
    }
}

/**
 * The Automation API keeps the stack's config file (Pulumi.demo.yaml: the emulator's endpoint,
 * which changes every run, and the passphrase salt) beside Pulumi.yaml. So the project
 * directory is a folder of the state directory holding a link to the repository's Pulumi.yaml,
 * which keeps the working tree clean.
 */
function prepareProjectDir() {
    const workDir = path.join(stateDir, "project");
    fs.mkdirSync(workDir, { recursive: true });
    replaceWithLink(path.join(repoRoot, "Pulumi.yaml"), path.join(workDir, "Pulumi.yaml"), "file");
    return workDir;
}

/**
 * The folder of the project's `main`, linked beside the linked Pulumi.yaml: the CLI checks that
 * `main` exists, and the language host runs the program from its folder, inside this repository,
 * where `@pulumi/pulumi` and `pulumi-ververica` (this package, by its own name) resolve.
 */
function linkProgram(workDir, main) {
    if (!main) return;
    const relative = path.normalize(main).replace(/[\\/]+$/, "");
    const folder = fs.statSync(path.join(repoRoot, relative)).isDirectory() ? relative : path.dirname(relative);
    const link = path.join(workDir, folder);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    replaceWithLink(path.join(repoRoot, folder), link, "junction");
}

// Re-created on every run, so a moved checkout or a changed Pulumi.yaml is always picked up.
function replaceWithLink(target, link, type) {
    fs.rmSync(link, { force: true });
    fs.symlinkSync(target, link, type);
}

/** Relative to the current directory when inside it. */
function displayPath(p) {
    const relative = path.relative(process.cwd(), p);
    return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? p : relative;
}

/** A failure explained by its message alone. */
class DemoError extends Error {}

/** A CLI command that failed; its message carries the command's own error output. */
class CliError extends Error {}

main().then(
    () => process.exit(0),
    (error) => {
        // A failed `pulumi up` has already printed its diagnostics through onOutput/onError;
        // other CLI commands carry theirs in the message.
        const failedCommand = (error && error.commandResult !== undefined) || error instanceof CliError;
        const message =
            error instanceof DemoError
                ? error.message
                : failedCommand
                  ? updating
                      ? "pulumi up failed; its output is above"
                      : error.message
                  : (error && error.stack) || String(error);
        console.error(`\ndemo failed: ${message}`);
        process.exit(1);
    },
);
