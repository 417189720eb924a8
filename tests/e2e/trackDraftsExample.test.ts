// examples/track-drafts/ as a user runs it: `pulumi up` in the project directory, the program
// compiled and run by the Node language host against the emulator, configured only through stack
// config.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Emulator, startEmulator } from "../emulator";
import { ensurePulumiCli } from "../helpers/harness";
import { createLinkedProject, emulatorStackConfig } from "../helpers/linkedProject";
import { createProjectStack, ProjectStack } from "../helpers/projectStack";

const exampleDir = path.resolve(__dirname, "..", "..", "examples", "track-drafts");

function exampleFiles(): Record<string, string> {
    return Object.fromEntries(["Pulumi.yaml", "index.ts", "tsconfig.json"].map((f) => [f, fs.readFileSync(path.join(exampleDir, f), "utf8")]));
}

describe("e2e: examples/track-drafts", function () {
    this.timeout(5 * 60 * 1000);
    let emulator: Emulator | undefined;
    let projectDir: string | undefined;
    let stack: ProjectStack | undefined;

    before(function () {
        this.timeout(40 * 60 * 1000);
        ensurePulumiCli();
    });

    after(async () => {
        try {
            await stack?.dispose();
        } finally {
            await emulator?.close();
            if (projectDir) fs.rmSync(projectDir, { recursive: true, force: true });
        }
    });

    it("type-checks as a user's project would (against the built package)", () => {
        const tsc = path.resolve(__dirname, "..", "..", "node_modules", ".bin", "tsc");
        const result = spawnSync(tsc, ["--noEmit", "-p", exampleDir], { encoding: "utf8" });
        assert.strictEqual(result.status, 0, result.stdout + result.stderr);
    });

    it("tracks the drafts by name and exports their attributes; a lock taken since shows on the next refresh, and up reads nothing", async () => {
        const em = (emulator = await startEmulator());
        projectDir = createLinkedProject("ververica-track-drafts", exampleFiles());
        stack = await createProjectStack({
            projectDir,
            config: emulatorStackConfig(em.url),
        });
        const up = await stack.runOk(["up", "--yes"]);
        assert.match(up.stdout, /\+ 4 created/, up.stdout);
        const outputs = JSON.parse((await stack.runOk(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
        const tracked = outputs.tracked as Array<Record<string, unknown>>;
        assert.deepStrictEqual(
            tracked.map((t) => [t.name, t.engineVersion, t.executionMode, t.lockedBy]),
            [
                ["orders-etl", "vvr-8.0.9-flink-1.17", "STREAMING", null],
                ["clickstream-sessionizer", "vvr-8.0.9-flink-1.17", "STREAMING", null],
                ["payments-enrichment", "vvr-8.0.9-flink-1.17", "STREAMING", "alice"],
            ],
        );
        assert.deepStrictEqual(outputs.artifactKinds, ["SQLSCRIPT", "JAR", "SQLSCRIPT"]);
        assert.strictEqual(em.stats.byAction.ListDeploymentDrafts > 0, true, "looked up by name");

        // Someone takes the lock on a draft in the console. `up` compares the program with state
        // and reads nothing; `up --refresh` (as `refresh`) reads each draft by its id and shows it.
        em.store.update("a14bd5d90a", "default-namespace", "c84d73be-40ad-4627-8bdd-fa1eba51b234", {
            lock: { id: "lock-7", holderId: "2001", holderName: "dave" },
        });
        em.stats.reset();
        const second = await stack.runOk(["up", "--yes", "--expect-no-changes"]);
        assert.match(second.stdout, /4 unchanged/, second.stdout);
        assert.strictEqual(em.stats.requests, 0, "a no-op up reads no draft");
        const refreshed = await stack.runOk(["up", "--yes", "--refresh"]);
        assert.deepStrictEqual(Object.keys(em.stats.byAction), ["GetDeploymentDraft"], "a refresh reads each draft by its id, without listing");
        assert.match(refreshed.stdout, /orders-etl/, refreshed.stdout);
        const after = JSON.parse((await stack.runOk(["stack", "output", "--json"])).stdout) as { tracked: Array<Record<string, unknown>> };
        assert.strictEqual(after.tracked[0].lockedBy, "dave");
    });
});
