/**
 * Our signed GetDeploymentDraft against the unmodified `@alicloud/openapi-client` 0.4.15
 * `callApi` (what the official SDK used): both go to the same emulator, which logs what arrived.
 * Apart from what must differ per request (x-acs-date, x-acs-signature-nonce, the signature)
 * and our user-agent suffix, the two requests must be the same on the wire.
 */
import * as assert from "node:assert";
import Client, * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import type { WireDeploymentDraft, WireEnvelope } from "../../provider/core/wireTypes";
import { getDeploymentDraft } from "../../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL, EmulatorCredential, loadFixtureDrafts, RequestLogEntry } from "../emulator";
import { useEmulator } from "../helpers/emulatorFixture";
import { packageManifest } from "../../provider/core/packageManifest";

const packageVersion = packageManifest.version;
const fixtures = loadFixtureDrafts();

/** The spec's segment encoding, which openapi-client callers apply themselves. */
const enc = (segment: string): string => encodeURIComponent(segment).replace(/\*/g, "%2A");

/** Headers whose values must differ between two requests. */
const volatileHeaders = new Set(["x-acs-date", "x-acs-signature-nonce", "authorization", "user-agent"]);

interface Target {
    readonly workspace: string;
    readonly namespace: string;
    readonly deploymentDraftId: string;
}

function openApiClient(endpoint: string, credential: EmulatorCredential): Client {
    const { accessKeyId, accessKeySecret, securityToken } = credential;
    return new Client(new $OpenApi.Config({ accessKeyId, accessKeySecret, securityToken, endpoint, protocol: "HTTP" }));
}

async function callApi(endpoint: string, credential: EmulatorCredential, t: Target): Promise<WireEnvelope<WireDeploymentDraft>> {
    const params = new $OpenApi.Params({
        action: "GetDeploymentDraft",
        version: "2022-07-18",
        protocol: "HTTP",
        pathname: `/api/v2/namespaces/${enc(t.namespace)}/deployment-drafts/${enc(t.deploymentDraftId)}`,
        method: "GET",
        authType: "AK",
        style: "ROA",
        reqBodyType: "json",
        bodyType: "json",
    });
    const response = (await openApiClient(endpoint, credential).callApi(params, new $OpenApi.OpenApiRequest({ headers: { workspace: t.workspace } }), new $Util.RuntimeOptions({}))) as {
        statusCode: number;
        body: WireEnvelope<WireDeploymentDraft>;
    };
    assert.strictEqual(response.statusCode, 200);
    return response.body;
}

function header(entry: RequestLogEntry, name: string): string {
    const value = entry.headers[name];
    return typeof value === "string" ? value : assert.fail(`no single ${name} header: ${JSON.stringify(value)}`);
}

/** The Authorization header without its signature: algorithm, credential and signed headers. */
function authorizationParts(entry: RequestLogEntry): { algorithm: string; credential: string; signedHeaders: string[]; signature: string } {
    const m = /^(\S+) Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(header(entry, "authorization"));
    if (!m) return assert.fail(`unexpected Authorization: ${header(entry, "authorization")}`);
    return { algorithm: m[1], credential: m[2], signedHeaders: m[3].split(";"), signature: m[4] };
}

function stableHeaders(entry: RequestLogEntry): Record<string, unknown> {
    return Object.fromEntries(Object.entries(entry.headers).filter(([name]) => !volatileHeaders.has(name)));
}

describe("wire compatibility with @alicloud/openapi-client", () => {
    const fixture = useEmulator({
        credentials: [DEFAULT_TEST_CREDENTIAL, { accessKeyId: "STS.wireKey", accessKeySecret: "wire-sts-secret", securityToken: "wire-sts-token" }],
    });

    /** Makes the call with both clients (ours first), checks both got 200, and returns both log entries and results. */
    async function both(t: Target, credential: EmulatorCredential = DEFAULT_TEST_CREDENTIAL) {
        const ours = await getDeploymentDraft(t, { endpoint: fixture.emulator.url, cache: false, maxAttempts: 1 });
        const theirs = await callApi(fixture.emulator.endpoint, credential, t);
        const log = fixture.emulator.stats.log;
        assert.strictEqual(log.length, 2);
        assert.deepStrictEqual(
            log.map((e) => [e.status, e.action]),
            [
                [200, "GetDeploymentDraft"],
                [200, "GetDeploymentDraft"],
            ],
            "both requests must be accepted",
        );
        return { ourEntry: log[0], theirEntry: log[1], ours, theirs };
    }

    function assertSameRequest(ourEntry: RequestLogEntry, theirEntry: RequestLogEntry): void {
        assert.strictEqual(ourEntry.method, theirEntry.method);
        assert.strictEqual(ourEntry.rawPath, theirEntry.rawPath);
        assert.strictEqual(ourEntry.rawQuery, theirEntry.rawQuery);
        assert.deepStrictEqual(Object.keys(ourEntry.headers).sort(), Object.keys(theirEntry.headers).sort(), "the same header names");
        const a = authorizationParts(ourEntry);
        const b = authorizationParts(theirEntry);
        assert.deepStrictEqual(a.signedHeaders, b.signedHeaders, "the same signed-headers list");
        assert.strictEqual(a.algorithm, b.algorithm);
        assert.strictEqual(a.credential, b.credential);
        assert.deepStrictEqual(stableHeaders(ourEntry), stableHeaders(theirEntry), "the same non-volatile header values");
    }

    const demo: Target = { workspace: "a14bd5d90a", namespace: "default-namespace", deploymentDraftId: "c84d73be-40ad-4627-8bdd-fa1eba51b234" };

    it("sends the same path, header names, signed headers and header values as callApi, and both are accepted", async () => {
        const { ourEntry, theirEntry, ours, theirs } = await both(demo);
        assertSameRequest(ourEntry, theirEntry);
        assert.deepStrictEqual(authorizationParts(ourEntry).signedHeaders, ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-credentials-provider", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"]);
        assert.strictEqual(ourEntry.headers.workspace, demo.workspace);
        const { id, ...draft } = ours;
        assert.strictEqual(id, demo.deploymentDraftId);
        assert.deepStrictEqual(draft, theirs.data);
    });

    it("differs from callApi only in date, nonce and signature, and appends pulumi-ververica to the same user-agent", async () => {
        const { ourEntry, theirEntry } = await both(demo);
        assert.match(header(ourEntry, "x-acs-date"), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        // 64 hex digits, as @alicloud/openapi-core 1.0.8 makes them (openapi-client 0.4.15 sends 32).
        assert.match(header(ourEntry, "x-acs-signature-nonce"), /^[0-9a-f]{64}$/);
        assert.notStrictEqual(header(ourEntry, "x-acs-signature-nonce"), header(theirEntry, "x-acs-signature-nonce"));
        assert.notStrictEqual(authorizationParts(ourEntry).signature, authorizationParts(theirEntry).signature);
        assert.strictEqual(header(ourEntry, "user-agent"), `${header(theirEntry, "user-agent")} pulumi-ververica/${packageVersion}`);
    });

    it("encodes ids in the path as callApi's callers must: '*', '/', spaces and unicode", async () => {
        const seed = fixtures[0];
        const { ourEntry, theirEntry } = await both({ workspace: String(seed.workspace), namespace: String(seed.namespace), deploymentDraftId: String(seed.deploymentDraftId) });
        assertSameRequest(ourEntry, theirEntry);
        assert.strictEqual(ourEntry.rawPath, "/api/v2/namespaces/default-namespace/deployment-drafts/00000000-0000-0000-0000-00000012%2A%2A%2A%2A");

        fixture.emulator.stats.reset();
        const odd: Target = { workspace: "a14bd5d90a", namespace: "odd ns/1", deploymentDraftId: "a/b c-ünï-✓" };
        fixture.emulator.store.put({ ...fixtures[1], ...odd });
        const second = await both(odd);
        assertSameRequest(second.ourEntry, second.theirEntry);
        assert.strictEqual(second.ourEntry.rawPath, `/api/v2/namespaces/${enc(odd.namespace)}/deployment-drafts/${enc(odd.deploymentDraftId)}`);
    });

    it("sends and signs an STS token exactly as callApi does", async () => {
        const sts = { accessKeyId: "STS.wireKey", accessKeySecret: "wire-sts-secret", securityToken: "wire-sts-token" };
        process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = sts.accessKeyId;
        process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = sts.accessKeySecret;
        process.env.ALIBABA_CLOUD_SECURITY_TOKEN = sts.securityToken;
        const { ourEntry, theirEntry } = await both(demo, sts);
        assertSameRequest(ourEntry, theirEntry);
        assert.strictEqual(ourEntry.headers["x-acs-security-token"], sts.securityToken);
        assert.strictEqual(ourEntry.headers["x-acs-accesskey-id"], sts.accessKeyId);
        assert.ok(authorizationParts(ourEntry).signedHeaders.includes("x-acs-security-token"));
        assert.strictEqual(ourEntry.headers["x-acs-credentials-provider"], "static_sts");
    });
});
