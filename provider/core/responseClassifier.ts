import {
    AccessDeniedError,
    ApiFailureDetails,
    DraftNotFoundError,
    DraftReference,
    InvalidCredentialsError,
    InvalidResponseError,
    RequestFailedError,
    ServiceError,
    ThrottledError,
    UnconfirmedNotFoundError,
    VervericaError,
} from "./errors";

/** What came back from one HTTP exchange. */
export interface RawResponse {
    readonly status: number;
    readonly headers: { readonly [name: string]: string | string[] | undefined };
    readonly body: string;
}

/** Ververica's "not found" code for its objects. */
export const notFoundErrorCode = "990301";

const credentialCodes = /^(InvalidAccessKeyId|InvalidAccessKey|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|InvalidTimeStamp|SignatureNonceUsed|MissingAuthorization|InvalidAuthorization|MissingTimestamp|MissingSecurityToken)/;
const deniedCodes = /^(Forbidden|NoPermission|AccessDenied)/;

/**
 * Reads a response: returns the parsed JSON body of a success, or throws the typed error
 * that the status, the ververica envelope (`errorCode`/`errorMessage`) or the gateway body
 * (`Code`/`Message`) describe. An HTTP 200 envelope with `success: false` or another
 * `httpCode` is a failure too, classified by the same rules with its `httpCode` as status.
 */
export function readResponse(response: RawResponse, action: string, draft: DraftReference): Record<string, unknown> {
    const parsed = parseJson(response.body);
    const details = failureDetails(response, action, parsed);
    if (response.status >= 400) {
        throw classifyFailure(response.status, details, parsed !== undefined, draft);
    }
    if (response.status < 200 || response.status >= 300) {
        throw new InvalidResponseError(`unexpected HTTP status ${response.status}`, draft, details);
    }
    if (parsed === undefined) {
        const problem = response.body.length === 0 ? "empty body" : "the body is not valid JSON (malformed or truncated)";
        throw new InvalidResponseError(problem, draft, details);
    }
    const httpCode = parsed.httpCode;
    if (parsed.success === false || (typeof httpCode === "number" && httpCode !== 200)) {
        const meant = typeof httpCode === "number" && httpCode >= 400 ? httpCode : undefined;
        throw classifyFailure(meant, { ...details, apiMessage: details.apiMessage ?? "success: false" }, true, draft);
    }
    return parsed;
}

/**
 * The rules of Alibaba's own clients: throttling is any code containing `Throttling`
 * (`Throttling.User`, `Rejected.Throttling`), HTTP 429, or a positive `x-acs-retry-after`
 * (what openapi-core checks); `ServiceUnavailable` and any 5xx are service failures; only the
 * code `990301` says that the draft is gone.
 * @param status the HTTP status, or the envelope's `httpCode`; undefined when neither is an error status
 */
function classifyFailure(status: number | undefined, details: ApiFailureDetails, parsedBody: boolean, draft: DraftReference): VervericaError {
    const code = details.apiCode ?? "";
    if (code.includes("Throttling") || status === 429 || details.retryAfterMs !== undefined) {
        return new ThrottledError(draft, details);
    }
    if (credentialCodes.test(code)) {
        return new InvalidCredentialsError("the credentials or the request signature were refused", draft, details);
    }
    if (status === 403 || deniedCodes.test(code)) {
        return new AccessDeniedError(draft, details);
    }
    if (code === notFoundErrorCode) {
        return new DraftNotFoundError(draft, details);
    }
    if (status === 404) {
        return new UnconfirmedNotFoundError(draft, details);
    }
    if ((status !== undefined && status >= 500) || code.includes("ServiceUnavailable")) {
        return new ServiceError(draft, details);
    }
    if (!parsedBody) {
        return new InvalidResponseError(`HTTP ${status} with a body that is not JSON`, draft, details);
    }
    return new RequestFailedError(draft, details);
}

function failureDetails(response: RawResponse, action: string, body: Record<string, unknown> | undefined): ApiFailureDetails {
    const apiCode = text(body?.errorCode) ?? text(body?.Code);
    const apiMessage = text(body?.errorMessage) ?? text(body?.Message);
    const requestId = text(body?.requestId) ?? text(body?.RequestId) ?? text(header(response, "x-acs-request-id"));
    const retryAfter = Number.parseInt(header(response, "x-acs-retry-after") ?? "", 10);
    const accessDeniedDetail = body?.AccessDeniedDetail ?? body?.accessDeniedDetail;
    const details: { -readonly [K in keyof ApiFailureDetails]: ApiFailureDetails[K] } = { action, httpStatus: response.status };
    if (requestId !== undefined) details.requestId = requestId;
    if (apiCode !== undefined) details.apiCode = apiCode;
    if (apiMessage !== undefined) details.apiMessage = apiMessage;
    if (accessDeniedDetail !== undefined && accessDeniedDetail !== null) details.accessDeniedDetail = accessDeniedDetail;
    // Only a positive value asks for a wait; without one a throttled retry waits the throttling floor.
    if (Number.isFinite(retryAfter) && retryAfter > 0) details.retryAfterMs = retryAfter;
    return details;
}

/** A non-empty string, or undefined. The docs write an empty code as `"\"\""`: that is empty too. */
function text(value: unknown): string | undefined {
    if (typeof value === "number") {
        return String(value);
    }
    if (typeof value !== "string") {
        return undefined;
    }
    const trimmed = value.trim();
    return trimmed === "" || trimmed === '""' ? undefined : trimmed;
}

function header(response: RawResponse, name: string): string | undefined {
    const v = response.headers[name];
    return Array.isArray(v) ? v[0] : v;
}

function parseJson(body: string): Record<string, unknown> | undefined {
    if (body.length === 0) {
        return undefined;
    }
    try {
        const value: unknown = JSON.parse(body);
        return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
        return undefined;
    }
}
