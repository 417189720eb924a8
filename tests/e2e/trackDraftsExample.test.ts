// examples/track-drafts/ under the real engine, against the emulator: the program as a user
// writes it, configured only through stack config and environment.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { DEFAULT_TEST_CREDENTIAL, Emulator, startEmulator } from "../emulator";
import { createTestStack, ensurePulumiCli, TestStack } from "./harness";

const program = require.resolve(path.resolve(__dirname, "..", "..", "examples", "track-drafts"));

/** Runs the example's module afresh, as the engine runs a program once per update. */
function runExample(): Record<string, unknown> {
    delete require.cache[program];
    return require(program) as Record<string, unknown>;
}

describe("e2e: examples/track-drafts", function () {
    this.timeout(5 * 60 * 1000);
    let emulator: Emulator | undefined;
    let ts: TestStack | undefined;

    before(function () {
        this.timeout(40 * 60 * 1000);
        ensurePulumiCli();
    });

    after(async () => {
        try {
            await ts?.destroy();
        } finally {
            await emulator?.close();
        }
    });

    it("type-checks as a user's project would (against the built package)", () => {
        const tsc = path.resolve(__dirname, "..", "..", "node_modules", ".bin", "tsc");
        const result = spawnSync(tsc, ["--noEmit", "-p", path.dirname(program)], { encoding: "utf8" });
        assert.strictEqual(result.status, 0, result.stdout + result.stderr);
    });

    it("tracks the drafts by name and exports their attributes", async () => {
        const em = (emulator = await startEmulator());
        ts = await createTestStack({
            projectName: "ververica-track-drafts",
            config: { "ververica:endpoint": { value: em.url } },
            env: {
                ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId,
                ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret,
            },
            program: async () => runExample(),
        });
        const up = await ts.stack.up();
        assert.deepStrictEqual(up.summary.resourceChanges, { create: 4 });
        const tracked = up.outputs.tracked.value as Array<Record<string, unknown>>;
        assert.deepStrictEqual(
            tracked.map((t) => [t.name, t.engineVersion, t.executionMode, t.lockedBy]),
            [
                ["orders-etl", "vvr-8.0.9-flink-1.17", "STREAMING", null],
                ["clickstream-sessionizer", "vvr-8.0.9-flink-1.17", "STREAMING", null],
                ["payments-enrichment", "vvr-8.0.9-flink-1.17", "STREAMING", "alice"],
            ],
        );
        assert.deepStrictEqual(up.outputs.artifactKinds, { value: ["SQLSCRIPT", "JAR", "SQLSCRIPT"], secret: false });
        assert.strictEqual(em.stats.byAction.ListDeploymentDrafts > 0, true, "looked up by name");

        // Someone takes the lock on a draft in the console: the next `up` shows it.
        em.store.update("a14bd5d90a", "default-namespace", "c84d73be-40ad-4627-8bdd-fa1eba51b234", {
            lock: { id: "lock-7", holderId: "2001", holderName: "dave" },
        });
        const second = await ts.stack.up();
        assert.deepStrictEqual(second.summary.resourceChanges, { same: 3, update: 1 });
        assert.strictEqual((second.outputs.tracked.value as Array<Record<string, unknown>>)[0].lockedBy, "dave");
    });
});
