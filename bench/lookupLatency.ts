/**
 * Sections 2 and 3: wall time of many lookups against an emulator that answers after a fixed
 * latency, as a cross-region API does. Section 2 compares distinct lookups with the best any
 * client bounded to `concurrency` calls can do; section 3 compares identical lookups with one.
 */
import { clearDraftLookupCache, getDeploymentDraft } from "../sdk/nodejs";
import type { EmulatorProcess } from "./emulatorProcess";
import { fixed, interleaved, median, timed } from "./measure";
import { SectionResult, sectionResult } from "./result";

export interface LatencySettings {
    readonly workspace: string;
    readonly namespace: string;
    readonly ids: readonly string[];
    readonly concurrency: number;
    readonly latencyMs: number;
    readonly rounds: number;
}

const lookup = (emulator: EmulatorProcess, s: LatencySettings, id: string) =>
    getDeploymentDraft({ workspace: s.workspace, namespace: s.namespace, deploymentDraftId: id }, { endpoint: emulator.url, maxConcurrency: s.concurrency });

/** Section 2: every distinct draft looked up at once, bounded to `concurrency` calls in flight. */
export async function measureDistinctLookups(emulator: EmulatorProcess, s: LatencySettings): Promise<SectionResult> {
    await emulator.setLatency(s.latencyMs);
    const run = async () => {
        clearDraftLookupCache();
        await emulator.resetStats();
        const t = await timed(() => Promise.all(s.ids.map((id) => lookup(emulator, s, id))));
        const stats = await emulator.stats();
        return { ms: t.ms, requests: stats.requests, peakInFlight: stats.peakInFlight };
    };
    await run(); // warm-up
    const samples = (await interleaved({ distinct: run }, s.rounds)).distinct;
    const wall = median(samples.map((r) => r.ms));
    const ideal = Math.ceil(s.ids.length / s.concurrency) * s.latencyMs;
    return sectionResult({
        section: 2,
        title: `${s.ids.length} distinct lookups at ${s.latencyMs} ms latency, concurrency ${s.concurrency}`,
        ours: { label: "wall time", value: wall, unit: "ms" },
        baseline: { label: `ideal ceil(${s.ids.length} / ${s.concurrency}) x ${s.latencyMs} ms`, value: ideal, unit: "ms" },
        ratio: wall / ideal,
        ratioMeaning: "wall / ideal",
        goal: { op: "<=", value: 1.25 },
        details: {
            samplesMs: samples.map((r) => Number(fixed(r.ms, 1))),
            requestsPerRun: samples.map((r) => r.requests),
            peakInFlight: Math.max(...samples.map((r) => r.peakInFlight)),
        },
    });
}

/** Section 3: `count` identical lookups at once against one, each from an empty cache. */
export async function measureIdenticalLookups(emulator: EmulatorProcess, s: LatencySettings, count: number): Promise<SectionResult> {
    await emulator.setLatency(s.latencyMs);
    const id = s.ids[0];
    const one = async () => {
        clearDraftLookupCache();
        return (await timed(() => lookup(emulator, s, id))).ms;
    };
    const many = async () => {
        clearDraftLookupCache();
        await emulator.resetStats();
        const ms = (await timed(() => Promise.all(Array.from({ length: count }, () => lookup(emulator, s, id))))).ms;
        const requests = (await emulator.stats()).requests;
        if (requests !== 1) throw new Error(`${count} identical lookups made ${requests} requests, not 1`);
        return ms;
    };
    await one();
    await many();
    const samples = await interleaved({ one, many }, s.rounds);

    // What a lookup served from the cache costs on its own, without latency to hide it.
    await emulator.setLatency(0);
    clearDraftLookupCache();
    await lookup(emulator, s, id);
    const hits = 20_000;
    const hit = await timed(async () => {
        for (let i = 0; i < hits; i++) await lookup(emulator, s, id);
    });

    const oneMs = median(samples.one);
    const manyMs = median(samples.many);
    return sectionResult({
        section: 3,
        title: `${count} identical lookups vs one, at ${s.latencyMs} ms latency`,
        ours: { label: `${count} identical lookups`, value: manyMs, unit: "ms" },
        baseline: { label: "one lookup", value: oneMs, unit: "ms" },
        ratio: manyMs / oneMs,
        ratioMeaning: `${count} lookups / 1 lookup`,
        goal: { op: "<=", value: 1.1 },
        details: {
            requestsPerRunOfMany: 1,
            samplesOneMs: samples.one.map((v) => Number(fixed(v, 1))),
            samplesManyMs: samples.many.map((v) => Number(fixed(v, 1))),
            cacheHitMicroseconds: Number(fixed((hit.ms * 1000) / hits, 1)),
        },
    });
}
