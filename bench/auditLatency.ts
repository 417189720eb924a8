/**
 * Section 6: `pulumi-ververica audit` of 1,000 drafts in three namespaces at a fixed latency,
 * against the best any client bounded to `concurrency` calls can do. The list answers leave
 * each draft's artifact out, so every draft is read again: the ideal is every page and every
 * read packed into rounds of `concurrency` calls, ceil((pages + reads) / concurrency) x latency.
 */
import { runCli } from "../sdk/nodejs/cli/runCli";
import { clearDraftLookupCache } from "../sdk/nodejs";
import type { EmulatorProcess } from "./emulatorProcess";
import { fixed, median, timed } from "./measure";
import { SectionResult, sectionResult } from "./result";

export interface AuditLatencySettings {
    readonly workspace: string;
    /** Drafts per namespace. */
    readonly counts: { readonly [namespace: string]: number };
    readonly concurrency: number;
    readonly latencyMs: number;
    readonly rounds: number;
}

/** Section 6: one audit run of every namespace, timed from the command's start to its report. */
export async function measureAuditLatency(emulator: EmulatorProcess, s: AuditLatencySettings): Promise<SectionResult> {
    await emulator.setLatency(s.latencyMs);
    await emulator.setListOmits(["artifact"]);
    const drafts = Object.values(s.counts).reduce((a, b) => a + b, 0);
    const pages = Object.values(s.counts).reduce((sum, n) => sum + Math.max(1, Math.ceil(n / 100)), 0);
    const argv = ["audit", "--workspace", s.workspace, ...Object.keys(s.counts).flatMap((n) => ["--namespace", n]), "--endpoint", emulator.url, "--format", "json"];
    const env = { ...process.env, VERVERICA_MAX_CONCURRENCY: String(s.concurrency) };
    const run = async () => {
        clearDraftLookupCache();
        await emulator.resetStats();
        let report = "";
        let code = -1;
        const t = await timed(async () => {
            code = await runCli(argv, { stdout: { write: (text) => void (report += text) }, stderr: { isTTY: false, write: () => undefined }, env });
        });
        const checked = (JSON.parse(report) as { summary: { drafts: number } }).summary.drafts;
        if (code !== 1 || checked !== drafts) throw new Error(`the audit checked ${checked} of ${drafts} drafts (exit ${code})`);
        const stats = await emulator.stats();
        return { ms: t.ms, cpuMs: t.cpuMs, requests: stats.requests, peakInFlight: stats.peakInFlight };
    };
    try {
        await run(); // warm-up
        const samples = [];
        for (let i = 0; i < s.rounds; i++) samples.push(await run());
        const wall = median(samples.map((r) => r.ms));
        const ideal = Math.ceil((pages + drafts) / s.concurrency) * s.latencyMs;
        return sectionResult({
            section: 6,
            title: `audit of ${drafts} drafts in ${Object.keys(s.counts).length} namespaces at ${s.latencyMs} ms latency, concurrency ${s.concurrency}`,
            ours: { label: "wall time", value: wall, unit: "ms" },
            baseline: { label: `ideal ceil((${pages} pages + ${drafts} reads) / ${s.concurrency}) x ${s.latencyMs} ms`, value: ideal, unit: "ms" },
            ratio: wall / ideal,
            ratioMeaning: "wall / ideal",
            goal: { op: "<=", value: 1.25 },
            details: {
                samplesMs: samples.map((r) => Number(fixed(r.ms, 1))),
                cpuMs: samples.map((r) => Number(fixed(r.cpuMs, 1))),
                requestsPerRun: samples.map((r) => r.requests),
                peakInFlight: Math.max(...samples.map((r) => r.peakInFlight)),
            },
        });
    } finally {
        await emulator.setListOmits([]);
    }
}
