import * as assert from "node:assert";
import { inspect } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import {
    AccessDeniedError,
    AmbiguousDraftNameError,
    ApiFailureDetails,
    CancelledError,
    ConfigurationError,
    DraftNameNotFoundError,
    DraftNotFoundError,
    DraftReference,
    InvalidArgumentError,
    InvalidCredentialsError,
    InvalidResponseError,
    NetworkError,
    RequestFailedError,
    ServiceError,
    ServiceUnreachableError,
    ThrottledError,
    VervericaError,
    VervericaErrorCode,
} from "../../provider/core/errors";
import * as sdk from "../../sdk/nodejs";
import { assertCleanMessage } from "../helpers/assertions";

type Build = (draft: DraftReference, details: ApiFailureDetails) => VervericaError;

/** One builder per error class, with the code it must keep forever and whether it is retryable. */
const classes: Array<{ ctor: abstract new (...args: never[]) => VervericaError; code: VervericaErrorCode; retryable: boolean; build: Build }> = [
    { ctor: InvalidArgumentError, code: "InvalidArgument", retryable: false, build: () => new InvalidArgumentError("deploymentDraftId", "is empty") },
    { ctor: ConfigurationError, code: "Configuration", retryable: false, build: (d) => new ConfigurationError("no region", d) },
    { ctor: DraftNotFoundError, code: "DraftNotFound", retryable: false, build: (d, x) => new DraftNotFoundError(d, x) },
    { ctor: DraftNameNotFoundError, code: "DraftNameNotFound", retryable: false, build: (d) => new DraftNameNotFoundError({ ...d, name: "n" }, ["a"], 1) },
    { ctor: AmbiguousDraftNameError, code: "AmbiguousDraftName", retryable: false, build: (d) => new AmbiguousDraftNameError({ ...d, name: "n" }, ["id1", "id2"]) },
    { ctor: AccessDeniedError, code: "AccessDenied", retryable: false, build: (d, x) => new AccessDeniedError(d, x) },
    { ctor: ThrottledError, code: "Throttled", retryable: true, build: (d, x) => new ThrottledError(d, x) },
    { ctor: InvalidCredentialsError, code: "InvalidCredentials", retryable: false, build: (d, x) => new InvalidCredentialsError("refused", d, x) },
    { ctor: ServiceError, code: "ServiceError", retryable: true, build: (d, x) => new ServiceError(d, x) },
    { ctor: InvalidResponseError, code: "InvalidResponse", retryable: false, build: (d, x) => new InvalidResponseError("empty body", d, x) },
    { ctor: RequestFailedError, code: "RequestFailed", retryable: false, build: (d, x) => new RequestFailedError(d, x) },
    { ctor: NetworkError, code: "Network", retryable: true, build: (d, x) => new NetworkError("connection reset", d, x) },
    {
        ctor: ServiceUnreachableError,
        code: "ServiceUnreachable",
        retryable: false,
        build: (d, x) => new ServiceUnreachableError("https://ververica.cn-hangzhou.aliyuncs.com", "connection failed (ECONNREFUSED)", 29_500, d, x),
    },
    { ctor: CancelledError, code: "Cancelled", retryable: false, build: (d, x) => new CancelledError(d, x) },
];

const fullDraft: DraftReference = { workspace: "a14bd5d90a", namespace: "default-namespace", deploymentDraftId: "c84d73be" };
const fullDetails: ApiFailureDetails = {
    action: "GetDeploymentDraft",
    httpStatus: 429,
    requestId: "3B8F1E2A",
    apiCode: "Throttling.User",
    apiMessage: 'Request was "denied"',
    accessDeniedDetail: { AuthAction: "stream:GetDeploymentDraft" },
    retryAfterMs: 1200,
};

describe("errors: identity", () => {
    for (const { ctor, code, retryable, build } of classes) {
        it(`${ctor.name} has the stable code ${code}, is retryable=${retryable}, and is an instance of its class, VervericaError and Error`, () => {
            const e = build(fullDraft, {});
            assert.strictEqual(e.code, code);
            assert.strictEqual(e.retryable, retryable);
            assert.ok(e instanceof ctor);
            assert.ok(e instanceof VervericaError);
            assert.ok(e instanceof Error);
            assert.strictEqual(e.name, ctor.name);
            assert.ok(String(e.stack).startsWith(`${ctor.name}: `), String(e.stack).split("\n")[0]);
        });
    }

    it("gives every class its own code", () => {
        const codes = classes.map((c) => c.build(fullDraft, {}).code);
        assert.strictEqual(new Set(codes).size, classes.length);
    });

    it("exports the same classes from the SDK, so instanceof works across the package boundary", () => {
        assert.strictEqual(sdk.VervericaError, VervericaError);
        assert.strictEqual(sdk.DraftNotFoundError, DraftNotFoundError);
        assert.strictEqual(sdk.ConfigurationError, ConfigurationError);
        assert.ok(new DraftNotFoundError(fullDraft, {}) instanceof sdk.VervericaError);
    });

    it("is printed by Pulumi's program runners as its message alone (their RunError), and the brand stays out of inspect and JSON", () => {
        for (const { build } of classes) {
            const e = build(fullDraft, fullDetails);
            assert.ok(pulumi.RunError.isInstance(e), e.name);
            assert.doesNotMatch(inspect(e), /__pulumiRunError/);
            assert.doesNotMatch(JSON.stringify(e), /__pulumiRunError/);
        }
    });

    it("keeps the draft and the details it was given", () => {
        const e = new ThrottledError(fullDraft, fullDetails);
        assert.deepStrictEqual(e.draft, fullDraft);
        assert.deepStrictEqual(e.details, fullDetails);
    });
});

describe("errors: messages", () => {
    for (const { ctor, build } of classes) {
        it(`${ctor.name} never says "undefined" when the draft and details are empty or partial`, () => {
            for (const [draft, details] of [
                [{}, {}],
                [{ workspace: "ws" }, {}],
                [{ namespace: "ns", deploymentDraftId: "id" }, { httpStatus: 404 }],
                [{ workspace: undefined, namespace: undefined }, { action: undefined, requestId: undefined, apiCode: undefined }],
            ] as Array<[DraftReference, ApiFailureDetails]>) {
                assertCleanMessage(build(draft, details).message, []);
            }
        });
    }

    it("names every part that is present, in a fixed order", () => {
        const e = new ThrottledError(fullDraft, fullDetails);
        assert.strictEqual(
            e.message,
            'request throttled (workspace "a14bd5d90a", namespace "default-namespace", deploymentDraftId "c84d73be"; action GetDeploymentDraft; HTTP 429; ' +
                'requestId 3B8F1E2A; error code Throttling.User; message "Request was \\"denied\\""; ' +
                'AccessDeniedDetail {"AuthAction":"stream:GetDeploymentDraft"}; retry after 1200 ms)',
        );
    });

    it("omits the parts that are absent", () => {
        const e = new DraftNotFoundError({ workspace: "ws" }, { httpStatus: 404 });
        assert.strictEqual(e.message, 'deployment draft not found (workspace "ws"; HTTP 404)');
        for (const absent of ["namespace", "deploymentDraftId", "name ", "action", "requestId", "error code", "message ", "AccessDeniedDetail", "retry after"]) {
            assert.ok(!e.message.includes(absent), `${absent} should be omitted: ${e.message}`);
        }
    });

    it("is just the summary, without empty parentheses, when nothing else is known", () => {
        assert.strictEqual(new ServiceError({}, {}).message, "the service failed");
        assert.strictEqual(new ConfigurationError("no region or endpoint").message, "no region or endpoint");
    });

    it("names a lookup by name with its name", () => {
        const e = new DraftNotFoundError({ workspace: "ws", namespace: "ns", name: "orders-etl" }, {});
        assertCleanMessage(e.message, ['name "orders-etl"'], ["deploymentDraftId"]);
    });

    it("quotes ids so spaces and quotes in them stay readable", () => {
        const e = new DraftNotFoundError({ deploymentDraftId: 'a "b" c' }, {});
        assert.ok(e.message.includes('deploymentDraftId "a \\"b\\" c"'), e.message);
    });

    it("InvalidArgumentError names the argument and the problem", () => {
        const e = new InvalidArgumentError("namespace", "is blank (only whitespace)");
        assert.strictEqual(e.message, 'invalid argument "namespace": is blank (only whitespace)');
        assert.strictEqual(e.argument, "namespace");
        // Apart, for hosts that name the argument themselves (an invoke failure's "(namespace)").
        assert.strictEqual(e.problem, "is blank (only whitespace)");
    });

    it("AccessDeniedError names the RAM action of the call it was about", () => {
        assertCleanMessage(new AccessDeniedError(fullDraft, { action: "GetDeploymentDraft" }).message, ["stream:GetDeploymentDraft"]);
        assertCleanMessage(new AccessDeniedError(fullDraft, { action: "ListDeploymentDrafts" }).message, ["stream:ListDeploymentDrafts"]);
        assertCleanMessage(new AccessDeniedError(fullDraft, {}).message, ["stream:GetDeploymentDraft"]);
    });

    it("DraftNameNotFoundError lists the names found, at most 50, and how many more there are", () => {
        const names = Array.from({ length: 60 }, (_, i) => `draft-${i}`);
        const e = new DraftNameNotFoundError({ workspace: "ws", namespace: "ns", name: "missing" }, names, 75);
        assertCleanMessage(e.message, ['no deployment draft named "missing"', '"draft-0"', '"draft-49"', "and 25 more"], ['"draft-50"']);
        assert.deepStrictEqual(new DraftNameNotFoundError({ name: "missing" }, ["a", "b"], 2).availableNames, ["a", "b"]);
    });

    it("DraftNameNotFoundError says when the namespace has no drafts", () => {
        const e = new DraftNameNotFoundError({ workspace: "ws", namespace: "ns", name: "x" }, [], 0);
        assertCleanMessage(e.message, ["the namespace has no drafts"], ["drafts found", "more"]);
    });

    it("AmbiguousDraftNameError lists the matching ids and says what to do", () => {
        const e = new AmbiguousDraftNameError({ workspace: "ws", namespace: "ns", name: "dup" }, ["id-1", "id-2"]);
        assertCleanMessage(e.message, ['2 deployment drafts are named "dup"', "id-1, id-2", "pass deploymentDraftId"]);
        assert.deepStrictEqual(e.matchingIds, ["id-1", "id-2"]);
    });

    it("ServiceUnreachableError names the endpoint, the last cause and the seconds left, and keeps the endpoint", () => {
        const e = new ServiceUnreachableError("https://ververica.cn-hangzhou.aliyuncs.com", "connection failed (ENOTFOUND)", 29_100, fullDraft, { action: "GetDeploymentDraft" });
        assert.ok(
            e.message.startsWith('https://ververica.cn-hangzhou.aliyuncs.com cannot be reached (connection failed (ENOTFOUND)); failing fast for 30 s more (workspace "a14bd5d90a"'),
            e.message,
        );
        assert.strictEqual(e.endpoint, "https://ververica.cn-hangzhou.aliyuncs.com");
        assert.strictEqual(sdk.ServiceUnreachableError, ServiceUnreachableError);
        assert.strictEqual(sdk.CancelledError, CancelledError);
    });

    it("NetworkError and InvalidResponseError prefix their problem", () => {
        assert.ok(new NetworkError("connection reset (ECONNRESET)", {}).message.startsWith("network error: connection reset (ECONNRESET)"));
        assert.ok(new InvalidResponseError("empty body", {}).message.startsWith("invalid response: empty body"));
    });
});
