// Stacks run as users run them: `pulumi <command>` in a project directory, the program started by
// the language host that the project's `runtime` names (Node, Python, Go or YAML), on a private
// `file://` backend, fully offline.

import { execFile, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensurePulumiCli } from "./harness";
import { asError } from "./asError";

/** A stack config value: plain text, or a secret (`pulumi config set --secret`). */
export type ProjectConfigValue = string | { readonly secret: string };

/** Options for {@link createProjectStack}. */
export interface ProjectStackOptions {
    /** The project directory, prepared by the test: Pulumi.yaml, the program, its dependencies. */
    readonly projectDir: string;
    /** Defaults to `test`. */
    readonly stackName?: string;
    /** Stack configuration, keys as `pulumi config set` takes them (`ververica:region`). */
    readonly config?: Readonly<Record<string, ProjectConfigValue>>;
    /** Passphrase of the stack's secrets provider. Defaults to `e2e-passphrase`. */
    readonly passphrase?: string;
    /** Extra environment for the CLI, its language host and its plugins. */
    readonly env?: Readonly<Record<string, string>>;
}

/** What one `pulumi` invocation did. */
export interface CommandResult {
    readonly exitCode: number;
    readonly stdout: string;
    readonly stderr: string;
    /** Wall time of the command, for bounds that prove "did not wait for a retry or timeout". */
    readonly durationMs: number;
}

/** A stack of a project directory on its own backend; see {@link createProjectStack}. */
export interface ProjectStack {
    readonly projectDir: string;
    readonly stackName: string;
    /** The `file://` backend's directory. */
    readonly backendDir: string;
    /** The private `PULUMI_HOME` (plugins installed with `pulumi plugin install` land here). */
    readonly pulumiHome: string;
    /** The complete environment the CLI runs with. */
    readonly env: Readonly<Record<string, string>>;
    /**
     * Runs `pulumi <args> --non-interactive` in the project directory for this stack
     * (`--stack` is added for commands that take it). Resolves with the exit code; never
     * rejects on a non-zero exit, so tests can assert on failures.
     */
    run(args: readonly string[], extraEnv?: Readonly<Record<string, string>>): Promise<CommandResult>;
    /** Like {@link run}, but rejects with the whole output when the command fails. */
    runOk(args: readonly string[], extraEnv?: Readonly<Record<string, string>>): Promise<CommandResult>;
    /** Like {@link run}, but presses Ctrl-C (sends the CLI SIGINT) once `interruptWhen` resolves, unless it has exited by then. */
    runInterrupted(args: readonly string[], interruptWhen: () => Promise<void>): Promise<CommandResult>;
    /** `pulumi stack export` as parsed JSON (secrets stay ciphertext unless `showSecrets`). */
    exportState(showSecrets?: boolean): Promise<StackExport>;
    /** The text of every file of the backend, for "this value is nowhere" assertions. */
    backendFilesText(): string;
    /** Destroys what the stack holds, removes it and deletes the backend and `PULUMI_HOME`. */
    dispose(): Promise<void>;
}

/** The parts of `pulumi stack export` the tests read. */
export interface StackExport {
    readonly deployment: {
        readonly resources?: readonly ExportedResource[];
    };
}

/** One resource of a {@link StackExport}. */
export interface ExportedResource {
    readonly urn: string;
    readonly type: string;
    readonly id?: string;
    readonly inputs?: Readonly<Record<string, unknown>>;
    readonly outputs?: Readonly<Record<string, unknown>>;
}

// Commands that select a stack with `--stack`; others (plugin, package, version) take none.
const stackCommands = new Set(["preview", "up", "refresh", "destroy", "import", "stack", "config", "cancel"]);

/**
 * Creates a stack of `projectDir` on a fresh `file://` backend with a private `PULUMI_HOME` and
 * the offline settings, and sets its config. The CLI and the language hosts come from
 * scripts/pulumi-cli.sh (see {@link ensurePulumiCli}). Call `dispose()` when done.
 */
export async function createProjectStack(options: ProjectStackOptions): Promise<ProjectStack> {
    const binDir = ensurePulumiCli();
    const stackName = options.stackName ?? "test";
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-project-"));
    const backendDir = path.join(root, "backend");
    const pulumiHome = path.join(root, "home");
    fs.mkdirSync(backendDir);
    fs.mkdirSync(pulumiHome);
    const env: Record<string, string> = {
        PATH: process.env.PATH ?? binDir,
        HOME: process.env.HOME ?? root,
        PULUMI_HOME: pulumiHome,
        PULUMI_BACKEND_URL: `file://${backendDir}`,
        PULUMI_CONFIG_PASSPHRASE: options.passphrase ?? "e2e-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_IGNORE_AMBIENT_PLUGINS: "false",
        // Colour codes and progress frames would make whole-output assertions depend on the terminal.
        PULUMI_SKIP_CONFIRMATIONS: "true",
        NO_COLOR: "1",
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
        ...options.env,
    };

    const argvOf = (args: readonly string[]): string[] => {
        const argv = [...args];
        if (stackCommands.has(args[0] ?? "") && !args.includes("--stack") && !(args[0] === "stack" && args[1] === "init")) {
            argv.push("--stack", stackName);
        }
        argv.push("--non-interactive");
        if (["preview", "up", "refresh", "destroy", "import"].includes(args[0] ?? "")) {
            argv.push("--color", "never");
        }
        return argv;
    };
    const run = (args: readonly string[], extraEnv: Readonly<Record<string, string>> = {}): Promise<CommandResult> => {
        const argv = argvOf(args);
        const started = Date.now();
        return new Promise((resolve, reject) => {
            execFile(
                path.join(binDir, "pulumi"),
                argv,
                { cwd: options.projectDir, env: { ...env, ...extraEnv }, maxBuffer: 256 * 1024 * 1024 },
                (err, stdout, stderr) => {
                    const durationMs = Date.now() - started;
                    if (err === null) {
                        resolve({ exitCode: 0, stdout, stderr, durationMs });
                    } else if (typeof err.code === "number") {
                        resolve({ exitCode: err.code, stdout, stderr, durationMs });
                    } else {
                        reject(asError(err));
                    }
                },
            );
        });
    };
    const runOk = async (args: readonly string[], extraEnv?: Readonly<Record<string, string>>): Promise<CommandResult> => {
        const result = await run(args, extraEnv);
        if (result.exitCode !== 0) {
            throw new Error(`pulumi ${args.join(" ")} exited with ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
        }
        return result;
    };

    const runInterrupted = async (args: readonly string[], interruptWhen: () => Promise<void>): Promise<CommandResult> => {
        const started = Date.now();
        const child = spawn(path.join(binDir, "pulumi"), argvOf(args), { cwd: options.projectDir, env });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
        const exited = new Promise<number>((resolve, reject) => {
            child.on("error", reject);
            child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
        });
        // A command that ends before the moment comes is not interrupted.
        if ((await Promise.race([interruptWhen().then(() => "interrupt" as const), exited])) === "interrupt") {
            child.kill("SIGINT");
        }
        const exitCode = await exited;
        return { exitCode, stdout, stderr, durationMs: Date.now() - started };
    };

    try {
        await runOk(["stack", "init", stackName]);
        for (const [key, value] of Object.entries(options.config ?? {})) {
            const secret = typeof value !== "string";
            await runOk(["config", "set", ...(secret ? ["--secret"] : []), key, secret ? value.secret : value]);
        }
    } catch (err) {
        fs.rmSync(root, { recursive: true, force: true });
        throw err;
    }

    return {
        projectDir: options.projectDir,
        stackName,
        backendDir,
        pulumiHome,
        env,
        run,
        runOk,
        runInterrupted,
        async exportState(showSecrets = false): Promise<StackExport> {
            const result = await runOk(["stack", "export", ...(showSecrets ? ["--show-secrets"] : [])]);
            return JSON.parse(result.stdout) as StackExport;
        },
        backendFilesText(): string {
            return readAllFiles(backendDir);
        },
        async dispose(): Promise<void> {
            try {
                await run(["destroy", "--yes", "--skip-preview"]);
                await run(["stack", "rm", "--yes", "--force"]);
            } finally {
                fs.rmSync(root, { recursive: true, force: true });
            }
        },
    };
}

function readAllFiles(dir: string): string {
    let text = "";
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        text += entry.isDirectory() ? readAllFiles(file) : `${fs.readFileSync(file, "utf8")}\n`;
    }
    return text;
}
