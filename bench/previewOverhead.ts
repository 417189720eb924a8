/**
 * Section 4: `pulumi preview` of a stack of `DeploymentDraft` resources next to the same stack
 * of no-op dynamic resources with the same inputs, so that what the engine costs per dynamic
 * resource cancels out and only what this package adds remains. A third stack of no-op
 * resources that also declare the outputs a `DeploymentDraft` declares (one per draft
 * attribute) tells the cost of those outputs apart from the cost of this package's code. Also
 * the size of the `__provider` every resource carries in its state, measured after an `up`.
 *
 * Runs inline programs through the Automation API (the CLI built here has no Node language
 * host); the dynamic provider process loads the package's built `dist/` by name.
 */
import * as pulumi from "@pulumi/pulumi";
import { draftAttributeNames } from "../provider/core/model";
import { DeploymentDraft } from "../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL } from "../tests/emulator";
import { createTestStack, TestStack } from "../tests/helpers/harness";
import { fixed, interleaved, median, timed } from "./measure";
import { SectionResult, sectionResult } from "./result";

export interface PreviewSettings {
    readonly workspace: string;
    readonly namespace: string;
    readonly ids: readonly string[];
    readonly endpoint: string;
    readonly resources: number;
    readonly rounds: number;
}

// Serialized into each no-op resource's state and run by the dynamic provider process: it must
// capture nothing from this module.
const noopProvider: pulumi.dynamic.ResourceProvider = {
    check(_olds: unknown, news: Record<string, unknown>) {
        return Promise.resolve({ inputs: news });
    },
    diff() {
        return Promise.resolve({});
    },
    create(inputs: Record<string, unknown>) {
        return Promise.resolve({ id: String(inputs.deploymentDraftId), outs: inputs });
    },
};

class NoopResource extends pulumi.dynamic.Resource {
    constructor(name: string, props: pulumi.Inputs) {
        super(noopProvider, name, props, undefined, "bench", "Noop");
    }
}

type Kind = "drafts" | "noop" | "noopSameOutputs";

// The outputs a DeploymentDraft declares beyond its inputs, each declared as `undefined`.
const draftOutputs = Object.fromEntries([...draftAttributeNames, "lookupName"].map((name) => [name, undefined]));

function program(kind: Kind, s: PreviewSettings): pulumi.automation.PulumiFn {
    return () => {
        for (let i = 0; i < s.resources; i++) {
            const args = { workspace: s.workspace, namespace: s.namespace, deploymentDraftId: s.ids[i % s.ids.length], endpoint: s.endpoint };
            if (kind === "drafts") {
                new DeploymentDraft(`draft-${i}`, args);
            } else if (kind === "noop") {
                new NoopResource(`noop-${i}`, args);
            } else {
                new NoopResource(`noop-${i}`, { ...draftOutputs, ...args });
            }
        }
        return Promise.resolve();
    };
}

/** Runs `up`, then reads the bytes of `__provider` and of the whole state per resource of the type. */
async function stateSizesAfterUp(ts: TestStack, type: string): Promise<{ providerBytes: number; stateBytesPerResource: number }> {
    await ts.stack.up();
    const state = (await ts.stack.exportStack()) as { deployment: { resources?: Array<{ type: string; inputs?: Record<string, unknown> }> } };
    const resources = (state.deployment.resources ?? []).filter((r) => r.type === type);
    if (resources.length === 0) throw new Error(`no ${type} resource in the state`);
    const sizes = resources.map((r) => Buffer.byteLength(typeof r.inputs?.__provider === "string" ? r.inputs.__provider : ""));
    const total = resources.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r)), 0);
    return { providerBytes: median(sizes), stateBytesPerResource: Math.round(total / resources.length) };
}

export async function measurePreviewOverhead(s: PreviewSettings): Promise<SectionResult> {
    const env = {
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret,
    };
    const stacks: TestStack[] = [];
    const create = async (kind: Kind) => {
        const ts = await createTestStack({ program: program(kind, s), projectName: `bench-${kind.toLowerCase()}`, env });
        stacks.push(ts);
        return ts;
    };
    try {
        const drafts = await create("drafts");
        const noop = await create("noop");
        const noopSameOutputs = await create("noopSameOutputs");
        // Wall time, and the CPU time of this process, which runs the inline program.
        const preview = (ts: TestStack) => () => timed(() => ts.stack.preview());
        const variants = { drafts: preview(drafts), noop: preview(noop), noopSameOutputs: preview(noopSameOutputs) };
        // Warm-up: plugin start, file caches.
        for (const run of Object.values(variants)) await run();
        const samples = await interleaved(variants, s.rounds);
        const draftBytes = await stateSizesAfterUp(drafts, DeploymentDraft.__pulumiType);
        const noopBytes = await stateSizesAfterUp(noop, "pulumi-nodejs:dynamic/bench:Noop");
        const ms = (kind: Kind) => median(samples[kind].map((t) => t.ms));
        const programCpuMs = (kind: Kind) => Number(fixed(median(samples[kind].map((t) => t.cpuMs)), 0));
        return sectionResult({
            section: 4,
            title: `pulumi preview, ${s.resources} resources`,
            ours: { label: `${s.resources} DeploymentDraft`, value: ms("drafts"), unit: "ms" },
            baseline: { label: `${s.resources} no-op dynamic resources, same inputs`, value: ms("noop"), unit: "ms" },
            ratio: ms("drafts") / ms("noop"),
            ratioMeaning: "DeploymentDraft / no-op preview time",
            goal: { op: "<=", value: 1.3 },
            details: {
                noopSameOutputs: {
                    label: `${s.resources} no-op dynamic resources declaring the same ${Object.keys(draftOutputs).length} outputs`,
                    ms: ms("noopSameOutputs"),
                    draftsToThis: ms("drafts") / ms("noopSameOutputs"),
                },
                programProcessCpuMs: { drafts: programCpuMs("drafts"), noop: programCpuMs("noop"), noopSameOutputs: programCpuMs("noopSameOutputs") },
                samplesMs: {
                    drafts: samples.drafts.map((t) => Number(fixed(t.ms, 0))),
                    noop: samples.noop.map((t) => Number(fixed(t.ms, 0))),
                    noopSameOutputs: samples.noopSameOutputs.map((t) => Number(fixed(t.ms, 0))),
                },
                providerBytesPerResource: { drafts: draftBytes.providerBytes, noop: noopBytes.providerBytes },
                stateBytesPerResource: { drafts: draftBytes.stateBytesPerResource, noop: noopBytes.stateBytesPerResource },
            },
        });
    } finally {
        for (const ts of stacks) {
            await ts.destroy();
        }
    }
}
