import * as assert from "node:assert";
import { VervericaError, VervericaErrorCode } from "../../provider/core/errors";
import { notFoundErrorCode, RawResponse, readResponse } from "../../provider/core/responseClassifier";
import { assertCleanMessage } from "../helpers/assertions";

const draft = { workspace: "a14bd5d90a", namespace: "default-namespace", deploymentDraftId: "c84d73be" };
const action = "GetDeploymentDraft";

function response(status: number, body: unknown, headers: RawResponse["headers"] = {}): RawResponse {
    return { status, headers, body: typeof body === "string" ? body : JSON.stringify(body) };
}

/** Reads `r`, asserts it fails with `code`, and returns the error. */
function failure(r: RawResponse, code: VervericaErrorCode): VervericaError {
    try {
        readResponse(r, action, draft);
    } catch (e) {
        assert.ok(e instanceof VervericaError, `expected a VervericaError, got ${String(e)}`);
        assert.strictEqual(e.code, code, `expected ${code}, got ${e.code}: ${e.message}`);
        assertCleanMessage(e.message, []);
        return e;
    }
    return assert.fail(`expected ${code}, but the response was accepted`);
}

const envelope = (fields: Record<string, unknown>) => ({ requestId: "req-1", success: true, httpCode: 200, errorCode: "", errorMessage: "", data: { deploymentDraftId: "c84d73be" }, ...fields });
const gateway = (fields: Record<string, unknown>) => ({ RequestId: "gw-1", HostId: "ververica.cn-hangzhou.aliyuncs.com", Recommend: "https://api.aliyun.com/troubleshoot", ...fields });

describe("responseClassifier: successes", () => {
    it("returns the parsed body of a successful envelope", () => {
        const body = envelope({});
        assert.deepStrictEqual(readResponse(response(200, body), action, draft), body);
    });

    it('tolerates the documented example\'s "errorCode": "\\"\\"" artefact on a success', () => {
        const body = envelope({ errorCode: '""', errorMessage: '""' });
        assert.deepStrictEqual(readResponse(response(200, body), action, draft), body);
    });

    it("accepts a body without success and httpCode (every envelope field is optional)", () => {
        assert.deepStrictEqual(readResponse(response(200, { data: { name: "x" } }), action, draft), { data: { name: "x" } });
    });
});

describe("responseClassifier: HTTP 200 that is a failure", () => {
    it("is RequestFailed with success:false, carrying the envelope's code, message and request id", () => {
        const e = failure(response(200, envelope({ success: false, httpCode: 400, errorCode: "InvalidParameter", errorMessage: "bad namespace", data: null })), "RequestFailed");
        assert.deepStrictEqual(e.details, { action, httpStatus: 200, requestId: "req-1", apiCode: "InvalidParameter", apiMessage: "bad namespace" });
        assertCleanMessage(e.message, ["HTTP 200", "error code InvalidParameter", 'message "bad namespace"', "requestId req-1"]);
    });

    it("is a failure when httpCode is not 200 even though success is not false, classified by that httpCode", () => {
        const e = failure(response(200, { requestId: "r", httpCode: 500, errorCode: "InternalError" }), "ServiceError");
        assert.strictEqual(e.details.apiCode, "InternalError");
        assert.strictEqual(e.retryable, true);
        failure(response(200, { httpCode: 403 }), "AccessDenied");
        failure(response(200, { httpCode: 400 }), "RequestFailed");
    });

    it("is Throttled, and retried, for a throttling envelope: by its code, or by httpCode 429", () => {
        for (const code of ["Throttling", "Throttling.User", "Rejected.Throttling"]) {
            const e = failure(response(200, envelope({ success: false, httpCode: 400, errorCode: code, errorMessage: "flow control", data: null })), "Throttled");
            assert.strictEqual(e.retryable, true, code);
            assert.strictEqual(e.details.httpStatus, 200);
        }
        failure(response(200, envelope({ success: false, httpCode: 429, errorCode: "", data: null })), "Throttled");
        failure(response(200, envelope({ success: false, errorCode: "Throttling.Api", data: null })), "Throttled");
    });

    it("is ServiceError for an envelope with httpCode 5xx or the code ServiceUnavailable", () => {
        failure(response(200, envelope({ success: false, httpCode: 503, data: null })), "ServiceError");
        failure(response(200, envelope({ success: false, errorCode: "ServiceUnavailable", data: null })), "ServiceError");
    });

    it("is UnconfirmedNotFound, not DraftNotFound, for an envelope with httpCode 404 and no 990301", () => {
        failure(response(200, envelope({ success: false, httpCode: 404, errorCode: "", errorMessage: "Not Found", data: null })), "UnconfirmedNotFound");
    });

    it("says 'success: false' when the envelope gives no message", () => {
        const e = failure(response(200, { success: false }), "RequestFailed");
        assert.strictEqual(e.details.apiMessage, "success: false");
        assertCleanMessage(e.message, ['message "success: false"']);
    });

    it('treats the "\\"\\"" artefact as no error code: no "error code" part, no quotes in the message', () => {
        const e = failure(response(200, envelope({ success: false, errorCode: '""', errorMessage: "boom" })), "RequestFailed");
        assert.strictEqual(e.details.apiCode, undefined);
        assert.ok(!("apiCode" in e.details), "apiCode must be absent, not undefined");
        assertCleanMessage(e.message, ['message "boom"'], ["error code", '\\"\\"']);
    });

    it(`is DraftNotFound when the failed envelope carries ${notFoundErrorCode}, also as a number`, () => {
        failure(response(200, envelope({ success: false, httpCode: 404, errorCode: "990301", errorMessage: "not exist" })), "DraftNotFound");
        failure(response(200, envelope({ success: false, errorCode: 990301 })), "DraftNotFound");
    });
});

describe("responseClassifier: gateway body and ververica envelope", () => {
    it("reads Code, Message and RequestId from the gateway's PascalCase body", () => {
        const e = failure(response(400, gateway({ Code: "MissingParameter", Message: "workspace is mandatory" })), "RequestFailed");
        assert.deepStrictEqual(e.details, { action, httpStatus: 400, requestId: "gw-1", apiCode: "MissingParameter", apiMessage: "workspace is mandatory" });
    });

    it("reads errorCode, errorMessage and requestId from the ververica envelope on an HTTP error", () => {
        const e = failure(response(400, envelope({ success: false, httpCode: 400, errorCode: "InvalidParameter", errorMessage: "pageSize", requestId: "vv-9", data: null })), "RequestFailed");
        assert.deepStrictEqual(e.details, { action, httpStatus: 400, requestId: "vv-9", apiCode: "InvalidParameter", apiMessage: "pageSize" });
        assertCleanMessage(e.message, ["error code InvalidParameter", 'message "pageSize"', "requestId vv-9"]);
    });

    it("takes the request id from x-acs-request-id when the body has none", () => {
        const e = failure(response(503, "<html>unavailable</html>", { "x-acs-request-id": "hdr-7" }), "ServiceError");
        assert.strictEqual(e.details.requestId, "hdr-7");
    });

    it("never leaves openapi-client's 'undefined' code in a message for a ververica body", () => {
        const e = failure(response(400, { success: false, errorMessage: "only a message" }), "RequestFailed");
        assertCleanMessage(e.message, ['message "only a message"'], ["error code"]);
    });
});

describe("responseClassifier: what a 404 means", () => {
    it("is DraftNotFound for the service's 404 envelope with 990301", () => {
        const e = failure(response(404, envelope({ success: false, httpCode: 404, errorCode: "990301", errorMessage: "draft not exist", data: null })), "DraftNotFound");
        assertCleanMessage(e.message, ["deployment draft not found", "HTTP 404", "error code 990301"]);
    });

    it("is DraftNotFound for 990301 whatever the status", () => {
        failure(response(400, envelope({ success: false, httpCode: 400, errorCode: "990301", data: null })), "DraftNotFound");
    });

    it("is UnconfirmedNotFound (not retried, naming what was asked) for a JSON 404 of the service without 990301", () => {
        for (const body of [{ requestId: "r", success: false }, envelope({ success: false, httpCode: 404, errorCode: "", errorMessage: "Not Found", data: null }), envelope({ success: false, httpCode: 404, errorCode: "990302", data: null })]) {
            const e = failure(response(404, body), "UnconfirmedNotFound");
            assert.strictEqual(e.retryable, false);
            assertCleanMessage(e.message, ["without the not-found code 990301", "check the workspace, namespace and endpoint", 'workspace "a14bd5d90a"', 'namespace "default-namespace"', 'deploymentDraftId "c84d73be"', "HTTP 404"], ["deployment draft not found"]);
        }
    });

    it("is UnconfirmedNotFound for a gateway 404 with a PascalCase Code", () => {
        const e = failure(response(404, gateway({ Code: "InvalidAction.NotFound", Message: "Specified api is not found" })), "UnconfirmedNotFound");
        assert.strictEqual(e.details.apiCode, "InvalidAction.NotFound");
    });

    it("is InvalidCredentials, not DraftNotFound, for the gateway's 404 InvalidAccessKeyId.NotFound", () => {
        failure(response(404, gateway({ Code: "InvalidAccessKeyId.NotFound", Message: "Specified access key is not found." })), "InvalidCredentials");
    });

    it("is UnconfirmedNotFound for a 404 whose body is not JSON (a proxy's page)", () => {
        failure(response(404, "<html><body>404 Not Found</body></html>"), "UnconfirmedNotFound");
        failure(response(404, ""), "UnconfirmedNotFound");
        failure(response(404, "[1,2]"), "UnconfirmedNotFound");
    });
});

describe("responseClassifier: other failures", () => {
    it("is Throttled for a Throttling code and for a bare 429, with x-acs-retry-after in ms", () => {
        const e = failure(response(400, gateway({ Code: "Throttling.User", Message: "Request was denied due to user flow control." }), { "x-acs-retry-after": "1500" }), "Throttled");
        assert.strictEqual(e.details.retryAfterMs, 1500);
        assert.strictEqual(e.retryable, true);
        assertCleanMessage(e.message, ["retry after 1500 ms"]);
        failure(response(429, "Too Many Requests"), "Throttled");
        failure(response(503, gateway({ Code: "Throttling.Api" })), "Throttled");
    });

    it("is Throttled for Rejected.Throttling at 400, as the Terraform provider reads it", () => {
        failure(response(400, envelope({ success: false, httpCode: 400, errorCode: "Rejected.Throttling", errorMessage: "rejected", data: null })), "Throttled");
        failure(response(400, gateway({ Code: "Rejected.Throttling" })), "Throttled");
    });

    it("is Throttled for any failure with a positive x-acs-retry-after, as openapi-core reads it", () => {
        const e = failure(response(400, gateway({ Code: "InvalidParameter", Message: "busy" }), { "x-acs-retry-after": "300" }), "Throttled");
        assert.strictEqual(e.details.retryAfterMs, 300);
        assert.strictEqual(e.details.apiCode, "InvalidParameter");
        failure(response(400, gateway({ Code: "InvalidParameter" }), { "x-acs-retry-after": "0" }), "RequestFailed");
    });

    it("is ServiceError for ServiceUnavailable at any status", () => {
        failure(response(400, gateway({ Code: "ServiceUnavailable" })), "ServiceError");
    });

    it("reads x-acs-retry-after when Node gives it as an array, and ignores a value that is not a whole number > 0", () => {
        assert.strictEqual(failure(response(429, gateway({ Code: "Throttling.User" }), { "x-acs-retry-after": ["250", "900"] }), "Throttled").details.retryAfterMs, 250);
        for (const bad of ["soon", "-5", "", "0"]) {
            const e = failure(response(429, gateway({ Code: "Throttling.User" }), { "x-acs-retry-after": bad }), "Throttled");
            assert.ok(!("retryAfterMs" in e.details), bad);
        }
    });

    it("is InvalidCredentials for the signature, key and token codes", () => {
        for (const code of ["SignatureDoesNotMatch", "IncompleteSignature", "InvalidSecurityToken.Expired", "InvalidAccessKeyId.Inactive", "SignatureNonceUsed", "InvalidTimeStamp.Expired", "MissingSecurityToken"]) {
            failure(response(400, gateway({ Code: code })), "InvalidCredentials");
        }
    });

    it("is AccessDenied for 403 and for Forbidden/NoPermission codes, keeping AccessDeniedDetail", () => {
        const detail = { PolicyType: "AccountLevelIdentityBasedPolicy", AuthAction: "stream:GetDeploymentDraft" };
        const e = failure(response(403, gateway({ Code: "Forbidden.RAM", Message: "denied", AccessDeniedDetail: detail })), "AccessDenied");
        assert.deepStrictEqual(e.details.accessDeniedDetail, detail);
        assertCleanMessage(e.message, ["stream:GetDeploymentDraft", "AccessDeniedDetail"]);
        failure(response(400, gateway({ Code: "NoPermission" })), "AccessDenied");
        failure(response(403, "forbidden"), "AccessDenied");
    });

    it("is ServiceError (retryable) for 5xx, JSON or not", () => {
        assert.strictEqual(failure(response(500, gateway({ Code: "InternalError" })), "ServiceError").retryable, true);
        failure(response(503, gateway({ Code: "ServiceUnavailable" })), "ServiceError");
        failure(response(502, "<html>Bad Gateway</html>"), "ServiceError");
    });

    it("is InvalidResponse for a 200 that is empty, not JSON, truncated or not an object", () => {
        assert.match(failure(response(200, ""), "InvalidResponse").message, /empty body/);
        assert.match(failure(response(200, "<html>"), "InvalidResponse").message, /not valid JSON/);
        assert.match(failure(response(200, '{"success":true,"data":{"na'), "InvalidResponse").message, /malformed or truncated/);
        failure(response(200, "[]"), "InvalidResponse");
        failure(response(200, "null"), "InvalidResponse");
    });

    it("is InvalidResponse for a status that is neither success nor error", () => {
        assert.match(failure(response(302, ""), "InvalidResponse").message, /unexpected HTTP status 302/);
        failure(response(204, ""), "InvalidResponse");
    });

    it("keeps the draft it was about and names it in the message", () => {
        const e = failure(response(500, {}), "ServiceError");
        assert.deepStrictEqual(e.draft, draft);
        assertCleanMessage(e.message, ['workspace "a14bd5d90a"', 'namespace "default-namespace"', 'deploymentDraftId "c84d73be"', "action GetDeploymentDraft"]);
    });
});
