/**
 * The deployment feed in both its forms, on the same drafts of the emulator: the plugin's
 * `ververica:index:getDeploymentArgs` over loopback gRPC, called as the engine calls it, and the
 * TypeScript `deploymentArgsFromDraft` fed by `getDeploymentDraft`. They give the same values for
 * every artifact kind, make the artifact (and only it) secret, and refuse the same drafts with the
 * same code and message. The answers the Python and Go SDK tests' mocks give for this function
 * (tests/sdk/deploymentArgsAnswers.json) are checked to be the plugin's.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { getDeploymentDraft } from "../../../sdk/nodejs";
import { deploymentArgsFromDraft, DeploymentArgsFromDraftOptions } from "../../../sdk/nodejs/deploymentArgsFromDraft";
import { DraftNotDeployableError } from "../../../provider/core/errors";
import type { WireDeploymentDraft } from "../../../provider/core/wireTypes";
import { DEFAULT_TEST_CREDENTIAL, loadFixtureDrafts } from "../../emulator";
import { useEmulator } from "../../helpers/emulatorFixture";
import { isSecretValue, PluginSession, proto, secretValue, startPluginSession, struct } from "../../helpers/pluginClient";

const token = "ververica:index:getDeploymentArgs";
const scope = { workspace: "a14bd5d90a", namespace: "default-namespace" };
const overrides = { deploymentTarget: { mode: "PER_JOB", name: "default-queue" } };

/** What the Python and Go SDK tests' mocks answer for getDeploymentArgs, by draft name. */
interface MockAnswers {
    readonly workspace: string;
    readonly namespace: string;
    readonly answers: Record<string, Record<string, unknown>>;
    readonly refusals: Record<string, { readonly code: string; readonly message: string }>;
}
const mockAnswersFile = path.resolve(__dirname, "..", "..", "sdk", "deploymentArgsAnswers.json");

/** A feed's values, and which of them are secret. */
interface Feed {
    readonly values: Record<string, unknown>;
    readonly secrets: string[];
}

type Selector = { readonly workspace: string; readonly namespace: string } & ({ readonly deploymentDraftId: string } | { readonly name: string });

function fixtureDraft(name: string): WireDeploymentDraft {
    const draft = loadFixtureDrafts().find((d) => d.workspace === scope.workspace && d.name === name);
    assert.ok(draft, `no fixture draft ${name}`);
    return draft;
}

// An output's own promise: unlike `apply`, it also reports a failed output.
function settle(value: unknown): Promise<unknown> {
    return pulumi.Output.isInstance(value) ? (value as unknown as { promise(): Promise<unknown> }).promise() : Promise.resolve(value);
}

describe("ververica plugin getDeploymentArgs invoke, against deploymentArgsFromDraft", () => {
    const fixture = useEmulator();
    let plugin: PluginSession;
    const env = { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", VERVERICA_MAX_ATTEMPTS: "1" };

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

    const request = (args: Record<string, unknown>) => new proto.InvokeRequest().setTok(token).setArgs(struct(args));

    async function pluginFeed(args: Record<string, unknown>): Promise<Feed> {
        const response = await plugin.call((c) => c.invoke.bind(c), request(args));
        assert.deepStrictEqual(response.getFailuresList(), []);
        const raw = response.getReturn()?.toJavaScript() as Record<string, unknown>;
        const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, isSecretValue(v) ? v.value : v]));
        return { values, secrets: Object.keys(raw).filter((k) => isSecretValue(raw[k])) };
    }

    async function typescriptFeed(selector: Selector, deploymentName?: string, options?: DeploymentArgsFromDraftOptions): Promise<Feed> {
        const draft = await getDeploymentDraft(selector, { endpoint: fixture.emulator.url, cache: false });
        const { deploymentTarget, ...fed } = deploymentArgsFromDraft(draft, deploymentName === undefined ? overrides : { ...overrides, deploymentName }, options);
        assert.deepStrictEqual(deploymentTarget, overrides.deploymentTarget);
        const entries = await Promise.all(Object.entries(fed).map(async ([k, v]) => [k, await settle(v), await pulumi.isSecret(pulumi.output(v))] as const));
        return { values: Object.fromEntries(entries.map(([k, v]) => [k, v])), secrets: entries.filter(([, , secret]) => secret).map(([k]) => k) };
    }

    /** The DraftNotDeployableError the TypeScript helper throws for the draft `selector` selects. */
    async function typescriptRefusal(selector: Selector): Promise<DraftNotDeployableError> {
        const draft = await getDeploymentDraft(selector, { endpoint: fixture.emulator.url, cache: false });
        try {
            deploymentArgsFromDraft(draft, overrides);
        } catch (e) {
            assert.ok(e instanceof DraftNotDeployableError, `expected DraftNotDeployableError, got ${String(e)}`);
            return e;
        }
        return assert.fail("deploymentArgsFromDraft accepted the draft");
    }

    async function assertSameRefusal(selector: Selector, problem: RegExp): Promise<void> {
        const expected = await typescriptRefusal(selector);
        assert.match(expected.problem, problem);
        const failure = await plugin.fail((c) => c.invoke.bind(c), request(selector));
        assert.ok(failure.details.includes(expected.code), `${failure.details} should name ${expected.code}`);
        assert.ok(failure.details.includes(expected.message), `${failure.details}\nshould carry the helper's message:\n${expected.message}`);
    }

    for (const [name, kind] of [
        ["orders-etl", "SQLSCRIPT"],
        ["clickstream-sessionizer", "JAR"],
        ["fraud-scoring", "PYTHON"],
        ["daily-report", "SQLSCRIPT"],
    ] as const) {
        it(`gives what deploymentArgsFromDraft gives for ${name} (${kind}), by name and by id, the artifact alone secret`, async () => {
            const draft = fixtureDraft(name);
            const expected = await typescriptFeed({ ...scope, name });
            assert.deepStrictEqual(expected.secrets, ["artifact"]);
            assert.strictEqual((expected.values.artifact as { kind: string }).kind, kind);
            assert.deepStrictEqual(await pluginFeed({ ...scope, name }), expected);
            assert.deepStrictEqual(await pluginFeed({ ...scope, deploymentDraftId: draft.deploymentDraftId }), expected);
        });
    }

    it("turns labels into strings as TypeScript does: 1 into \"1\", false into \"false\"", async () => {
        assert.deepStrictEqual((await pluginFeed({ ...scope, name: "orders-etl" })).values.labels, { team: "data-platform", env: "prod", tier: "1" });
        assert.deepStrictEqual((await pluginFeed({ ...scope, name: "fraud-scoring" })).values.labels, { team: "risk", env: "prod", gpu: "false" });
    });

    it("keeps only the part the kind selects, and leaves out what the draft lacks", async () => {
        const bare: WireDeploymentDraft = {
            ...fixtureDraft("orders-etl"),
            deploymentDraftId: "bare-draft",
            name: "bare",
            artifact: { kind: "JAR", jarArtifact: { jarUri: "oss://bucket/job.jar" }, sqlArtifact: { sqlScript: "SELECT 1" } },
        };
        delete bare.labels;
        delete bare.localVariables;
        delete bare.engineVersion;
        fixture.emulator.store.put(bare);
        const fed = await pluginFeed({ ...scope, deploymentDraftId: "bare-draft" });
        assert.deepStrictEqual(fed, await typescriptFeed({ ...scope, deploymentDraftId: "bare-draft" }));
        assert.deepStrictEqual(fed.values, {
            resourceId: scope.workspace,
            namespace: scope.namespace,
            deploymentName: "bare",
            executionMode: "STREAMING",
            artifact: { kind: "JAR", jarArtifact: { jarUri: "oss://bucket/job.jar" } },
        });
    });

    it("takes deploymentName instead of the draft's name, and storeArtifactAsSecret: false, as TypeScript does", async () => {
        const renamed = await pluginFeed({ ...scope, name: "orders-etl", deploymentName: "orders-v2" });
        assert.strictEqual(renamed.values.deploymentName, "orders-v2");
        assert.deepStrictEqual(renamed, await typescriptFeed({ ...scope, name: "orders-etl" }, "orders-v2"));

        const readable = await pluginFeed({ ...scope, name: "orders-etl", storeArtifactAsSecret: false });
        assert.deepStrictEqual(readable.secrets, []);
        assert.deepStrictEqual(readable, await typescriptFeed({ ...scope, name: "orders-etl" }, undefined, { storeArtifactAsSecret: false }));
        assert.deepStrictEqual((await pluginFeed({ ...scope, name: "orders-etl", storeArtifactAsSecret: true })).secrets, ["artifact"]);
    });

    it("names a draft without a name by the deploymentName given", async () => {
        const nameless: WireDeploymentDraft = { ...fixtureDraft("clickstream-sessionizer"), deploymentDraftId: "nameless" };
        delete nameless.name;
        fixture.emulator.store.put(nameless);
        const selector = { ...scope, deploymentDraftId: "nameless" };
        const fed = await pluginFeed({ ...selector, deploymentName: "sessions" });
        assert.deepStrictEqual(fed, await typescriptFeed(selector, "sessions"));
        assert.strictEqual(fed.values.deploymentName, "sessions");
    });

    it("makes the whole result secret when an argument is", async () => {
        const fed = await pluginFeed({ ...scope, name: secretValue("orders-etl") });
        assert.deepStrictEqual(fed.secrets.sort(), Object.keys(fed.values).sort());
    });

    it("refuses a CDCYAML draft with the helper's DraftNotDeployable code and message", async () => {
        await assertSameRefusal({ ...scope, name: "mysql-to-paimon" }, /CDCYAML/);
    });

    for (const [missing, field, problem] of [
        ["an artifact", "artifact", /no artifact/],
        ["an execution mode", "executionMode", /no execution mode/],
        ["a name", "name", /no name/],
    ] as const) {
        it(`refuses a draft without ${missing} with the helper's DraftNotDeployable code and message`, async () => {
            const deploymentDraftId = `without-${field}`;
            const draft: WireDeploymentDraft = { ...fixtureDraft("orders-etl"), deploymentDraftId };
            delete draft[field];
            fixture.emulator.store.put(draft);
            await assertSameRefusal({ ...scope, deploymentDraftId }, problem);
        });
    }

    it("refuses an artifact of a kind it does not know as the helper does", async () => {
        fixture.emulator.store.put({ ...fixtureDraft("orders-etl"), deploymentDraftId: "flinkml", artifact: { kind: "FLINKML" } });
        await assertSameRefusal({ ...scope, deploymentDraftId: "flinkml" }, /"FLINKML" is not one of/);
    });

    it("fails a bad argument before any request, naming it", async () => {
        const failures = async (args: Record<string, unknown>) => (await plugin.call((c) => c.invoke.bind(c), request(args))).getFailuresList().map((f) => [f.getProperty(), f.getReason()]);
        assert.deepStrictEqual(await failures({ workspace: scope.workspace, name: "orders-etl" }), [["namespace", 'invalid argument "namespace": is required']]);
        assert.deepStrictEqual((await failures({ ...scope, name: "orders-etl", deploymentDraftId: "x" }))[0][0], "deploymentDraftId");
        assert.deepStrictEqual(await failures({ ...scope, name: "orders-etl", deploymentName: 5 }), [["deploymentName", 'invalid argument "deploymentName": must be a string, got number']]);
        assert.deepStrictEqual(await failures({ ...scope, name: "orders-etl", storeArtifactAsSecret: "no" }), [
            ["storeArtifactAsSecret", 'invalid argument "storeArtifactAsSecret": must be a boolean, got string'],
        ]);
        assert.strictEqual(fixture.emulator.stats.log.length, 0);
    });

    it("answers what the Python and Go SDK tests' mocks answer (tests/sdk/deploymentArgsAnswers.json)", async () => {
        const mocks = JSON.parse(fs.readFileSync(mockAnswersFile, "utf8")) as MockAnswers;
        assert.deepStrictEqual([mocks.workspace, mocks.namespace], [scope.workspace, scope.namespace]);
        assert.ok(Object.keys(mocks.answers).length >= 3 && Object.keys(mocks.refusals).length >= 1);
        for (const [name, answer] of Object.entries(mocks.answers)) {
            assert.deepStrictEqual(await pluginFeed({ ...scope, name }), { values: answer, secrets: ["artifact"] }, name);
        }
        for (const [name, refusal] of Object.entries(mocks.refusals)) {
            const failure = await plugin.fail((c) => c.invoke.bind(c), request({ ...scope, name }));
            assert.ok(failure.details.includes(refusal.code) && failure.details.includes(refusal.message), `${name}: ${failure.details}`);
        }
    });
});
