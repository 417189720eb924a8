// getDeploymentDraftOutput under the real Pulumi engine: preview and update of a program that
// reads drafts from the emulator, stack outputs equal to the fixture, an unchanged second
// update, a failed lookup that keeps the state, and secrecy carried from input to state.

import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { getDeploymentDraftOutput } from "../../sdk/nodejs";
import { loadFixtureDrafts, NOT_FOUND_ERROR_CODE } from "../emulator";
import type { WireDeploymentDraft } from "../../provider/core/wireTypes";
import { useEmulator } from "../helpers/emulatorFixture";
import { Echo, ECHO_TYPE } from "../helpers/echoResource";
import { createTestStack, ensurePulumiCli, runPulumi, TestStack } from "../helpers/harness";

// A building CLI prints progress; a cold first build on two cores takes several minutes.
const CLI_TIMEOUT_MS = 40 * 60 * 1000;
const STACK_TIMEOUT_MS = 3 * 60 * 1000;

const workspace = "a14bd5d90a";
const namespace = "default-namespace";
/** Read by id; its labels hold a number (`tier: 1`). */
const ORDERS_ID = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
/** Read by name; someone holds its lock. */
const LOCKED_NAME = "payments-enrichment";
/** Well-formed, but no fixture draft has it. */
const UNKNOWN_ID = "0f0e0d0c-0b0a-4909-8807-060504030201";


/** The parts of `pulumi stack export` these tests read. */
interface ExportedState {
    deployment: { resources?: { urn: string; type: string; id?: string; outputs?: Record<string, unknown> }[] };
}

function fixtureDraft(match: (d: WireDeploymentDraft) => boolean): WireDeploymentDraft {
    const draft = loadFixtureDrafts().find(match);
    assert.ok(draft, "the fixture has no such draft");
    return draft;
}

describe("e2e: getDeploymentDraftOutput", function () {
    this.timeout(STACK_TIMEOUT_MS);

    before(function () {
        this.timeout(CLI_TIMEOUT_MS);
        ensurePulumiCli();
    });

    // A fresh emulator per test; the program runs in this process and takes the emulator's
    // test key from the environment the fixture sets, and the endpoint from the stack config.
    const fixture = useEmulator();
    let ts: TestStack | undefined;

    afterEach(async function () {
        const current = ts;
        ts = undefined;
        await current?.destroy();
    });

    function endpointConfig() {
        return { "ververica:endpoint": { value: fixture.emulator.url } };
    }

    async function exportState(stack: TestStack, showSecrets = false): Promise<string> {
        const args = ["stack", "export", "--stack", stack.stack.name, ...(showSecrets ? ["--show-secrets"] : [])];
        return (await runPulumi(args, { cwd: stack.workDir, env: stack.env })).stdout;
    }

    it("previews, exports the drafts' attributes as typed outputs and changes nothing on a second up", async function () {
        ts = await createTestStack({
            config: endpointConfig(),
            program: () => {
                // Results are secret (for their artifact); these attributes are shown on purpose.
                const orders = getDeploymentDraftOutput({ workspace, namespace, deploymentDraftId: ORDERS_ID });
                const locked = getDeploymentDraftOutput({ workspace, namespace, name: LOCKED_NAME });
                return Promise.resolve({
                    name: pulumi.unsecret(orders.apply((d) => d.name)),
                    engineVersion: pulumi.unsecret(orders.apply((d) => d.engineVersion)),
                    executionMode: pulumi.unsecret(orders.apply((d) => d.executionMode)),
                    artifactKind: pulumi.unsecret(orders.apply((d) => d.artifact?.kind)),
                    labels: pulumi.unsecret(orders.apply((d) => d.labels)),
                    modifiedAt: pulumi.unsecret(orders.apply((d) => d.modifiedAt)),
                    lockedDraftId: pulumi.unsecret(locked.id),
                    lockHolder: pulumi.unsecret(locked.apply((d) => d.lock?.holderName)),
                });
            },
        });
        const { stack, workDir, env } = ts;

        const preview = await stack.preview();
        assert.deepStrictEqual(preview.changeSummary, { create: 1 });

        const first = await stack.up();
        assert.strictEqual(first.summary.result, "succeeded");
        assert.deepStrictEqual(first.summary.resourceChanges, { create: 1 });

        const orders = fixtureDraft((d) => d.deploymentDraftId === ORDERS_ID);
        const locked = fixtureDraft((d) => d.name === LOCKED_NAME);
        const outputs = JSON.parse((await runPulumi(["stack", "output", "--json", "--stack", stack.name], { cwd: workDir, env })).stdout) as unknown;
        assert.deepStrictEqual(outputs, {
            name: orders.name,
            engineVersion: orders.engineVersion,
            executionMode: orders.executionMode,
            artifactKind: orders.artifact?.kind,
            labels: orders.labels,
            modifiedAt: orders.modifiedAt,
            lockedDraftId: locked.deploymentDraftId,
            lockHolder: locked.lock?.holderName,
        });
        // The values really are the fixture's own, of their own JSON types.
        assert.deepStrictEqual(outputs, {
            name: "orders-etl",
            engineVersion: "vvr-8.0.9-flink-1.17",
            executionMode: "STREAMING",
            artifactKind: "SQLSCRIPT",
            labels: { team: "data-platform", env: "prod", tier: 1 },
            modifiedAt: 1719475200,
            lockedDraftId: "1a6e9f3d-0b7c-4d25-9e8f-c4b3a2d1e0f6",
            lockHolder: "alice",
        });
        const byAction = fixture.emulator.stats.byAction;
        assert.ok((byAction.GetDeploymentDraft ?? 0) >= 1 && (byAction.ListDeploymentDrafts ?? 0) >= 1, `the emulator saw ${JSON.stringify(byAction)}`);

        const second = await stack.up();
        assert.deepStrictEqual(second.summary.resourceChanges, { same: 1 });
        assert.deepStrictEqual(
            Object.fromEntries(Object.entries(second.outputs).map(([k, v]) => [k, v.value])),
            outputs,
        );
    });

    it("fails the update with the not-found error for an unknown draft id and keeps what is in state", async function () {
        let draftId = ORDERS_ID;
        ts = await createTestStack({
            config: endpointConfig(),
            program: () => {
                const echo = new Echo("kept", "still-here");
                const draft = getDeploymentDraftOutput({ workspace, namespace, deploymentDraftId: draftId });
                return Promise.resolve({ echoed: echo.value, engineVersion: pulumi.unsecret(draft.apply((d) => d.engineVersion)) });
            },
        });
        const { stack, workDir, env } = ts;

        const first = await stack.up();
        assert.deepStrictEqual(first.summary.resourceChanges, { create: 2 });
        const before = JSON.parse(await exportState(ts)) as ExportedState;

        draftId = UNKNOWN_ID;
        await assert.rejects(stack.up(), (err: Error) => {
            assert.match(err.message, /deployment draft not found/);
            assert.match(err.message, new RegExp(`workspace "${workspace}", namespace "${namespace}", deploymentDraftId "${UNKNOWN_ID}"`));
            assert.match(err.message, new RegExp(`error code ${NOT_FOUND_ERROR_CODE}`));
            return true;
        });

        const after = JSON.parse(await exportState(ts)) as ExportedState;
        const echoOf = (state: ExportedState) => state.deployment.resources?.find((r) => r.type === ECHO_TYPE);
        assert.ok(echoOf(after), `no ${ECHO_TYPE} left in the exported state`);
        assert.strictEqual(echoOf(after)?.id, "echo-still-here");
        assert.deepStrictEqual(echoOf(after)?.outputs?.value, "still-here");
        assert.deepStrictEqual(
            after.deployment.resources?.map((r) => r.urn),
            before.deployment.resources?.map((r) => r.urn),
        );
        const outputs = JSON.parse((await runPulumi(["stack", "output", "--json", "--stack", stack.name], { cwd: workDir, env })).stdout) as unknown;
        assert.deepStrictEqual(outputs, { echoed: "still-here", engineVersion: "vvr-8.0.9-flink-1.17" });
    });

    it("keeps the artifact out of state in plain text when a program exports it", async function () {
        const orders = fixtureDraft((d) => d.deploymentDraftId === ORDERS_ID);
        const sql = orders.artifact?.sqlArtifact?.sqlScript;
        assert.ok(sql);
        ts = await createTestStack({
            config: endpointConfig(),
            program: () => {
                const draft = getDeploymentDraftOutput({ workspace, namespace, deploymentDraftId: ORDERS_ID });
                return Promise.resolve({ sql: draft.apply((d) => (d.artifact?.kind === "SQLSCRIPT" ? d.artifact.sqlArtifact?.sqlScript : undefined)) });
            },
        });
        const result = await ts.stack.up();
        assert.deepStrictEqual(result.outputs.sql, { value: sql, secret: true });
        const exported = await exportState(ts);
        for (const line of sql.split("\n").filter((l) => l.trim().length > 20)) {
            assert.ok(!exported.includes(JSON.stringify(line).slice(1, -1)), `a line of the SQL is in \`pulumi stack export\`: ${line}`);
        }
        assert.match(exported, /"ciphertext"/);
    });

    it("keeps an output secret when its input is secret, also with storeArtifactAsSecret: false", async function () {
        const engineVersion = fixtureDraft((d) => d.deploymentDraftId === ORDERS_ID).engineVersion;
        assert.ok(engineVersion);
        ts = await createTestStack({
            config: endpointConfig(),
            program: () => {
                const draft = getDeploymentDraftOutput({ workspace, namespace, deploymentDraftId: pulumi.secret(ORDERS_ID) }, { storeArtifactAsSecret: false });
                return Promise.resolve({ engineVersion: draft.apply((d) => d.engineVersion) });
            },
        });
        const { stack, workDir, env } = ts;

        const result = await stack.up();
        assert.deepStrictEqual(result.outputs.engineVersion, { value: engineVersion, secret: true });

        const exported = await exportState(ts);
        assert.ok(!exported.includes(engineVersion), "the plaintext engine version is in `pulumi stack export`");
        assert.ok(!exported.includes(ORDERS_ID), "the plaintext draft id is in `pulumi stack export`");
        assert.match(exported, /"ciphertext"/);
        assert.ok((await exportState(ts, true)).includes(engineVersion), "`stack export --show-secrets` lacks the engine version");

        const shown = JSON.parse((await runPulumi(["stack", "output", "--json", "--stack", stack.name], { cwd: workDir, env })).stdout) as unknown;
        assert.deepStrictEqual(shown, { engineVersion: "[secret]" });
    });
});
