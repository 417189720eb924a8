/**
 * Section 6: how long the engine waits for a provider: from starting the process to the first
 * answered request (`GetPluginInfo` over gRPC), for the `ververica` plugin's single executable
 * and for the dynamic provider host the engine starts for `DeploymentDraft` in Node programs
 * (`pulumi-resource-pulumi-nodejs`, which resolves and runs `@pulumi/pulumi`'s dynamic-provider
 * command). Each sample is a fresh process, started as the engine starts it.
 */
import * as grpc from "@grpc/grpc-js";
import { spawn } from "child_process";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as path from "path";
import { performance } from "perf_hooks";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { fixed, interleaved, median } from "./measure";
import { SectionResult, sectionResult } from "./result";

const repoRoot = path.resolve(__dirname, "..");

/** Milliseconds from spawning `command` to its answer to GetPluginInfo on the port it printed. */
function startToFirstAnswer(command: string, args: readonly string[]): Promise<number> {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        // In a process group of its own: the dynamic host's launcher is a shell script whose
        // `node` child must stop with it.
        const child = spawn(command, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"], detached: true });
        const stop = () => {
            try {
                if (child.pid !== undefined) process.kill(-child.pid);
            } catch {
                // Already gone.
            }
        };
        let stdout = "";
        const fail = (e: Error) => {
            stop();
            reject(e);
        };
        child.on("error", fail);
        child.stdout.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            const newline = stdout.indexOf("\n");
            if (newline < 0) return;
            child.stdout.removeAllListeners("data");
            const client = new ResourceProviderClient(`127.0.0.1:${stdout.slice(0, newline).trim()}`, grpc.credentials.createInsecure());
            client.getPluginInfo(new Empty(), (error) => {
                const ms = performance.now() - started;
                client.close();
                stop();
                if (error) fail(new Error(`${command}: ${error.message}`));
                else resolve(ms);
            });
        });
    });
}

export async function measurePluginStart(plugin: string, rounds: number): Promise<SectionResult> {
    // Neither process needs the engine to answer GetPluginInfo; a closed port stands in for it.
    const engine = "127.0.0.1:1";
    const variants = {
        plugin: () => startToFirstAnswer(plugin, [engine]),
        dynamicHost: () => startToFirstAnswer(path.join(repoRoot, "node_modules", "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs"), [engine]),
    };
    // Warm-up: the file system cache.
    for (const run of Object.values(variants)) await run();
    const samples = await interleaved(variants, rounds);
    const ours = median(samples.plugin);
    const baseline = median(samples.dynamicHost);
    return sectionResult({
        section: 6,
        title: "provider start to first answered request",
        ours: { label: "pulumi-resource-ververica (single executable)", value: ours, unit: "ms" },
        baseline: { label: "dynamic provider host (pulumi-resource-pulumi-nodejs)", value: baseline, unit: "ms" },
        ratio: ours / baseline,
        ratioMeaning: "plugin / dynamic provider host, medians",
        goal: { op: "<=", value: 1.5 },
        details: {
            samplesPluginMs: samples.plugin.map((v) => Number(fixed(v, 1))),
            samplesDynamicHostMs: samples.dynamicHost.map((v) => Number(fixed(v, 1))),
        },
    });
}
