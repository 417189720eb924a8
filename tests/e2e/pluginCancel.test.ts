// Ctrl-C under the real engine, through the plugin from a YAML program: the engine's Cancel
// reaches the requests in flight and the waits before retries, each tracked draft's read fails
// as Cancelled, and state keeps every resource as it was. Without Cancel the reads would end
// only at the read timeout (60 s) or after their retries, with other errors.

import * as assert from "assert";
import { Emulator, generateDrafts, startEmulator } from "../emulator";
import { until } from "../helpers/eventually";
import { createYamlPluginStack, YamlPluginStack } from "../helpers/yamlPluginStack";

const SETUP_TIMEOUT_MS = 40 * 60 * 1000;
const STEP_TIMEOUT_MS = 3 * 60 * 1000;
const ws = "ws-cancel";
const ns = "ns-cancel";
const drafts = generateDrafts(12, { workspace: ws, namespace: ns });

describe("e2e: Ctrl-C of a refresh through the plugin", function () {
    this.timeout(STEP_TIMEOUT_MS);
    let emulator: Emulator;
    let yaml: YamlPluginStack;

    const trackedState = async () =>
        JSON.stringify((await yaml.stack.exportState(true)).deployment.resources?.filter((r) => r.type === "ververica:index:DeploymentDraft") ?? []);

    before(async function () {
        this.timeout(SETUP_TIMEOUT_MS);
        emulator = await startEmulator({ drafts });
        const resources = drafts
            .map((d, i) => `  draft${i}:\n    type: ververica:index:DeploymentDraft\n    properties:\n      workspace: ${ws}\n      namespace: ${ns}\n      deploymentDraftId: ${d.deploymentDraftId}\n`)
            .join("");
        yaml = await createYamlPluginStack(`name: plugin-cancel\nruntime: yaml\nresources:\n${resources}`, emulator.url, {});
        await yaml.stack.runOk(["up", "--yes"]);
    });

    after(async () => {
        await yaml?.dispose();
        await emulator?.close();
    });

    afterEach(() => {
        emulator.faults.clear();
    });

    for (const [fault, options] of [
        ["timeout", {}],
        ["throttle", { retryAfterMs: 60_000 }],
    ] as const) {
        it(`while every request ${fault === "timeout" ? "hangs" : "is throttled"}: each read in flight fails as Cancelled, and state is unchanged`, async () => {
            const before = await trackedState();
            emulator.stats.reset();
            emulator.faults.rate(fault, 1, options);
            const refresh = await yaml.stack.runInterrupted(["refresh", "--yes"], () => until(() => (emulator.stats.faultsServed[fault] ?? 0) >= 1));
            const output = `${refresh.stdout}\n${refresh.stderr}`;
            assert.notStrictEqual(refresh.exitCode, 0, output);
            assert.match(output, /Cancelled: cancelled before the call finished \(workspace "ws-cancel", namespace "ns-cancel", deploymentDraftId "[0-9a-f-]+"; action GetDeploymentDraft\)/);
            assert.doesNotMatch(output, /no complete response within|Throttled: request throttled|Network: /);
            assert.strictEqual(await trackedState(), before);
        });
    }
});
