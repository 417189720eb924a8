/**
 * The plugin's strict inputs over loopback gRPC, called as the engine calls it, against the
 * emulator: an argument or property the schema does not declare fails naming it (with the
 * argument it misspells) before any request, while the keys the engine itself adds pass.
 */
import * as assert from "assert";
import * as grpc from "@grpc/grpc-js";
import { useEmulator } from "../../helpers/emulatorFixture";
import { configureForEmulator, PluginSession, proto, secretValue, startPluginSession, struct } from "../../helpers/pluginClient";

const ws = "a14bd5d90a";
const ns = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const draftType = "ververica:index:DeploymentDraft";

describe("ververica plugin strict inputs", () => {
    const fixture = useEmulator();
    let plugin: PluginSession;
    const env = { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", VERVERICA_MAX_ATTEMPTS: "2", VERVERICA_RETRY_BASE_DELAY_MS: "1", VERVERICA_RETRY_MAX_DELAY_MS: "2" };

    beforeEach(async () => {
        plugin = await startPluginSession(env);
    });
    afterEach(async () => {
        await plugin.close();
    });

    const configureWithTestKey = () => configureForEmulator(plugin, fixture.emulator.url);
    const invoke = (token: string, args: Record<string, unknown>) => plugin.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok(token).setArgs(struct(args)));
    const failuresOf = (response: { getFailuresList(): proto.CheckFailure[] }) => response.getFailuresList().map((f) => [f.getProperty(), f.getReason()]);

    it("every invoke fails on an undeclared argument, naming it and the argument it misspells, before any request", async () => {
        await configureWithTestKey();
        const selector = { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl };
        const cases: Array<[string, Record<string, unknown>, string[]]> = [
            [
                "ververica:index:getDeploymentDrafts",
                { workspace: ws, namespace: ns, nameRegexp: "^orders" },
                ["nameRegexp", 'is not an argument of getDeploymentDrafts; did you mean "nameRegex"?'],
            ],
            ["ververica:index:getDeploymentDraft", { ...selector, deploymentDraftID: ordersEtl }, ["deploymentDraftID", 'is not an argument of getDeploymentDraft; did you mean "deploymentDraftId"?']],
            [
                "ververica:index:getDeploymentArgs",
                { ...selector, junk: "x" },
                [
                    "junk",
                    'invalid argument "junk": is not an argument of getDeploymentArgs; it takes "workspace", "namespace", "deploymentDraftId", "name", "deploymentName", "storeArtifactAsSecret"',
                ],
            ],
        ];
        for (const [token, args, failure] of cases) {
            assert.deepStrictEqual(failuresOf(await invoke(token, args)), [failure], token);
        }
        assert.strictEqual(fixture.emulator.stats.requests, 0);
        // What the SDKs send besides the user's arguments still passes.
        const found = await invoke("ververica:index:getDeploymentDrafts", { workspace: ws, namespace: ns, nameRegex: "^orders", storeArtifactAsSecret: true });
        assert.deepStrictEqual(failuresOf(found), []);
    });

    it("Check of a DeploymentDraft fails on an undeclared property before any request, and passes the engine's own keys", async () => {
        await configureWithTestKey();
        const check = (news: Record<string, unknown>) =>
            plugin.call((c) => c.check.bind(c), new proto.CheckRequest().setUrn(`urn:pulumi:test::project::${draftType}::orders`).setType(draftType).setNews(struct(news)));
        const selector = { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl };
        const junk = await check({ ...selector, junk: "x".repeat(1024 * 1024) });
        assert.deepStrictEqual(failuresOf(junk), [["", 'invalid argument "junk": is not an argument of DeploymentDraft; it takes "workspace", "namespace", "deploymentDraftId", "name", "endpoint", "region", "network", "storeArtifactAsSecret"']]);
        const typo = await check({ ...selector, regoin: "cn-hangzhou" });
        assert.deepStrictEqual(failuresOf(typo), [["", 'invalid argument "regoin": is not an argument of DeploymentDraft; did you mean "region"?']]);
        assert.strictEqual(fixture.emulator.stats.requests, 0);
        const checked = await check({ ...selector, __defaults: [] });
        assert.deepStrictEqual(failuresOf(checked), []);
    });

    it("CheckConfig type- and range-checks every setting and refuses unknown keys, naming each; the engine's version passes", async () => {
        const checkConfig = (news: Record<string, unknown>) =>
            plugin.call((c) => c.checkConfig.bind(c), new proto.CheckRequest().setUrn("urn:pulumi:test::project::pulumi:providers:ververica::default").setNews(struct(news)));
        const bad = await checkConfig({ maxConcurrency: 0, maxAttempts: "-1", readTimeoutMs: "soon", maxConcurency: "4", version: "1.0.0" });
        assert.deepStrictEqual(failuresOf(bad), [
            ["maxConcurency", "ververica:maxConcurency is not a setting of the ververica provider; did you mean ververica:maxConcurrency?"],
            ["maxAttempts", 'ververica:maxAttempts must be a whole number of at least 1, got "-1"'],
            ["readTimeoutMs", 'ververica:readTimeoutMs must be a whole number of at least 1, got "soon"'],
            ["maxConcurrency", "ververica:maxConcurrency must be a whole number of at least 1, got 0"],
        ]);
        assert.deepStrictEqual(failuresOf(await checkConfig({ region: "cn-hangzhou", maxConcurrency: "16", maxAttempts: 3, version: "1.0.0" })), []);
    });

    it("Configure refuses a value of another type than the schema's, naming the key and never echoing a secret", async () => {
        const configure = (settings: Record<string, unknown>) => plugin.fail((c) => c.configure.bind(c), new proto.ConfigureRequest().setArgs(struct(settings)).setAcceptsecrets(true));
        const list = await configure({ region: "cn-hangzhou", accessKey: "LTAIid", secretKey: secretValue(["top-secret-value"]) });
        assert.strictEqual(list.code, grpc.status.INVALID_ARGUMENT);
        assert.strictEqual(list.details, "Configuration: ververica:secretKey must be a string, got a list");
        const numeric = await configure({ endpoint: 2130706433 });
        assert.strictEqual(numeric.details, "Configuration: ververica:endpoint must be a string, got a number");
        // Refused before any request.
        assert.strictEqual(fixture.emulator.stats.requests, 0);
    });
});
