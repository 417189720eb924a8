// The ready policy pack (`pulumi preview --policy-pack <pack>`, the shipped pack with the package
// installed beside it) guarding a Python stack that
// tracks drafts with the generated SDK's DeploymentDraft (the plugin's resource type).

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Emulator, startEmulator } from "../emulator";
import { ensurePulumiCli } from "../helpers/harness";
import { createLinkedPolicyPack, pluginStackConfig } from "../helpers/linkedProject";
import { createProjectStack, ProjectStack } from "../helpers/projectStack";
import { ensurePluginTarball, installPlugin } from "../helpers/pluginInstall";
import { pythonVirtualenv } from "../helpers/sdkProjects";

const program = `import pulumi
import pulumi_ververica as ververica

config = pulumi.Config()
ververica.DeploymentDraft(
    "tracked",
    workspace=config.require("draftWorkspace"),
    namespace="default-namespace",
    deployment_draft_id=config.require("draftId"),
)
`;

describe("e2e: the policy pack over a Python stack (native plugin)", function () {
    this.timeout(10 * 60 * 1000);
    let emulator: Emulator;
    let projectDir: string;
    let stack: ProjectStack | undefined;
    let packDir: string;

    before(async function () {
        this.timeout(40 * 60 * 1000);
        ensurePulumiCli();
        ensurePluginTarball();
        const venv = pythonVirtualenv();
        projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "ververica-python-policy-"));
        fs.writeFileSync(
            path.join(projectDir, "Pulumi.yaml"),
            `name: ververica-python-policy\nruntime:\n  name: python\n  options:\n    virtualenv: ${venv}\n`,
        );
        fs.writeFileSync(path.join(projectDir, "__main__.py"), program);
        packDir = createLinkedPolicyPack();
        emulator = await startEmulator();
    });

    afterEach(async () => {
        await stack?.dispose();
        stack = undefined;
    });

    after(async () => {
        await emulator?.close();
        if (projectDir !== undefined) fs.rmSync(projectDir, { recursive: true, force: true });
        if (packDir !== undefined) fs.rmSync(packDir, { recursive: true, force: true });
    });

    /** A stack tracking one draft, created (so the draft's attributes are in state) without the pack. */
    async function stackTracking(draftWorkspace: string, draftId: string): Promise<ProjectStack> {
        stack = await createProjectStack({
            projectDir,
            stackName: `policy-${draftId.slice(0, 8).replace(/[^0-9a-z]/g, "x")}`,
            config: {
                ...pluginStackConfig(emulator.url),
                draftWorkspace,
                draftId,
            },
        });
        await installPlugin(stack);
        await stack.runOk(["up", "--yes", "--skip-preview"]);
        return stack;
    }

    it("stops the preview of a stack tracking a draft on a too old engine", async () => {
        const tracking = await stackTracking("edcef******b4f", "00000000-0000-0000-0000-00000012****");
        const preview = await tracking.run(["preview", "--policy-pack", packDir]);
        assert.notStrictEqual(preview.exitCode, 0, preview.stdout);
        const text = preview.stdout + preview.stderr;
        assert.match(text, /\[mandatory\]\s+ververica-engine-version/);
        assert.match(text, /vvr-6\.0\.7-flink-1\.15/);
    });

    it("passes a stack tracking a compliant draft", async () => {
        const tracking = await stackTracking("a14bd5d90a", "c84d73be-40ad-4627-8bdd-fa1eba51b234");
        const preview = await tracking.run(["preview", "--policy-pack", packDir]);
        assert.strictEqual(preview.exitCode, 0, preview.stdout + preview.stderr);
        assert.doesNotMatch(preview.stdout, /mandatory|advisory/);
    });
});
