/**
 * The emulator against the real `@alicloud/openapi-client`: if the client's own V3 signature
 * is accepted and every deviation from it is refused, the emulator verifies what a real
 * gateway verifies. Requests that the client cannot produce (tampered, replayed) are signed by
 * the client, captured, altered and sent with plain `http.request`.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as http from "node:http";
import { join } from "node:path";
import Client, * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import type { WireDeploymentDraft, WireEnvelope, WireListEnvelope } from "../../provider/core/wireTypes";
import {
    DEFAULT_TEST_CREDENTIAL,
    DraftStore,
    generateDrafts,
    loadFixtureDrafts,
    MAX_LOG_ENTRIES,
    startEmulator,
    type Emulator,
    type EmulatorCredential,
    type EmulatorOptions,
    type FaultKind,
} from "../emulator";
import { FaultController } from "../emulator/faults";
import { matchRoute } from "../emulator/routes";
import { StatsRecorder } from "../emulator/stats";

const FIXTURES = loadFixtureDrafts();
const SEED = FIXTURES[0];
const SEED_WS = "edcef******b4f";
const SEED_NS = "default-namespace";
const SEED_ID = "00000000-0000-0000-0000-00000012****";
const DEMO_WS = "a14bd5d90a";

/** The path-segment encoding the spec prescribes. */
const enc = (segment: string): string => encodeURIComponent(segment).replace(/\*/g, "%2A");

interface ApiResponse<T> {
    statusCode: number;
    headers: Record<string, string>;
    body: T;
}

/** The parts of openapi-client's error that callers read. */
interface ClientError extends Error {
    code?: string;
    statusCode?: number;
    data?: Record<string, unknown>;
    accessDeniedDetail?: Record<string, unknown>;
}

interface RawResponse {
    status: number;
    headers: http.IncomingHttpHeaders;
    body: Buffer;
}

/** A request as the real client put it on the wire. */
interface CapturedRequest {
    method: string;
    path: string;
    headers: Record<string, string | string[] | undefined>;
}

type ClientCredential = Pick<EmulatorCredential, "accessKeyId" | "accessKeySecret" | "securityToken">;

function clientFor(endpoint: string, credential: ClientCredential = DEFAULT_TEST_CREDENTIAL): Client {
    const { accessKeyId, accessKeySecret, securityToken } = credential;
    return new Client(new $OpenApi.Config({ accessKeyId, accessKeySecret, securityToken, endpoint, protocol: "HTTP" }));
}

function getParams(namespace: string, id: string, encode: (s: string) => string = enc): $OpenApi.Params {
    return apiParams("GetDeploymentDraft", `/api/v2/namespaces/${encode(namespace)}/deployment-drafts/${encode(id)}`);
}

function apiParams(action: string, pathname: string): $OpenApi.Params {
    return new $OpenApi.Params({
        action,
        version: "2022-07-18",
        protocol: "HTTP",
        pathname,
        method: "GET",
        authType: "AK",
        style: "ROA",
        reqBodyType: "json",
        bodyType: "json",
    });
}

async function call<T>(client: Client, params: $OpenApi.Params, workspace?: string, query?: Record<string, string>, readTimeout?: number): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = workspace === undefined ? {} : { workspace };
    const response = await client.callApi(params, new $OpenApi.OpenApiRequest({ headers, query }), new $Util.RuntimeOptions({ readTimeout }));
    return response as ApiResponse<T>;
}

function getDraft(emulator: Emulator, workspace: string | undefined, namespace: string, id: string, credential?: ClientCredential): Promise<ApiResponse<WireEnvelope<WireDeploymentDraft>>> {
    return call(clientFor(emulator.endpoint, credential), getParams(namespace, id), workspace);
}

function listDrafts(emulator: Emulator, workspace: string, namespace: string, query: Record<string, string>): Promise<ApiResponse<WireListEnvelope>> {
    return call(clientFor(emulator.endpoint), apiParams("ListDeploymentDrafts", `/api/v2/namespaces/${enc(namespace)}/deployment-drafts`), workspace, query);
}

async function rejection(promise: Promise<unknown>): Promise<ClientError> {
    try {
        await promise;
    } catch (error) {
        return error as ClientError;
    }
    return assert.fail("expected the call to fail");
}

function send(port: number, request: { method?: string; path: string; headers?: http.OutgoingHttpHeaders; body?: string }): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
        // Node sends a GET body only with an explicit length.
        const headers = request.body === undefined ? request.headers : { ...request.headers, "content-length": Buffer.byteLength(request.body) };
        const req = http.request({ host: "127.0.0.1", port, method: request.method ?? "GET", path: request.path, headers, agent: false }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
            res.on("error", reject);
        });
        req.on("error", reject);
        req.end(request.body);
    });
}

function json(response: RawResponse): Record<string, unknown> {
    return JSON.parse(response.body.toString("utf8")) as Record<string, unknown>;
}

/**
 * Lets the real client sign a request without it reaching the emulator: a throwaway server
 * records it and answers `{}`. The nonce is therefore still unused when the test replays it.
 */
async function capture(send: (endpoint: string) => Promise<unknown>): Promise<CapturedRequest> {
    let captured: CapturedRequest | undefined;
    const recorder = http.createServer((req, res) => {
        captured = { method: req.method ?? "", path: req.url ?? "", headers: { ...req.headers } };
        res.writeHead(200, { "content-type": "application/json", connection: "close" });
        res.end("{}");
    });
    await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve));
    try {
        const { port } = recorder.address() as { port: number };
        await send(`127.0.0.1:${port}`);
    } finally {
        recorder.closeAllConnections();
        await new Promise((resolve) => recorder.close(resolve));
    }
    return captured ?? assert.fail("the client sent nothing");
}

function captureGet(namespace = SEED_NS, id = SEED_ID, workspace = SEED_WS, credential?: ClientCredential): Promise<CapturedRequest> {
    return capture((endpoint) => call(clientFor(endpoint, credential), getParams(namespace, id), workspace));
}

function replay(emulator: Emulator, request: CapturedRequest, changes: Record<string, string | undefined> = {}, body?: string): Promise<RawResponse> {
    const headers: http.OutgoingHttpHeaders = { ...request.headers };
    for (const [name, value] of Object.entries(changes)) {
        if (value === undefined) {
            delete headers[name];
        } else {
            headers[name] = value;
        }
    }
    return send(emulator.port, { method: request.method, path: request.path, headers, body });
}

function authorization(request: CapturedRequest): string {
    const value = request.headers.authorization;
    return typeof value === "string" ? value : assert.fail("no Authorization captured");
}

describe("Ververica emulator", function () {
    const running: Emulator[] = [];

    async function start(options?: EmulatorOptions): Promise<Emulator> {
        const emulator = await startEmulator(options);
        running.push(emulator);
        return emulator;
    }

    afterEach(async () => {
        await Promise.all(running.splice(0).map((emulator) => emulator.close()));
    });

    describe("with the real openapi-client", () => {
        it("accepts its V3 signature and returns the documented example field for field", async () => {
            const emulator = await start();
            const response = await getDraft(emulator, SEED_WS, SEED_NS, SEED_ID);

            assert.equal(response.statusCode, 200);
            assert.deepStrictEqual(response.body.data, SEED);
            assert.equal(response.body.data?.labels?.test2, 1);
            assert.equal(response.body.success, true);
            assert.equal(response.body.httpCode, 200);
            assert.equal(response.body.errorCode, "");
            assert.equal(response.body.errorMessage, "");
            assert.match(response.body.requestId ?? "", /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
            assert.equal(response.headers["x-acs-request-id"], response.body.requestId);
            assert.equal(response.headers["content-type"], "application/json;charset=utf-8");
            assert.deepEqual(emulator.stats.byAction, { GetDeploymentDraft: 1 });
        });

        it("serves the demo workspace's drafts of every kind", async () => {
            const emulator = await start();
            const expected = FIXTURES.filter((draft) => draft.workspace === DEMO_WS);
            assert.deepEqual(expected.map((d) => d.name), ["orders-etl", "clickstream-sessionizer", "fraud-scoring", "mysql-to-paimon", "daily-report", "payments-enrichment"]);
            for (const draft of expected) {
                const response = await getDraft(emulator, DEMO_WS, "default-namespace", draft.deploymentDraftId ?? "");
                assert.deepStrictEqual(response.body.data, draft);
            }
            const locked = await getDraft(emulator, DEMO_WS, "default-namespace", "1a6e9f3d-0b7c-4d25-9e8f-c4b3a2d1e0f6");
            assert.equal(locked.body.data?.lock?.holderName, "alice");
        });

        it("answers an unknown draft, or one of another workspace, with the ververica 404 envelope", async () => {
            const emulator = await start();
            for (const [workspace, id] of [[SEED_WS, "no-such-draft"], [DEMO_WS, SEED_ID]]) {
                const error = await rejection(getDraft(emulator, workspace, SEED_NS, id));
                assert.equal(error.statusCode, 404);
                // openapi-client only knows the PascalCase body: the real code sits in error.data.
                assert.equal(error.code, "undefined");
                assert.equal(error.data?.errorCode, "990301");
                assert.equal(error.data?.success, false);
                assert.equal(error.data?.httpCode, 404);
                assert.equal(error.data?.data, null);
            }
        });

        it("rejects a missing workspace header with a 400 envelope", async () => {
            const emulator = await start();
            const error = await rejection(getDraft(emulator, undefined, SEED_NS, SEED_ID));
            assert.equal(error.statusCode, 400);
            assert.equal(error.data?.success, false);
            assert.equal(error.data?.errorCode, "MissingParameter");
        });

        it("gets 404 InvalidAccessKeyId.NotFound for an unknown key, unlike a missing draft", async () => {
            const emulator = await start();
            const error = await rejection(getDraft(emulator, SEED_WS, SEED_NS, SEED_ID, { accessKeyId: "LTAI5tUnknownKey", accessKeySecret: "whatever" }));
            assert.equal(error.statusCode, 404);
            assert.equal(error.code, "InvalidAccessKeyId.NotFound");
            assert.equal(error.data?.Code, "InvalidAccessKeyId.NotFound");
            assert.equal(error.data?.errorCode, undefined);
        });

        it("accepts STS requests and refuses a missing, wrong or expired token", async () => {
            const sts: EmulatorCredential = { accessKeyId: "STS.EmulatorKey", accessKeySecret: "emulator-sts-secret", securityToken: "emulator-sts-token" };
            const expired: EmulatorCredential = { accessKeyId: "STS.ExpiredKey", accessKeySecret: "emulator-sts-secret-2", securityToken: "emulator-sts-token-2", securityTokenExpiresAt: new Date(Date.now() - 1000) };
            const emulator = await start({ credentials: [sts, expired] });

            const ok = await getDraft(emulator, SEED_WS, SEED_NS, SEED_ID, sts);
            assert.deepStrictEqual(ok.body.data, SEED);

            for (const credential of [{ ...sts, securityToken: undefined }, { ...sts, securityToken: "another-token" }]) {
                const error = await rejection(getDraft(emulator, SEED_WS, SEED_NS, SEED_ID, credential));
                assert.equal(error.statusCode, 400);
                assert.equal(error.code, "InvalidSecurityToken.Mismatch");
            }
            const error = await rejection(getDraft(emulator, SEED_WS, SEED_NS, SEED_ID, expired));
            assert.equal(error.code, "InvalidSecurityToken.Expired");

            const signed = await captureGet(SEED_NS, SEED_ID, SEED_WS, sts);
            assert.equal(signed.headers["x-acs-accesskey-id"], sts.accessKeyId);
            const withoutToken = await replay(emulator, signed, { "x-acs-security-token": undefined });
            assert.equal(withoutToken.status, 400);
            assert.equal(json(withoutToken).Code, "InvalidSecurityToken.Mismatch");
        });

        it("is refused by RAM with a denied key, naming the action", async () => {
            const denied: EmulatorCredential = { accessKeyId: "LTAI5tDeniedKey", accessKeySecret: "denied-secret", denied: true };
            const emulator = await start({ credentials: [denied] });

            const error = await rejection(getDraft(emulator, SEED_WS, SEED_NS, SEED_ID, denied));
            assert.equal(error.statusCode, 403);
            assert.equal(error.code, "Forbidden.RAM");
            assert.match(error.message, /stream:GetDeploymentDraft/);
            assert.equal(error.accessDeniedDetail?.AuthAction, "stream:GetDeploymentDraft");
            assert.equal(error.accessDeniedDetail?.PolicyType, "AccountLevelIdentityBasedPolicy");
            assert.equal(error.accessDeniedDetail?.AuthPrincipalType, "SubUser");
            assert.equal(error.accessDeniedDetail?.NoPermissionType, "ImplicitDeny");
            assert.equal(typeof error.accessDeniedDetail?.EncodedDiagnosticMessage, "string");

            const client = clientFor(emulator.endpoint, denied);
            const listError = await rejection(call(client, apiParams("ListDeploymentDrafts", "/api/v2/namespaces/default-namespace/deployment-drafts"), SEED_WS));
            assert.equal(listError.accessDeniedDetail?.AuthAction, "stream:ListDeploymentDrafts");
        });

        it("answers an unknown API path with the gateway's 404 InvalidAction.NotFound", async () => {
            const emulator = await start();
            const error = await rejection(call(clientFor(emulator.endpoint), apiParams("GetDeployment", "/api/v2/namespaces/default-namespace/deployments/x"), SEED_WS));
            assert.equal(error.statusCode, 404);
            assert.equal(error.code, "InvalidAction.NotFound");
            assert.equal(emulator.stats.byAction.Unrouted, 1);
        });
    });

    describe("with requests signed by the client and then altered", () => {
        it("accepts the unaltered request once and refuses the replay: SignatureNonceUsed", async () => {
            const emulator = await start();
            const signed = await captureGet();
            assert.equal((await replay(emulator, signed)).status, 200);
            const again = await replay(emulator, signed);
            assert.equal(again.status, 400);
            assert.equal(json(again).Code, "SignatureNonceUsed");
        });

        it("refuses a tampered signature without revealing the secret or the expected signature", async () => {
            const emulator = await start();
            const signed = await captureGet();
            const original = authorization(signed);
            const expected = /Signature=([0-9a-f]{64})$/.exec(original)?.[1] ?? assert.fail("no signature");
            const flipped = expected.slice(0, -1) + (expected.endsWith("0") ? "1" : "0");

            const response = await replay(emulator, signed, { authorization: original.replace(expected, flipped) });
            assert.equal(response.status, 400);
            const body = json(response);
            assert.equal(body.Code, "SignatureDoesNotMatch");
            assert.equal(body.RequestId, response.headers["x-acs-request-id"]);
            for (const secret of [DEFAULT_TEST_CREDENTIAL.accessKeySecret, expected]) {
                assert.ok(!response.body.toString("utf8").includes(secret));
            }
        });

        it("refuses a change to any signed part: a signed header, the path, the SignedHeaders list, the body", async () => {
            const emulator = await start();
            const signed = await captureGet();
            const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization(signed))?.[1] ?? assert.fail("no SignedHeaders");
            const attempts: Array<Promise<RawResponse>> = [
                replay(emulator, signed, { "x-acs-action": "ListDeploymentDrafts" }),
                replay(emulator, signed, { host: "ververica.cn-hangzhou.aliyuncs.com" }),
                replay(emulator, { ...signed, path: signed.path.replace("00000012", "00000013") }),
                replay(emulator, { ...signed, path: signed.path + "?pageSize=1" }),
                replay(emulator, signed, { authorization: authorization(signed).replace(signedHeaders, signedHeaders.replace("host;", "")) }),
                replay(emulator, signed, { "content-type": "application/json" }),
                replay(emulator, signed, { "x-acs-extra": "unsigned" }),
                replay(emulator, signed, {}, "{}"),
            ];
            for (const response of await Promise.all(attempts)) {
                assert.equal(response.status, 400);
                assert.equal(json(response).Code, "SignatureDoesNotMatch");
            }
            // Unsigned headers do not take part: the original request is still good.
            assert.equal((await replay(emulator, signed, { "user-agent": "changed", accept: "*/*" })).status, 200);
            // The canonical URI maps "*" to "%2A", so the id's "****" may also travel unescaped.
            const another = await captureGet();
            assert.equal((await replay(emulator, { ...another, path: another.path.replaceAll("%2A", "*") })).status, 200);
        });

        it("refuses a missing, unparseable or stale x-acs-date", async () => {
            const emulator = await start();
            const signed = await captureGet();
            const hourAgo = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
            const inAnHour = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
            const cases: Array<[string | undefined, string]> = [
                [undefined, "MissingTimestamp"],
                ["yesterday", "InvalidTimeStamp.Format"],
                ["2024-08-13 08:32:58", "InvalidTimeStamp.Format"],
                [hourAgo, "InvalidTimeStamp.Expired"],
                [inAnHour, "InvalidTimeStamp.Expired"],
            ];
            for (const [date, code] of cases) {
                const response = await replay(emulator, signed, { "x-acs-date": date });
                assert.equal(response.status, 400, code);
                assert.equal(json(response).Code, code);
            }
        });

        it("refuses a missing or garbled Authorization header", async () => {
            const emulator = await start();
            const signed = await captureGet();
            const original = authorization(signed);
            const cases: Array<[string | undefined, string]> = [
                [undefined, "MissingAuthorization"],
                ["Bearer token", "IncompleteSignature"],
                [original.replace(/,Signature=.*$/, ""), "IncompleteSignature"],
                [original.replace(/Signature=[0-9a-f]+/, "Signature=xyz"), "IncompleteSignature"],
                [original + ",Credential=again", "IncompleteSignature"],
            ];
            for (const [value, code] of cases) {
                const response = await replay(emulator, signed, { authorization: value });
                assert.equal(response.status, 400, code);
                assert.equal(json(response).Code, code);
            }
        });

        it("answers an unknown key with 404 before looking at anything else", async () => {
            const emulator = await start();
            const signed = await captureGet();
            const response = await replay(emulator, signed, { authorization: authorization(signed).replace(DEFAULT_TEST_CREDENTIAL.accessKeyId, "LTAI5tNobody") });
            assert.equal(response.status, 404);
            assert.equal(json(response).Code, "InvalidAccessKeyId.NotFound");
        });
    });

    describe("ids and paths", () => {
        const awkwardIds = ["a/b", "..", ".", "with space", "ünïcødé-草稿-🚀", "a*b", "100%", "a+b", "x?y#z", "~tilde"];

        it("round-trips ids with '/', '..', spaces and unicode through store and route when encoded", async () => {
            const namespace = "team/a b";
            const emulator = await start({ drafts: awkwardIds.map((id) => ({ deploymentDraftId: id, name: `draft ${id}`, workspace: "ws-odd", namespace })) });
            for (const id of awkwardIds) {
                const response = await getDraft(emulator, "ws-odd", namespace, id);
                assert.equal(response.body.data?.deploymentDraftId, id);
                assert.equal(response.body.data?.namespace, namespace);
            }
            const rawPaths = emulator.stats.log.map((entry) => entry.rawPath);
            assert.ok(rawPaths.includes("/api/v2/namespaces/team%2Fa%20b/deployment-drafts/a%2Fb"));
            assert.ok(rawPaths.includes("/api/v2/namespaces/team%2Fa%20b/deployment-drafts/.."));
            assert.ok(rawPaths.includes("/api/v2/namespaces/team%2Fa%20b/deployment-drafts/a%2Ab"));
        });

        it("sees the client sign \"'\" as is while url.parse sends %27, so such ids need \"'\" escaped too", async () => {
            const id = "o'brien";
            const emulator = await start({ drafts: [{ deploymentDraftId: id, workspace: "ws", namespace: "ns" }] });
            const client = clientFor(emulator.endpoint);
            const error = await rejection(call(client, getParams("ns", id), "ws"));
            assert.equal(error.code, "SignatureDoesNotMatch");
            assert.equal(emulator.stats.log[0]?.rawPath, "/api/v2/namespaces/ns/deployment-drafts/o%27brien");

            const strict = (s: string): string => enc(s).replace(/'/g, "%27");
            const response = await call<WireEnvelope<WireDeploymentDraft>>(client, getParams("ns", id, strict), "ws");
            assert.equal(response.body.data?.deploymentDraftId, id);
        });

        it("matches routes on raw segments, so a wrong segment count or encoding matches nothing", () => {
            assert.deepEqual(matchRoute("GET", "/api/v2/namespaces/ns/deployment-drafts/a%2Fb"), { action: "GetDeploymentDraft", namespace: "ns", deploymentDraftId: "a/b" });
            assert.deepEqual(matchRoute("GET", "/api/v2/namespaces/ns/deployment-drafts"), { action: "ListDeploymentDrafts", namespace: "ns" });
            for (const path of [
                "/api/v2/namespaces/ns/deployment-drafts/a/b",
                "/api/v2/namespaces/ns/deployment-drafts/",
                "/api/v2/namespaces//deployment-drafts/x",
                "/api/v2/namespaces/ns/deployment-drafts/%E0%A4%A",
                "/api/v1/namespaces/ns/deployment-drafts/x",
                "api/v2/namespaces/ns/deployment-drafts/x",
            ]) {
                assert.equal(matchRoute("GET", path), undefined, path);
            }
            assert.equal(matchRoute("POST", "/api/v2/namespaces/ns/deployment-drafts/x"), undefined);
        });
    });

    describe("ListDeploymentDrafts", () => {
        it("pages 250 drafts by 100 into 3 pages in name order, with totalSize 250", async () => {
            const generated = generateDrafts(250, { workspace: "ws-paging", namespace: "ns" });
            const emulator = await start({ drafts: [...generated, ...FIXTURES] });
            const seen: string[] = [];
            for (const [pageIndex, size] of [[1, 100], [2, 100], [3, 50], [4, 0]]) {
                const response = await listDrafts(emulator, "ws-paging", "ns", { pageIndex: String(pageIndex), pageSize: "100" });
                const page = response.body;
                assert.equal(page.success, true);
                assert.equal(page.pageIndex, pageIndex);
                assert.equal(page.pageSize, 100);
                assert.equal(page.totalSize, 250);
                assert.equal(page.data?.length, size);
                seen.push(...(page.data ?? []).map((draft) => draft.deploymentDraftId ?? ""));
            }
            assert.deepEqual(seen, generated.map((draft) => draft.deploymentDraftId));
            assert.equal(new Set(seen).size, 250);
        });

        it("verifies the client's canonical query: keys out of order, values that need escaping", async () => {
            const emulator = await start();
            const response = await listDrafts(emulator, DEMO_WS, "default-namespace", { pageSize: "2", pageIndex: "2", "z key": "a b!'()*~é", a: "" });
            assert.deepEqual(response.body.data?.map((d) => d.name), ["fraud-scoring", "mysql-to-paimon"]);
            assert.equal(emulator.stats.log[0]?.rawQuery, "pageSize=2&pageIndex=2&z%20key=a%20b!%27()*~%C3%A9&a=");
        });

        it("defaults to page 1 of 10 and scopes to the workspace", async () => {
            const emulator = await start({ drafts: [...generateDrafts(25, { workspace: "ws-a", namespace: "ns" }), ...generateDrafts(3, { workspace: "ws-b", namespace: "ns", namePrefix: "b" })] });
            const first = await listDrafts(emulator, "ws-a", "ns", {});
            assert.equal(first.body.pageIndex, 1);
            assert.equal(first.body.pageSize, 10);
            assert.equal(first.body.data?.length, 10);
            assert.equal(first.body.totalSize, 25);
            const other = await listDrafts(emulator, "ws-b", "ns", { pageSize: "100" });
            assert.deepEqual(other.body.data?.map((d) => d.name), ["b-0001", "b-0002", "b-0003"]);
        });

        it("leaves out data of an empty page and totalSize, and serves fewer than asked, when told to", async () => {
            const emulator = await start({ drafts: generateDrafts(25, { workspace: "ws-a", namespace: "ns" }), listing: { servedPageSizeLimit: 10 } });
            const capped = (await listDrafts(emulator, "ws-a", "ns", { pageIndex: "3", pageSize: "100" })).body;
            assert.deepEqual([capped.pageIndex, capped.pageSize, capped.data?.length, capped.totalSize], [3, 10, 5, 25]);
            assert.deepEqual(capped.data?.map((d) => d.name), ["draft-0021", "draft-0022", "draft-0023", "draft-0024", "draft-0025"]);
            emulator.listing.omitEmptyData = true;
            emulator.listing.omitTotalSize = true;
            const empty = (await listDrafts(emulator, "ws-a", "ns", { pageIndex: "4", pageSize: "100" })).body;
            assert.equal(empty.success, true);
            assert.equal("data" in empty, false);
            assert.equal("totalSize" in empty, false);
            const full = (await listDrafts(emulator, "ws-a", "ns", { pageIndex: "1", pageSize: "5" })).body;
            assert.deepEqual([full.pageSize, full.data?.length, "totalSize" in full], [5, 5, false]);
        });

        it("rejects pageSize over 100 or under 1, and non-integer paging values, with a 400 envelope", async () => {
            const emulator = await start();
            const queries: Array<Record<string, string>> = [{ pageSize: "101" }, { pageSize: "0" }, { pageSize: "abc" }, { pageSize: "1.5" }, { pageIndex: "0" }, { pageIndex: "-1" }];
            for (const query of queries) {
                const error = await rejection(listDrafts(emulator, DEMO_WS, "default-namespace", query));
                assert.equal(error.statusCode, 400, JSON.stringify(query));
                assert.equal(error.data?.errorCode, "InvalidParameter");
                assert.equal(error.data?.success, false);
            }
        });
    });

    describe("DraftStore", () => {
        it("hands out copies, orders by name then id, and removes and clears", () => {
            const store = new DraftStore([
                { deploymentDraftId: "2", name: "b", workspace: "w", namespace: "n" },
                { deploymentDraftId: "9", name: "a", workspace: "w", namespace: "n" },
                { deploymentDraftId: "1", name: "b", workspace: "w", namespace: "n" },
                { deploymentDraftId: "3", name: "a", workspace: "w", namespace: "other" },
            ]);
            const copy = store.get("w", "n", "9") ?? assert.fail("missing");
            copy.name = "changed";
            assert.equal(store.get("w", "n", "9")?.name, "a");
            assert.deepEqual(store.list("w", "n").map((d) => d.deploymentDraftId), ["9", "1", "2"]);
            assert.equal(store.remove("w", "n", "9"), true);
            assert.equal(store.remove("w", "n", "9"), false);
            store.clear();
            assert.deepEqual(store.list("w", "n"), []);
            assert.throws(() => store.put({ name: "no identity" }), /non-empty workspace/);
        });

        it("updates a draft for drift tests, bumping modifiedAt unless the patch sets it", async () => {
            const emulator = await start();
            const before = Math.floor(Date.now() / 1000);
            const updated = emulator.store.update(SEED_WS, SEED_NS, SEED_ID, { engineVersion: "vvr-8.0.9-flink-1.17", lock: undefined });
            assert.ok((updated.modifiedAt ?? 0) >= before);
            assert.equal("lock" in updated, false);
            emulator.store.update(SEED_WS, SEED_NS, SEED_ID, (draft) => {
                draft.labels = { ...draft.labels, drifted: true };
                draft.modifiedAt = 42;
            });
            emulator.store.update(SEED_WS, SEED_NS, SEED_ID, { name: "renamed", modifiedAt: 7 });

            const response = await getDraft(emulator, SEED_WS, SEED_NS, SEED_ID);
            assert.equal(response.body.data?.engineVersion, "vvr-8.0.9-flink-1.17");
            assert.equal(response.body.data?.labels?.drifted, true);
            assert.equal(response.body.data?.name, "renamed");
            assert.equal(response.body.data?.modifiedAt, 7);
            assert.throws(() => emulator.store.update(SEED_WS, SEED_NS, "missing", {}), /no deployment draft/);
            assert.throws(() => emulator.store.update(SEED_WS, SEED_NS, SEED_ID, { deploymentDraftId: "other" }), /cannot change/);
        });
    });

    describe("fault injection", () => {
        it("throttle: 429 Throttling.User with x-acs-retry-after in ms; throttleNoRetryAfter without it", async () => {
            const emulator = await start();
            emulator.faults.next("throttle", 1, { retryAfterMs: 750 });
            emulator.faults.next("throttle");
            emulator.faults.next("throttleNoRetryAfter");
            const statuses: RawResponse[] = [];
            for (let i = 0; i < 4; i++) {
                statuses.push(await replay(emulator, await captureGet()));
            }
            const [custom, standard, bare, normal] = statuses;
            assert.equal(custom.status, 429);
            assert.equal(json(custom).Code, "Throttling.User");
            assert.equal(custom.headers["x-acs-retry-after"], "750");
            assert.equal(standard.headers["x-acs-retry-after"], "200");
            assert.equal(bare.status, 429);
            assert.equal(bare.headers["x-acs-retry-after"], undefined);
            assert.equal(normal.status, 200);
            assert.deepEqual(emulator.stats.faultsServed, { throttle: 2, throttleNoRetryAfter: 1 });

            emulator.faults.next("throttle");
            const error = await rejection(getDraft(emulator, SEED_WS, SEED_NS, SEED_ID));
            assert.equal(error.statusCode, 429);
            assert.equal(error.code, "Throttling.User");
        });

        it("error500, error503, forbidden, badSignature: gateway errors the client reports by Code", async () => {
            const emulator = await start();
            const expectations: Array<[FaultKind, number, string]> = [
                ["error500", 500, "InternalError"],
                ["error503", 503, "ServiceUnavailable"],
                ["forbidden", 403, "Forbidden.RAM"],
                ["badSignature", 400, "SignatureDoesNotMatch"],
            ];
            for (const [kind, status, code] of expectations) {
                emulator.faults.next(kind);
                const error = await rejection(getDraft(emulator, SEED_WS, SEED_NS, SEED_ID));
                assert.equal(error.statusCode, status, kind);
                assert.equal(error.code, code, kind);
                if (kind === "forbidden") {
                    assert.equal(error.accessDeniedDetail?.AuthAction, "stream:GetDeploymentDraft");
                }
            }
            assert.deepEqual(emulator.stats.faultsServed, { error500: 1, error503: 1, forbidden: 1, badSignature: 1 });
            assert.deepEqual(emulator.stats.byStatus, { 500: 1, 503: 1, 403: 1, 400: 1 });
        });

        it("rejectedThrottling, retryAfterOn400, successFalseThrottling, notFoundWithoutCode: the shapes Alibaba's clients read as throttling or an unconfirmed 404", async () => {
            const emulator = await start();
            emulator.faults.next("rejectedThrottling");
            emulator.faults.next("retryAfterOn400", 1, { retryAfterMs: 1200 });
            emulator.faults.next("successFalseThrottling");
            emulator.faults.next("notFoundWithoutCode");
            const [rejected, retryAfter, envelope, notFound] = [
                await replay(emulator, await captureGet()),
                await replay(emulator, await captureGet()),
                await replay(emulator, await captureGet()),
                await replay(emulator, await captureGet()),
            ];
            assert.equal(rejected.status, 400);
            assert.deepEqual([json(rejected).errorCode, json(rejected).httpCode, json(rejected).success], ["Rejected.Throttling", 400, false]);
            assert.equal(rejected.headers["x-acs-retry-after"], undefined);
            assert.equal(retryAfter.status, 400);
            assert.equal(json(retryAfter).Code, "RequestLimitExceeded");
            assert.equal(retryAfter.headers["x-acs-retry-after"], "1200");
            assert.equal(envelope.status, 200);
            assert.deepEqual([json(envelope).success, json(envelope).httpCode, json(envelope).errorCode], [false, 429, "Throttling"]);
            assert.equal(notFound.status, 404);
            assert.deepEqual([json(notFound).success, json(notFound).httpCode, json(notFound).errorCode, json(notFound).Code], [false, 404, "", undefined]);
            assert.deepEqual(emulator.stats.faultsServed, { rejectedThrottling: 1, retryAfterOn400: 1, successFalseThrottling: 1, notFoundWithoutCode: 1 });
        });

        it("successFalse: HTTP 200 carrying a failed envelope", async () => {
            const emulator = await start();
            emulator.faults.next("successFalse");
            const response = await getDraft(emulator, SEED_WS, SEED_NS, SEED_ID);
            assert.equal(response.statusCode, 200);
            assert.equal(response.body.success, false);
            assert.equal(response.body.httpCode, 400);
            assert.equal(response.body.errorCode, "InvalidParameter");
            assert.equal(response.body.data, null);
        });

        it("malformedJson and truncatedJson: 200 bodies that do not parse, truncated with a matching Content-Length", async () => {
            const emulator = await start();
            emulator.faults.next("malformedJson");
            emulator.faults.next("truncatedJson");
            const malformed = await replay(emulator, await captureGet());
            assert.equal(malformed.status, 200);
            assert.throws(() => json(malformed), SyntaxError);

            const truncated = await replay(emulator, await captureGet());
            assert.equal(truncated.status, 200);
            assert.equal(truncated.headers["content-length"], String(truncated.body.length));
            const full = Buffer.from(JSON.stringify({ requestId: truncated.headers["x-acs-request-id"], success: true, httpCode: 200, errorCode: "", errorMessage: "", data: SEED }));
            assert.equal(truncated.body.length, Math.floor(full.length / 2));
            assert.ok(full.subarray(0, truncated.body.length).equals(truncated.body));

            emulator.faults.next("truncatedJson");
            await rejection(getDraft(emulator, SEED_WS, SEED_NS, SEED_ID));
            assert.deepEqual(emulator.stats.faultsServed, { malformedJson: 1, truncatedJson: 2 });
        });

        it("reset and timeout: no response at all, and close() still returns promptly", async () => {
            const emulator = await start();
            emulator.faults.next("reset");
            const reset = await rejection(getDraft(emulator, SEED_WS, SEED_NS, SEED_ID));
            assert.match(String(reset.message), /socket hang up|ECONNRESET/);

            // The client's own 150 ms read timeout ends the call: the emulator never answers it.
            emulator.faults.next("timeout");
            const timedOut = await rejection(call(clientFor(emulator.endpoint), getParams(SEED_NS, SEED_ID), SEED_WS, undefined, 150));
            assert.match(String(timedOut.message), /ReadTimeout/);

            // A request parked by "timeout" must not keep close() waiting.
            emulator.faults.next("timeout");
            const parked = rejection(getDraft(emulator, SEED_WS, SEED_NS, SEED_ID));
            await new Promise((resolve) => setTimeout(resolve, 50));
            assert.equal(emulator.stats.inFlight, 1);
            await emulator.close();
            await parked;
            assert.deepEqual(emulator.stats.faultsServed, { reset: 1, timeout: 2 });
            assert.deepEqual(emulator.stats.log.map((entry) => entry.status), [0, 0, 0]);
        });

        it("serves queued faults first in, first out, and only to authenticated requests", async () => {
            const emulator = await start();
            emulator.faults.next("error500", 2);
            emulator.faults.next("error503");
            const unsigned = await send(emulator.port, { path: `/api/v2/namespaces/${SEED_NS}/deployment-drafts/x`, headers: { workspace: SEED_WS } });
            assert.equal(json(unsigned).Code, "MissingAuthorization");
            const statuses: number[] = [];
            for (let i = 0; i < 4; i++) {
                statuses.push((await replay(emulator, await captureGet())).status);
            }
            assert.deepEqual(statuses, [500, 500, 503, 200]);
        });

        it("rate: a seeded, reproducible share of requests", async () => {
            const sequence = (seed: number): string[] => {
                const faults = new FaultController();
                faults.rate("throttle", 0.1, { seed });
                return Array.from({ length: 1000 }, () => faults.take()?.kind ?? "-");
            };
            assert.deepEqual(sequence(7), sequence(7));
            assert.notDeepEqual(sequence(7), sequence(8));
            const hits = sequence(7).filter((kind) => kind === "throttle").length;
            assert.ok(hits > 60 && hits < 140, `${hits} of 1000`);

            const emulator = await start();
            emulator.faults.rate("error503", 0.5, { seed: 3 });
            const expected = (() => {
                const faults = new FaultController();
                faults.rate("error503", 0.5, { seed: 3 });
                return Array.from({ length: 20 }, () => (faults.take() ? 503 : 200));
            })();
            const statuses: number[] = [];
            for (let i = 0; i < 20; i++) {
                statuses.push((await replay(emulator, await captureGet())).status);
            }
            assert.deepEqual(statuses, expected);
            emulator.faults.clear();
            assert.equal((await replay(emulator, await captureGet())).status, 200);
            assert.throws(() => emulator.faults.rate("throttle", 1.5), RangeError);
            assert.throws(() => emulator.faults.next("throttle", 0), RangeError);
        });

        it("latency: concurrent requests overlap and peakInFlight counts them", async () => {
            const emulator = await start();
            emulator.faults.latencyMs = 150;
            const started = Date.now();
            const responses = await Promise.all(Array.from({ length: 6 }, () => getDraft(emulator, SEED_WS, SEED_NS, SEED_ID)));
            const elapsed = Date.now() - started;
            assert.ok(responses.every((response) => response.statusCode === 200));
            assert.ok(elapsed >= 150, `${elapsed} ms`);
            assert.equal(emulator.stats.peakInFlight, 6);
            assert.equal(emulator.stats.inFlight, 0);
            assert.equal(emulator.stats.requests, 6);
            emulator.stats.reset();
            assert.equal(emulator.stats.requests, 0);
            assert.equal(emulator.stats.peakInFlight, 0);
            assert.deepEqual(emulator.stats.log, []);
        });
    });

    describe("stats", () => {
        it("keeps only the last 1000 log entries", () => {
            const stats = new StatsRecorder();
            for (let i = 0; i < MAX_LOG_ENTRIES + 5; i++) {
                stats.answered({ method: "GET", rawPath: `/${i}`, rawQuery: "", headers: {}, status: 200, action: "GetDeploymentDraft" });
            }
            assert.equal(stats.log.length, MAX_LOG_ENTRIES);
            assert.equal(stats.log[0]?.rawPath, "/5");
            assert.equal(stats.byStatus["200"], MAX_LOG_ENTRIES + 5);
        });
    });

    describe("loopback only", () => {
        const cli = join(__dirname, "..", "emulator", "cli.ts");

        function runCli(args: string[]): { output: Promise<{ code: number | null; stdout: string; stderr: string }>; kill(): void; firstLine: Promise<string> } {
            const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", cli, ...args], { cwd: join(__dirname, "..", ".."), stdio: ["ignore", "pipe", "pipe"] });
            let stdout = "";
            let stderr = "";
            let resolveLine: (line: string) => void = () => undefined;
            const firstLine = new Promise<string>((resolve) => (resolveLine = resolve));
            child.stdout.on("data", (chunk: Buffer) => {
                stdout += chunk.toString("utf8");
                if (stdout.includes("AccessKeyId")) {
                    resolveLine(stdout.split("\n")[0] ?? "");
                }
            });
            child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
            const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
                child.once("exit", (code) => {
                    resolveLine("");
                    resolve({ code, stdout, stderr });
                });
            });
            return { output, firstLine, kill: () => child.kill("SIGTERM") };
        }

        it("refuses a non-loopback host in-process", async () => {
            await assert.rejects(startEmulator({ host: "0.0.0.0" }), /only listens on loopback/);
            await assert.rejects(startEmulator({ host: "192.168.1.10" }), /only listens on loopback/);
        });

        it("runs as a command, serves signed calls, and exits cleanly on SIGTERM", async () => {
            const run = runCli(["--port", "0", "--latency", "1"]);
            try {
                const line = await run.firstLine;
                const port = /^Ververica emulator listening on http:\/\/127\.0\.0\.1:(\d+)$/.exec(line)?.[1] ?? assert.fail(`unexpected output: ${line}`);
                const response = await call<WireEnvelope<WireDeploymentDraft>>(clientFor(`127.0.0.1:${port}`), getParams(SEED_NS, SEED_ID), SEED_WS);
                assert.deepStrictEqual(response.body.data, SEED);
            } finally {
                // Also on failure: a live child would keep mocha from exiting.
                run.kill();
            }
            const { code, stdout } = await run.output;
            assert.equal(code, 0);
            assert.match(stdout, new RegExp(`AccessKeyId: ${DEFAULT_TEST_CREDENTIAL.accessKeyId}`));
            assert.ok(!stdout.includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret));
        });

        it("as a command, refuses a non-loopback --host", async () => {
            const { code, stderr } = await runCli(["--port", "0", "--host", "0.0.0.0"]).output;
            assert.equal(code, 2);
            assert.match(stderr, /only listens on loopback/);
        });
    });
});
