/**
 * `npm run bench`: every measurement side by side in one process, against the emulator in a
 * child process. Prints a table of ratios and writes bench/results.json.
 *
 *   npm run bench                 all sections
 *   npm run bench -- --only 1,3   some sections
 *   npm run bench -- --skip 4     all but some (4 and 8 to 11 need the Pulumi CLI, see scripts/pulumi-cli.sh;
 *                                 7 to 11 build the plugin, 8 to 11 the YAML host, see scripts/pulumi-yaml-host.sh)
 *   npm run bench -- --only 6     the audit command alone
 *   npm run bench -- --only 9 --plugin-tarball <file>
 *                                 sections 9 to 11 with another build of the plugin (e.g. an earlier
 *                                 release's), for a before/after comparison
 *
 * Sections left out keep their figures from the previous bench/results.json.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { generateAuditDrafts, generateDrafts, DEFAULT_TEST_CREDENTIAL } from "../tests/emulator";
import { measureAuditLatency } from "./auditLatency";
import { measureClientThroughput } from "./clientThroughput";
import { startEmulatorProcess } from "./emulatorProcess";
import { measureImportCost } from "./importCost";
import { measureDistinctLookups, measureIdenticalLookups } from "./lookupLatency";
import { fixed } from "./measure";
import { measurePluginStart } from "./pluginStart";
import { measurePreviewOverhead } from "./previewOverhead";
import { measureThrottledRefresh, measureTrackedById, measureTrackedByName, OperationFigures } from "./trackedDrafts";
import { measureYamlInvokes } from "./yamlInvokes";
import { ensurePluginTarball } from "../tests/helpers/pluginInstall";
import type { SectionResult, SkippedSection } from "./result";
import pulumiManifest from "@pulumi/pulumi/package.json";

const repoRoot = path.resolve(__dirname, "..");
const resultsFile = path.join(__dirname, "results.json");
// What `npm run build:plugin` unpacks from before packing the tarball.
const pluginExecutable = path.join(repoRoot, "dist", "plugin", "build", "linux-amd64", "pulumi-resource-ververica");

const workspace = "bench-ws";
const namespace = "bench-ns";
const concurrency = 8;
const latencyMs = 50;
// Sections 9 to 11 track drafts of a namespace of their own.
const trackedNamespace = "bench-tracked";
const trackedNamespaceSize = 1000;

function selectedSections(argv: readonly string[]): Set<number> {
    const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const list = (flag: string) => {
        const i = argv.indexOf(flag);
        return i < 0 ? undefined : (argv[i + 1] ?? "").split(",").map(Number);
    };
    const only = list("--only");
    const skip = list("--skip") ?? [];
    return new Set((only ?? all).filter((n) => all.includes(n) && !skip.includes(n)));
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
    const i = argv.indexOf(flag);
    return i < 0 ? undefined : argv[i + 1];
}

/** The sections of the previous results file that this run leaves out, kept as they were. */
function keptResults(sections: ReadonlySet<number>): Array<SectionResult | SkippedSection> {
    if (!fs.existsSync(resultsFile)) return [];
    const previous = JSON.parse(fs.readFileSync(resultsFile, "utf8")) as { results?: Array<SectionResult | SkippedSection> };
    return (previous.results ?? []).filter((r) => !sections.has(r.section));
}

function machine(loadAverage: number[]): Record<string, unknown> {
    let cpuModel = os.cpus()[0]?.model ?? "unknown";
    try {
        const line = fs.readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
        if (line) cpuModel = line.slice(line.indexOf(":") + 1).trim();
    } catch {
        // Not Linux: os.cpus() has the same model name.
    }
    return {
        nproc: os.availableParallelism(),
        cpuModel,
        node: process.version,
        pulumiSdk: pulumiManifest.version,
        platform: `${os.platform()} ${os.release()}`,
        // Other work on the machine shows in wall times; CPU-time ratios are less affected.
        loadAverageAtStart: loadAverage.map((l) => Number(fixed(l))),
    };
}

function printTable(results: ReadonlyArray<SectionResult | SkippedSection>): void {
    const rows = [["#", "measurement", "ours", "baseline", "ratio", "goal", "met"]];
    const value = (q: SectionResult["ours"]) => `${fixed(q.value, q.value >= 100 ? 0 : 1)} ${q.unit}`;
    for (const r of results) {
        if ("skipped" in r) {
            rows.push([String(r.section), r.title, "-", "-", "-", "-", `skipped: ${r.skipped}`]);
            continue;
        }
        rows.push([String(r.section), r.title, value(r.ours), value(r.baseline), fixed(r.ratio), `${r.goal.op} ${r.goal.value}`, r.met ? "yes" : "NO"]);
        if (r.section === 1) {
            const openapi = r.details.openapiClient as { requestsPerCpuSecond: number; ratioToRaw: number };
            const wall = r.details.wallClock as { requestsPerSecond: { raw: number; ours: number }; oursToRaw: number };
            rows.push(["", "  reference: @alicloud/openapi-client callApi", `${fixed(openapi.requestsPerCpuSecond, 0)} requests/CPU-s`, value(r.baseline), fixed(openapi.ratioToRaw), "", ""]);
            rows.push(["", "  the same, per wall-clock second", `${fixed(wall.requestsPerSecond.ours, 0)} lookups/s`, `${fixed(wall.requestsPerSecond.raw, 0)} requests/s`, fixed(wall.oursToRaw), "", ""]);
        }
        if (r.section === 5) {
            rows.push(["", "  what the package adds after @pulumi/pulumi, in one process", `${fixed(r.details.incrementAfterPulumiMs as number, 1)} ms`, "", "", "", ""]);
        }
        if (r.section === 9 || r.section === 10) {
            for (const [name, op] of Object.entries(r.details.operations as Record<string, OperationFigures>)) {
                const reads = Object.entries(op.byAction).map(([action, n]) => `${n} ${action.replace("DeploymentDraft", "")}`).join(", ") || "no request";
                rows.push(["", `  ${name}: ${op.command} (${reads})`, `${fixed(op.ms, 0)} ms`, `${fixed(op.idealMs, 0)} ms`, fixed(op.ratio), "", ""]);
            }
        }
        if (r.section === 11) {
            // The error's code and summary; its facts (ids, request id) are in results.json.
            const error = ((r.details.error as string | undefined) ?? "").split(" (")[0];
            rows.push(["", `  succeeded: ${r.details.succeeded ? "yes" : `no, ${error}`}`, "", "", "", "", ""]);
        }
        if (r.section === 4) {
            const same = r.details.noopSameOutputs as { ms: number; draftsToThis: number };
            const bytes = r.details.providerBytesPerResource as { drafts: number; noop: number };
            rows.push(["", "  control: no-op declaring the same outputs", value(r.ours), `${fixed(same.ms, 0)} ms`, fixed(same.draftsToThis), "", ""]);
            rows.push(["", "  __provider bytes per resource", `${bytes.drafts} B`, `${bytes.noop} B`, "", "", ""]);
        }
    }
    const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
    for (const [i, row] of rows.entries()) {
        console.log(row.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd());
        if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
    }
}

async function main(): Promise<void> {
    const sections = selectedSections(process.argv.slice(2));
    const pluginTarball = flagValue(process.argv.slice(2), "--plugin-tarball");
    const started = performance.now();
    const loadAverage = os.loadavg();
    // Sections 4 and 5 load the built package, as a program does.
    if (sections.has(4) || sections.has(5)) {
        console.error("bench: building dist/ (tsc -p tsconfig.build.json)");
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: repoRoot, stdio: "inherit" });
    }
    // Sections 7 and 8 run the plugin as users get it.
    if (sections.has(7) || sections.has(8)) {
        console.error("bench: building the plugin (npm run build:plugin) unless up to date");
        ensurePluginTarball();
    }
    // The lookups in this process read the credentials from the environment, as a plain script does.
    for (const name of Object.keys(process.env).filter((n) => n.startsWith("VERVERICA_"))) delete process.env[name];
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = DEFAULT_TEST_CREDENTIAL.accessKeyId;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = DEFAULT_TEST_CREDENTIAL.accessKeySecret;
    process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";

    const drafts = generateDrafts(200, { workspace, namespace });
    const ids = drafts.map((d) => String(d.deploymentDraftId));
    const emulator = await startEmulatorProcess();
    await emulator.putDrafts(drafts);
    const auditCounts = { "audit-a": 334, "audit-b": 333, "audit-c": 333 };
    if (sections.has(6)) await emulator.putDrafts(generateAuditDrafts(workspace, auditCounts).map((d) => d.draft));
    const tracked = generateDrafts(trackedNamespaceSize, { workspace, namespace: trackedNamespace });
    if ([9, 10, 11].some((n) => sections.has(n))) await emulator.putDrafts(tracked);
    const trackedSettings = { workspace, namespace: trackedNamespace, concurrency, latencyMs, rounds: 3, pluginTarball };
    const trackedIds = tracked.map((d) => String(d.deploymentDraftId));
    // Every tenth draft, so the names are spread over all pages of the listing.
    const trackedNames = tracked.filter((_, i) => i % 10 === 9).map((d) => String(d.name));

    const runs: Array<[number, string, () => Promise<SectionResult>]> = [
        [1, "client throughput", () => measureClientThroughput(emulator, { workspace, namespace, ids, concurrency, requests: 1500, rounds: 7 })],
        [2, "distinct lookups", () => measureDistinctLookups(emulator, { workspace, namespace, ids, concurrency, latencyMs, rounds: 5 })],
        [3, "identical lookups", () => measureIdenticalLookups(emulator, { workspace, namespace, ids, concurrency, latencyMs, rounds: 7 }, 100)],
        [4, "pulumi preview", () => measurePreviewOverhead({ workspace, namespace, ids, endpoint: emulator.url, resources: 100, rounds: 3 })],
        [5, "require cost", () => measureImportCost(9)],
        [6, "audit", () => measureAuditLatency(emulator, { workspace, counts: auditCounts, concurrency, latencyMs, rounds: 3 })],
        [7, "plugin start", () => measurePluginStart(pluginExecutable, 9)],
        [8, "YAML invokes", () => measureYamlInvokes({ workspace, namespace, ids, endpoint: emulator.url, invokes: 100, rounds: 3 })],
        [9, "drafts tracked by id", () => measureTrackedById(emulator, trackedSettings, trackedIds)],
        [10, "drafts tracked by name", () => measureTrackedByName(emulator, trackedSettings, trackedNames, trackedNamespaceSize)],
        [11, "refresh under throttling", () => measureThrottledRefresh(emulator, { ...trackedSettings, rounds: 1 }, trackedIds.slice(0, 500), 0.4, 3)],
    ];
    const results: Array<SectionResult | SkippedSection> = [];
    try {
        for (const [section, title, run] of runs) {
            if (!sections.has(section)) continue;
            console.error(`bench: section ${section}, ${title}...`);
            try {
                results.push(await run());
            } catch (e) {
                const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
                console.error(`bench: section ${section} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
                results.push({ section, title, skipped: reason });
            }
        }
    } finally {
        await emulator.close();
    }

    const kept = keptResults(sections);
    printTable(results);
    if (kept.length > 0) console.log(`\nkept from the previous results: section ${kept.map((r) => r.section).join(", ")}`);
    const report = { generatedAt: new Date().toISOString(), durationSeconds: Number(fixed((performance.now() - started) / 1000, 1)), machine: machine(loadAverage), results: [...kept, ...results].sort((a, b) => a.section - b.section) };
    fs.writeFileSync(resultsFile, JSON.stringify(report, null, 2) + "\n");
    console.log(`\nwrote ${path.relative(process.cwd(), resultsFile)} (${report.durationSeconds} s)`);
}

main().then(
    () => process.exit(0),
    (e: unknown) => {
        console.error(e);
        process.exit(1);
    },
);
