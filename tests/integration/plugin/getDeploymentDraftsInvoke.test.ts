/**
 * The plugin's `ververica:index:getDeploymentDrafts` over loopback gRPC, called as the engine
 * calls it, against the emulator: every page read, filters (labels of any JSON type), the draft
 * objects the single lookup returns, and bad arguments or API refusals as one clear line.
 */
import * as assert from "assert";
import { DEFAULT_TEST_CREDENTIAL, generateDrafts } from "../../emulator";
import { assertCleanMessage } from "../../helpers/assertions";
import { useEmulator } from "../../helpers/emulatorFixture";
import { withStderrCapture } from "../../helpers/stderrCapture";
import { isSecretValue, PluginSession, proto, secretValue, startPluginSession, struct } from "../../helpers/pluginClient";

const scope = { workspace: "ws-list", namespace: "ns-list" };
const token = "ververica:index:getDeploymentDrafts";

describe("ververica plugin getDeploymentDrafts invoke", () => {
    const fixture = useEmulator({ drafts: [] });
    let plugin: PluginSession;
    const env = { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", VERVERICA_MAX_ATTEMPTS: "3", VERVERICA_RETRY_BASE_DELAY_MS: "1", VERVERICA_RETRY_MAX_DELAY_MS: "2" };

    beforeEach(async () => {
        plugin = await startPluginSession(env);
        await plugin.call(
            (c) => c.configure.bind(c),
            new proto.ConfigureRequest()
                .setArgs(struct({ endpoint: fixture.emulator.url, accessKey: DEFAULT_TEST_CREDENTIAL.accessKeyId, secretKey: secretValue(DEFAULT_TEST_CREDENTIAL.accessKeySecret) }))
                .setAcceptsecrets(true),
        );
    });
    afterEach(async () => {
        await plugin.close();
    });

    const seed = (count: number) => {
        for (const draft of generateDrafts(count, scope)) fixture.emulator.store.put(draft);
    };
    const invoke = (args: Record<string, unknown>) => plugin.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok(token).setArgs(struct(args)));
    const resultOf = (response: proto.InvokeResponse) => response.getReturn()?.toJavaScript() as Record<string, unknown>;

    it("reads every page (250 drafts, 3 lists of 100) and returns ids, names and every draft as getDeploymentDraft does", async () => {
        seed(250);
        fixture.emulator.faults.next("throttle", 1);
        const { result: response, lines } = await withStderrCapture(() => invoke(scope));
        assert.strictEqual(lines.length, 1);
        assertCleanMessage(lines[0], ["ListDeploymentDrafts", "Throttled", scope.namespace], [DEFAULT_TEST_CREDENTIAL.accessKeySecret]);
        assert.deepStrictEqual(response.getFailuresList(), []);
        const result = resultOf(response);
        const expected = generateDrafts(250, scope);
        assert.strictEqual(result.workspace, scope.workspace);
        assert.strictEqual(result.namespace, scope.namespace);
        assert.deepStrictEqual(result.ids, expected.map((d) => d.deploymentDraftId));
        assert.deepStrictEqual(result.names, expected.map((d) => d.name));
        assert.strictEqual(fixture.emulator.stats.byAction.ListDeploymentDrafts, 4, "three pages, one of them retried after throttling");

        const drafts = result.drafts as Array<Record<string, unknown>>;
        assert.strictEqual(drafts.length, 250);
        const single = resultOf(
            await plugin.call((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok("ververica:index:getDeploymentDraft").setArgs(struct({ ...scope, deploymentDraftId: expected[170].deploymentDraftId }))),
        );
        assert.deepStrictEqual(drafts[170], single);
        assert.deepStrictEqual(drafts[170].labels, { generated: true, index: 171 }, "labels keep their JSON types");
        assert.ok(!isSecretValue(result.drafts));
    });

    it("returns each draft's artifact, and only it, as a secret unless storeArtifactAsSecret is false", async () => {
        seed(3);
        const drafts = resultOf(await invoke(scope)).drafts as Array<Record<string, unknown>>;
        for (const draft of drafts) {
            assert.deepStrictEqual(
                Object.keys(draft).filter((key) => isSecretValue(draft[key])),
                ["artifact"],
            );
            assert.strictEqual((draft.artifact as { value: { kind: string } }).value.kind, "SQLSCRIPT");
        }
        const plain = resultOf(await invoke({ ...scope, storeArtifactAsSecret: false })).drafts as Array<Record<string, unknown>>;
        assert.ok(plain.every((d) => !isSecretValue(d.artifact) && (d.artifact as { kind: string }).kind === "SQLSCRIPT"));

        const bad = await invoke({ ...scope, storeArtifactAsSecret: "no" });
        assert.deepStrictEqual(bad.getFailuresList().map((f) => f.getProperty()), ["storeArtifactAsSecret"]);
    });

    it("reads a listed draft that lacks its artifact with GetDeploymentDraft", async () => {
        seed(101);
        fixture.emulator.behaviour.listOmits = ["artifact"];
        const drafts = resultOf(await invoke({ ...scope, storeArtifactAsSecret: false })).drafts as Array<{ artifact?: { kind?: string } }>;
        assert.strictEqual(drafts.length, 101);
        assert.ok(drafts.every((d) => d.artifact?.kind === "SQLSCRIPT"));
        assert.strictEqual(fixture.emulator.stats.byAction.GetDeploymentDraft, 101);
    });

    it("keeps only drafts passing every filter: nameRegex, ids, and labels whose values are numbers or booleans", async () => {
        seed(130);
        const byRegex = resultOf(await invoke({ ...scope, nameRegex: "-01[0-9]{2}$" }));
        assert.deepStrictEqual(byRegex.names, Array.from({ length: 31 }, (_, i) => `draft-${String(100 + i).padStart(4, "0")}`));

        const byLabels = resultOf(await invoke({ ...scope, labels: { index: 7, generated: true } }));
        assert.deepStrictEqual(byLabels.names, ["draft-0007"]);

        const wanted = generateDrafts(130, scope).filter((_, i) => i === 4 || i === 120).map((d) => d.deploymentDraftId);
        const all = resultOf(await invoke({ ...scope, ids: wanted, nameRegex: "^draft-01", labels: { generated: "true" } }));
        assert.deepStrictEqual(all.ids, [wanted[1]]);
    });

    it("an invalid nameRegex is a failure naming it, before any request", async () => {
        const before = fixture.emulator.stats.requests;
        const response = await invoke({ ...scope, nameRegex: "orders-(" });
        assert.strictEqual(response.getReturn(), undefined);
        assert.deepStrictEqual(response.getFailuresList().map((f) => f.getProperty()), ["nameRegex"]);
        assertCleanMessage(response.getFailuresList()[0].getReason(), ["orders-(", "not a valid regular expression"], ["\n"]);

        const blankId = await invoke({ ...scope, ids: ["  "] });
        assert.deepStrictEqual(blankId.getFailuresList().map((f) => f.getProperty()), ["ids[0]"]);
        assert.strictEqual(fixture.emulator.stats.requests, before);
    });

    it("a secret argument makes the whole result secret", async () => {
        seed(2);
        const result = resultOf(await invoke({ ...scope, namespace: secretValue(scope.namespace) }));
        assert.ok(isSecretValue(result.drafts) && isSecretValue(result.names) && isSecretValue(result.namespace));
        assert.strictEqual((result.drafts.value as unknown[]).length, 2);
    });

    it("a refused namespace fails as one line naming workspace, namespace, request id and error code", async () => {
        fixture.emulator.behaviour.deniedNamespaces.push(scope.namespace);
        const failure = await plugin.fail((c) => c.invoke.bind(c), new proto.InvokeRequest().setTok(token).setArgs(struct(scope)));
        assertCleanMessage(failure.details, [scope.workspace, scope.namespace, "requestId", "error code"], ["\n", "    at ", DEFAULT_TEST_CREDENTIAL.accessKeySecret]);
    });
});
