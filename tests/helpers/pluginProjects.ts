// Projects of the `ververica` plugin in each language it serves (YAML, Python, Go), for tests that
// run the same program in all three under the real engine: a project directory with the given
// program, a stack on its own backend pointed at an emulator, the plugin installed from its
// tarball. A test rewrites the program with `writeProgram` between runs.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensurePulumiCli } from "./harness";
import { pluginStackConfig } from "./linkedProject";
import { ensurePluginTarball, ensureYamlLanguageHost, installPlugin } from "./pluginInstall";
import { createProjectStack, ProjectConfigValue, ProjectStack } from "./projectStack";
import { pythonVirtualenv, sdkDir } from "./sdkProjects";

/** A language of the plugin's programs. */
export type PluginLanguage = "yaml" | "python" | "go";

/** Every language, in the order tests run them (the slowest to build last). */
export const pluginLanguages: readonly PluginLanguage[] = ["yaml", "python", "go"];

/** A schema name as the Python SDK spells it: `deploymentDraftId` → `deployment_draft_id`. */
export const pythonName = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A schema name as the Go SDK spells a field or function: `deploymentDraftId` → `DeploymentDraftId`. */
export const goName = (name: string): string => `${name[0].toUpperCase()}${name.slice(1)}`;

/** A program's text in each language. */
export type PluginProgram = Readonly<Record<PluginLanguage, string>>;

/** A project of one language with its stack; see {@link createPluginProject}. */
export interface PluginProject {
    readonly language: PluginLanguage;
    readonly dir: string;
    readonly stack: ProjectStack;
    /** Replaces the program (YAML: everything below `runtime`). */
    writeProgram(text: string): void;
    /** `pulumi stack output --json --show-secrets`, parsed. */
    outputs(): Promise<Record<string, unknown>>;
    /** Disposes of the stack and removes the directory. */
    dispose(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, "..", "..");
const goQuickstart = path.join(repoRoot, "examples", "go-quickstart");

// The file that holds the program, and the project file around it.
const programFile: Readonly<Record<PluginLanguage, string>> = { yaml: "Pulumi.yaml", python: "__main__.py", go: "main.go" };

function projectFile(language: PluginLanguage, name: string): string {
    switch (language) {
        case "yaml":
            return `name: ${name}\nruntime: yaml\n`;
        case "python":
            return `name: ${name}\nruntime:\n  name: python\n  options:\n    virtualenv: ${pythonVirtualenv()}\n`;
        case "go":
            return `name: ${name}\nruntime: go\n`;
    }
}

/**
 * Makes what `language` needs available once per process (the Pulumi CLI, the plugin tarball,
 * the YAML host, the Python virtualenv with the wheel); minutes the first time.
 */
export function preparePluginLanguage(language: PluginLanguage): void {
    ensurePulumiCli();
    ensurePluginTarball();
    if (language === "yaml") ensureYamlLanguageHost();
    if (language === "python") pythonVirtualenv();
}

/**
 * A project of `language` named `name` holding `program`, with a stack whose config points the
 * plugin at `endpoint` with the emulator's test AccessKey (plus `config`), and the plugin installed.
 * Go projects take the quick start's go.mod, the SDK module replaced by this repository's sdk/.
 */
export async function createPluginProject(
    language: PluginLanguage,
    name: string,
    program: string,
    options: { readonly endpoint: string; readonly config?: Readonly<Record<string, ProjectConfigValue>>; readonly env?: Readonly<Record<string, string>> },
): Promise<PluginProject> {
    preparePluginLanguage(language);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pulumi-ververica-${language}-`));
    const project = projectFile(language, name);
    const writeProgram = (text: string): void => {
        fs.writeFileSync(path.join(dir, programFile[language]), language === "yaml" ? `${project}${text}` : text);
    };
    let stack: ProjectStack;
    try {
        if (language !== "yaml") fs.writeFileSync(path.join(dir, "Pulumi.yaml"), project);
        if (language === "go") {
            const goMod = fs.readFileSync(path.join(goQuickstart, "go.mod"), "utf8");
            fs.writeFileSync(path.join(dir, "go.mod"), goMod.replace("=> ../../sdk", `=> ${sdkDir}`));
            fs.copyFileSync(path.join(goQuickstart, "go.sum"), path.join(dir, "go.sum"));
        }
        writeProgram(program);
        stack = await createProjectStack({ projectDir: dir, config: { ...pluginStackConfig(options.endpoint), ...options.config }, env: options.env });
    } catch (e) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw e;
    }
    try {
        await installPlugin(stack);
    } catch (e) {
        await stack.dispose();
        fs.rmSync(dir, { recursive: true, force: true });
        throw e;
    }
    return {
        language,
        dir,
        stack,
        writeProgram,
        async outputs(): Promise<Record<string, unknown>> {
            const result = await stack.runOk(["stack", "output", "--json", "--show-secrets"]);
            return JSON.parse(result.stdout) as Record<string, unknown>;
        },
        async dispose(): Promise<void> {
            try {
                await stack.dispose();
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        },
    };
}
