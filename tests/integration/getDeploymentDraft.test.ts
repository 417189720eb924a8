import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { getDeploymentDraft, getDeploymentDraftOutput, InvalidArgumentError } from "../../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL, loadFixtureDrafts } from "../emulator";
import { assertCleanMessage, rejectsWithCode } from "../helpers/assertions";
import { useEmulator } from "../helpers/emulatorFixture";

const seed = loadFixtureDrafts()[0];
const seedArgs = { workspace: "edcef******b4f", namespace: "default-namespace", deploymentDraftId: "00000000-0000-0000-0000-00000012****" };
const demo = { workspace: "a14bd5d90a", namespace: "default-namespace" };
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";

describe("getDeploymentDraft against the emulator", () => {
    const fixture = useEmulator();
    const endpoint = () => fixture.emulator.url;

    it("returns the documented example response field for field", async () => {
        const result = await getDeploymentDraft(seedArgs, { endpoint: endpoint() });
        assert.deepStrictEqual(result, { id: seed.deploymentDraftId, ...seed });
        assert.strictEqual(result.labels?.test2, 1);
        assert.strictEqual(typeof result.createdAt, "number");
        assert.strictEqual(fixture.emulator.stats.byStatus["200"], 1);
    });

    it("sends the ROA request the API defines: encoded path, workspace header, V3 signature", async () => {
        await getDeploymentDraft(seedArgs, { endpoint: endpoint() });
        const [entry] = fixture.emulator.stats.log;
        assert.strictEqual(entry.method, "GET");
        assert.strictEqual(entry.rawPath, "/api/v2/namespaces/default-namespace/deployment-drafts/00000000-0000-0000-0000-00000012%2A%2A%2A%2A");
        assert.strictEqual(entry.headers.workspace, seedArgs.workspace);
        assert.strictEqual(entry.headers["x-acs-action"], "GetDeploymentDraft");
        assert.strictEqual(entry.headers["x-acs-version"], "2022-07-18");
        assert.match(String(entry.headers.authorization), /^ACS3-HMAC-SHA256 Credential=LTAI\w+,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$/);
    });

    it("reads JAR, Python and CDC YAML drafts as their artifact kind", async () => {
        const all = loadFixtureDrafts().filter((d) => d.workspace === demo.workspace);
        const kinds = new Set<string>();
        for (const d of all) {
            const result = await getDeploymentDraft({ ...demo, deploymentDraftId: String(d.deploymentDraftId) }, { endpoint: endpoint() });
            assert.deepStrictEqual(result, { id: d.deploymentDraftId, ...d });
            kinds.add(String(result.artifact?.kind));
        }
        assert.deepStrictEqual([...kinds].sort(), ["CDCYAML", "JAR", "PYTHON", "SQLSCRIPT"]);
    });

    it("keeps ids with '/', '../', spaces and unicode inside their path segment", async () => {
        const ids = ["a/b", "../x", "...", "with space", "ünïcødé-✓", "x?y#z", "100%", "it's (v2)*"];
        for (const id of ids) {
            fixture.emulator.store.put({ ...loadFixtureDrafts()[1], deploymentDraftId: id, workspace: demo.workspace, namespace: "odd ns/1" });
        }
        for (const id of ids) {
            const result = await getDeploymentDraft({ workspace: demo.workspace, namespace: "odd ns/1", deploymentDraftId: id }, { endpoint: endpoint(), cache: false });
            assert.strictEqual(result.deploymentDraftId, id);
        }
        const paths = fixture.emulator.stats.log.map((e) => e.rawPath);
        assert.ok(paths.every((p) => p.startsWith("/api/v2/namespaces/odd%20ns%2F1/deployment-drafts/")), paths.join("\n"));
        assert.ok(paths.includes("/api/v2/namespaces/odd%20ns%2F1/deployment-drafts/a%2Fb"));
        assert.ok(paths.includes("/api/v2/namespaces/odd%20ns%2F1/deployment-drafts/..%2Fx"));
    });

    it("fails before any request when an id is empty or malformed, naming the argument", async () => {
        const cases: Array<[Record<string, unknown>, string, RegExp]> = [
            [{ ...demo, deploymentDraftId: "" }, "deploymentDraftId", /is empty/],
            [{ ...demo, deploymentDraftId: "   " }, "deploymentDraftId", /blank/],
            [{ ...demo, deploymentDraftId: "a\nb" }, "deploymentDraftId", /control character/],
            [{ ...demo, deploymentDraftId: "x".repeat(300) }, "deploymentDraftId", /at most 256/],
            [{ ...demo, deploymentDraftId: ".." }, "deploymentDraftId", /cannot be sent as a path segment/],
            [{ ...demo, namespace: ".", deploymentDraftId: ordersEtl }, "namespace", /cannot be sent as a path segment/],
            [{ namespace: demo.namespace, deploymentDraftId: ordersEtl }, "workspace", /is required/],
            [{ ...demo, namespace: "" }, "namespace", /is empty/],
            [{ ...demo }, "deploymentDraftId", /is required, or "name" instead/],
            [{ ...demo, draftName: "orders-etl" }, "draftName", /is not an argument of getDeploymentDraft; it takes "workspace", "namespace", and "deploymentDraftId" or "name"/],
            [{ ...demo, deploymentDraftId: pulumi.output(ordersEtl) }, "deploymentDraftId", /is a Pulumi Output; .*use getDeploymentDraftOutput/],
            [{ ...demo, deploymentDraftId: Promise.resolve(ordersEtl) }, "deploymentDraftId", /is a Promise; await it first, or use getDeploymentDraftOutput/],
            [{ ...demo, name: pulumi.secret("orders-etl") }, "name", /is a Pulumi Output/],
            [{ ...demo, deploymentDraftId: ordersEtl, name: "orders-etl" }, "deploymentDraftId", /not both/],
        ];
        for (const [args, argument, problem] of cases) {
            const e = await rejectsWithCode(getDeploymentDraft(args as never, { endpoint: endpoint() }), "InvalidArgument");
            assert.ok(e.message.includes(`"${argument}"`), e.message);
            assert.match(e.message, problem);
        }
        assert.strictEqual(fixture.emulator.stats.requests, 0);
    });

    it("the output form names an unknown argument too, at the call, before any request", () => {
        const args = { ...demo, draftName: pulumi.output("orders-etl") } as unknown as Parameters<typeof getDeploymentDraftOutput>[0];
        assert.throws(
            () => getDeploymentDraftOutput(args, { endpoint: endpoint() }),
            (e: unknown) => e instanceof InvalidArgumentError && /invalid argument "draftName": is not an argument of getDeploymentDraftOutput/.test(e.message),
        );
        assert.strictEqual(fixture.emulator.stats.requests, 0);
    });

    it("raises DraftNotFoundError for an unknown draft, naming everything a user needs", async () => {
        const e = await rejectsWithCode(getDeploymentDraft({ ...demo, deploymentDraftId: "no-such-draft" }, { endpoint: endpoint() }), "DraftNotFound");
        assertCleanMessage(e.message, ['workspace "a14bd5d90a"', 'namespace "default-namespace"', 'deploymentDraftId "no-such-draft"', "requestId ", "error code 990301", "HTTP 404"], [DEFAULT_TEST_CREDENTIAL.accessKeySecret]);
        assert.strictEqual(e.details.requestId, fixture.emulator.stats.log[0].headers["x-acs-request-id"] ?? e.details.requestId);
    });

    it("scopes drafts to the workspace header", async () => {
        await rejectsWithCode(getDeploymentDraft({ workspace: "another-ws", namespace: demo.namespace, deploymentDraftId: ordersEtl }, { endpoint: endpoint() }), "DraftNotFound");
    });
});

describe("getDeploymentDraft error classes from their real HTTP causes", () => {
    const fixture = useEmulator({}, { VERVERICA_MAX_ATTEMPTS: "1", VERVERICA_THROTTLE_RETRY_TIME_MS: "0" });
    const call = (extra: Record<string, unknown> = {}) =>
        getDeploymentDraft({ ...demo, deploymentDraftId: ordersEtl }, { endpoint: fixture.emulator.url, cache: false, ...extra });
    const secret = DEFAULT_TEST_CREDENTIAL.accessKeySecret;

    it("AccessDenied (403) names the RAM action and the AccessDeniedDetail", async () => {
        fixture.emulator.faults.next("forbidden");
        const e = await rejectsWithCode(call(), "AccessDenied");
        assertCleanMessage(e.message, ["stream:GetDeploymentDraft", "AccessDeniedDetail", "Forbidden.RAM", "HTTP 403"], [secret]);
    });

    it("Throttled carries the retry-after the gateway asked for", async () => {
        fixture.emulator.faults.next("throttle", 1, { retryAfterMs: 1234 });
        const e = await rejectsWithCode(call(), "Throttled");
        assert.strictEqual(e.details.retryAfterMs, 1234);
        assertCleanMessage(e.message, ["Throttling.User", "requestId "]);
    });

    it("ServiceError for 500 and 503", async () => {
        fixture.emulator.faults.next("error500");
        assertCleanMessage((await rejectsWithCode(call(), "ServiceError")).message, ["HTTP 500", "InternalError"]);
        fixture.emulator.faults.next("error503");
        assertCleanMessage((await rejectsWithCode(call(), "ServiceError")).message, ["HTTP 503", "ServiceUnavailable"]);
    });

    it("InvalidResponse for malformed and truncated JSON", async () => {
        fixture.emulator.faults.next("malformedJson");
        assertCleanMessage((await rejectsWithCode(call(), "InvalidResponse")).message, ["not valid JSON"]);
        fixture.emulator.faults.next("truncatedJson");
        assertCleanMessage((await rejectsWithCode(call(), "InvalidResponse")).message, ["not valid JSON"]);
    });

    it("RequestFailed for HTTP 200 with success:false", async () => {
        fixture.emulator.faults.next("successFalse");
        const e = await rejectsWithCode(call(), "RequestFailed");
        assertCleanMessage(e.message, ["error code InvalidParameter", "HTTP 200", "requestId "]);
    });

    it("Network for a reset and for a read timeout", async () => {
        fixture.emulator.faults.next("reset");
        await rejectsWithCode(call(), "Network");
        fixture.emulator.faults.next("timeout");
        const e = await rejectsWithCode(call({ readTimeoutMs: 200 }), "Network");
        assert.match(e.message, /no complete response within 200 ms/);
    });

    it("InvalidCredentials for a signature made with the wrong secret, never echoing it", async () => {
        process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "wrong-secret-value";
        const e = await rejectsWithCode(call(), "InvalidCredentials");
        assertCleanMessage(e.message, ["SignatureDoesNotMatch", "HTTP 400"], ["wrong-secret-value", secret]);
    });

    it("InvalidCredentials, not DraftNotFound, for the gateway's 404 on an unknown AccessKey", async () => {
        process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "LTAIunknownKey";
        const e = await rejectsWithCode(call(), "InvalidCredentials");
        assertCleanMessage(e.message, ["InvalidAccessKeyId.NotFound", "HTTP 404"], [secret]);
    });
});

describe("getDeploymentDraft with STS credentials", () => {
    const sts = { accessKeyId: "STS.emulatorKey", accessKeySecret: "sts-secret-value", securityToken: "sts-token-value" };
    const fixture = useEmulator(
        { credentials: [DEFAULT_TEST_CREDENTIAL, sts] },
        { ALIBABA_CLOUD_ACCESS_KEY_ID: sts.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sts.accessKeySecret, ALIBABA_CLOUD_SECURITY_TOKEN: sts.securityToken },
    );

    it("sends and signs the security token", async () => {
        const result = await getDeploymentDraft({ ...demo, deploymentDraftId: ordersEtl }, { endpoint: fixture.emulator.url });
        assert.strictEqual(result.name, "orders-etl");
        assert.strictEqual(fixture.emulator.stats.log[0].headers["x-acs-security-token"], sts.securityToken);
    });

    it("is refused with a clear error when the token does not match", async () => {
        process.env.ALIBABA_CLOUD_SECURITY_TOKEN = "stale-token";
        const e = await rejectsWithCode(
            getDeploymentDraft({ ...demo, deploymentDraftId: ordersEtl }, { endpoint: fixture.emulator.url, maxAttempts: 1 }),
            "InvalidCredentials",
        );
        assertCleanMessage(e.message, ["InvalidSecurityToken"], ["stale-token", sts.accessKeySecret]);
    });
});
