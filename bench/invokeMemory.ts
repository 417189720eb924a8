/**
 * The plugin's memory under a flood of invokes: 10,000 `getDeploymentDrafts` invokes sent at
 * once to a plugin process (over loopback gRPC, as the engine sends them) against the emulator
 * in another process with 5 ms of latency, reading a namespace of 10 drafts. The plugin runs as it
 * ships: the esbuild bundle of its entry, under this Node. Prints the plugin process's peak
 * resident memory (`VmHWM`), the figure docs/limits.md gives.
 *
 * Run: `npx ts-node --transpile-only bench/invokeMemory.ts` (Linux: it reads /proc).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_TEST_CREDENTIAL, generateDrafts } from "../tests/emulator";
import { connectPlugin, proto, secretValue, struct } from "../tests/helpers/pluginClient";
import { bundle } from "../scripts/pluginBinaries";
import { startEmulatorProcess } from "./emulatorProcess";

const invokes = 10_000;
const scope = { workspace: "ws-memory", namespace: "ns-memory" };

function peakResidentMb(pid: number): number {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]);
    return Math.round(kb / 1024);
}

async function main(): Promise<void> {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-invoke-memory-"));
    const pluginBundle = path.join(work, "pulumi-resource-ververica.js");
    await bundle(pluginBundle);
    const emulator = await startEmulatorProcess();
    const plugin = spawn(process.execPath, [pluginBundle], {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" },
    });
    try {
        await emulator.putDrafts(generateDrafts(10, scope));
        await emulator.setLatency(5);
        const port = await new Promise<number>((resolve, reject) => {
            plugin.stdout.once("data", (line: Buffer) => resolve(Number(line.toString().trim())));
            plugin.once("exit", () => reject(new Error("the plugin exited before it served")));
        });
        const client = connectPlugin(port);
        await client.call(
            (c) => c.configure.bind(c),
            new proto.ConfigureRequest()
                .setArgs(struct({ endpoint: emulator.url, accessKey: DEFAULT_TEST_CREDENTIAL.accessKeyId, secretKey: secretValue(DEFAULT_TEST_CREDENTIAL.accessKeySecret) }))
                .setAcceptsecrets(true),
        );
        const idle = peakResidentMb(plugin.pid ?? 0);
        const started = Date.now();
        const answers = await Promise.all(
            Array.from({ length: invokes }, () =>
                client.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDrafts").setArgs(struct(scope))),
            ),
        );
        const failed = answers.filter((a) => a.getFailuresList().length > 0).length;
        console.log(`${invokes} invokes in ${((Date.now() - started) / 1000).toFixed(1)} s (${failed} failed); plugin peak RSS ${peakResidentMb(plugin.pid ?? 0)} MB (${idle} MB before them)`);
        client.close();
    } finally {
        plugin.kill();
        await emulator.close();
        fs.rmSync(work, { recursive: true, force: true });
    }
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
});
