// examples/go-quickstart/ under the real engine as a user runs it: `pulumi` in the project
// directory, the Go language host building the program against the generated module of sdk/
// (through the go.mod `replace`), the plugin installed from its tarball, the emulator on loopback.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_TEST_CREDENTIAL } from "../emulator";
import { quickstartDrafts, useQuickstartStack } from "../helpers/quickstartStack";
import { sdkDir } from "../helpers/sdkProjects";

const { workspace, namespace, ordersEtl, unknownDraft } = quickstartDrafts;

// Added to the quick start in the test's copy: a tracked draft, for refresh and state checks.
const trackedDraftProgram = `
		if trackedID := cfg.Get("trackedDraftId"); trackedID != "" {
			tracked, err := ververica.NewDeploymentDraft(ctx, "tracked", &ververica.DeploymentDraftArgs{
				Workspace:         pulumi.String(workspace),
				Namespace:         pulumi.String(namespace),
				DeploymentDraftId: pulumi.String(trackedID),
			})
			if err != nil {
				return err
			}
			ctx.Export("trackedEngineVersion", tracked.EngineVersion)
		}
		return nil
	})`;

describe("e2e: examples/go-quickstart (Go SDK, native plugin)", function () {
    // The first build of a Pulumi Go program compiles the Pulumi Go SDK (minutes on two cores).
    this.timeout(15 * 60 * 1000);
    const quickstart = useQuickstartStack("go-quickstart", (dir) => {
        const goMod = fs.readFileSync(path.join(dir, "go.mod"), "utf8");
        fs.writeFileSync(path.join(dir, "go.mod"), goMod.replace("=> ../../sdk", `=> ${sdkDir}`));
        const main = fs.readFileSync(path.join(dir, "main.go"), "utf8");
        const end = "\t\treturn nil\n\t})";
        assert.ok(main.includes(end), "main.go ends its program as expected");
        fs.writeFileSync(path.join(dir, "main.go"), main.replace(end, trackedDraftProgram.trimStart()));
    });

    it("previews the tracked draft and the looked-up attributes", async () => {
        const preview = await quickstart.stack.runOk(["preview", "--diff"]);
        assert.match(preview.stdout, /\+ ververica:index:DeploymentDraft: \(create\)\s+\[urn=\S+::tracked\]/);
        assert.match(preview.stdout, /engineVersion\s*: "vvr-8\.0\.9-flink-1\.17"/);
        assert.match(preview.stdout, /lockHolder\s*: "alice"/);
    });

    it("reads one draft by id and one by name on up, exporting their attributes", async () => {
        await quickstart.stack.runOk(["up", "--yes", "--skip-preview"]);
        const out = await quickstart.outputs();
        assert.strictEqual(out.draftName, "orders-etl");
        assert.strictEqual(out.engineVersion, "vvr-8.0.9-flink-1.17");
        assert.strictEqual(out.executionMode, "STREAMING");
        assert.deepStrictEqual(out.labels, { team: "data-platform", env: "prod", tier: 1 });
        assert.strictEqual(out.artifactKind, "SQLSCRIPT");
        assert.deepStrictEqual(out.secondDraft, {
            id: "1a6e9f3d-0b7c-4d25-9e8f-c4b3a2d1e0f6",
            engineVersion: "vvr-8.0.9-flink-1.17",
            artifactKind: "SQLSCRIPT",
            lockHolder: "alice",
        });
        assert.strictEqual(out.trackedEngineVersion, "vvr-8.0.9-flink-1.17");
        const backend = quickstart.stack.backendFilesText();
        assert.ok(!backend.includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret), "the secret key is in the backend files");
    });

    it("changes nothing on a second up", async () => {
        const second = await quickstart.stack.run(["up", "--yes", "--expect-no-changes"]);
        assert.strictEqual(second.exitCode, 0, second.stdout + second.stderr);
    });

    it("shows a draft edited since as drift on refresh", async () => {
        quickstart.emulator.store.update(workspace, namespace, ordersEtl, { engineVersion: "vvr-8.0.11-flink-1.17" });
        const refresh = await quickstart.stack.runOk(["refresh", "--yes"]);
        // The revision the refresh records: added the first time a draft is seen changed, changed after.
        assert.match(refresh.stdout, /~ {2}ververica:index:DeploymentDraft tracked updated .*\[diff: [+~]revision\]/);
        const state = await quickstart.stack.exportState();
        const tracked = state.deployment.resources?.find((r) => r.type === "ververica:index:DeploymentDraft");
        assert.strictEqual(tracked?.outputs?.engineVersion, "vvr-8.0.11-flink-1.17");
    });

    it("fails an unknown draft with one clear error and loses nothing", async () => {
        const before = await quickstart.stack.exportState();
        await quickstart.stack.runOk(["config", "set", "draftId", unknownDraft]);
        try {
            const failed = await quickstart.stack.run(["up", "--yes", "--skip-preview"]);
            assert.notStrictEqual(failed.exitCode, 0);
            const text = failed.stdout + failed.stderr;
            const errorLines = text.split("\n").filter((l) => l.includes(unknownDraft) && /not found/i.test(l));
            assert.ok(errorLines.length >= 1, `no not-found error naming the draft in:\n${text}`);
            assert.match(errorLines[0], /workspace "a14bd5d90a", namespace "default-namespace".*requestId \S+; error code 990301/);
            assert.doesNotMatch(text, /goroutine \d+|^\s+at .+\(.+:\d+:\d+\)$/m);
            const after = await quickstart.stack.exportState();
            // The failed update may write the resources back in another order.
            const urns = (e: typeof before) => (e.deployment.resources ?? []).map((r) => r.urn).sort();
            assert.deepStrictEqual(urns(after), urns(before));
            assert.ok(urns(after).some((u) => u.endsWith("::tracked")), "the tracked draft is still in state");
        } finally {
            await quickstart.stack.runOk(["config", "rm", "draftId"]);
        }
    });

    it("destroys the stack, forgetting the tracked draft", async () => {
        await quickstart.stack.runOk(["destroy", "--yes", "--skip-preview"]);
        const state = await quickstart.stack.exportState();
        assert.deepStrictEqual(state.deployment.resources ?? [], []);
        assert.ok(quickstart.emulator.store.get(workspace, namespace, ordersEtl) !== undefined, "the draft itself is untouched");
    });
});
