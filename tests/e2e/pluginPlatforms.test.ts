// The release's plugin binaries, as far as a linux-amd64 machine can try them: every tarball holds
// its platform's executable at the top, with the same single-executable blob and Node's fuse set;
// linux-amd64 runs natively, linux-arm64 under qemu-aarch64 (Debian's qemu-user with the arm64
// C library of libc6-arm64-cross) and windows-amd64 under Debian's wine64 (.ci/run installs them),
// each answering GetPluginInfo, GetSchema and an invoke against the emulator over gRPC as the
// engine calls it; the darwin binaries carry a
// valid ad-hoc signature of every page.

import * as assert from "assert";
import { ChildProcess, execFileSync, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { binaryPlatform, checkAdhocSignature, checkBinary } from "../../scripts/pluginBinaryCheck";
import { executableName, rcodesign, root, tarballName, targetName, targets, version } from "../../scripts/pluginBinaries";
import { DEFAULT_TEST_CREDENTIAL } from "../emulator";
import { useEmulator } from "../helpers/emulatorFixture";
import { connectPlugin, Empty, proto, secretValue, struct } from "../helpers/pluginClient";
import { ensureRelease } from "../helpers/release";

const aarch64Libraries = "/usr/aarch64-linux-gnu";
// Debian's wine64 package installs its loader here, not on PATH.
const wine = "/usr/lib/wine/wine64";
const wineserver = "/usr/lib/wine/wineserver";
const winePrefix = path.join(os.tmpdir(), `ververica-wine-${process.pid}`);
const wineEnv = { WINEPREFIX: winePrefix, WINEDEBUG: "-all", HOME: process.env.HOME ?? os.tmpdir() };

/** How this machine runs a target's binary, when it can. */
const runners: Record<string, (binary: string) => { command: string; args: string[]; env: NodeJS.ProcessEnv }> = {
    "linux-amd64": (binary) => ({ command: binary, args: [], env: {} }),
    "linux-arm64": (binary) => ({ command: "qemu-aarch64", args: [binary], env: { QEMU_LD_PREFIX: aarch64Libraries } }),
    "windows-amd64": (binary) => ({ command: wine, args: [binary], env: wineEnv }),
};

/**
 * A fresh wine prefix that reports Windows 10 (Node 20 refuses to start on the default Windows 7).
 */
function prepareWine(): void {
    execFileSync(wine, ["winecfg", "/v", "win10"], { env: { ...wineEnv, PATH: process.env.PATH }, stdio: "ignore", timeout: 120_000 });
}

/** Stops the wineserver of the test's prefix (it outlives the programs it ran) and removes the prefix. */
function disposeWine(): void {
    if (!fs.existsSync(winePrefix)) return;
    spawnSync(wineserver, ["-k"], { env: { ...wineEnv, PATH: process.env.PATH }, stdio: "ignore", timeout: 30_000 });
    fs.rmSync(winePrefix, { recursive: true, force: true });
}

/**
 * Starts a plugin binary as the engine does and resolves with the port from its first line. Its
 * output goes to files, not pipes: under wine, Node cannot open a Unix pipe as its stdout.
 */
async function startPlugin(run: { command: string; args: string[]; env: NodeJS.ProcessEnv }, dir: string): Promise<{ child: ChildProcess; port: number }> {
    const [stdout, stderr] = [path.join(dir, "stdout"), path.join(dir, "stderr")];
    const files = [fs.openSync(stdout, "w"), fs.openSync(stderr, "w")] as const;
    const child = spawn(run.command, [...run.args, "127.0.0.1:1"], {
        env: { PATH: process.env.PATH, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ...run.env },
        stdio: ["ignore", files[0], files[1]],
    });
    files.forEach((fd) => fs.closeSync(fd));
    let exited: number | null | undefined;
    child.on("exit", (code) => (exited = code));
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        const [first, ...rest] = fs.readFileSync(stdout, "utf8").split("\n");
        if (rest.length > 0) return { child, port: Number(first) };
        if (exited !== undefined) throw new Error(`${run.command} exited with ${exited} before printing its port: ${fs.readFileSync(stderr, "utf8").slice(-2000)}`);
    }
    child.kill();
    throw new Error(`${run.command} printed no port within 120 s`);
}

describe("e2e: the plugin binaries of every platform", function () {
    this.timeout(10 * 60 * 1000);
    const fixture = useEmulator();
    let unpacked: string;
    let blob: Buffer;

    before(function () {
        this.timeout(40 * 60 * 1000);
        const release = ensureRelease();
        blob = fs.readFileSync(path.join(root, "dist", "release-build", "sea-prep.blob"));
        unpacked = fs.mkdtempSync(path.join(os.tmpdir(), "ververica-platforms-"));
        for (const t of targets) {
            fs.mkdirSync(path.join(unpacked, targetName(t)));
            execFileSync("tar", ["-xzf", path.join(release, tarballName(t)), "-C", path.join(unpacked, targetName(t))]);
        }
        prepareWine();
    });
    after(() => {
        disposeWine();
        if (unpacked !== undefined) fs.rmSync(unpacked, { recursive: true, force: true });
    });

    for (const t of targets) {
        const name = targetName(t);
        const binary = () => path.join(unpacked, name, executableName(t));

        it(`${name}: the tarball holds ${executableName(t)} at the top, of its format and architecture, with the plugin embedded`, () => {
            assert.deepStrictEqual(fs.readdirSync(path.join(unpacked, name)).sort(), ["LICENSE", "LICENSE.node", executableName(t)].sort());
            assert.ok(fs.statSync(binary()).mode & 0o100, "executable");
            assert.deepStrictEqual(binaryPlatform(fs.readFileSync(binary()).subarray(0, 4096)), { os: t.os, arch: t.arch });
            checkBinary(binary(), t, blob);
        });

        if (t.os === "darwin") {
            it(`${name}: carries a valid ad-hoc signature of every page`, () => {
                assert.ok(checkAdhocSignature(fs.readFileSync(binary()), "pulumi-resource-ververica") > 20000);
                const info = execFileSync(rcodesign(), ["print-signature-info", binary()], { encoding: "utf8" });
                assert.match(info, /flags: CodeSignatureFlags\(ADHOC\)\s+identifier: pulumi-resource-ververica/);
            });
        }

        const runner = runners[name];
        if (runner !== undefined) {
            it(`${name}: starts, prints its port and answers GetPluginInfo, GetSchema and an invoke`, async () => {
                const { child, port } = await startPlugin(runner(binary()), path.join(unpacked, name));
                const client = connectPlugin(port);
                try {
                    const info = await client.call((c) => c.getPluginInfo.bind(c), new Empty());
                    assert.strictEqual(info.getVersion(), version);
                    const schema = JSON.parse((await client.call((c) => c.getSchema.bind(c), new proto.GetSchemaRequest())).getSchema()) as { name: string; version: string };
                    assert.deepStrictEqual([schema.name, schema.version], ["ververica", version]);
                    await client.call(
                        (c) => c.configure.bind(c),
                        new proto.ConfigureRequest()
                            .setArgs(struct({ endpoint: fixture.emulator.url, accessKey: DEFAULT_TEST_CREDENTIAL.accessKeyId, secretKey: secretValue(DEFAULT_TEST_CREDENTIAL.accessKeySecret) }))
                            .setAcceptsecrets(true),
                    );
                    const invoke = await client.call(
                        (c) => c.invoke.bind(c),
                        new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct({ workspace: "a14bd5d90a", namespace: "default-namespace", name: "orders-etl" })),
                    );
                    const draft = invoke.getReturn()?.toJavaScript() as Record<string, unknown>;
                    assert.deepStrictEqual([draft.id, draft.engineVersion], ["c84d73be-40ad-4627-8bdd-fa1eba51b234", "vvr-8.0.9-flink-1.17"]);
                } finally {
                    client.close();
                    child.kill();
                }
            });
        }
    }
});
