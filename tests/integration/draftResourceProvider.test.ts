import * as assert from "assert";
import { unknownValue } from "@pulumi/pulumi/runtime";
import { draftResourceOutputNames, DraftResourceState } from "../../provider/core/draftResource";
import { createDraftResourceProvider, DraftResourceOutputs, revisionOf } from "../../provider/dynamic/draftResourceProvider";
import { clearDraftLookupCache } from "../../provider/core/draftLookup";
import { DEFAULT_TEST_CREDENTIAL } from "../emulator";
import { rejectsWithCode } from "../helpers/assertions";
import { useEmulator } from "../helpers/emulatorFixture";

const ws = "a14bd5d90a";
const ns = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";

// The provider's methods, called as the dynamic-provider host calls them, against the emulator.
describe("DeploymentDraft provider methods", () => {
    // Throttling is retried for a time budget, not a count: none here, so it fails as soon as other faults do.
    const fixture = useEmulator({}, { VERVERICA_MAX_ATTEMPTS: "2", VERVERICA_RETRY_THROTTLE_DELAY_MS: "5", VERVERICA_THROTTLE_RETRY_TIME_MS: "0" });
    const provider = () => createDraftResourceProvider(process.env);
    const inputs = () => ({ workspace: ws, namespace: ns, deploymentDraftId: ordersEtl, endpoint: fixture.emulator.url });

    it("check names the argument of bad inputs without a request", async () => {
        const p = provider();
        // Named once, in the reason: a failure without a property is printed as its reason alone.
        const bad = await p.check({}, { workspace: ws, namespace: " ", deploymentDraftId: ordersEtl });
        assert.deepStrictEqual(bad.failures, [{ property: "", reason: 'invalid argument "namespace": is blank (only whitespace)' }]);
        const both = await p.check({}, { workspace: ws, namespace: ns, deploymentDraftId: ordersEtl, name: "orders-etl" });
        assert.match(String(both.failures?.[0].reason), /^invalid argument "deploymentDraftId": /);
        // A JavaScript caller can pass a property the types do not have; the dynamic provider's own `__provider` passes.
        const typo = await p.check({}, { ...inputs(), deploymentDraftID: ordersEtl, __provider: "serialized" });
        assert.deepStrictEqual(typo.failures, [{ property: "", reason: 'invalid argument "deploymentDraftID": is not an argument of DeploymentDraft; did you mean "deploymentDraftId"?' }]);
        assert.strictEqual(fixture.emulator.stats.requests, 0);
    });

    it("check reads only a draft the stack does not track yet: an unknown one fails, a tracked one or unknown inputs make no request", async () => {
        const p = provider();
        const checked = await p.check({}, inputs());
        assert.strictEqual(checked.failures, undefined);
        assert.strictEqual((checked.inputs as Record<string, unknown> | undefined)?.revision, undefined);
        assert.strictEqual(fixture.emulator.stats.requests, 1);
        const missing = await p.check({}, { ...inputs(), deploymentDraftId: "missing" });
        assert.strictEqual(missing.failures?.length, 1);
        assert.strictEqual(missing.failures?.[0].property, "");
        assert.match(String(missing.failures?.[0].reason), /^deployment draft not found \(workspace "a14bd5d90a", namespace "default-namespace", deploymentDraftId "missing"; .*error code 990301/);
        const requests = fixture.emulator.stats.requests;
        const tracked = await p.check({ ...inputs(), revision: "r-1" }, { ...inputs(), deploymentDraftId: "missing" });
        assert.strictEqual(tracked.failures, undefined);
        assert.strictEqual((tracked.inputs as Record<string, unknown> | undefined)?.revision, "r-1", "the recorded revision is carried over");
        const preview = await p.check({}, { ...inputs(), deploymentDraftId: unknownValue });
        assert.strictEqual(preview.failures, undefined);
        assert.strictEqual(fixture.emulator.stats.requests, requests);
    });

    it("create reads the draft and returns every attribute as outputs, an absent one as null", async () => {
        const result = await provider().create(inputs());
        assert.strictEqual(result.id, ordersEtl);
        const outs = result.outs as DraftResourceState;
        assert.strictEqual(outs.name, "orders-etl");
        assert.strictEqual(outs.artifact?.kind, "SQLSCRIPT");
        assert.strictEqual(outs.endpoint, fixture.emulator.url);
        // Absent, not unknown: a preview reads a missing output as not known yet.
        assert.strictEqual(outs.lookupName, null);
        assert.strictEqual(outs.lock, null);
        assert.deepStrictEqual(Object.keys(outs), [...draftResourceOutputNames]);
    });

    it("create by name records the name it was looked up by", async () => {
        const result = await provider().create({ workspace: ws, namespace: ns, name: "orders-etl", endpoint: fixture.emulator.url });
        assert.strictEqual(result.id, ordersEtl);
        assert.strictEqual((result.outs as DraftResourceOutputs).lookupName, "orders-etl");
    });

    it("create fails with DraftNotFound for an unknown draft", async () => {
        await rejectsWithCode(provider().create({ ...inputs(), deploymentDraftId: "missing" }), "DraftNotFound");
    });

    it("diff replaces on another workspace, namespace or draft, and updates on a new endpoint", async () => {
        const p = provider();
        const olds = (await p.create(inputs())).outs as Record<string, unknown>;
        assert.deepStrictEqual(await p.diff(ordersEtl, olds, inputs()), { changes: false, replaces: [], deleteBeforeReplace: false });
        assert.deepStrictEqual((await p.diff(ordersEtl, olds, { ...inputs(), deploymentDraftId: "other" })).replaces, ["deploymentDraftId"]);
        assert.deepStrictEqual((await p.diff(ordersEtl, olds, { ...inputs(), namespace: "other" })).replaces, ["namespace"]);
        assert.deepStrictEqual((await p.diff(ordersEtl, olds, { ...inputs(), workspace: "other" })).replaces, ["workspace"]);
        const byName = { workspace: ws, namespace: ns, name: "orders-etl", endpoint: fixture.emulator.url };
        assert.deepStrictEqual((await p.diff(ordersEtl, olds, byName)).changes, false, "the same draft by its name is no change");
        assert.deepStrictEqual((await p.diff(ordersEtl, olds, { ...byName, name: "daily-report" })).replaces, ["name"]);
        const moved = await p.diff(ordersEtl, olds, { ...inputs(), endpoint: "http://127.0.0.1:1" });
        assert.deepStrictEqual([moved.changes, moved.replaces], [true, []]);
    });

    it("keeps the network it was given through create and read, updates on a new one, and refuses a bad one without a request", async () => {
        const p = provider();
        const outs = (await p.create({ ...inputs(), network: "vpc" })).outs as DraftResourceOutputs;
        assert.strictEqual(outs.network, "vpc");
        const read = await p.read(ordersEtl, outs);
        assert.strictEqual((read.inputs as { network?: string }).network, "vpc");
        assert.strictEqual((read.props as DraftResourceOutputs).network, "vpc");
        const changed = await p.diff(ordersEtl, outs, { ...inputs(), network: "public" });
        assert.deepStrictEqual([changed.changes, changed.replaces], [true, []]);
        const requests = fixture.emulator.stats.requests;
        const e = await rejectsWithCode(p.create({ ...inputs(), network: "VPC" }), "Configuration");
        assert.match(e.message, /network "VPC" from the network option must be "public" or "vpc"/);
        assert.strictEqual(fixture.emulator.stats.requests, requests);
    });

    it("up shows no change and reads nothing for a draft edited since; refresh shows it as drift once", async () => {
        const p = provider();
        const stored = (await p.check({}, inputs())).inputs as Record<string, unknown>;
        const olds = (await p.create(stored)).outs as Record<string, unknown>;
        fixture.emulator.store.update(ws, ns, ordersEtl, { lock: { id: "lock-9", holderName: "carol" } });
        clearDraftLookupCache(); // the next `up` runs in a new provider process
        const requests = fixture.emulator.stats.requests;
        const checked = (await provider().check(stored, inputs())).inputs as Record<string, unknown>;
        assert.strictEqual((await p.diff(ordersEtl, olds, checked)).changes, false);
        assert.strictEqual(fixture.emulator.stats.requests, requests);
        // A refresh diffs the refreshed outputs (olds) against the stored inputs (news).
        const read = await p.read(ordersEtl, olds);
        const refreshed = read.props as Record<string, unknown>;
        assert.strictEqual(refreshed.revision, revisionOf({ modifiedAt: refreshed.modifiedAt as number, lock: { id: "lock-9" } }));
        const onRefresh = await p.diff(ordersEtl, refreshed, stored);
        assert.deepStrictEqual([onRefresh.changes, onRefresh.replaces], [true, []]);
        // Then it is in state: neither the next up nor the next refresh shows it again.
        const next = (await p.check(read.inputs as Record<string, unknown>, inputs())).inputs as Record<string, unknown>;
        assert.strictEqual((await p.diff(ordersEtl, refreshed, next)).changes, false);
        const again = await p.read(ordersEtl, refreshed);
        assert.strictEqual((await p.diff(ordersEtl, again.props as Record<string, unknown>, read.inputs as Record<string, unknown>)).changes, false);
    });

    it("a revision stored by an earlier version causes no change on up", async () => {
        const p = provider();
        const olds = (await p.create(inputs())).outs as Record<string, unknown>;
        const earlier = { ...inputs(), revision: "1700000000000/unlocked" };
        const checked = (await p.check(earlier, inputs())).inputs as Record<string, unknown>;
        assert.deepStrictEqual(await p.diff(ordersEtl, olds, checked), { changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("read re-reads the draft and shows drift", async () => {
        const p = provider();
        const outs = (await p.create(inputs())).outs as DraftResourceOutputs;
        fixture.emulator.store.update(ws, ns, ordersEtl, { engineVersion: "vvr-11.1-jdk11-flink-1.20", lock: { id: "l-1", holderId: "42", holderName: "bob" } });
        const read = await p.read(ordersEtl, outs);
        assert.strictEqual(read.id, ordersEtl);
        assert.strictEqual((read.props as DraftResourceOutputs).engineVersion, "vvr-11.1-jdk11-flink-1.20");
        assert.strictEqual((read.props as DraftResourceOutputs).lock?.holderName, "bob");
        assert.deepStrictEqual(read.inputs, {
            workspace: ws,
            namespace: ns,
            deploymentDraftId: ordersEtl,
            endpoint: fixture.emulator.url,
            revision: revisionOf(read.props as DraftResourceOutputs),
        });
    });

    it("read removes the resource only when the draft is definitely gone", async () => {
        const p = provider();
        const outs = (await p.create(inputs())).outs as DraftResourceOutputs;
        fixture.emulator.store.remove(ws, ns, ordersEtl);
        assert.deepStrictEqual(await p.read(ordersEtl, outs), { id: "", props: {} });
    });

    for (const [fault, code] of [
        ["error503", "ServiceError"],
        ["throttle", "Throttled"],
        ["malformedJson", "InvalidResponse"],
        ["truncatedJson", "InvalidResponse"],
        ["reset", "Network"],
        ["forbidden", "AccessDenied"],
        ["badSignature", "InvalidCredentials"],
        ["successFalse", "RequestFailed"],
        ["rejectedThrottling", "Throttled"],
        ["successFalseThrottling", "Throttled"],
        ["retryAfterOn400", "Throttled"],
        ["notFoundWithoutCode", "UnconfirmedNotFound"],
    ] as const) {
        it(`read fails, keeping the resource, on ${fault}`, async () => {
            const p = provider();
            const outs = (await p.create(inputs())).outs as DraftResourceOutputs;
            fixture.emulator.faults.next(fault, 5, { retryAfterMs: 1 });
            await rejectsWithCode(p.read(ordersEtl, outs), code);
        });
    }

    it("read fails, keeping the resource, on the gateway's 404 for an unknown AccessKey", async () => {
        const p = provider();
        const outs = (await p.create(inputs())).outs as DraftResourceOutputs;
        process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "LTAIrevokedKey";
        await rejectsWithCode(p.read(ordersEtl, outs), "InvalidCredentials");
    });

    it("takes credentials from the stack config given to configure before the environment", async () => {
        const p = provider();
        process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "not-the-secret";
        const config: Record<string, string> = {
            "alicloud:accessKey": DEFAULT_TEST_CREDENTIAL.accessKeyId,
            "alicloud:secretKey": DEFAULT_TEST_CREDENTIAL.accessKeySecret,
        };
        await p.configure({ config: { get: (k: string) => config[k], require: (k: string) => config[k] } });
        assert.strictEqual((await p.create(inputs())).id, ordersEtl);
    });

    it("update re-reads; delete never calls the API", async () => {
        const p = provider();
        const outs = (await p.create(inputs())).outs as DraftResourceOutputs;
        const before = fixture.emulator.stats.requests;
        assert.strictEqual(((await p.update(ordersEtl, outs, inputs())).outs as DraftResourceOutputs).name, "orders-etl");
        await p.delete(ordersEtl, outs);
        assert.strictEqual(fixture.emulator.stats.requests, before + 1);
        assert.ok(fixture.emulator.store.get(ws, ns, ordersEtl));
    });

    it("update and read of a draft tracked by name read it by the id in state, without listing the namespace", async () => {
        const p = provider();
        const byName = { workspace: ws, namespace: ns, name: "orders-etl", endpoint: fixture.emulator.url };
        const created = await p.create(byName);
        fixture.emulator.stats.reset();
        await p.update(created.id, created.outs as DraftResourceOutputs, { ...byName, endpoint: fixture.emulator.url });
        await p.read(created.id, created.outs as DraftResourceOutputs);
        assert.deepStrictEqual(fixture.emulator.stats.byAction, { GetDeploymentDraft: 2 });
    });
});
