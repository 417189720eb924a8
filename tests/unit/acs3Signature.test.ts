// Our ACS3-HMAC-SHA256 signer against the reference, `@alicloud/openapi-util`'s
// `getAuthorization` (what `@alicloud/openapi-client` signs with): byte-identical headers for
// every request shape this package sends, and for the shapes the reference treats oddly.
import * as assert from "assert";
import OpenApiUtil from "@alicloud/openapi-util";
import { acs3Authorization, percentEncode, signatureNonce, signatureTimestamp } from "../../provider/core/acs3Signature";
import { draftPath, draftsPath } from "../../provider/core/pathEncoding";
import { signRequest } from "../../provider/core/requestSigner";
import teaUtil from "@alicloud/tea-util";
import { packageManifest } from "../../provider/core/packageManifest";

const emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const keyPair = { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: "example/secret+with=odd chars" };
const sts = { accessKeyId: "STS.NUexampleKey", accessKeySecret: "sts-secret", securityToken: "CAIS+token/with==padding", providerName: "static_sts" };
const endpoint = { protocol: "HTTPS" as const, host: "ververica.cn-hangzhou.aliyuncs.com", source: "test" };
const timeouts = { connectTimeoutMs: 1000, readTimeoutMs: 1000 };

function reference(pathname: string, query: Record<string, string>, headers: Record<string, string>, id: string, secret: string): string {
    type Request = Parameters<typeof OpenApiUtil.getAuthorization>[0];
    return OpenApiUtil.getAuthorization({ pathname, method: "GET", query, headers } as unknown as Request, "ACS3-HMAC-SHA256", emptyPayloadHash, id, secret);
}

const odd = ["plain-id", "a/b", "..", ".", "with space", "ünïcødé-✓", "x?y#z", "100%", "it's (v2)*", "a+b", "tilde~x", "*star*", "%7E", "semi;colon,comma", "quote\"back\\slash"];

describe("ACS3 signature", () => {
    it("signs every GetDeploymentDraft path as the reference does, with a key pair and with an STS token", () => {
        for (const credential of [keyPair, sts]) {
            for (const namespace of ["default-namespace", "odd ns/1", "名前空間"]) {
                for (const id of odd) {
                    const request = signRequest({ action: "GetDeploymentDraft", pathname: draftPath(namespace, id), workspace: "a14bd5d90a" }, endpoint, credential, timeouts);
                    const { Authorization, ...headers } = request.headers;
                    assert.strictEqual(Authorization, reference(request.path, {}, headers, credential.accessKeyId, credential.accessKeySecret), `${namespace}/${id}`);
                }
            }
        }
    });

    it("signs list queries as the reference does, and sends them encoded as the reference encodes them", () => {
        const queries: Record<string, string>[] = [
            { pageIndex: "1", pageSize: "100" },
            { pageSize: "100", pageIndex: "12" },
            { name: "orders etl*(v2)!'", pageIndex: "1" },
            { b: "", a: "~tilde", "key with space": "ü/ü" },
        ];
        for (const credential of [keyPair, sts]) {
            for (const query of queries) {
                const request = signRequest({ action: "ListDeploymentDrafts", pathname: draftsPath("odd ns/1"), workspace: "ws", query }, endpoint, credential, timeouts);
                const [pathname] = request.path.split("?");
                const { Authorization, ...headers } = request.headers;
                assert.strictEqual(Authorization, reference(pathname, query, headers, credential.accessKeyId, credential.accessKeySecret), JSON.stringify(query));
                const expectedSearch = Object.keys(query).map((k) => `${OpenApiUtil.getEncodeParam(k)}=${OpenApiUtil.getEncodeParam(query[k])}`).join("&");
                assert.strictEqual(request.path, `${pathname}?${expectedSearch}`);
            }
        }
    });

    it("follows the reference on headers: case, untrimmed values, unsigned names", () => {
        const headers = { Host: "h.example", "X-Acs-Date": " 2024-05-01T00:00:00Z ", "x-acs-action": "A", "content-type": "application/json", accept: "*/*", workspace: "ws", "User-Agent": "ua" };
        const request = { method: "GET", pathname: "/a+b+c*d*%7E%7E", query: { z: "1", y: "(2)" }, headers, payloadHash: emptyPayloadHash };
        assert.strictEqual(acs3Authorization(request, "id", "secret"), reference(request.pathname, request.query, headers, "id", "secret"));
    });

    it("encodes query components as the reference does", () => {
        for (const value of [...odd, "", "~!*'()", "\u{1F600}"]) {
            assert.strictEqual(percentEncode(value), OpenApiUtil.getEncodeParam(value), value);
        }
    });

    it("dates to the second in UTC, and makes 64-hex nonces that differ", () => {
        assert.strictEqual(signatureTimestamp(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678))), "2024-01-02T03:04:05Z");
        assert.match(signatureTimestamp(), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        const nonces = new Set(Array.from({ length: 100 }, signatureNonce));
        assert.strictEqual(nonces.size, 100);
        for (const nonce of nonces) assert.match(nonce, /^[0-9a-f]{64}$/);
    });

    it("sends the user agent @alicloud/tea-util builds, with this package's name and version", () => {
        const { version } = packageManifest;
        const request = signRequest({ action: "GetDeploymentDraft", pathname: draftPath("ns", "id"), workspace: "ws" }, endpoint, keyPair, timeouts);
        assert.strictEqual(request.headers["user-agent"], teaUtil.getUserAgent(`pulumi-ververica/${version}`));
    });
});
