/**
 * getDeploymentDraftsOutput in a Pulumi program run with the runtime's mocks: the lookup reads
 * the emulator from the program process (the mocks' `call` never sees it), its result is an
 * output with the inputs' secrecy, and it stays unknown without a request while an input is.
 */
import * as assert from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { DeploymentDraftsResult, getDeploymentDraftsOutput } from "../../sdk/nodejs";
import { generateDrafts } from "../emulator";
import { useEmulator } from "../helpers/emulatorFixture";

const scope = { workspace: "ws-mock", namespace: "ns-mock" };

function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => {
        output.apply((v) => {
            resolve(v);
            return v;
        });
    });
}

function isKnown(output: pulumi.Output<unknown>): Promise<boolean> {
    return (output as unknown as { isKnown: Promise<boolean> }).isKnown;
}

/** A resource whose output the engine knows only after creation. */
class Team extends pulumi.CustomResource {
    declare readonly label: pulumi.Output<string>;
    constructor(name: string) {
        super("test:org:Team", name, { label: undefined });
    }
}

describe("getDeploymentDraftsOutput in a mock-mode Pulumi program", () => {
    const fixture = useEmulator({ drafts: generateDrafts(120, scope) });
    let invokes: string[] = [];
    let original: { project: string; stack: string; dryRun: boolean };
    const mocks: pulumi.runtime.Mocks = {
        newResource(args) {
            return { id: pulumi.runtime.isDryRun() ? undefined : `${args.name}-id`, state: pulumi.runtime.isDryRun() ? (args.inputs as Record<string, unknown>) : { ...(args.inputs as Record<string, unknown>), label: "true" } };
        },
        call(args) {
            invokes.push(args.token);
            throw new Error(`unexpected invoke of ${args.token}`);
        },
    };

    before(() => {
        original = { project: pulumi.runtime.getProject(), stack: pulumi.runtime.getStack(), dryRun: pulumi.runtime.isDryRun() };
    });
    beforeEach(() => {
        invokes = [];
    });
    afterEach(() => {
        pulumi.runtime.resetOptions(original.project, original.stack, -1, "", "", original.dryRun, "");
        assert.deepStrictEqual(invokes, []);
    });

    it("resolves to every matching draft, its names and ids lifted as outputs", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", false);
        const team = new Team("data");
        const drafts = getDeploymentDraftsOutput({ ...scope, nameRegex: "^draft-01", labels: { generated: team.label } }, { endpoint: fixture.emulator.url });
        const value: DeploymentDraftsResult = await valueOf(drafts);
        assert.strictEqual(value.drafts.length, 21); // draft-0100 to draft-0120
        assert.deepStrictEqual(await valueOf(drafts.names), value.drafts.map((d) => d.name));
        assert.strictEqual((await valueOf(drafts.ids))[0], value.drafts[0].deploymentDraftId);
        assert.strictEqual(await pulumi.isSecret(drafts), true, "the drafts' artifacts may hold passwords: the result is secret by default");
        assert.ok((await pulumi.getAllResources(drafts)).has(team), "the result depends on the resource its input came from");
    });

    it("is as secret as its inputs with storeArtifactAsSecret: false", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", false);
        const plain = getDeploymentDraftsOutput({ ...scope, nameRegex: "^draft-0001$" }, { endpoint: fixture.emulator.url, storeArtifactAsSecret: false });
        assert.strictEqual(await pulumi.isSecret(plain), false);
        assert.deepStrictEqual(await valueOf(plain.names), ["draft-0001"]);
        const secretInput = getDeploymentDraftsOutput({ ...scope, nameRegex: pulumi.secret("^draft-0001$") }, { endpoint: fixture.emulator.url, storeArtifactAsSecret: false });
        assert.strictEqual(await pulumi.isSecret(secretInput), true);
    });

    it("makes the result secret when an input is secret", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", false);
        const drafts = getDeploymentDraftsOutput({ ...scope, nameRegex: pulumi.secret("^draft-0001$") }, { endpoint: fixture.emulator.url });
        assert.strictEqual(await pulumi.isSecret(drafts), true);
        assert.deepStrictEqual(await valueOf(drafts.names), ["draft-0001"]);
    });

    it("stays unknown during preview while an input is unknown, and sends no request", async () => {
        await pulumi.runtime.setMocks(mocks, "ververica-test", "dev", true);
        const team = new Team("data");
        const drafts = getDeploymentDraftsOutput({ ...scope, labels: { generated: team.label } }, { endpoint: fixture.emulator.url });
        assert.strictEqual(await isKnown(drafts), false);
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.strictEqual(fixture.emulator.stats.requests, 0);
    });
});
