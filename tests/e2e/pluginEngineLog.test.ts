// The plugin's retry notices under the real engine, from a YAML program: sent through the
// engine's log service, they show in `pulumi up` and `pulumi preview` without --debug, under the
// resource they concern or, for an invoke, on the stack; and the same from a plugin started by
// hand that the engine attaches to (PULUMI_DEBUG_PROVIDERS), as a person debugging it runs it.

import * as assert from "assert";
import { DEFAULT_TEST_CREDENTIAL, Emulator, startEmulator } from "../emulator";
import { diagnosticsBlock } from "../helpers/linkedProject";
import { pluginBinary } from "../helpers/pluginInstall";
import { PluginProcess, startPluginProcess } from "../helpers/pluginProcess";
import { createPluginProject, PluginProject } from "../helpers/pluginProjects";
import type { CommandResult } from "../helpers/projectStack";

const ws = "a14bd5d90a";
const ns = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const projectName = "ververica-engine-log";
const stackHeader = `pulumi:pulumi:Stack (${projectName}-test)`;
const draftHeader = "ververica:index:DeploymentDraft (orders)";
// Quick retries: a lookup throttled twice is retried twice (within the throttling budget) and then succeeds.
const retrySettings = { VERVERICA_RETRY_BASE_DELAY_MS: "1" };

const trackedDraft = `resources:\n  orders:\n    type: ververica:index:DeploymentDraft\n    properties: { workspace: ${ws}, namespace: ${ns}, deploymentDraftId: ${ordersEtl} }\noutputs:\n  name: \${orders.name}\n`;
const listedDrafts = `variables:\n  listed:\n    fn::invoke:\n      function: ververica:index:getDeploymentDrafts\n      arguments: { workspace: ${ws}, namespace: ${ns} }\noutputs:\n  ids: \${listed.ids}\n`;

function throttledNotices(action: string, reference: string): string[] {
    const throttled = `request throttled (${reference}; action ${action}; HTTP 429; requestId <request-id>; error code Throttling.User; message "Request was denied due to user flow control."; retry after 10 ms)`;
    return [1, 2].map((attempt) => `ververica: ${action} attempt ${attempt} failed (Throttled); retrying in <n> ms, for up to <time> more: ${throttled}`);
}
const draftNotices = throttledNotices("GetDeploymentDraft", `workspace "${ws}", namespace "${ns}", deploymentDraftId "${ordersEtl}"`);
const listingNotices = throttledNotices("ListDeploymentDrafts", `workspace "${ws}", namespace "${ns}"`);

/**
 * The whole diagnostics block of a run, each subject's lines under its header (the engine prints
 * the subjects in the order their first lines reached it, so order is not compared), without the
 * warning the engine prints here because the YAML host is on PATH, where users install it as a plugin.
 */
function diagnosticsBySubject(result: CommandResult): Record<string, string[]> {
    const subjects: Record<string, string[]> = {};
    let current: string[] | undefined;
    for (const line of diagnosticsBlock(result.stdout).split("\n").slice(1)) {
        const header = /^ {2}(\S.*):$/.exec(line);
        if (header) {
            current = subjects[header[1]] = [];
        } else if (line.startsWith("    ")) {
            assert.ok(current, `a diagnostic outside any subject: ${line}`);
            if (!/^warning: using pulumi-language-yaml from \$PATH at /.test(line.slice(4))) current.push(line.slice(4));
        } else {
            assert.strictEqual(line, "", `an unexpected line in the diagnostics: ${line}`);
        }
    }
    return subjects;
}

/** Asserts the run succeeded and showed no credential. */
function assertSucceededCleanly(result: CommandResult): void {
    const all = `${result.stdout}\n${result.stderr}`;
    assert.strictEqual(result.exitCode, 0, all);
    assert.ok(!all.includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret), "the secret key is in the output");
}

describe("e2e: the plugin's retry notices in pulumi's output, through the engine's log service", function () {
    this.timeout(5 * 60 * 1000);
    let emulator: Emulator;
    let project: PluginProject;

    before(async function () {
        this.timeout(40 * 60 * 1000);
        emulator = await startEmulator();
        project = await createPluginProject("yaml", projectName, trackedDraft, { endpoint: emulator.url, env: retrySettings });
    });
    after(async () => {
        await (project?.dispose() ?? Promise.resolve()).finally(() => emulator?.close());
    });
    afterEach(() => emulator.faults.clear());

    it("pulumi up: a tracked draft's lookup, throttled twice, shows both retries under the resource", async () => {
        project.writeProgram(trackedDraft);
        emulator.faults.next("throttle", 2, { retryAfterMs: 10 });
        const result = await project.stack.run(["up", "--yes", "--skip-preview"]);
        assertSucceededCleanly(result);
        assert.deepStrictEqual(diagnosticsBySubject(result), { [draftHeader]: draftNotices, [stackHeader]: [] });
    });

    it("pulumi preview: an invoke's retries show on the stack (an invoke concerns no resource)", async () => {
        project.writeProgram(listedDrafts);
        emulator.faults.next("throttle", 2, { retryAfterMs: 10 });
        const result = await project.stack.run(["preview"]);
        assertSucceededCleanly(result);
        assert.deepStrictEqual(diagnosticsBySubject(result), { [stackHeader]: listingNotices });
    });
});

describe("e2e: PULUMI_DEBUG_PROVIDERS attaches the engine to a plugin started by hand", function () {
    this.timeout(5 * 60 * 1000);
    let emulator: Emulator;
    let project: PluginProject;
    let plugin: PluginProcess | undefined;

    before(async function () {
        this.timeout(40 * 60 * 1000);
        emulator = await startEmulator();
        project = await createPluginProject("yaml", projectName, trackedDraft, { endpoint: emulator.url });
        // Only the plugin started by hand can answer now.
        await project.stack.runOk(["plugin", "rm", "resource", "ververica", "--all", "--yes"]);
    });
    after(async () => {
        await plugin?.stop();
        await (project?.dispose() ?? Promise.resolve()).finally(() => emulator?.close());
    });

    it("previews through the running plugin, its retries under the resource, in one run after another", async () => {
        // Started as a person debugging it starts it: no engine address; it prints its port.
        plugin = await startPluginProcess(pluginBinary, [], { PATH: process.env.PATH, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ...retrySettings });
        const attach = { PULUMI_DEBUG_PROVIDERS: `ververica:${plugin.port}` };
        // A second run attaches anew, with another engine address, and reads the draft afresh.
        for (const run of [1, 2]) {
            emulator.faults.next("throttle", 2, { retryAfterMs: 10 });
            const result = await project.stack.run(["preview"], attach);
            assertSucceededCleanly(result);
            assert.deepStrictEqual(diagnosticsBySubject(result), { [draftHeader]: draftNotices, [stackHeader]: [] }, `run ${run}`);
        }
        assert.strictEqual(plugin.child.exitCode, null, "the plugin outlives the runs that attached to it");
        assert.strictEqual(plugin.stderr(), "");
    });
});
