import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { unknownValue } from "@pulumi/pulumi/runtime";
import { revisionOf } from "../../../provider/core/draftResource";
import { renderSchemaJson } from "../../../provider/plugin/schema";
import { DEFAULT_TEST_CREDENTIAL } from "../../emulator";
import { assertCleanMessage } from "../../helpers/assertions";
import { useEmulator } from "../../helpers/emulatorFixture";
import { configureForEmulator, Empty, isSecretValue, PluginSession, proto, secretValue, startPluginSession, struct } from "../../helpers/pluginClient";

const ws = "a14bd5d90a";
const ns = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const draftType = "ververica:index:DeploymentDraft";
const urn = `urn:pulumi:test::project::${draftType}::orders`;

// The plugin's ResourceProvider service over loopback gRPC, called as the engine calls it,
// against the emulator.
describe("ververica plugin gRPC service", () => {
    const fixture = useEmulator();
    let plugin: PluginSession;
    // The plugin process has no credentials of its own unless a test gives it some.
    const env = { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", VERVERICA_MAX_ATTEMPTS: "2", VERVERICA_RETRY_BASE_DELAY_MS: "1", VERVERICA_RETRY_MAX_DELAY_MS: "2" };

    beforeEach(async () => {
        plugin = await startPluginSession(env);
    });
    afterEach(async () => {
        await plugin.close();
    });

    const configure = (settings: Record<string, unknown>) =>
        plugin.call((c) => c.configure.bind(c), new proto.ConfigureRequest().setArgs(struct(settings)).setAcceptsecrets(true));
    const configureWithTestKey = () => configureForEmulator(plugin, fixture.emulator.url);
    const check = (news: Record<string, unknown>, olds: Record<string, unknown> = {}) =>
        plugin.call((c) => c.check.bind(c), new proto.CheckRequest().setUrn(urn).setType(draftType).setOlds(struct(olds)).setNews(struct(news)));
    const selector = { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl };

    it("reports its version and serves the schema", async () => {
        const info = await plugin.call((c) => c.getPluginInfo.bind(c), new Empty());
        assert.strictEqual(info.getVersion(), "0.0.0-test");
        const schema = JSON.parse((await plugin.call((c) => c.getSchema.bind(c), new proto.GetSchemaRequest())).getSchema()) as Record<string, Record<string, unknown>>;
        assert.strictEqual(schema.name, "ververica");
        assert.ok(schema.resources[draftType]);
        assert.ok(schema.functions["ververica:index:getDeploymentDraft"]);
    });

    it("CheckConfig names the bad setting and keeps the credentials secret", async () => {
        const bad = await plugin.call(
            (c) => c.checkConfig.bind(c),
            new proto.CheckRequest().setUrn("urn:pulumi:test::project::pulumi:providers:ververica::default").setNews(struct({ region: "Hangzhou", endpoint: "ftp://x", accessKey: "LTAIonly" })),
        );
        assert.deepStrictEqual(
            bad.getFailuresList().map((f) => f.getProperty()),
            ["region", "endpoint", "secretKey"],
        );
        const good = await plugin.call((c) => c.checkConfig.bind(c), new proto.CheckRequest().setNews(struct({ region: "cn-hangzhou", accessKey: "LTAIid", secretKey: "plain" })));
        assert.deepStrictEqual(good.getFailuresList(), []);
        const inputs = good.getInputs()?.toJavaScript() as Record<string, unknown>;
        assert.ok(isSecretValue(inputs.secretKey), "secretKey comes back marked secret");
        assert.strictEqual(inputs.region, "cn-hangzhou");
    });

    it("DiffConfig reports changed settings without replacing", async () => {
        const diff = await plugin.call((c) => c.diffConfig.bind(c), new proto.DiffRequest().setOldInputs(struct({ region: "cn-hangzhou" })).setNews(struct({ region: "cn-beijing" })));
        assert.strictEqual(diff.getChanges(), proto.DiffResponse.DiffChanges.DIFF_SOME);
        assert.deepStrictEqual(diff.getDiffsList(), ["region"]);
        assert.deepStrictEqual(diff.getReplacesList(), []);
        const same = await plugin.call((c) => c.diffConfig.bind(c), new proto.DiffRequest().setOldInputs(struct({ region: "cn-hangzhou" })).setNews(struct({ region: "cn-hangzhou" })));
        assert.strictEqual(same.getChanges(), proto.DiffResponse.DiffChanges.DIFF_NONE);
    });

    it("Configure takes secret settings and uses them for requests; a wrong secret fails without showing it", async () => {
        const response = await configureWithTestKey();
        assert.ok(response.getAcceptsecrets());
        assert.ok(response.getSupportspreview());
        const invoke = await plugin.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct(selector)));
        assert.strictEqual((invoke.getReturn()?.toJavaScript() as Record<string, unknown>).name, "orders-etl");

        await configure({ endpoint: fixture.emulator.url, accessKey: DEFAULT_TEST_CREDENTIAL.accessKeyId, secretKey: secretValue("wrong-secret-value") });
        const failure = await plugin.fail((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct({ ...selector, name: undefined, deploymentDraftId: "11111111-2222-3333-4444-555555555555" })));
        assertCleanMessage(failure.details, ["InvalidCredentials", ws, ns], ["wrong-secret-value", DEFAULT_TEST_CREDENTIAL.accessKeySecret, "\n", "    at "]);
    });

    it("Configure falls back to the plugin's environment for credentials", async () => {
        await plugin.close();
        plugin = await startPluginSession({ ...env, ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret });
        await configure({ endpoint: fixture.emulator.url });
        const invoke = await plugin.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct(selector)));
        assert.strictEqual((invoke.getReturn()?.toJavaScript() as Record<string, unknown>).id, ordersEtl);
    });

    it("with no credentials or no region, names the plugin's settings, whole in each of many concurrent invokes", async () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-empty-home-"));
        const saved = { HOME: process.env.HOME, ALIBABA_CLOUD_ACCESS_KEY_ID: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET };
        // Alibaba's default chain reads the process's own environment and home.
        process.env.HOME = home;
        delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
        delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
        try {
            const invokeAll = async () => {
                const calls = Array.from({ length: 6 }, (_, i) =>
                    plugin.fail((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct({ ...selector, deploymentDraftId: `${ordersEtl.slice(0, -1)}${i}` }))),
                );
                return Promise.all(calls);
            };
            await configure({ endpoint: fixture.emulator.url });
            const noCredentials =
                "Configuration: no usable credentials from the default Alibaba Cloud credentials chain: none in ALIBABA_CLOUD_ACCESS_KEY_ID, ~/.aliyun/config.json or ~/.alibabacloud/credentials; " +
                "set ververica:accessKey and ververica:secretKey (as a secret) in stack config, or the provider's accessKey and secretKey, " +
                "or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET in the plugin's environment";
            assert.deepStrictEqual(await invokeAll(), Array.from({ length: 6 }, () => ({ code: grpc.status.INVALID_ARGUMENT, details: noCredentials })));

            await configure({ accessKey: DEFAULT_TEST_CREDENTIAL.accessKeyId, secretKey: secretValue(DEFAULT_TEST_CREDENTIAL.accessKeySecret) });
            const noRegion =
                "Configuration: no region or endpoint: set ververica:region (or ververica:endpoint) in stack config, or the provider's region (or endpoint), " +
                "or ALIBABA_CLOUD_REGION_ID (or VERVERICA_ENDPOINT) in the plugin's environment";
            assert.deepStrictEqual(await invokeAll(), Array.from({ length: 6 }, () => ({ code: grpc.status.INVALID_ARGUMENT, details: noRegion })));
            assert.strictEqual(fixture.emulator.stats.requests, 0);
        } finally {
            for (const [name, value] of Object.entries(saved)) {
                if (value === undefined) delete process.env[name];
                else process.env[name] = value;
            }
            fs.rmSync(home, { recursive: true, force: true });
        }
    });

    it("Check fails on a bad input before any request, naming it once", async () => {
        await configureWithTestKey();
        const cases: Array<[Record<string, unknown>, string]> = [
            [{ ...selector, workspace: " " }, "workspace"],
            [{ ...selector, namespace: undefined }, "namespace"],
            [{ ...selector, deploymentDraftId: "" }, "deploymentDraftId"],
            [{ ...selector, name: "orders-etl" }, "deploymentDraftId"],
            [{ workspace: ws, namespace: ns, name: "bad\u0001name" }, "name"],
            [{ ...selector, storeArtifactAsSecret: "yes" }, "storeArtifactAsSecret"],
        ];
        for (const [news, property] of cases) {
            const response = await check(JSON.parse(JSON.stringify(news)) as Record<string, unknown>);
            // No property: the engine then prints the reason alone, which names the input, rather
            // than "property <name> value <value> has a problem: ..." before it.
            assert.deepStrictEqual(response.getFailuresList().map((f) => f.getProperty()), [""], JSON.stringify(news));
            assert.match(response.getFailuresList()[0].getReason(), new RegExp(`^invalid argument "${property}": `));
        }
        assert.strictEqual(fixture.emulator.stats.requests, 0);
    });

    it("Check makes no request: it passes valid inputs through and carries the recorded revision over; Create in preview fails on an unknown draft", async () => {
        await configureWithTestKey();
        assert.deepStrictEqual((await check(selector)).getInputs()?.toJavaScript(), selector);
        const missing = await check({ ...selector, deploymentDraftId: "missing" });
        assert.deepStrictEqual(missing.getFailuresList(), []);
        const tracked = (await check(selector, { ...selector, revision: "r-1" })).getInputs()?.toJavaScript() as Record<string, unknown>;
        assert.strictEqual(tracked.revision, "r-1");
        const preview = (await check({ ...selector, deploymentDraftId: unknownValue })).getInputs()?.toJavaScript() as Record<string, unknown>;
        assert.strictEqual(preview.deploymentDraftId, unknownValue);
        assert.strictEqual(fixture.emulator.stats.requests, 0);
        const unknownDraft = await plugin.fail(
            (c) => c.create.bind(c),
            new proto.CreateRequest().setUrn(urn).setType(draftType).setPreview(true).setProperties(struct({ ...selector, deploymentDraftId: "missing" })),
        );
        assertCleanMessage(unknownDraft.details, ["DraftNotFound", `workspace "${ws}"`, `namespace "${ns}"`, 'deploymentDraftId "missing"', "requestId", "error code 990301"], ["\n"]);
    });

    it("Diff: nothing changed, a revision a refresh recorded updates, another draft replaces, the secrecy setting updates", async () => {
        const olds = { ...selector, name: "orders-etl", modifiedAt: 200 };
        const diff = (news: Record<string, unknown>, oldInputs: Record<string, unknown> = selector) =>
            plugin.call((c) => c.diff.bind(c), new proto.DiffRequest().setUrn(urn).setType(draftType).setId(`${ws}/${ns}/${ordersEtl}`).setOlds(struct(olds)).setNews(struct(news)).setOldInputs(struct(oldInputs)));
        assert.strictEqual((await diff(selector)).getChanges(), proto.DiffResponse.DiffChanges.DIFF_NONE);
        // On up, Check carried the stored revision over: the same on both sides.
        const carried = { ...selector, revision: revisionOf({ modifiedAt: 100 }) };
        assert.strictEqual((await diff(carried, carried)).getChanges(), proto.DiffResponse.DiffChanges.DIFF_NONE);
        // On refresh, the read recorded a new revision (old side) against the stored inputs (news).
        const edited = await diff(selector, { ...selector, revision: revisionOf({ modifiedAt: 200 }) });
        assert.strictEqual(edited.getChanges(), proto.DiffResponse.DiffChanges.DIFF_SOME);
        assert.deepStrictEqual(edited.getDiffsList(), ["revision"]);
        assert.deepStrictEqual(edited.getReplacesList(), []);
        const other = await diff({ ...selector, deploymentDraftId: "5e0f4a4c-2d7b-4b8e-9c61-3f1a7d2e9b04" });
        assert.deepStrictEqual(other.getReplacesList(), ["deploymentDraftId"]);
        const plain = await diff({ ...selector, storeArtifactAsSecret: false });
        assert.deepStrictEqual(plain.getDiffsList(), ["storeArtifactAsSecret"]);
    });

    it("Create answers during preview with every attribute, the artifact secret, the id workspace/namespace/draft", async () => {
        await configureWithTestKey();
        const created = await plugin.call((c) => c.create.bind(c), new proto.CreateRequest().setUrn(urn).setType(draftType).setPreview(true).setProperties(struct(selector)));
        assert.strictEqual(created.getId(), `${ws}/${ns}/${ordersEtl}`);
        const outputs = created.getProperties()?.toJavaScript() as Record<string, unknown>;
        assert.strictEqual(outputs.name, "orders-etl");
        assert.strictEqual(outputs.engineVersion, fixture.emulator.store.get(ws, ns, ordersEtl)?.engineVersion);
        // Every output the schema declares is there, an absent one (no lock) as null: a preview
        // reads a missing output as not known yet.
        const declared = Object.keys((JSON.parse(renderSchemaJson()) as { resources: Record<string, { properties: object }> }).resources[draftType].properties);
        assert.deepStrictEqual(Object.keys(outputs).sort(), declared.sort());
        assert.deepStrictEqual([outputs.lock, outputs.lookupName, outputs.region], [null, null, null]);
        assert.ok(isSecretValue(outputs.artifact));
        assert.strictEqual((outputs.artifact.value as Record<string, unknown>).kind, "SQLSCRIPT");

        const plain = await plugin.call((c) => c.create.bind(c), new proto.CreateRequest().setUrn(urn).setType(draftType).setProperties(struct({ ...selector, storeArtifactAsSecret: false })));
        assert.strictEqual(((plain.getProperties()?.toJavaScript() as Record<string, Record<string, unknown>>).artifact).kind, "SQLSCRIPT");

        const unknownInputs = await plugin.call((c) => c.create.bind(c), new proto.CreateRequest().setUrn(urn).setType(draftType).setPreview(true).setProperties(struct({ ...selector, namespace: unknownValue })));
        assert.strictEqual(unknownInputs.getId(), "");
    });

    it("Read for import takes workspace/namespace/draft and returns the inputs a program declares", async () => {
        await configureWithTestKey();
        const read = await plugin.call((c) => c.read.bind(c), new proto.ReadRequest().setUrn(urn).setType(draftType).setId(`${ws}/${ns}/${ordersEtl}`));
        assert.strictEqual(read.getId(), `${ws}/${ns}/${ordersEtl}`);
        assert.deepStrictEqual(read.getInputs()?.toJavaScript(), selector);
        const outputs = read.getProperties()?.toJavaScript() as Record<string, unknown>;
        assert.strictEqual(outputs.name, "orders-etl");
        assert.ok(isSecretValue(outputs.artifact));
        const malformed = await plugin.fail((c) => c.read.bind(c), new proto.ReadRequest().setUrn(urn).setType(draftType).setId(ordersEtl));
        assert.strictEqual(malformed.code, grpc.status.INVALID_ARGUMENT);
        assert.match(malformed.details, /<workspace>\/<namespace>\/<deploymentDraftId>/);
    });

    it("Read on refresh shows the edited draft, forgets only a draft that is definitely gone, and keeps it on a transient fault", async () => {
        await configureWithTestKey();
        const created = await plugin.call((c) => c.create.bind(c), new proto.CreateRequest().setUrn(urn).setType(draftType).setProperties(struct({ ...selector, endpoint: fixture.emulator.url })));
        const refresh = () =>
            new proto.ReadRequest().setUrn(urn).setType(draftType).setId(created.getId()).setProperties(created.getProperties()).setInputs(struct({ ...selector, endpoint: fixture.emulator.url }));
        fixture.emulator.store.update(ws, ns, ordersEtl, { engineVersion: "vvr-9.0.0-flink-1.20" });
        const read = await plugin.call((c) => c.read.bind(c), refresh());
        const outputs = read.getProperties()?.toJavaScript() as Record<string, unknown>;
        assert.strictEqual(outputs.engineVersion, "vvr-9.0.0-flink-1.20");
        assert.strictEqual(outputs.endpoint, fixture.emulator.url);
        const recorded = read.getInputs()?.toJavaScript() as Record<string, unknown>;
        assert.strictEqual(recorded.revision, revisionOf({ modifiedAt: fixture.emulator.store.get(ws, ns, ordersEtl)?.modifiedAt }));
        // Read again unchanged, it records nothing new: the next refresh shows no drift.
        const again = await plugin.call(
            (c) => c.read.bind(c),
            new proto.ReadRequest().setUrn(urn).setType(draftType).setId(created.getId()).setProperties(read.getProperties()).setInputs(read.getInputs()),
        );
        assert.deepStrictEqual(again.getInputs()?.toJavaScript(), recorded);

        fixture.emulator.faults.next("error503", 2);
        const transient = await plugin.fail((c) => c.read.bind(c), refresh());
        assertCleanMessage(transient.details, ["ServiceError", "HTTP 503", ordersEtl], ["\n"]);

        fixture.emulator.store.remove(ws, ns, ordersEtl);
        assert.strictEqual((await plugin.call((c) => c.read.bind(c), refresh())).getId(), "");
    });

    it("Invoke returns id and every attribute, labels with their own types; bad arguments are failures", async () => {
        await configureWithTestKey();
        const byName = await plugin.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct({ workspace: ws, namespace: ns, name: "orders-etl" })));
        const result = byName.getReturn()?.toJavaScript() as Record<string, unknown>;
        const stored = fixture.emulator.store.get(ws, ns, ordersEtl);
        assert.strictEqual(result.id, ordersEtl);
        assert.deepStrictEqual(result.labels, stored?.labels);
        assert.strictEqual(result.createdAt, stored?.createdAt);
        // The artifact, and only it, is secret: the fields the declaration marks secret.
        assert.deepStrictEqual(
            Object.keys(result).filter((key) => isSecretValue(result[key])),
            ["artifact"],
        );
        const plain = await plugin.call(
            (c) => c.invoke.bind(c),
            new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct({ ...selector, storeArtifactAsSecret: false })),
        );
        assert.strictEqual(((plain.getReturn()?.toJavaScript() as Record<string, unknown>).artifact as { kind: string }).kind, "SQLSCRIPT");
        const notBoolean = await plugin.call(
            (c) => c.invoke.bind(c),
            new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct({ ...selector, storeArtifactAsSecret: "false" })),
        );
        assert.deepStrictEqual(notBoolean.getFailuresList().map((f) => f.getProperty()), ["storeArtifactAsSecret"]);

        const secretArgs = await plugin.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct({ ...selector, workspace: secretValue(ws) })));
        assert.ok(isSecretValue((secretArgs.getReturn()?.toJavaScript() as Record<string, unknown>).name), "a secret argument makes the result secret");

        const requests = fixture.emulator.stats.requests;
        const bad = await plugin.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct({ workspace: ws, namespace: ns })));
        // The SDKs print "<reason> (<property>)": the reason does not name the argument again.
        assert.deepStrictEqual(
            bad.getFailuresList().map((f) => [f.getProperty(), f.getReason()]),
            [["deploymentDraftId", 'is required, or "name" instead: give exactly one of "deploymentDraftId" and "name"']],
        );
        assert.strictEqual(fixture.emulator.stats.requests, requests);
    });

    it("Update re-reads, Delete and Cancel never call the API", async () => {
        await configureWithTestKey();
        const updated = await plugin.call((c) => c.update.bind(c), new proto.UpdateRequest().setUrn(urn).setType(draftType).setId(`${ws}/${ns}/${ordersEtl}`).setNews(struct(selector)));
        assert.strictEqual((updated.getProperties()?.toJavaScript() as Record<string, unknown>).name, "orders-etl");
        const requests = fixture.emulator.stats.requests;
        await plugin.call((c) => c.delete.bind(c), new proto.DeleteRequest().setUrn(urn).setType(draftType).setId(`${ws}/${ns}/${ordersEtl}`));
        await plugin.call((c) => c.cancel.bind(c), new Empty());
        assert.strictEqual(fixture.emulator.stats.requests, requests);
        assert.ok(fixture.emulator.store.get(ws, ns, ordersEtl));
    });
});
