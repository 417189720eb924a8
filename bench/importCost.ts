/**
 * Section 5: what `require("pulumi-ververica")` (the built package) costs a program next to
 * `require("@pulumi/pulumi")` alone, which every Pulumi program pays anyway. Each sample is a
 * fresh `node -e` process timing its own `require`, so no module cache is shared.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { fixed, interleaved, median } from "./measure";
import { SectionResult, sectionResult } from "./result";

const repoRoot = path.resolve(__dirname, "..");

/** Milliseconds one fresh Node process spends in each `require(specifier)`, in order. */
function requireMs(...specifiers: string[]): number[] {
    const script =
        `const ms = []; for (const s of ${JSON.stringify(specifiers)}) { const t = process.hrtime.bigint(); require(s); ms.push(Number(process.hrtime.bigint() - t) / 1e6); } ` +
        "process.stdout.write(JSON.stringify(ms));";
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: repoRoot, encoding: "utf8" })) as number[];
}

export async function measureImportCost(rounds: number): Promise<SectionResult> {
    const variants = {
        package: () => Promise.resolve(requireMs("pulumi-ververica")[0]),
        pulumi: () => Promise.resolve(requireMs("@pulumi/pulumi")[0]),
        // What the package adds once @pulumi/pulumi is loaded: the same difference, measured
        // within one process, so free of the spread between processes.
        increment: () => Promise.resolve(requireMs("@pulumi/pulumi", "pulumi-ververica")[1]),
    };
    // Warm-up: the file system cache.
    for (const run of Object.values(variants)) await run();
    const samples = await interleaved(variants, rounds);
    const packageMs = median(samples.package);
    const pulumiMs = median(samples.pulumi);
    // Processes of one round ran back to back, under the same load.
    const perRound = samples.package.map((ms, round) => ms / samples.pulumi[round]);
    return sectionResult({
        section: 5,
        title: 'require("pulumi-ververica") vs require("@pulumi/pulumi"), fresh processes',
        ours: { label: 'require("pulumi-ververica") (dist/sdk/nodejs/index.js)', value: packageMs, unit: "ms" },
        baseline: { label: 'require("@pulumi/pulumi")', value: pulumiMs, unit: "ms" },
        ratio: median(perRound),
        ratioMeaning: "package / @pulumi/pulumi require time, median of per-round ratios",
        goal: { op: "<=", value: 1.2 },
        details: {
            incrementAfterPulumiMs: Number(fixed(median(samples.increment), 1)),
            perRoundRatios: perRound.map((v) => Number(fixed(v, 3))),
            samplesPackageMs: samples.package.map((v) => Number(fixed(v, 1))),
            samplesPulumiMs: samples.pulumi.map((v) => Number(fixed(v, 1))),
            samplesIncrementMs: samples.increment.map((v) => Number(fixed(v, 1))),
        },
    });
}
