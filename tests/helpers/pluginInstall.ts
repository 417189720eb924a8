// The native `ververica` plugin and the YAML language host, made available to project stacks as
// users get them: the plugin installed from its release tarball into the stack's PULUMI_HOME, the
// language host on PATH beside the CLI.

import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { ProjectStack } from "./projectStack";

const repoRoot = path.resolve(__dirname, "..", "..");
const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }).version;

/** The plugin's version: package.json's. */
export const pluginVersion = version;

/** Where `npm run build:plugin` writes the tarball. */
export const pluginTarball = path.join(repoRoot, "dist", "plugin", `pulumi-resource-ververica-v${version}-linux-amd64.tar.gz`);

/** The plugin binary the tarball holds, unpacked by `npm run build:plugin`: what a person debugging the plugin starts by hand. */
export const pluginBinary = path.join(repoRoot, "dist", "plugin", "build", "linux-amd64", "pulumi-resource-ververica");

let yamlHostDir: string | undefined;

/**
 * Makes `pulumi-language-yaml` available (scripts/pulumi-yaml-host.sh: cached, else built from
 * its Go module, minutes the first time) and puts its directory on this process's PATH, which
 * project stacks created afterwards inherit.
 */
export function ensureYamlLanguageHost(): string {
    if (yamlHostDir === undefined) {
        const result = spawnSync("bash", [path.join(repoRoot, "scripts", "pulumi-yaml-host.sh")], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
        const dir = result.stdout.trim().split("\n").pop();
        if (result.status !== 0 || !dir || !fs.existsSync(path.join(dir, "pulumi-language-yaml"))) {
            throw new Error(`the YAML language host is not available (scripts/pulumi-yaml-host.sh exited with ${result.status})`);
        }
        yamlHostDir = dir;
        process.env.PATH = [dir, ...(process.env.PATH ?? "").split(path.delimiter).filter((p) => p !== dir)].join(path.delimiter);
    }
    return yamlHostDir;
}

/** Builds the plugin tarball unless one newer than every source file exists. */
export function ensurePluginTarball(): string {
    const built = fs.existsSync(pluginTarball) ? fs.statSync(pluginTarball).mtimeMs : 0;
    const sources = [
        path.join(repoRoot, "provider"),
        path.join(repoRoot, "package.json"),
        ...["buildPlugin.ts", "pluginBinaries.ts", "pluginBinaryCheck.ts"].map((script) => path.join(repoRoot, "scripts", script)),
    ];
    if (built === 0 || sources.some((s) => newestChange(s) > built)) {
        execFileSync("npm", ["run", "--silent", "build:plugin"], { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });
    }
    return pluginTarball;
}

/** `pulumi plugin install resource ververica <version> --file <tarball>` into the stack's PULUMI_HOME. */
export async function installPlugin(stack: ProjectStack): Promise<void> {
    await stack.runOk(["plugin", "install", "resource", "ververica", version, "--file", ensurePluginTarball()]);
}

/** The newest modification time of a file or of anything below a directory. */
export function newestChange(file: string): number {
    const stat = fs.statSync(file);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((entry) => newestChange(path.join(file, entry))));
}
