/**
 * Section 8: 100 `getDeploymentDraft` calls in a `pulumi preview`, through the engine and the
 * plugin from a YAML program (`fn::invoke`, the plugin installed from its tarball, the YAML
 * host of scripts/pulumi-yaml-host.sh) next to 100 direct lookups of the TypeScript data source
 * in an inline TypeScript program. Both read 100 distinct drafts one after the other (the YAML
 * host evaluates variables in order) and start with no lookup cached.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { clearDraftLookupCache } from "../provider/core/draftLookup";
import { getDeploymentDraft } from "../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL } from "../tests/emulator";
import { createTestStack, TestStack } from "../tests/helpers/harness";
import { ensureYamlLanguageHost, installPlugin } from "../tests/helpers/pluginInstall";
import { createProjectStack, ProjectStack } from "../tests/helpers/projectStack";
import { fixed, interleaved, median, timed } from "./measure";
import { SectionResult, sectionResult } from "./result";

export interface InvokeSettings {
    readonly workspace: string;
    readonly namespace: string;
    readonly ids: readonly string[];
    readonly endpoint: string;
    readonly invokes: number;
    readonly rounds: number;
}

function yamlProgram(s: InvokeSettings): string {
    const lines = ["name: bench-yaml-invokes", "runtime: yaml", "variables:"];
    for (let i = 0; i < s.invokes; i++) {
        lines.push(
            `  d${i}:`,
            "    fn::invoke:",
            "      function: ververica:index:getDeploymentDraft",
            `      arguments: { workspace: ${s.workspace}, namespace: ${s.namespace}, deploymentDraftId: ${s.ids[i]} }`,
        );
    }
    lines.push("outputs:", "  engines:", ...Array.from({ length: s.invokes }, (_, i) => `    - \${d${i}.engineVersion}`));
    return `${lines.join("\n")}\n`;
}

function typescriptProgram(s: InvokeSettings): pulumi.automation.PulumiFn {
    return async () => {
        clearDraftLookupCache();
        const engines: Array<string | undefined> = [];
        for (let i = 0; i < s.invokes; i++) {
            const draft = await getDeploymentDraft({ workspace: s.workspace, namespace: s.namespace, deploymentDraftId: s.ids[i] }, { endpoint: s.endpoint });
            engines.push(draft.engineVersion);
        }
        return { engines };
    };
}

export async function measureYamlInvokes(s: InvokeSettings): Promise<SectionResult> {
    ensureYamlLanguageHost();
    const credentials = { ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret };
    const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-bench-yaml-"));
    fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), yamlProgram(s));
    let yaml: ProjectStack | undefined;
    let typescript: TestStack | undefined;
    try {
        yaml = await createProjectStack({ projectDir, config: { "ververica:endpoint": s.endpoint }, env: credentials });
        await installPlugin(yaml);
        typescript = await createTestStack({ program: typescriptProgram(s), projectName: "bench-ts-lookups", env: credentials });
        const yamlStack = yaml;
        const tsStack = typescript;
        const variants = {
            yaml: () => timed(() => yamlStack.runOk(["preview"])),
            typescript: () => timed(() => tsStack.stack.preview()),
        };
        // Warm-up: plugin and host start, file caches.
        for (const run of Object.values(variants)) await run();
        const samples = await interleaved(variants, s.rounds);
        const ours = median(samples.yaml.map((t) => t.ms));
        const baseline = median(samples.typescript.map((t) => t.ms));
        return sectionResult({
            section: 8,
            title: `${s.invokes} getDeploymentDraft in a preview: YAML through the plugin vs TypeScript direct`,
            ours: { label: `YAML program, ${s.invokes} fn::invoke through the engine and the plugin`, value: ours, unit: "ms" },
            baseline: { label: `TypeScript inline program, ${s.invokes} direct lookups`, value: baseline, unit: "ms" },
            ratio: ours / baseline,
            ratioMeaning: "YAML / TypeScript preview time, medians",
            goal: { op: "<=", value: 1.5 },
            details: {
                samplesYamlMs: samples.yaml.map((t) => Number(fixed(t.ms, 0))),
                samplesTypescriptMs: samples.typescript.map((t) => Number(fixed(t.ms, 0))),
            },
        });
    } finally {
        await yaml?.dispose();
        await typescript?.destroy();
        fs.rmSync(projectDir, { recursive: true, force: true });
    }
}
