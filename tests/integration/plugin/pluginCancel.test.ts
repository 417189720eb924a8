/**
 * The engine's Cancel (Ctrl-C) reaches what the plugin is waiting for: a request the service
 * never answers, a wait before a retry, a wait for a slot under the concurrency bound. Each
 * call then fails as Cancelled, once, and a cancelled Read never says the draft is gone.
 * Nothing here would end within the mocha timeout without Cancel: the read timeout is 60 s and
 * the throttled wait a minute.
 */
import * as assert from "assert";
import { PluginAttach } from "@pulumi/pulumi/proto/plugin_pb";
import { DEFAULT_TEST_CREDENTIAL } from "../../emulator";
import { assertCleanMessage } from "../../helpers/assertions";
import { useEmulator } from "../../helpers/emulatorFixture";
import { until } from "../../helpers/eventually";
import { startEngineLogRecorder } from "../../helpers/engineLogRecorder";
import { configureForEmulator, Empty, PluginSession, proto, startPluginSession, struct } from "../../helpers/pluginClient";

const ws = "a14bd5d90a";
const ns = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const draftType = "ververica:index:DeploymentDraft";
const urn = `urn:pulumi:test::project::${draftType}::orders`;
const selector = { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl };

describe("plugin Cancel", () => {
    const fixture = useEmulator();
    let plugin: PluginSession;

    beforeEach(async () => {
        plugin = await startPluginSession({
            ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
            VERVERICA_MAX_CONCURRENCY: "1",
            VERVERICA_READ_TIMEOUT_MS: "60000",
            VERVERICA_RETRY_MAX_DELAY_MS: "60000",
        });
        await configureForEmulator(plugin, fixture.emulator.url);
    });
    afterEach(async () => {
        await plugin.close();
    });

    const invoke = () => plugin.fail((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct(selector)));
    const cancel = () => plugin.call((c) => c.cancel.bind(c), new Empty());
    const cancelled = (details: string) => assertCleanMessage(details, ["Cancelled: cancelled before the call finished", ordersEtl, "GetDeploymentDraft"], ["\n", DEFAULT_TEST_CREDENTIAL.accessKeySecret]);

    it("ends a Read whose request is never answered: it fails as Cancelled, so the engine keeps the resource", async () => {
        const created = await plugin.call((c) => c.create.bind(c), new proto.CreateRequest().setUrn(urn).setType(draftType).setProperties(struct(selector)));
        fixture.emulator.faults.next("timeout");
        const requests = fixture.emulator.stats.requests;
        const read = plugin.fail(
            (c) => c.read.bind(c),
            new proto.ReadRequest().setUrn(urn).setType(draftType).setId(created.getId()).setProperties(created.getProperties()).setInputs(struct(selector)),
        );
        await until(() => fixture.emulator.stats.faultsServed.timeout === 1);
        await cancel();
        cancelled((await read).details);
        assert.strictEqual(fixture.emulator.stats.requests, requests + 1, "the hanging request is not retried");
    });

    it("ends a wait before a retry: the throttled call fails as Cancelled without another request", async () => {
        fixture.emulator.faults.next("throttle", 1, { retryAfterMs: 60_000 });
        const failure = invoke();
        await until(() => fixture.emulator.stats.faultsServed.throttle === 1);
        await cancel();
        cancelled((await failure).details);
        assert.strictEqual(fixture.emulator.stats.requests, 1);
    });

    it("fails a call queued behind a hanging one, and later calls at once, each without a request", async () => {
        fixture.emulator.faults.next("timeout");
        const hanging = invoke();
        await until(() => fixture.emulator.stats.faultsServed.timeout === 1);
        // The bound is 1: a lookup of another draft waits for the hanging one's slot.
        const queued = plugin.fail(
            (c) => c.invoke.bind(c),
            new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct({ ...selector, deploymentDraftId: "7a1c2b3d-0000-4000-8000-000000000001" })),
        );
        // Time for the second lookup to reach the plugin and queue for the slot.
        await new Promise((resolve) => setTimeout(resolve, 50));
        await cancel();
        cancelled((await hanging).details);
        assertCleanMessage((await queued).details, ["Cancelled: cancelled before the call finished", "7a1c2b3d-0000-4000-8000-000000000001"]);
        cancelled((await invoke()).details);
        assert.strictEqual(fixture.emulator.stats.requests, 1);
    });

    it("takes calls again when another engine run attaches (PULUMI_DEBUG_PROVIDERS): a Ctrl-C ends only its own run", async () => {
        await cancel();
        cancelled((await invoke()).details);
        const engine = await startEngineLogRecorder();
        try {
            await plugin.call((c) => c.attach.bind(c), new PluginAttach().setAddress(engine.address));
            const answer = await plugin.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct(selector)));
            assert.strictEqual(answer.getFailuresList().length, 0);
            assert.strictEqual(answer.getReturn()?.toJavaScript().deploymentDraftId, ordersEtl);
        } finally {
            await engine.close();
        }
    });
});
