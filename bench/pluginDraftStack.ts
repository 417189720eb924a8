/**
 * A YAML stack that tracks drafts with the plugin's `DeploymentDraft`, run as users run it:
 * `pulumi` in a project directory, the YAML host of scripts/pulumi-yaml-host.sh, the plugin
 * installed from its tarball, the emulator (in its child process) as the API. Sections 9 to 11
 * time preview, up and refresh of such stacks and count what reached the emulator.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_TEST_CREDENTIAL } from "../tests/emulator";
import { ensurePluginTarball, ensureYamlLanguageHost, pluginVersion } from "../tests/helpers/pluginInstall";
import { CommandResult, createProjectStack, ProjectStack } from "../tests/helpers/projectStack";
import type { EmulatorProcess, StatsSnapshot } from "./emulatorProcess";

/** How a resource selects its draft. */
export type TrackedDraft = { readonly deploymentDraftId: string } | { readonly name: string };

export interface PluginDraftStackSettings {
    readonly projectName: string;
    readonly workspace: string;
    readonly namespace: string;
    readonly drafts: readonly TrackedDraft[];
    /** The plugin tarball to install; this checkout's build (rebuilt when out of date) by default. */
    readonly pluginTarball?: string;
}

/** One `pulumi` command: its result and what the emulator served meanwhile. */
export interface MeasuredCommand extends CommandResult {
    readonly stats: StatsSnapshot;
}

/** A stack of tracked drafts against the emulator; see {@link createPluginDraftStack}. */
export interface PluginDraftStack {
    /** Runs `pulumi <args>` (failures resolve too, with their exit code) and counts the requests it made. */
    measure(args: readonly string[]): Promise<MeasuredCommand>;
    /** Destroys the stack (forgetting the drafts) and deletes its project, backend and plugin home. */
    dispose(): Promise<void>;
}

function yamlProgram(s: PluginDraftStackSettings): string {
    const lines = [`name: ${s.projectName}`, "runtime: yaml", "resources:"];
    s.drafts.forEach((draft, i) => {
        const selector = "name" in draft ? `name: ${draft.name}` : `deploymentDraftId: ${draft.deploymentDraftId}`;
        lines.push(`  d${i}:`, "    type: ververica:index:DeploymentDraft", `    properties: { workspace: ${s.workspace}, namespace: ${s.namespace}, ${selector} }`);
    });
    return `${lines.join("\n")}\n`;
}

/**
 * Writes the program, creates the stack (credentials from the environment, the endpoint from
 * stack config, the engine's and the plugin's settings left at their defaults) and installs
 * the plugin. Nothing is deployed yet.
 */
export async function createPluginDraftStack(emulator: EmulatorProcess, s: PluginDraftStackSettings): Promise<PluginDraftStack> {
    ensureYamlLanguageHost();
    const tarball = s.pluginTarball ?? ensurePluginTarball();
    const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), `pulumi-ververica-${s.projectName}-`));
    fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), yamlProgram(s));
    let stack: ProjectStack | undefined;
    try {
        stack = await createProjectStack({
            projectDir,
            config: { "ververica:endpoint": emulator.url },
            env: { ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret },
        });
        await stack.runOk(["plugin", "install", "resource", "ververica", pluginVersion, "--file", tarball]);
    } catch (e) {
        await stack?.dispose();
        fs.rmSync(projectDir, { recursive: true, force: true });
        throw e;
    }
    const created = stack;
    return {
        async measure(args) {
            await emulator.resetStats();
            const result = await created.run(args);
            return { ...result, stats: await emulator.stats() };
        },
        async dispose() {
            try {
                await created.dispose();
            } finally {
                fs.rmSync(projectDir, { recursive: true, force: true });
            }
        },
    };
}

/** The best any client bounded to `concurrency` calls in flight can do: `ceil(reads / concurrency) x latency`. */
export function idealMs(reads: number, concurrency: number, latencyMs: number): number {
    return Math.ceil(reads / concurrency) * latencyMs;
}

/** The last line of a failed command's output that says `error:`, for a skipped or failed section's report. */
export function errorLineOf(result: CommandResult): string {
    const lines = `${result.stdout}\n${result.stderr}`.split("\n").map((l) => l.trim());
    return lines.filter((l) => l.includes("error:")).pop() ?? `exit code ${result.exitCode}`;
}
