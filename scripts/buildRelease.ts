// `npm run build:release`: everything a release publishes, in dist/release/:
//   - pulumi-resource-ververica-v<version>-<os>-<arch>.tar.gz for the five platforms
//     (scripts/pluginBinaries.ts), the assets the engine downloads through the schema's
//     pluginDownloadURL;
//   - the Python wheel and sdist of sdk/python, built on a copy (scripts/python-sdk-wheel.sh);
//   - the npm tarball (npm pack);
//   - <name>_<version>_checksums.txt, the sha256 of every other file in `sha256sum` format.
// Options: --targets linux-amd64,darwin-arm64 builds only those plugin tarballs (and no checksums:
// a partial release is not one). Prints what it wrote with sizes and times. The tests import the
// names from here (tests/helpers/release.ts).
import { execFileSync, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { packageManifest } from "../provider/core/packageManifest";
import { buildPluginTarballs, root, target, targetName, targets, version } from "./pluginBinaries";

export const releaseDir = path.join(root, "dist", "release");
const workDir = path.join(root, "dist", "release-build");
export const checksumsName = `${packageManifest.name}_${version}_checksums.txt`;

function lastLine(command: string, args: readonly string[]): string {
    const result = spawnSync(command, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}`);
    return result.stdout.trim().split("\n").pop() ?? "";
}

async function timed(what: string, step: () => Promise<unknown> | void): Promise<void> {
    const started = Date.now();
    await step();
    console.error(`build:release: ${what} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function pythonDistributions(): void {
    const venv = lastLine("bash", [path.join("scripts", "sdk-toolchains.sh")]);
    lastLine("bash", [path.join("scripts", "python-sdk-wheel.sh"), venv, "--release", releaseDir]);
}

function npmTarball(): void {
    // `prepack` builds dist/ first; --json keeps npm's file listing off stdout.
    execFileSync("npm", ["pack", "--json", "--pack-destination", releaseDir], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

/** `sha256sum` lines for every file of the release but the checksums file itself, by name. */
export function checksumLines(dir: string): string {
    return fs
        .readdirSync(dir)
        .filter((name) => name !== checksumsName && fs.statSync(path.join(dir, name)).isFile())
        .sort()
        .map((name) => `${crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, name))).digest("hex")}  ${name}\n`)
        .join("");
}

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { targets: { type: "string" } } });
    const selected = values.targets === undefined ? targets : values.targets.split(",").map(target);
    const started = Date.now();
    fs.rmSync(releaseDir, { recursive: true, force: true });
    fs.mkdirSync(releaseDir, { recursive: true });

    await timed(`plugin tarballs (${selected.map(targetName).join(", ")})`, () => buildPluginTarballs(selected, releaseDir, workDir));
    if (values.targets === undefined) {
        await timed("Python wheel and sdist", pythonDistributions);
        await timed("npm tarball", npmTarball);
        fs.writeFileSync(path.join(releaseDir, checksumsName), checksumLines(releaseDir));
    }
    for (const name of fs.readdirSync(releaseDir).sort()) {
        console.log(`${(fs.statSync(path.join(releaseDir, name)).size / 1024 / 1024).toFixed(1).padStart(6)} MiB  ${path.relative(process.cwd(), path.join(releaseDir, name))}`);
    }
    console.error(`build:release: v${packageManifest.version} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (require.main === module) {
    main().catch((e: unknown) => {
        console.error(`build:release: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
    });
}
