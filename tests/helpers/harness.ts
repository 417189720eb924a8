// Helpers for end-to-end tests against the real Pulumi CLI, fully offline.
//
// Stacks that run as users run them (a project directory, the program started by the Node
// language host) use ./projectStack.ts. The inline Automation API programs here are for tests
// that need the program inside this process: the CLI connects back to a language server in
// this process, so the program, and every dynamic provider it serializes, is evaluated in the
// mocha process with this process's environment; the `env` of a test stack reaches the CLI and
// the plugins it starts (dynamic providers, policy packs), not the program.

import { execFile, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    ConfigMap,
    LocalWorkspace,
    PulumiCommand,
    PulumiFn,
    Stack,
} from "@pulumi/pulumi/automation";
import { asError } from "./asError";

const repoRoot = path.resolve(__dirname, "..", "..");
let cliBinDir: string | undefined;

/**
 * Makes the pinned Pulumi CLI available (using, caching or building it through
 * scripts/pulumi-cli.sh), prepends its directory to this process's PATH and returns that
 * directory. The script runs at most once per process; a first build takes many minutes, so
 * call this from a `before` hook with a long timeout. Throws with the script's error when no
 * CLI can be provided.
 */
export function ensurePulumiCli(): string {
    if (cliBinDir === undefined) {
        cliBinDir = runCliScript();
        const entries = (process.env.PATH ?? "").split(path.delimiter).filter((p) => p !== cliBinDir);
        // The engine finds `pulumi-resource-pulumi-nodejs` and `pulumi-analyzer-policy-nodejs`
        // on PATH, in the CLI process and in the plugins it starts, which inherit it.
        process.env.PATH = [cliBinDir, ...entries].join(path.delimiter);
    }
    return cliBinDir;
}

function runCliScript(): string {
    const script = path.join(repoRoot, "scripts", "pulumi-cli.sh");
    // The script's stderr is shown live (a first build prints progress for many minutes) and
    // also captured for the error message: bash copies each line to fd 3, which is our stderr.
    // (Not `tee /dev/fd/3`: reopening a stderr redirected to a file would truncate the file.)
    const copyLines = 'while IFS= read -r l || [ -n "$l" ]; do printf "%s\\n" "$l"; printf "%s\\n" "$l" >&3; done';
    const result = spawnSync("bash", ["-c", `"$0" 2> >(${copyLines} >&2)`, script], {
        cwd: repoRoot,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe", process.stderr.fd],
    });
    if (result.error !== undefined) {
        throw new Error(`could not run ${script}: ${result.error.message}`);
    }
    const lines = result.stdout.trim().split("\n");
    const binDir = lines[lines.length - 1];
    if (result.status !== 0 || !binDir || !fs.existsSync(path.join(binDir, "pulumi"))) {
        const errors = result.stderr.split("\n").filter((l) => l.startsWith("[pulumi-cli] error:"));
        const detail = errors.length > 0 ? errors.join("\n") : result.stderr.trim().split("\n").slice(-20).join("\n");
        throw new Error(`the Pulumi CLI is not available (${script} exited with ${result.status}):\n${detail}`);
    }
    return binDir;
}

/** Options for {@link createTestStack}. */
export interface TestStackOptions {
    /** The inline program; it runs in this process. */
    program: PulumiFn;
    /** Defaults to `pulumi-ververica-e2e`. */
    projectName?: string;
    /** Defaults to `test`; every test stack has its own backend, so names never clash. */
    stackName?: string;
    /** Stack configuration, e.g. `{ "ververica:region": { value: "cn-hangzhou" } }`. */
    config?: ConfigMap;
    /** Passphrase of the stack's passphrase secrets provider. Defaults to `e2e-passphrase`. */
    secretsPassphrase?: string;
    /** Extra environment for the CLI and its plugins; overrides the offline defaults. */
    env?: Readonly<Record<string, string>>;
}

/** A stack on a private `file://` backend in its own temporary directory. */
export interface TestStack {
    readonly stack: Stack;
    /** The project directory (holds Pulumi.yaml and a `node_modules` link to the repo's). */
    readonly workDir: string;
    /** The `file://` backend's directory; state lives in `.pulumi/stacks/<project>/<stack>.json`. */
    readonly backendDir: string;
    /** The complete environment the CLI runs with; pass it to {@link runPulumi}. */
    readonly env: Readonly<Record<string, string>>;
    /** Destroys the stack's resources, removes the stack and deletes the temporary directory. */
    destroy(): Promise<void>;
}

/** Fills `dir` with links to the repo's installed packages and to the repo as `pulumi-ververica`. */
export function linkProjectModules(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
    const source = path.join(repoRoot, "node_modules");
    for (const entry of fs.readdirSync(source)) {
        if (entry === ".bin" || entry === ".package-lock.json") continue;
        fs.symlinkSync(path.join(source, entry), path.join(dir, entry), "dir");
    }
    fs.symlinkSync(repoRoot, path.join(dir, "pulumi-ververica"), "dir");
}

/**
 * Creates a stack for one test: a temporary directory with a `file://` backend, a private
 * `PULUMI_HOME`, a passphrase secrets provider and settings that keep the CLI offline and
 * non-interactive. Call `destroy()` when done, also when the test fails.
 */
export async function createTestStack(options: TestStackOptions): Promise<TestStack> {
    const binDir = ensurePulumiCli();
    const projectName = options.projectName ?? "pulumi-ververica-e2e";
    const stackName = options.stackName ?? "test";

    const root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-e2e-"));
    try {
        const workDir = path.join(root, "project");
        const backendDir = path.join(root, "backend");
        const pulumiHome = path.join(root, "home");
        for (const dir of [workDir, backendDir, pulumiHome]) {
            fs.mkdirSync(dir);
        }
        // Dynamic providers run in a separate Node process started in the project directory:
        // its launcher resolves `@pulumi/pulumi` from there, and so do the `require` calls in
        // the serialized provider code, `require("pulumi-ververica/...")` among them. So the
        // project gets the repo's packages plus this package itself (its built `dist/`), as an
        // installed copy would be.
        linkProjectModules(path.join(workDir, "node_modules"));

        const backendUrl = `file://${backendDir}`;
        const env: Record<string, string> = {
            PATH: process.env.PATH ?? binDir,
            PULUMI_HOME: pulumiHome,
            PULUMI_BACKEND_URL: backendUrl,
            PULUMI_CONFIG_PASSPHRASE: options.secretsPassphrase ?? "e2e-passphrase",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            // The launchers are found on PATH only ("ambient" plugins); a user's setting to
            // ignore those would hide them.
            PULUMI_IGNORE_AMBIENT_PLUGINS: "false",
            // Keeps the Alibaba Cloud credential chain from probing the ECS metadata address.
            ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
            ...options.env,
        };

        // The script always hands out a directory named `bin` and has checked the version;
        // the Automation API wants the directory above it.
        const pulumiCommand = await PulumiCommand.get({ root: path.dirname(binDir) });
        const stack = await LocalWorkspace.createOrSelectStack(
            { stackName, projectName, program: options.program },
            {
                workDir,
                pulumiHome,
                envVars: env,
                pulumiCommand,
                projectSettings: { name: projectName, runtime: "nodejs", backend: { url: backendUrl } },
            },
        );
        if (options.config !== undefined) {
            await stack.setAllConfig(options.config);
        }

        return {
            stack,
            workDir,
            backendDir,
            env,
            async destroy(): Promise<void> {
                try {
                    await stack.destroy();
                    await stack.workspace.removeStack(stackName);
                } finally {
                    fs.rmSync(root, { recursive: true, force: true });
                }
            },
        };
    } catch (err) {
        fs.rmSync(root, { recursive: true, force: true });
        throw err;
    }
}

/** Where and with which environment {@link runPulumi} runs the CLI. */
export interface RunPulumiOptions {
    readonly cwd: string;
    /** Added to this process's environment. */
    readonly env: Readonly<Record<string, string>>;
}

/** What a `pulumi` invocation printed. */
export interface PulumiCliResult {
    readonly stdout: string;
    readonly stderr: string;
}

/** Thrown by {@link runPulumi} when the CLI exits with a non-zero status. */
export class PulumiCliError extends Error {
    constructor(
        readonly args: readonly string[],
        readonly exitCode: number,
        readonly stdout: string,
        readonly stderr: string,
    ) {
        super(`pulumi ${args.join(" ")} exited with ${exitCode}:\n${stderr.trim() || stdout.trim()}`);
        this.name = "PulumiCliError";
    }
}

/**
 * Runs a plain `pulumi` command (e.g. `["stack", "export", "--stack", "test"]`) with the
 * pinned CLI, non-interactively. `env` is usually a {@link TestStack}'s and `cwd` its
 * `workDir`. For commands that run the program of an inline stack (`preview`, `up`,
 * `refresh --run-program`) use the `Stack` methods: the program lives in this process.
 * `stack export`/`import`/`output`, `refresh` and `destroy` work, with providers from state.
 */
export function runPulumi(args: readonly string[], options: RunPulumiOptions): Promise<PulumiCliResult> {
    const pulumi = path.join(ensurePulumiCli(), "pulumi");
    const argv = [...args, "--non-interactive"];
    return new Promise((resolve, reject) => {
        execFile(
            pulumi,
            argv,
            { cwd: options.cwd, env: { ...process.env, ...options.env }, maxBuffer: 256 * 1024 * 1024 },
            (err, stdout, stderr) => {
                if (err === null) {
                    resolve({ stdout, stderr });
                } else if (typeof err.code === "number") {
                    reject(new PulumiCliError(argv, err.code, stdout, stderr));
                } else {
                    reject(asError(err));
                }
            },
        );
    });
}
