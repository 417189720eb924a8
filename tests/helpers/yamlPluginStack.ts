// A stack of a YAML program that uses the native plugin, against an emulator: the CLI, the YAML
// language host and the plugin's tarball ensured, the plugin installed from the tarball, and the
// plugin's endpoint and AccessKey in the stack config (never in the environment).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensurePulumiCli } from "./harness";
import { pluginStackConfig } from "./linkedProject";
import { ensurePluginTarball, ensureYamlLanguageHost, installPlugin } from "./pluginInstall";
import { createProjectStack, ProjectConfigValue, ProjectStack } from "./projectStack";

/** A YAML project's stack; `dispose()` removes the stack and the project directory. */
export interface YamlPluginStack {
    readonly stack: ProjectStack;
    readonly projectDir: string;
    /** Replaces the program (Pulumi.yaml). */
    writeProgram(text: string): void;
    dispose(): Promise<void>;
}

/** Creates a project of `program` and its stack, with `config` beside the plugin's settings for `endpoint`. */
export async function createYamlPluginStack(program: string, endpoint: string, config: Readonly<Record<string, ProjectConfigValue>>): Promise<YamlPluginStack> {
    ensurePulumiCli();
    ensureYamlLanguageHost();
    ensurePluginTarball();
    const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-yaml-"));
    const writeProgram = (text: string) => fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), text);
    writeProgram(program);
    const stack = await createProjectStack({
        projectDir,
        config: { ...pluginStackConfig(endpoint), ...config },
        // The plugin must get its credentials from the stack config, not from the environment.
        env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "", VERVERICA_MAX_ATTEMPTS: "2", VERVERICA_RETRY_BASE_DELAY_MS: "1" },
    });
    await installPlugin(stack);
    return {
        stack,
        projectDir,
        writeProgram,
        async dispose() {
            await stack.dispose();
            fs.rmSync(projectDir, { recursive: true, force: true });
        },
    };
}
