// The release's plugin binaries, as far as a linux-amd64 machine can try them: every tarball holds
// its platform's executable at the top, with the same single-executable blob and Node's fuse set;
// linux-amd64 runs natively and linux-arm64 under qemu-aarch64 (Debian's qemu-user with the arm64
// C library of libc6-arm64-cross; .ci/run installs both), each answering GetPluginInfo, GetSchema
// and an invoke against the emulator over gRPC as the engine calls it; the darwin binaries carry a
// valid ad-hoc signature of every page.

import * as assert from "assert";
import { ChildProcess, execFileSync, spawn } from "child_process";
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

/** How this machine runs a target's binary, when it can. */
const runners: Record<string, (binary: string) => { command: string; args: string[]; env: NodeJS.ProcessEnv }> = {
    "linux-amd64": (binary) => ({ command: binary, args: [], env: {} }),
    "linux-arm64": (binary) => ({ command: "qemu-aarch64", args: [binary], env: { QEMU_LD_PREFIX: aarch64Libraries } }),
};

/** Starts a plugin binary as the engine does and resolves with the port from its first line. */
function startPlugin(run: { command: string; args: string[]; env: NodeJS.ProcessEnv }): Promise<{ child: ChildProcess; port: number }> {
    const child = spawn(run.command, [...run.args, "127.0.0.1:1"], {
        env: { PATH: process.env.PATH, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ...run.env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
        child.stdout?.on("data", (d: Buffer) => {
            stdout += d.toString();
            const line = stdout.split("\n");
            if (line.length > 1) resolve({ child, port: Number(line[0]) });
        });
        child.on("error", reject);
        child.on("exit", (code) => reject(new Error(`${run.command} exited with ${code} before printing its port: ${stderr.trim()}`)));
    });
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
    });
    after(() => {
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
                const { child, port } = await startPlugin(runner(binary()));
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
