// Builds the native provider plugin as one self-contained linux-amd64 executable and packs it the
// way `pulumi plugin install resource ververica <version> --file <tarball>` takes it:
//   1. esbuild bundles provider/cmd/pulumi-resource-ververica/main.ts and everything it requires
//      into one file (inside a single executable `require` reaches only Node's built-in modules);
//   2. Node's single executable application support turns the bundle into a blob, and postject
//      injects it into a copy of this Node binary;
//   3. tar writes dist/plugin/pulumi-resource-ververica-v<version>-linux-amd64.tar.gz.
import { execFileSync, spawnSync } from "child_process";
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..");
const version = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
const outDir = path.join(root, "dist", "plugin");
const work = path.join(outDir, "build");
const binaryName = "pulumi-resource-ververica";
const tarball = path.join(outDir, `${binaryName}-v${version}-linux-amd64.tar.gz`);

async function build(): Promise<void> {
    if (process.platform !== "linux" || process.arch !== "x64") {
        throw new Error(`the plugin is built for linux-amd64 with this machine's Node, but this is ${process.platform}-${process.arch}`);
    }
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });

    const bundle = path.join(work, `${binaryName}.js`);
    await esbuild.build({
        entryPoints: [path.join(root, "provider", "cmd", binaryName, "main.ts")],
        outfile: bundle,
        bundle: true,
        platform: "node",
        target: "node20",
        format: "cjs",
        minify: true,
        // Error classes name themselves after their constructor.
        keepNames: true,
        legalComments: "none",
        logLevel: "warning",
    });

    const blob = path.join(work, "sea-prep.blob");
    const seaConfig = path.join(work, "sea-config.json");
    fs.writeFileSync(seaConfig, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }));
    execFileSync(process.execPath, ["--experimental-sea-config", seaConfig], { stdio: "inherit" });

    const binary = path.join(work, binaryName);
    fs.copyFileSync(process.execPath, binary);
    fs.chmodSync(binary, 0o755);
    const injected = spawnSync(
        process.execPath,
        [require.resolve("postject/dist/cli.js"), binary, "NODE_SEA_BLOB", blob, "--sentinel-fuse", "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2"],
        { encoding: "utf8" },
    );
    if (injected.status !== 0) {
        throw new Error(`postject failed: ${injected.stderr.trim()}`);
    }

    fs.copyFileSync(path.join(root, "LICENSE"), path.join(work, "LICENSE"));
    fs.rmSync(tarball, { force: true });
    execFileSync("tar", ["-czf", tarball, "-C", work, binaryName, "LICENSE"]);
    console.log(path.relative(process.cwd(), tarball));
}

build().catch((e: unknown) => {
    console.error(`build:plugin: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
});
