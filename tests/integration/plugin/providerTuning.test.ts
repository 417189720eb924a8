/**
 * The plugin reads its tuning from the provider's settings, as the schema declares them, over
 * the same variables in its environment: the keys and meaning the TypeScript package has.
 */
import * as assert from "assert";
import { useEmulator } from "../../helpers/emulatorFixture";
import { configureForEmulator, PluginSession, proto, startPluginSession, struct } from "../../helpers/pluginClient";

const selector = { workspace: "a14bd5d90a", namespace: "default-namespace", deploymentDraftId: "c84d73be-40ad-4627-8bdd-fa1eba51b234" };

describe("plugin tuning settings", () => {
    const fixture = useEmulator();
    let plugin: PluginSession;

    beforeEach(async () => {
        // The environment would ride out a minute of throttling; the provider's settings win.
        plugin = await startPluginSession({ ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", VERVERICA_THROTTLE_RETRY_TIME_MS: "60000", VERVERICA_MAX_ATTEMPTS: "5" });
    });
    afterEach(async () => {
        await plugin.close();
    });

    const configure = (tuning: Record<string, number>) => configureForEmulator(plugin, fixture.emulator.url, tuning);
    const invoke = () => plugin.fail((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct(selector)));

    it("throttleRetryTimeMs 0 as a provider setting: throttling fails after one request", async () => {
        await configure({ throttleRetryTimeMs: 0 });
        fixture.emulator.faults.next("throttle", 3, { retryAfterMs: 1 });
        assert.match((await invoke()).details, /^Throttled: request throttled/);
        assert.strictEqual(fixture.emulator.stats.requests, 1);
    });

    it("maxAttempts 2 and retryMaxDelayMs 1 as provider settings: a persistent 503 fails after two requests", async () => {
        await configure({ maxAttempts: 2, retryMaxDelayMs: 1 });
        fixture.emulator.faults.next("error503", 5);
        assert.match((await invoke()).details, /^ServiceError: the service failed/);
        assert.strictEqual(fixture.emulator.stats.requests, 2);
    });
});
