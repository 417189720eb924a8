import * as assert from "assert";
import * as path from "path";
import { PluginAttach } from "@pulumi/pulumi/proto/plugin_pb";
import { clearDraftLookupCache } from "../../../provider/core/draftLookup";
import { EngineLog } from "../../../provider/plugin/engineLog";
import { DEFAULT_TEST_CREDENTIAL } from "../../emulator";
import { useEmulator } from "../../helpers/emulatorFixture";
import { EngineLogRecorder, startEngineLogRecorder } from "../../helpers/engineLogRecorder";
import { normalizeVolatile } from "../../helpers/linkedProject";
import { configureForEmulator, connectPlugin, Empty, PluginInfo, PluginSession, proto, startPluginSession, struct } from "../../helpers/pluginClient";
import { PluginProcess, startPluginProcess } from "../../helpers/pluginProcess";

const ws = "a14bd5d90a";
const ns = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const draftType = "ververica:index:DeploymentDraft";
const urn = `urn:pulumi:test::project::${draftType}::orders`;
const selector = { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl };
const ordersRef = `workspace "${ws}", namespace "${ns}", deploymentDraftId "${ordersEtl}"`;
const throttled = `request throttled (${ordersRef}; action GetDeploymentDraft; HTTP 429; requestId <request-id>; error code Throttling.User; message "Request was denied due to user flow control."; retry after 10 ms)`;
const retryNotice = `ververica: GetDeploymentDraft attempt 1 failed (Throttled); retrying in <n> ms, for up to <time> more: ${throttled}`;

// The plugin's retry notices and warnings, sent to the engine's log service (played by a recorder)
// on the resource or the stack they concern, as `pulumi` shows them without --debug.
describe("ververica plugin: lines through the engine's log service", () => {
    const fixture = useEmulator();
    const env = { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", VERVERICA_MAX_ATTEMPTS: "2", VERVERICA_RETRY_BASE_DELAY_MS: "1", VERVERICA_RETRY_MAX_DELAY_MS: "20" };
    let engine: EngineLogRecorder;
    let plugin: PluginSession;
    let log: EngineLog;

    beforeEach(async () => {
        engine = await startEngineLogRecorder();
        log = new EngineLog();
        log.connect(engine.address);
        plugin = await startPluginSession(env, log);
        await configureForEmulator(plugin, fixture.emulator.url);
    });
    afterEach(async () => {
        await plugin.close();
        await engine.close();
    });

    // Create reads the draft (Check only validates).
    const create = () => plugin.call((c) => c.create.bind(c), new proto.CreateRequest().setUrn(urn).setType(draftType).setProperties(struct(selector)));
    const invoke = () => plugin.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct(selector)));
    const normalized = (logs: readonly { message: string }[]) => logs.map((l) => ({ ...l, message: normalizeVolatile(l.message) }));

    it("a resource's retry notice goes on its URN, shown (not ephemeral), with no credential", async () => {
        fixture.emulator.faults.next("throttle", 1, { retryAfterMs: 10 });
        const answer = await create();
        assert.ok(answer.getId());
        const logs = await engine.waitFor(1);
        assert.deepStrictEqual(normalized(logs), [{ severity: "info", message: retryNotice, urn, ephemeral: false }]);
        assert.ok(!logs[0].message.includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret));
    });

    it("an invoke's retry notice goes on the stack (an invoke carries no URN)", async () => {
        fixture.emulator.faults.next("throttle", 1, { retryAfterMs: 10 });
        await invoke();
        assert.deepStrictEqual(normalized(await engine.waitFor(1)), [{ severity: "info", message: retryNotice, urn: "", ephemeral: false }]);
    });

    it("concurrent calls each get their own notices", async () => {
        const other = `urn:pulumi:test::project::${draftType}::other`;
        const clickstream = "5e0f4a4c-2d7b-4b8e-9c61-3f1a7d2e9b04";
        fixture.emulator.faults.next("throttle", 2, { retryAfterMs: 10 });
        await Promise.all([
            create(),
            plugin.call((c) => c.create.bind(c), new proto.CreateRequest().setUrn(other).setType(draftType).setProperties(struct({ ...selector, deploymentDraftId: clickstream }))),
        ]);
        const logs = await engine.waitFor(2);
        assert.deepStrictEqual(logs.map((l) => [l.urn, l.message.includes(ordersEtl), l.message.includes(clickstream)]).sort(), [
            [urn, true, false],
            [other, false, true],
        ]);
    });

    it("Attach sends later lines to the engine it names, not to the earlier one", async () => {
        const attached = await startEngineLogRecorder();
        try {
            await plugin.call((c) => c.attach.bind(c), new PluginAttach().setAddress(attached.address));
            fixture.emulator.faults.next("throttle", 1, { retryAfterMs: 10 });
            await create();
            assert.deepStrictEqual(normalized(await attached.waitFor(1)), [{ severity: "info", message: retryNotice, urn, ephemeral: false }]);
            assert.deepStrictEqual(engine.logs, []);
        } finally {
            await attached.close();
        }
    });

    it("Attach by another engine (another run) forgets the lookups of the earlier run; the same engine again keeps them", async () => {
        const attached = await startEngineLogRecorder();
        const attach = (address: string) => plugin.call((c) => c.attach.bind(c), new PluginAttach().setAddress(address));
        try {
            await invoke();
            await attach(engine.address);
            await invoke();
            assert.strictEqual(fixture.emulator.stats.requests, 1);
            await attach(attached.address);
            await invoke();
            assert.strictEqual(fixture.emulator.stats.requests, 2);
        } finally {
            await attached.close();
        }
    });

    it("an engine that no longer answers fails no call", async () => {
        await engine.close();
        fixture.emulator.faults.next("throttle", 1, { retryAfterMs: 10 });
        const answer = await create();
        assert.ok(answer.getId());
        assert.strictEqual(fixture.emulator.stats.requests, 2);
    });
});

// The plugin process itself: an error nothing handled is one line on the stack, and the plugin
// goes on answering.
describe("ververica plugin process: errors nothing handled", function () {
    this.timeout(60_000);
    let engine: EngineLogRecorder;
    let plugin: PluginProcess;
    const strayErrorPlugin = path.resolve(__dirname, "..", "..", "helpers", "strayErrorPlugin.ts");

    beforeEach(async () => {
        clearDraftLookupCache();
        engine = await startEngineLogRecorder();
        // As the engine starts a plugin: its logging flags first, then its address.
        plugin = await startPluginProcess(process.execPath, ["-r", "ts-node/register/transpile-only", strayErrorPlugin, "--logtostderr", "-v=3", engine.address], {
            PATH: process.env.PATH,
            ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
        });
    });
    afterEach(async () => {
        await plugin.stop();
        await engine.close();
    });

    const pluginInfo = async () => {
        const client = connectPlugin(plugin.port);
        try {
            return await client.call<Empty, PluginInfo>((c) => c.getPluginInfo.bind(c), new Empty());
        } finally {
            client.close();
        }
    };

    for (const [trigger, what] of [
        ["reject", "rejection"],
        ["throw", "exception"],
    ] as const) {
        it(`an unhandled ${what} is one warning line on the stack, and the plugin keeps answering`, async () => {
            assert.strictEqual((await pluginInfo()).getVersion(), "0.0.0-test");
            plugin.send(trigger);
            const logs = await engine.waitFor(1);
            assert.deepStrictEqual(logs, [{ severity: "warning", message: `ververica: unhandled error in the provider plugin: a stray ${what} with a second line`, urn: "", ephemeral: false }]);
            assert.strictEqual((await pluginInfo()).getVersion(), "0.0.0-test");
            plugin.send(trigger);
            assert.strictEqual((await engine.waitFor(2)).length, 2);
            assert.strictEqual(plugin.child.exitCode, null);
            assert.strictEqual(plugin.stderr(), "");
        });
    }
});
