/**
 * getDeploymentDraftOutput in a Pulumi program run with the runtime's mocks
 * (`pulumi.runtime.setMocks`). The data source calls the API itself, in the program process,
 * so the mocks' `call` never sees it: it reaches the emulator, and the mocks only stand in for
 * the engine around it (resources, preview, secrets, dependencies).
 *
 * Mocks are process-global. Every test sets them afresh, and `afterEach` puts the runtime back
 * with `pulumi.runtime.resetOptions` (which also drops the mock monitor, the preview flag and
 * the promise-leak candidates that would otherwise fail the process at exit), so later test
 * files in the same mocha process see an unmocked runtime again.
 */
import * as assert from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { getDeploymentDraftOutput, GetDeploymentDraftResult, InvalidArgumentError } from "../../sdk/nodejs";
import { deploymentArgsFromDraft } from "../../sdk/nodejs/deploymentArgsFromDraft";
import { loadFixtureDrafts } from "../emulator";
import { useEmulator } from "../helpers/emulatorFixture";

const ordersEtl = loadFixtureDrafts()[1];
const ordersEtlId = String(ordersEtl.deploymentDraftId);
const demo = { workspace: "a14bd5d90a", namespace: "default-namespace" };

/** A resource of the program under test: a "created" draft whose id the engine knows only after creation. */
class CreatedDraft extends pulumi.CustomResource {
    declare readonly deploymentDraftId: pulumi.Output<string>;
    declare readonly workspace: pulumi.Output<string>;
    constructor(name: string, workspace: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions) {
        super("test:flink:CreatedDraft", name, { workspace, deploymentDraftId: undefined }, opts);
    }
}

/** The value of a known output. */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => {
        output.apply((v) => {
            resolve(v);
            return v;
        });
    });
}

/** The organization setting; getOrganization throws while none is set, as in a plain test process. */
function organizationOrEmpty(): string {
    try {
        return pulumi.runtime.getOrganization();
    } catch {
        return "";
    }
}

/** Whether an output is known (the runtime's own flag; `apply` is skipped while it is false). */
function isKnown(output: pulumi.Output<unknown>): Promise<boolean> {
    return (output as unknown as { isKnown: Promise<boolean> }).isKnown;
}

describe("getDeploymentDraftOutput in a mock-mode Pulumi program", () => {
    const fixture = useEmulator();
    let invokes: string[] = [];
    let registered: string[] = [];
    let original: { project: string; stack: string; organization: string; dryRun: boolean };

    const mocks: pulumi.runtime.Mocks = {
        newResource(args) {
            registered.push(`${args.type}::${args.name}`);
            // Like a real engine: outputs the provider computes are unknown during preview.
            const computed = pulumi.runtime.isDryRun() ? {} : { deploymentDraftId: ordersEtlId };
            return { id: pulumi.runtime.isDryRun() ? undefined : `${args.name}-id`, state: { ...(args.inputs as Record<string, unknown>), ...computed } };
        },
        call(args) {
            invokes.push(args.token);
            throw new Error(`unexpected invoke of ${args.token}: the data source must not go through the engine`);
        },
    };

    before(() => {
        original = {
            project: pulumi.runtime.getProject(),
            stack: pulumi.runtime.getStack(),
            organization: organizationOrEmpty(),
            dryRun: pulumi.runtime.isDryRun(),
        };
    });

    beforeEach(() => {
        invokes = [];
        registered = [];
    });

    afterEach(() => {
        pulumi.runtime.resetOptions(original.project, original.stack, -1, "", "", original.dryRun, original.organization);
        assert.deepStrictEqual(invokes, [], "the data source must not invoke through the engine");
    });

    const endpoint = () => fixture.emulator.url;

    it("resolves known inputs to typed outputs equal to the fixture, with one request and no engine invoke", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", false);
        // A small program: the workspace comes from another resource's output.
        const created = new CreatedDraft("orders", demo.workspace);
        const draft = getDeploymentDraftOutput(
            { workspace: created.workspace, namespace: demo.namespace, deploymentDraftId: ordersEtlId },
            { endpoint: endpoint(), cache: false },
        );

        const value: GetDeploymentDraftResult = await valueOf(draft);
        assert.deepStrictEqual(value, { id: ordersEtl.deploymentDraftId, ...ordersEtl });
        // Properties are lifted: each is an output of its own.
        assert.strictEqual(await valueOf(draft.id), ordersEtlId);
        assert.strictEqual(await valueOf(draft.engineVersion as pulumi.Output<string | undefined>), "vvr-8.0.9-flink-1.17");
        assert.deepStrictEqual(await valueOf(draft.apply((d) => d.labels)), { team: "data-platform", env: "prod", tier: 1 });
        const artifact = await valueOf(draft.apply((d) => d.artifact));
        assert.strictEqual(artifact?.kind === "SQLSCRIPT" ? typeof artifact.sqlArtifact?.sqlScript : "not SQL", "string");
        assert.strictEqual(await pulumi.isSecret(draft), true, "the artifact may hold passwords: the result is secret by default");
        assert.strictEqual(fixture.emulator.stats.requests, 1);
        assert.deepStrictEqual(registered, ["test:flink:CreatedDraft::orders"]);
    });

    it("keeps the artifact secret on every path: the result, its attributes, and the arguments fed to a deployment", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", false);
        const draft = getDeploymentDraftOutput({ ...demo, deploymentDraftId: ordersEtlId }, { endpoint: endpoint(), cache: false });
        assert.strictEqual(await pulumi.isSecret(draft), true);
        assert.strictEqual(await pulumi.isSecret(draft.artifact as pulumi.Output<unknown>), true, "a lifted property of a secret result is secret too");
        assert.strictEqual(await pulumi.isSecret(draft.apply((d) => d.artifact)), true);
        assert.strictEqual((await valueOf(draft)).name, "orders-etl");
        const args = deploymentArgsFromDraft(draft, { deploymentTarget: { mode: "PER_JOB", name: "default-queue" } }, { storeArtifactAsSecret: false });
        assert.strictEqual(await pulumi.isSecret(pulumi.output(args.artifact)), true, "the helper's opt-out does not undo the data source's secrecy");
        for (const name of ["resourceId", "namespace", "deploymentName", "engineVersion"] as const) {
            assert.strictEqual(await pulumi.isSecret(pulumi.output(args[name])), false, `${name} stays as readable as the inputs`);
        }
    });

    it("makes the result secret when an input is secret, also with storeArtifactAsSecret: false", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", false);
        const options = { endpoint: endpoint(), cache: false, storeArtifactAsSecret: false };
        const draft = getDeploymentDraftOutput({ ...demo, deploymentDraftId: pulumi.secret(ordersEtlId) }, options);
        assert.strictEqual(await pulumi.isSecret(draft), true);
        assert.strictEqual(await pulumi.isSecret(draft.name as pulumi.Output<string | undefined>), true);

        const plain = getDeploymentDraftOutput({ ...demo, deploymentDraftId: ordersEtlId }, options);
        assert.strictEqual(await pulumi.isSecret(plain), false);
        assert.strictEqual((await valueOf(plain)).name, "orders-etl");
    });

    it("takes region and endpoint as inputs, secret ones included", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", false);
        const draft = getDeploymentDraftOutput({ ...demo, deploymentDraftId: ordersEtlId }, { endpoint: pulumi.secret(endpoint()), region: pulumi.output("cn-hangzhou"), cache: false });
        assert.strictEqual((await valueOf(draft)).deploymentDraftId, ordersEtlId);
        assert.strictEqual(fixture.emulator.stats.requests, 1);
    });

    it("stays unknown during preview while an input is unknown, and sends no request", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", /* preview */ true);
        const created = new CreatedDraft("orders", demo.workspace);
        assert.strictEqual(await isKnown(created.deploymentDraftId), false, "the mocked resource's id must be unknown in preview");

        const draft = getDeploymentDraftOutput({ ...demo, deploymentDraftId: created.deploymentDraftId }, { endpoint: endpoint(), cache: false });
        assert.strictEqual(await isKnown(draft), false);
        assert.strictEqual(await isKnown(draft.engineVersion as pulumi.Output<string | undefined>), false);
        // Give any stray request time to arrive before counting.
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.strictEqual(fixture.emulator.stats.requests, 0);
    });

    it("still reads a draft during preview when every input is known", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", /* preview */ true);
        const draft = getDeploymentDraftOutput({ ...demo, deploymentDraftId: ordersEtlId }, { endpoint: endpoint(), cache: false });
        assert.strictEqual(await isKnown(draft), true);
        assert.strictEqual((await valueOf(draft)).name, "orders-etl");
        assert.strictEqual(fixture.emulator.stats.requests, 1);
    });

    it("adds the dependsOn resources to the output's dependencies", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", false);
        const first = new CreatedDraft("first", demo.workspace);
        const second = new CreatedDraft("second", demo.workspace);
        const args = { ...demo, deploymentDraftId: ordersEtlId };

        const one = getDeploymentDraftOutput(args, { endpoint: endpoint(), cache: false, dependsOn: first });
        const many = getDeploymentDraftOutput(args, { endpoint: endpoint(), cache: false, dependsOn: [first, second] });
        const none = getDeploymentDraftOutput(args, { endpoint: endpoint(), cache: false });

        const oneDeps = await pulumi.getAllResources(one);
        assert.ok(oneDeps.has(first), "dependsOn: resource");
        assert.ok(!oneDeps.has(second));
        const manyDeps = await pulumi.getAllResources(many);
        assert.ok(manyDeps.has(first) && manyDeps.has(second), "dependsOn: [resources]");
        assert.strictEqual((await pulumi.getAllResources(none)).size, 0);
        assert.strictEqual((await valueOf(one)).name, "orders-etl");
    });
    it("throws at the call for an invalid plain argument, and rejects the output for an invalid output argument, without a request", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", false);
        assert.throws(
            () => getDeploymentDraftOutput({ ...demo, namespace: "", deploymentDraftId: ordersEtlId }, { endpoint: endpoint() }),
            (e: unknown) => e instanceof InvalidArgumentError && e.argument === "namespace",
        );
        const late = getDeploymentDraftOutput({ ...demo, namespace: pulumi.output(" "), deploymentDraftId: ordersEtlId }, { endpoint: endpoint() });
        await assert.rejects((late as unknown as { promise(): Promise<unknown> }).promise(), (e: unknown) => e instanceof InvalidArgumentError && e.argument === "namespace");
        assert.strictEqual(fixture.emulator.stats.requests, 0);
    });
});
