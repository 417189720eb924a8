/**
 * Sections 9 to 11: `pulumi preview`, a no-op `pulumi up` and `pulumi refresh` of a YAML stack
 * tracking many drafts with the plugin's `DeploymentDraft`, against the emulator at a fixed
 * latency, each next to the best a client bounded to `concurrency` calls in flight can do with
 * one read per draft (`ceil(N / concurrency) x latency`). `up` and `refresh` run with
 * `--skip-preview`, so each command is one pass over the stack.
 *
 * - 9: drafts tracked by id.
 * - 10: drafts tracked by name in a larger namespace, with the list and get requests counted;
 *   also the first preview of the stack, whose creates look every draft up by name.
 * - 11: refresh of drafts tracked by id while the emulator throttles a share of the requests.
 */
import { errorLineOf, createPluginDraftStack, idealMs, MeasuredCommand, PluginDraftStack, TrackedDraft } from "./pluginDraftStack";
import type { EmulatorProcess } from "./emulatorProcess";
import { fixed, median } from "./measure";
import { SectionResult, sectionResult } from "./result";

export interface TrackedDraftsSettings {
    readonly workspace: string;
    readonly namespace: string;
    readonly concurrency: number;
    readonly latencyMs: number;
    readonly rounds: number;
    /** The plugin tarball to measure; this checkout's build by default. */
    readonly pluginTarball?: string;
}

/** What one operation measured: median wall time against its ideal, and the requests of its last run. */
export interface OperationFigures {
    readonly command: string;
    readonly ms: number;
    readonly idealMs: number;
    readonly ratio: number;
    readonly requests: number;
    readonly byAction: Readonly<Record<string, number>>;
    readonly samplesMs: readonly number[];
}

const commands = {
    preview: ["preview"],
    noopUp: ["up", "--yes", "--skip-preview"],
    refresh: ["refresh", "--yes", "--skip-preview"],
} as const;

type Operation = keyof typeof commands;

/** Runs `args` `rounds` times; every run must succeed. */
async function measureOperation(stack: PluginDraftStack, args: readonly string[], rounds: number, ideal: number): Promise<OperationFigures> {
    const runs: MeasuredCommand[] = [];
    for (let round = 0; round < rounds; round++) {
        runs.push(await succeeded(stack.measure(args)));
    }
    const ms = median(runs.map((r) => r.durationMs));
    const last = runs[runs.length - 1].stats;
    return {
        command: `pulumi ${args.join(" ")}`,
        ms,
        idealMs: ideal,
        ratio: ms / ideal,
        requests: last.requests,
        byAction: last.byAction,
        samplesMs: runs.map((r) => Number(fixed(r.durationMs, 0))),
    };
}

async function succeeded(pending: Promise<MeasuredCommand>): Promise<MeasuredCommand> {
    const result = await pending;
    if (result.exitCode !== 0) throw new Error(errorLineOf(result));
    return result;
}

/** Creates the stack's resources (`up --skip-preview`), returning what that cost. */
async function deploy(stack: PluginDraftStack): Promise<{ ms: number; requests: number; byAction: Readonly<Record<string, number>> }> {
    const created = await succeeded(stack.measure(["up", "--yes", "--skip-preview"]));
    return { ms: Number(fixed(created.durationMs, 0)), requests: created.stats.requests, byAction: created.stats.byAction };
}

/** Runs `body` on a new stack tracking `drafts` with the emulator at the section's latency; cleans up after. */
async function withStack<T>(emulator: EmulatorProcess, s: TrackedDraftsSettings, projectName: string, drafts: readonly TrackedDraft[], body: (stack: PluginDraftStack) => Promise<T>): Promise<T> {
    await emulator.setLatency(s.latencyMs);
    const stack = await createPluginDraftStack(emulator, { projectName, workspace: s.workspace, namespace: s.namespace, drafts, pluginTarball: s.pluginTarball });
    try {
        return await body(stack);
    } finally {
        await emulator.setLatency(0);
        await stack.dispose();
    }
}

/** The section's figure: its slowest operation against that operation's ideal. */
function slowest(operations: Readonly<Record<string, OperationFigures>>): OperationFigures {
    return Object.values(operations).reduce((worst, op) => (op.ratio > worst.ratio ? op : worst));
}

function compact(op: OperationFigures): Record<string, unknown> {
    return { ...op, ms: Number(fixed(op.ms, 0)), ratio: Number(fixed(op.ratio)) };
}

/** Section 9: preview, no-op up and refresh of `ids.length` drafts tracked by id. */
export async function measureTrackedById(emulator: EmulatorProcess, s: TrackedDraftsSettings, ids: readonly string[]): Promise<SectionResult> {
    const ideal = idealMs(ids.length, s.concurrency, s.latencyMs);
    return withStack(emulator, s, "bench-tracked-by-id", ids.map((deploymentDraftId) => ({ deploymentDraftId })), async (stack) => {
        const create = await deploy(stack);
        const operations: Partial<Record<Operation, OperationFigures>> = {};
        for (const op of Object.keys(commands) as Operation[]) {
            operations[op] = await measureOperation(stack, commands[op], s.rounds, ideal);
        }
        const worst = slowest(operations);
        return sectionResult({
            section: 9,
            title: `preview, no-op up and refresh of ${ids.length} drafts tracked by id (YAML, plugin) at ${s.latencyMs} ms latency`,
            ours: { label: `the slowest of the three: ${worst.command}`, value: worst.ms, unit: "ms" },
            baseline: { label: `ideal ceil(${ids.length} / ${s.concurrency}) x ${s.latencyMs} ms`, value: ideal, unit: "ms" },
            ratio: worst.ratio,
            ratioMeaning: "slowest operation's median wall time / ideal",
            goal: { op: "<=", value: 1.5 },
            details: {
                ...(s.pluginTarball ? { pluginTarball: s.pluginTarball } : {}),
                create,
                operations: Object.fromEntries(Object.entries(operations).map(([name, op]) => [name, compact(op)])),
            },
        });
    });
}

/**
 * Section 10: the same for `names.length` drafts tracked by name in a namespace of
 * `namespaceSize`, and first the preview of the new stack, whose creates look them up by name
 * (one listing of the namespace, then a read per draft).
 */
export async function measureTrackedByName(emulator: EmulatorProcess, s: TrackedDraftsSettings, names: readonly string[], namespaceSize: number): Promise<SectionResult> {
    const ideal = idealMs(names.length, s.concurrency, s.latencyMs);
    const pages = Math.ceil(namespaceSize / 100);
    // The listing's first page tells the namespace's size, the other pages then go at the bound,
    // and then the reads.
    const listingRounds = 1 + Math.ceil((pages - 1) / s.concurrency);
    return withStack(emulator, s, "bench-tracked-by-name", names.map((name) => ({ name })), async (stack) => {
        const firstPreview = await measureOperation(stack, commands.preview, s.rounds, listingRounds * s.latencyMs + ideal);
        const create = await deploy(stack);
        const operations: Record<string, OperationFigures> = { firstPreview };
        for (const op of Object.keys(commands) as Operation[]) {
            operations[op] = await measureOperation(stack, commands[op], s.rounds, ideal);
        }
        const worst = slowest(operations);
        return sectionResult({
            section: 10,
            title: `the same for ${names.length} drafts tracked by name in a namespace of ${namespaceSize}, and their first preview`,
            ours: { label: `the slowest: ${worst.command}`, value: worst.ms, unit: "ms" },
            baseline: { label: `its ideal (ceil(${names.length} / ${s.concurrency}) x ${s.latencyMs} ms, plus ${listingRounds} rounds of its ${pages} list pages for the first preview)`, value: worst.idealMs, unit: "ms" },
            ratio: worst.ratio,
            ratioMeaning: "slowest operation's median wall time / its ideal",
            goal: { op: "<=", value: 1.5 },
            details: {
                ...(s.pluginTarball ? { pluginTarball: s.pluginTarball } : {}),
                create,
                operations: Object.fromEntries(Object.entries(operations).map(([name, op]) => [name, compact(op)])),
            },
        });
    });
}

/**
 * Section 11: refresh of `ids.length` drafts tracked by id while `throttledShare` of the
 * requests are answered 429 with `x-acs-retry-after: 200`. Met when it succeeds within
 * `goalRatio` times the unthrottled ideal.
 */
export async function measureThrottledRefresh(emulator: EmulatorProcess, s: TrackedDraftsSettings, ids: readonly string[], throttledShare: number, goalRatio: number): Promise<SectionResult> {
    const ideal = idealMs(ids.length, s.concurrency, s.latencyMs);
    return withStack(emulator, s, "bench-throttled-refresh", ids.map((deploymentDraftId) => ({ deploymentDraftId })), async (stack) => {
        await deploy(stack);
        await emulator.setFaultRate("throttle", throttledShare);
        let refresh: MeasuredCommand;
        try {
            refresh = await stack.measure(commands.refresh);
        } finally {
            await emulator.setFaultRate("throttle", 0);
        }
        const ok = refresh.exitCode === 0;
        const result = sectionResult({
            section: 11,
            title: `refresh of ${ids.length} drafts tracked by id with ${Math.round(throttledShare * 100)}% of requests throttled, at ${s.latencyMs} ms latency`,
            ours: { label: `pulumi ${commands.refresh.join(" ")} (${ok ? "succeeded" : "failed"})`, value: refresh.durationMs, unit: "ms" },
            baseline: { label: `ideal without throttling, ceil(${ids.length} / ${s.concurrency}) x ${s.latencyMs} ms`, value: ideal, unit: "ms" },
            ratio: refresh.durationMs / ideal,
            ratioMeaning: "wall time / unthrottled ideal; met only if the refresh succeeded",
            goal: { op: "<=", value: goalRatio },
            details: {
                succeeded: ok,
                ...(ok ? {} : { error: errorLineOf(refresh) }),
                requests: refresh.stats.requests,
                byStatus: refresh.stats.byStatus,
            },
        });
        return { ...result, met: ok && result.met };
    });
}
