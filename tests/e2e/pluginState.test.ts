// What the `ververica` plugin leaves in state and shows in a preview, from YAML, Python and Go
// programs under the real engine (and, for the resource, from TypeScript through the dynamic
// provider): a looked-up draft exported whole keeps its SQL, with a password planted in it, out
// of the state file in plain text while `pulumi stack output --show-secrets` still shows it; the
// opt-out stores it in plain text; and a preview with nothing to do shows nothing `[unknown]`,
// an absent lock included.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { Emulator, startEmulator } from "../emulator";
import { createLinkedProject, emulatorStackConfig } from "../helpers/linkedProject";
import { createPluginProject, PluginLanguage, pluginLanguages, PluginProgram, PluginProject } from "../helpers/pluginProjects";
import { createProjectStack, ProjectStack } from "../helpers/projectStack";
import { quickstartDrafts } from "../helpers/quickstartStack";

// orders-etl (SQL, no lock) is looked up with its artifact secret, and tracked.
const { workspace: ws, namespace: ns, ordersEtl } = quickstartDrafts;
/** daily-report: SQL; looked up with `storeArtifactAsSecret: false`. */
const dailyReport = "e7c41d2a-58b9-4f06-8d3e-a2b5c9f01d47";
const password = "state-e2e-jdbc-password-7c1d";
const plainMarker = "state-e2e-plain-sql-9e4b";

// The README's programs: a draft looked up by id and exported whole, the plural lookup of the
// same draft exported whole, a draft looked up with the opt-out, and a tracked draft whose lock
// holder is exported.
const programs: PluginProgram = {
    yaml: `variables:
  draft:
    fn::invoke:
      function: ververica:index:getDeploymentDraft
      arguments: { workspace: ${ws}, namespace: ${ns}, deploymentDraftId: ${ordersEtl} }
  drafts:
    fn::invoke:
      function: ververica:index:getDeploymentDrafts
      arguments: { workspace: ${ws}, namespace: ${ns}, nameRegex: "^orders-etl$" }
  plain:
    fn::invoke:
      function: ververica:index:getDeploymentDraft
      arguments: { workspace: ${ws}, namespace: ${ns}, deploymentDraftId: ${dailyReport}, storeArtifactAsSecret: false }
resources:
  tracked:
    type: ververica:index:DeploymentDraft
    properties: { workspace: ${ws}, namespace: ${ns}, deploymentDraftId: ${ordersEtl} }
outputs:
  draft: \${draft}
  drafts: \${drafts}
  plain: \${plain}
  trackedLock: \${tracked.lock}
`,
    python: `import pulumi
import pulumi_ververica as ververica

pulumi.export("draft", ververica.get_deployment_draft_output(
    workspace="${ws}", namespace="${ns}", deployment_draft_id="${ordersEtl}"))
pulumi.export("drafts", ververica.get_deployment_drafts_output(
    workspace="${ws}", namespace="${ns}", name_regex="^orders-etl$"))
pulumi.export("plain", ververica.get_deployment_draft_output(
    workspace="${ws}", namespace="${ns}", deployment_draft_id="${dailyReport}", store_artifact_as_secret=False))

tracked = ververica.DeploymentDraft("tracked", workspace="${ws}", namespace="${ns}", deployment_draft_id="${ordersEtl}")
pulumi.export("lockedBy", tracked.lock.apply(lambda lock: lock.holder_name if lock else None))
`,
    go: `package main

import (
	"github.com/pulumi-ververica/pulumi-ververica/sdk/go/ververica"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		ctx.Export("draft", ververica.LookupDeploymentDraftOutput(ctx, ververica.LookupDeploymentDraftOutputArgs{
			Workspace: pulumi.String("${ws}"), Namespace: pulumi.String("${ns}"), DeploymentDraftId: pulumi.String("${ordersEtl}"),
		}))
		ctx.Export("drafts", ververica.GetDeploymentDraftsOutput(ctx, ververica.GetDeploymentDraftsOutputArgs{
			Workspace: pulumi.String("${ws}"), Namespace: pulumi.String("${ns}"), NameRegex: pulumi.String("^orders-etl$"),
		}))
		ctx.Export("plain", ververica.LookupDeploymentDraftOutput(ctx, ververica.LookupDeploymentDraftOutputArgs{
			Workspace: pulumi.String("${ws}"), Namespace: pulumi.String("${ns}"), DeploymentDraftId: pulumi.String("${dailyReport}"),
			StoreArtifactAsSecret: pulumi.Bool(false),
		}))
		tracked, err := ververica.NewDeploymentDraft(ctx, "tracked", &ververica.DeploymentDraftArgs{
			Workspace: pulumi.String("${ws}"), Namespace: pulumi.String("${ns}"), DeploymentDraftId: pulumi.String("${ordersEtl}"),
		})
		if err != nil {
			return err
		}
		ctx.Export("lockedBy", tracked.Lock.HolderName())
		return nil
	})
}
`,
};

/** The stack's state file on its file backend, as text. */
function stateFileText(stack: ProjectStack): string {
    const stacks = path.join(stack.backendDir, ".pulumi", "stacks");
    const files = fs.readdirSync(stacks, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(`${stack.stackName}.json`));
    assert.strictEqual(files.length, 1, `one state file in ${stacks}: ${files.join(", ")}`);
    return fs.readFileSync(path.join(stacks, files[0]), "utf8");
}

/**
 * Runs a preview that must find nothing to do, and returns the lines that show a value it does
 * not know.
 */
async function unknownsOfQuietPreview(stack: ProjectStack): Promise<string[]> {
    const preview = await stack.runOk(["preview", "--expect-no-changes", "--diff"]);
    return preview.stdout
        .split("\n")
        .filter((line) => /\[unknown\]|output</.test(line))
        .map((line) => line.trim());
}

// Pulumi's Python and Go SDKs read any null output as not known yet during a preview (Python's
// rpc.resolve_properties: `resolve(value, value is not None, ...)`; Go's resourceState.resolve:
// `if v.IsNull() ... known = !keepUnknowns`), so what a program derives from an absent lock stays
// unknown there whatever the provider sends; YAML and TypeScript know null as absent.
const unknownsOfAbsentLock: Readonly<Record<PluginLanguage, readonly string[]>> = {
    yaml: [],
    python: ["+ lockedBy: [unknown]"],
    go: ["+ lockedBy: [unknown]"],
};

function plantSecrets(emulator: Emulator): void {
    emulator.store.update(ws, ns, ordersEtl, (d) => {
        if (d.artifact?.sqlArtifact) d.artifact.sqlArtifact.sqlScript = `CREATE TABLE s (id INT) WITH ('connector' = 'jdbc', 'password' = '${password}');`;
    });
    emulator.store.update(ws, ns, dailyReport, (d) => {
        if (d.artifact?.sqlArtifact) d.artifact.sqlArtifact.sqlScript = `SELECT '${plainMarker}';`;
    });
}

for (const language of pluginLanguages) {
    describe(`e2e: what the plugin leaves in state, from ${language}`, function () {
        // A Go program's first build compiles the Pulumi Go SDK (minutes on two cores).
        this.timeout(15 * 60 * 1000);
        let emulator: Emulator;
        let project: PluginProject;

        before(async function () {
            this.timeout(40 * 60 * 1000);
            emulator = await startEmulator();
            plantSecrets(emulator);
            project = await createPluginProject(language, "ververica-state", programs[language], { endpoint: emulator.url });
            await project.stack.runOk(["up", "--yes", "--skip-preview"]);
        });

        after(async () => {
            try {
                await project?.dispose();
            } finally {
                await emulator?.close();
            }
        });

        it("keeps the SQL of an exported draft out of the state file, and stack output --show-secrets shows it", async () => {
            const state = stateFileText(project.stack);
            assert.ok(!state.includes(password), "the planted password is in the state file in plain text");
            assert.ok(!project.stack.backendFilesText().includes(password), "the planted password is in a backend file");
            const stackOutputs = (await project.stack.exportState()).deployment.resources?.find((r) => r.type === "pulumi:pulumi:Stack")?.outputs ?? {};
            for (const name of ["draft", "drafts"]) {
                assert.ok(JSON.stringify(stackOutputs[name]).includes("ciphertext"), `${name} is ciphertext in state`);
            }
            const hidden = JSON.parse((await project.stack.runOk(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
            assert.deepStrictEqual([hidden.draft, hidden.drafts], ["[secret]", "[secret]"]);
            const shown = await project.outputs();
            assert.ok(JSON.stringify(shown.draft).includes(password), JSON.stringify(shown.draft));
            assert.ok(JSON.stringify(shown.drafts).includes(password), JSON.stringify(shown.drafts));
        });

        it("stores the artifact in plain text when the program opts out with storeArtifactAsSecret: false", () => {
            assert.ok(stateFileText(project.stack).includes(plainMarker));
        });

        it("records the tracked draft's absent lock as null", async () => {
            const tracked = (await project.stack.exportState()).deployment.resources?.find((r) => r.type === "ververica:index:DeploymentDraft");
            assert.ok(tracked?.outputs && Object.prototype.hasOwnProperty.call(tracked.outputs, "lock"), "lock is in the outputs");
            assert.strictEqual(tracked.outputs.lock, null);
        });

        it(`shows in a preview with nothing to do nothing unknown${unknownsOfAbsentLock[language].length > 0 ? " but what the SDK makes of the absent lock" : ""}`, async () => {
            assert.deepStrictEqual(await unknownsOfQuietPreview(project.stack), unknownsOfAbsentLock[language]);
        });
    });
}

describe("e2e: the TypeScript DeploymentDraft (dynamic provider) shows nothing unknown in a preview either", function () {
    this.timeout(10 * 60 * 1000);
    let emulator: Emulator;
    let projectDir: string;
    let stack: ProjectStack;

    before(async function () {
        this.timeout(40 * 60 * 1000);
        emulator = await startEmulator();
        projectDir = createLinkedProject("ververica-state-ts", {
            "index.ts": `import * as ververica from "pulumi-ververica";

const tracked = new ververica.DeploymentDraft("tracked", { workspace: "${ws}", namespace: "${ns}", deploymentDraftId: "${ordersEtl}" });
export const lockedBy = tracked.lock.apply((lock) => lock?.holderName);
// Absent is undefined to TypeScript, as typed, though the provider stores null.
export const lockIsUndefined = tracked.lock.apply((lock) => lock === undefined);
`,
        });
        stack = await createProjectStack({ projectDir, config: emulatorStackConfig(emulator.url) });
        await stack.runOk(["up", "--yes", "--skip-preview"]);
    });

    after(async () => {
        await (stack?.dispose() ?? Promise.resolve()).finally(() => emulator?.close());
        if (projectDir) fs.rmSync(projectDir, { recursive: true, force: true });
    });

    it("shows in a preview with nothing to do nothing unknown", async () => {
        assert.deepStrictEqual(await unknownsOfQuietPreview(stack), []);
    });

    it("records the absent lock as null, and reads it as undefined, as typed", async () => {
        const tracked = (await stack.exportState()).deployment.resources?.find((r) => r.type === "pulumi-nodejs:dynamic/ververica:DeploymentDraft");
        assert.strictEqual(tracked?.outputs?.lock, null);
        const outputs = JSON.parse((await stack.runOk(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
        assert.strictEqual(outputs.lockIsUndefined, true);
    });
});
