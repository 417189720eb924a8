// The same drafts read through TypeScript (the package's data sources, its dynamic
// `DeploymentDraft` and `deploymentArgsFromDraft`) and through the `ververica` plugin from YAML,
// Python and Go programs (its functions, its `DeploymentDraft` and `getDeploymentArgs`), each
// program run with `pulumi up` in its project directory under the real engine. What each program
// exports under the schema's names is compared field by field: the single lookup, the plural
// lookup, every output of the tracked resource and the deployment feed must be equal in all four.

import * as assert from "assert";
import * as fs from "fs";
import { draftResourceOutputNames } from "../../provider/core/draftResource";
import { Emulator, startEmulator } from "../emulator";
import { createLinkedProject, emulatorStackConfig } from "../helpers/linkedProject";
import { createPluginProject, goName, PluginLanguage, pluginLanguages, PluginProject, pythonName } from "../helpers/pluginProjects";
import { createProjectStack, ProjectStack } from "../helpers/projectStack";
import { quickstartDrafts } from "../helpers/quickstartStack";

const { workspace: ws, namespace: ns } = quickstartDrafts;

// A draft of each deployable artifact kind, one with a parent and one with a lock.
const drafts = {
    ordersEtl: "c84d73be-40ad-4627-8bdd-fa1eba51b234",
    clickstreamSessionizer: "5e0f4a4c-2d7b-4b8e-9c61-3f1a7d2e9b04",
    fraudScoring: "9b2d6c1e-7f3a-4e58-a0c4-6d8e2f1b7a93",
    paymentsEnrichment: "1a6e9f3d-0b7c-4d25-9e8f-c4b3a2d1e0f6",
} as const;
const ids: readonly string[] = Object.values(drafts);

/** What `deploymentArgsFromDraft` and `getDeploymentArgs` take from a draft. */
const feedNames = ["resourceId", "namespace", "deploymentName", "executionMode", "engineVersion", "artifact", "localVariables", "labels"] as const;
const outputNames: readonly string[] = draftResourceOutputNames;

/** The program of each language exporting `single`, `plural`, `tracked` and `feed`. */
const programs: Readonly<Record<PluginLanguage | "typescript", string>> = {
    typescript: `import * as ververica from "pulumi-ververica";
import { deploymentArgsFromDraft } from "pulumi-ververica/alicloud";

const ids = ${JSON.stringify(ids)};
const selection = { workspace: "${ws}", namespace: "${ns}" };
export const single = ids.map((deploymentDraftId) => ververica.getDeploymentDraftOutput({ ...selection, deploymentDraftId }));
export const plural = ververica.getDeploymentDraftsOutput(selection);
export const tracked = ids.map((deploymentDraftId, i) => {
    const draft = new ververica.DeploymentDraft(\`tracked\${i}\`, { ...selection, deploymentDraftId });
    return { ${outputNames.map((n) => `${n}: draft.${n}`).join(", ")} };
});
export const feed = ids.map((id) => {
    const args = deploymentArgsFromDraft(ververica.getDeploymentDraftOutput({ ...selection, deploymentDraftId: id }), { deploymentTarget: { mode: "PER_JOB", name: "default-queue" } });
    return { ${feedNames.map((n) => `${n}: args.${n}`).join(", ")} };
});
`,
    yaml: [
        "variables:",
        ...ids.flatMap((id, i) => [
            `  single${i}:`,
            "    fn::invoke:",
            "      function: ververica:index:getDeploymentDraft",
            `      arguments: { workspace: ${ws}, namespace: ${ns}, deploymentDraftId: ${id} }`,
            `  feed${i}:`,
            "    fn::invoke:",
            "      function: ververica:index:getDeploymentArgs",
            `      arguments: { workspace: ${ws}, namespace: ${ns}, deploymentDraftId: ${id} }`,
        ]),
        "  plural:",
        "    fn::invoke:",
        "      function: ververica:index:getDeploymentDrafts",
        `      arguments: { workspace: ${ws}, namespace: ${ns} }`,
        "resources:",
        ...ids.flatMap((id, i) => [`  tracked${i}:`, "    type: ververica:index:DeploymentDraft", `    properties: { workspace: ${ws}, namespace: ${ns}, deploymentDraftId: ${id} }`]),
        "outputs:",
        `  single: [${ids.map((_, i) => `"\${single${i}}"`).join(", ")}]`,
        "  plural: ${plural}",
        "  tracked:",
        ...ids.map((_, i) => `    - { ${outputNames.map((n) => `${n}: "\${tracked${i}.${n}}"`).join(", ")} }`),
        "  feed:",
        ...ids.map((_, i) => `    - { ${feedNames.map((n) => `${n}: "\${feed${i}.${n}}"`).join(", ")} }`),
        "",
    ].join("\n"),
    python: `import pulumi
import pulumi_ververica as ververica

ids = ${JSON.stringify(ids)}
selection = {"workspace": "${ws}", "namespace": "${ns}"}

def tracked_outputs(draft):
    return { ${outputNames.map((n) => `"${n}": draft.${pythonName(n)}`).join(", ")} }

def feed_outputs(args):
    return { ${feedNames.map((n) => `"${n}": args.${pythonName(n)}`).join(", ")} }

pulumi.export("single", [ververica.get_deployment_draft_output(deployment_draft_id=i, **selection) for i in ids])
pulumi.export("plural", ververica.get_deployment_drafts_output(**selection))
pulumi.export("tracked", [tracked_outputs(ververica.DeploymentDraft(f"tracked{n}", deployment_draft_id=i, **selection)) for n, i in enumerate(ids)])
pulumi.export("feed", [feed_outputs(ververica.get_deployment_args_output(deployment_draft_id=i, **selection)) for i in ids])
`,
    go: `package main

import (
	"fmt"

	"github.com/pulumi-ververica/pulumi-ververica/sdk/go/ververica"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		ids := []string{${ids.map((id) => JSON.stringify(id)).join(", ")}}
		single, tracked, feed := pulumi.Array{}, pulumi.Array{}, pulumi.Array{}
		for n, id := range ids {
			single = append(single, ververica.LookupDeploymentDraftOutput(ctx, ververica.LookupDeploymentDraftOutputArgs{
				Workspace: pulumi.String("${ws}"), Namespace: pulumi.String("${ns}"), DeploymentDraftId: pulumi.String(id),
			}))
			draft, err := ververica.NewDeploymentDraft(ctx, fmt.Sprintf("tracked%d", n), &ververica.DeploymentDraftArgs{
				Workspace: pulumi.String("${ws}"), Namespace: pulumi.String("${ns}"), DeploymentDraftId: pulumi.String(id),
			})
			if err != nil {
				return err
			}
			tracked = append(tracked, pulumi.Map{${outputNames.map((n) => `"${n}": draft.${goName(n)}`).join(", ")}})
			args := ververica.GetDeploymentArgsOutput(ctx, ververica.GetDeploymentArgsOutputArgs{
				Workspace: pulumi.String("${ws}"), Namespace: pulumi.String("${ns}"), DeploymentDraftId: pulumi.String(id),
			})
			feed = append(feed, pulumi.Map{${feedNames.map((n) => `"${n}": args.${goName(n)}()`).join(", ")}})
		}
		ctx.Export("single", single)
		ctx.Export("plural", ververica.GetDeploymentDraftsOutput(ctx, ververica.GetDeploymentDraftsOutputArgs{
			Workspace: pulumi.String("${ws}"), Namespace: pulumi.String("${ns}"),
		}))
		ctx.Export("tracked", tracked)
		ctx.Export("feed", feed)
		return nil
	})
}
`,
};

type Exports = Readonly<Record<"single" | "plural" | "tracked" | "feed", unknown>>;

/** The exports of one `up`: `pulumi stack output --json --show-secrets`, parsed. */
async function exportsOf(stack: ProjectStack): Promise<Exports> {
    return JSON.parse((await stack.runOk(["stack", "output", "--json", "--show-secrets"])).stdout) as Exports;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Each present leaf of `value` as a `path: value` line under the schema's names, so that a
 * difference names the field. What differs only by language idiom is made alike: Python exports
 * the results of its functions under its own (snake_case) names, the keys of `labels` aside,
 * which are the draft's own; an absent attribute is `undefined` to TypeScript and null elsewhere.
 */
function fieldLines(value: unknown, snakeCase: boolean, at = ""): string[] {
    if (value === null) return [];
    if (typeof value === "object") {
        const inLabels = /(^|\.)labels$/.test(at);
        const entries = Array.isArray(value)
            ? value.map((v, i) => [String(i), v] as const)
            : Object.entries(value)
                  .map(([key, v]) => [snakeCase && !inLabels ? camel(key) : key, v] as const)
                  .sort(([a], [b]) => a.localeCompare(b));
        return entries.flatMap(([key, v]) => fieldLines(v, snakeCase, at === "" ? key : `${at}.${key}`));
    }
    return [`${at}: ${JSON.stringify(value)}`];
}

describe("e2e: the same drafts give the same values in TypeScript, YAML, Python and Go", function () {
    // A Go program's first build compiles the Pulumi Go SDK (minutes on two cores).
    this.timeout(15 * 60 * 1000);
    let emulator: Emulator;
    const exported = new Map<string, Exports>();

    before(async function () {
        this.timeout(60 * 60 * 1000);
        emulator = await startEmulator();
        const projectDir = createLinkedProject("ververica-parity-ts", { "index.ts": programs.typescript });
        const stack = await createProjectStack({ projectDir, config: emulatorStackConfig(emulator.url) });
        try {
            await stack.runOk(["up", "--yes", "--skip-preview"]);
            exported.set("typescript", await exportsOf(stack));
        } finally {
            await stack.dispose();
            fs.rmSync(projectDir, { recursive: true, force: true });
        }
        for (const language of pluginLanguages) {
            let project: PluginProject | undefined;
            try {
                project = await createPluginProject(language, "ververica-parity", programs[language], { endpoint: emulator.url });
                await project.stack.runOk(["up", "--yes", "--skip-preview"]);
                exported.set(language, await exportsOf(project.stack));
            } finally {
                await project?.dispose();
            }
        }
    });

    after(async () => {
        await emulator?.close();
    });

    it("reads every draft and every field in TypeScript", () => {
        const typescript = exported.get("typescript");
        assert.ok(typescript);
        const single = typescript.single as ReadonlyArray<Record<string, unknown>>;
        assert.deepStrictEqual(
            single.map((d) => d.deploymentDraftId),
            ids,
        );
        // Every feed argument is set for these drafts; of the tracked outputs, those a draft
        // has: a lock on one, a parent on another, and never the connection inputs not given.
        assert.deepStrictEqual((typescript.feed as ReadonlyArray<Record<string, unknown>>).map((f) => Object.keys(f).sort()), ids.map(() => [...feedNames].sort()));
        const tracked = typescript.tracked as ReadonlyArray<Record<string, unknown>>;
        const present = new Set(tracked.flatMap((t) => Object.keys(t)));
        assert.deepStrictEqual(outputNames.filter((n) => !present.has(n)), ["endpoint", "region", "network", "lookupName"]);
    });

    for (const language of pluginLanguages) {
        for (const part of ["single", "plural", "tracked", "feed"] as const) {
            it(`${language}: ${part} equals TypeScript's, field by field`, () => {
                const ours = exported.get(language);
                const typescript = exported.get("typescript");
                assert.ok(ours && typescript);
                assert.deepStrictEqual(fieldLines(ours[part], language === "python"), fieldLines(typescript[part], false));
            });
        }
    }
});
