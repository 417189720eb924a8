/**
 * Typed errors with stable `code`s. Every error that concerns one draft names the workspace,
 * namespace and draft id, and, when the API answered, its request id, error code and message.
 * No message ever contains a credential.
 */

/** The stable codes of {@link VervericaError}; safe to switch on. */
export type VervericaErrorCode =
    | "InvalidArgument"
    | "Configuration"
    | "DraftNotFound"
    | "UnconfirmedNotFound"
    | "DraftNameNotFound"
    | "AmbiguousDraftName"
    | "AccessDenied"
    | "Throttled"
    | "InvalidCredentials"
    | "ServiceError"
    | "InvalidResponse"
    | "RequestFailed"
    | "Network"
    | "ServiceUnreachable"
    | "Cancelled"
    | "DraftNotDeployable";

/** Which draft a failed call was about. */
export interface DraftReference {
    /** The workspace id the call was made in. */
    readonly workspace?: string;
    /** The namespace the call was made in. */
    readonly namespace?: string;
    /** The draft's id, when it was asked for or found. */
    readonly deploymentDraftId?: string;
    /** Set for lookups by name. */
    readonly name?: string;
}

/** What the API said about a failure, as far as it said anything. */
export interface ApiFailureDetails {
    /** The API operation, e.g. `GetDeploymentDraft`. */
    readonly action?: string;
    /** The HTTP status of the response, e.g. `404`. */
    readonly httpStatus?: number;
    /** The request id the API returned (`requestId` or `RequestId`): quote it to Alibaba Cloud support. */
    readonly requestId?: string;
    /** `errorCode` of the ververica envelope or `Code` of the gateway body. */
    readonly apiCode?: string;
    /** `errorMessage` of the ververica envelope or `Message` of the gateway body. */
    readonly apiMessage?: string;
    /** The gateway's `AccessDeniedDetail`, for denied calls. */
    readonly accessDeniedDetail?: unknown;
    /** Milliseconds the API asked us to wait (`x-acs-retry-after`). */
    readonly retryAfterMs?: number;
}

/**
 * Base class of every error this package throws.
 *
 * ```ts
 * try {
 *     await ververica.getDeploymentDraft(args);
 * } catch (e) {
 *     if (e instanceof ververica.VervericaError && e.code === "DraftNotFound") {
 *         // ...
 *     }
 * }
 * ```
 */
export abstract class VervericaError extends Error {
    /** A stable identifier of the kind of failure. */
    abstract readonly code: VervericaErrorCode;
    /** Whether retrying the same call later may succeed. */
    readonly retryable: boolean = false;
    /** Which draft the failed call was about; empty for failures before a draft was named. */
    readonly draft: DraftReference;
    /** What the API said, when it answered. */
    readonly details: ApiFailureDetails;

    protected constructor(summary: string, draft: DraftReference = {}, details: ApiFailureDetails = {}) {
        super(formatMessage(summary, draft, details));
        this.name = new.target.name;
        this.draft = draft;
        this.details = details;
        // Pulumi's program runners (`pulumi up` through the Node language host, and the
        // Automation API's inline programs) print an error carrying this brand, their RunError's,
        // as its message alone. Any other error is printed as a stack trace followed by the
        // inspected object, which buries a message that already names everything needed.
        // Non-enumerable, so it shows in neither `util.inspect` nor JSON.
        Object.defineProperty(this, "__pulumiRunError", { value: true, enumerable: false });
    }
}

/** An argument is missing or malformed; raised before any request is made. */
export class InvalidArgumentError extends VervericaError {
    readonly code = "InvalidArgument";
    /** The name of the offending argument, e.g. `deploymentDraftId`. */
    readonly argument: string;
    /** What is wrong with it, without its name, e.g. `is empty`. */
    readonly problem: string;
    constructor(argument: string, problem: string) {
        super(`invalid argument "${argument}": ${problem}`);
        this.argument = argument;
        this.problem = problem;
    }
}

/** Region, endpoint or credentials could not be resolved. */
export class ConfigurationError extends VervericaError {
    readonly code = "Configuration";
    constructor(problem: string, draft?: DraftReference) {
        super(problem, draft);
    }
}

/**
 * The draft does not exist: the service answered with its not-found error code `990301`.
 * This is the only failure that makes a refresh drop a `DeploymentDraft` from state.
 */
export class DraftNotFoundError extends VervericaError {
    readonly code = "DraftNotFound";
    constructor(draft: DraftReference, details: ApiFailureDetails) {
        super("deployment draft not found", draft, details);
    }
}

/**
 * HTTP 404 without the not-found code `990301`. A wrong workspace, namespace or endpoint, or a
 * gateway that does not know the path, answers like this, so it says nothing about the draft:
 * a refresh fails and leaves state as it was.
 */
export class UnconfirmedNotFoundError extends VervericaError {
    readonly code = "UnconfirmedNotFound";
    constructor(draft: DraftReference, details: ApiFailureDetails) {
        super(
            "HTTP 404 without the not-found code 990301, so the draft is not known to be gone; check the workspace, namespace and endpoint",
            draft,
            details,
        );
    }
}

/** No draft in the namespace has the requested name. */
export class DraftNameNotFoundError extends VervericaError {
    readonly code = "DraftNameNotFound";
    /** Every draft name found in the namespace (the message shows the first 50). */
    readonly availableNames: readonly string[];
    constructor(draft: DraftReference, availableNames: readonly string[], total: number) {
        const shown = availableNames.slice(0, 50).map((n) => JSON.stringify(n));
        const more = total > shown.length ? `, and ${total - shown.length} more` : "";
        super(
            `no deployment draft named ${JSON.stringify(draft.name)}; ` +
                (total === 0 ? "the namespace has no drafts" : `drafts found: ${shown.join(", ")}${more}`),
            draft,
        );
        this.availableNames = availableNames;
    }
}

/** Several drafts share the requested name; look it up by `deploymentDraftId` instead. */
export class AmbiguousDraftNameError extends VervericaError {
    readonly code = "AmbiguousDraftName";
    /** The ids of the drafts with that name. */
    readonly matchingIds: readonly string[];
    constructor(draft: DraftReference, matchingIds: readonly string[]) {
        super(
            `${matchingIds.length} deployment drafts are named ${JSON.stringify(draft.name)} ` +
                `(ids ${matchingIds.join(", ")}); pass deploymentDraftId to choose one`,
            draft,
        );
        this.matchingIds = matchingIds;
    }
}

/** The caller lacks the RAM permission (HTTP 403). */
export class AccessDeniedError extends VervericaError {
    readonly code = "AccessDenied";
    constructor(draft: DraftReference, details: ApiFailureDetails) {
        const action = details.action === "ListDeploymentDrafts" ? "stream:ListDeploymentDrafts" : "stream:GetDeploymentDraft";
        super(`access denied: the caller needs the RAM action ${action}`, draft, details);
    }
}

/**
 * The API throttled the call (a code containing `Throttling`, HTTP 429, or a positive
 * `x-acs-retry-after`); retried automatically before this is thrown.
 */
export class ThrottledError extends VervericaError {
    readonly code = "Throttled";
    override readonly retryable = true;
    constructor(draft: DraftReference, details: ApiFailureDetails) {
        super("request throttled", draft, details);
    }
}

/** The AccessKey is unknown, the signature or STS token was refused, or no credentials were found. */
export class InvalidCredentialsError extends VervericaError {
    readonly code = "InvalidCredentials";
    constructor(summary: string, draft: DraftReference, details: ApiFailureDetails = {}) {
        super(summary, draft, details);
    }
}

/** The service failed (HTTP 5xx or `ServiceUnavailable`); retried automatically before this is thrown. */
export class ServiceError extends VervericaError {
    readonly code = "ServiceError";
    override readonly retryable = true;
    constructor(draft: DraftReference, details: ApiFailureDetails) {
        super("the service failed", draft, details);
    }
}

/** The response could not be understood (not JSON, truncated, or missing `data`). */
export class InvalidResponseError extends VervericaError {
    readonly code = "InvalidResponse";
    constructor(problem: string, draft: DraftReference, details: ApiFailureDetails = {}) {
        super(`invalid response: ${problem}`, draft, details);
    }
}

/** The API refused the call for another reason (HTTP 4xx, or HTTP 200 with `success: false`). */
export class RequestFailedError extends VervericaError {
    readonly code = "RequestFailed";
    constructor(draft: DraftReference, details: ApiFailureDetails) {
        super("request failed", draft, details);
    }
}

/** The connection failed or timed out. */
export class NetworkError extends VervericaError {
    readonly code = "Network";
    override readonly retryable = true;
    constructor(problem: string, draft: DraftReference, details: ApiFailureDetails = {}) {
        super(`network error: ${problem}`, draft, details);
    }
}

/**
 * The endpoint failed to connect on several calls in a row, so calls fail at once for a
 * cool-down instead of each retrying alone against a service that is not there.
 */
export class ServiceUnreachableError extends VervericaError {
    readonly code = "ServiceUnreachable";
    /** The endpoint, e.g. `https://ververica.cn-hangzhou.aliyuncs.com`. */
    readonly endpoint: string;
    constructor(endpoint: string, lastCause: string, retryInMs: number, draft: DraftReference, details: ApiFailureDetails = {}) {
        super(`${endpoint} cannot be reached (${lastCause}); failing fast for ${Math.ceil(retryInMs / 1000)} s more`, draft, details);
        this.endpoint = endpoint;
    }
}

/** The operation was cancelled (the engine's Cancel, Ctrl-C) before it finished; nothing is known of the draft. */
export class CancelledError extends VervericaError {
    readonly code = "Cancelled";
    constructor(draft: DraftReference, details: ApiFailureDetails = {}) {
        super("cancelled before the call finished", draft, details);
    }
}

function formatMessage(summary: string, draft: DraftReference, details: ApiFailureDetails): string {
    const parts: string[] = [];
    const where = [
        draft.workspace !== undefined ? `workspace ${JSON.stringify(draft.workspace)}` : undefined,
        draft.namespace !== undefined ? `namespace ${JSON.stringify(draft.namespace)}` : undefined,
        draft.deploymentDraftId !== undefined ? `deploymentDraftId ${JSON.stringify(draft.deploymentDraftId)}` : undefined,
        draft.name !== undefined ? `name ${JSON.stringify(draft.name)}` : undefined,
    ].filter((p): p is string => p !== undefined);
    if (where.length > 0) {
        parts.push(where.join(", "));
    }
    if (details.action !== undefined) {
        parts.push(`action ${details.action}`);
    }
    if (details.httpStatus !== undefined) {
        parts.push(`HTTP ${details.httpStatus}`);
    }
    if (details.requestId !== undefined) {
        parts.push(`requestId ${details.requestId}`);
    }
    if (details.apiCode !== undefined) {
        parts.push(`error code ${details.apiCode}`);
    }
    if (details.apiMessage !== undefined) {
        parts.push(`message ${JSON.stringify(details.apiMessage)}`);
    }
    if (details.accessDeniedDetail !== undefined) {
        parts.push(`AccessDeniedDetail ${JSON.stringify(details.accessDeniedDetail)}`);
    }
    if (details.retryAfterMs !== undefined) {
        parts.push(`retry after ${details.retryAfterMs} ms`);
    }
    return parts.length > 0 ? `${summary} (${parts.join("; ")})` : summary;
}

/**
 * A draft cannot feed an `alicloud.realtimecompute.Deployment`: its artifact is CDC YAML (a
 * kind that resource does not take) or it lacks an attribute a deployment requires. Thrown
 * by `deploymentArgsFromDraft`.
 *
 * ```ts
 * import { deploymentArgsFromDraft } from "pulumi-ververica/alicloud";
 *
 * const draft = await ververica.getDeploymentDraft({ workspace, namespace, name: "orders-etl" });
 * try {
 *     const args = deploymentArgsFromDraft(draft, { deploymentTarget: { mode: "PER_JOB", name: "default-queue" } });
 * } catch (e) {
 *     if (e instanceof ververica.DraftNotDeployableError) console.log(`skipping: ${e.problem}`);
 * }
 * ```
 */
export class DraftNotDeployableError extends VervericaError {
    readonly code = "DraftNotDeployable";
    /** What stands in the way, e.g. `its artifact is CDCYAML, ...`. */
    readonly problem: string;
    constructor(draft: DraftReference, problem: string) {
        super(`the draft cannot feed an alicloud.realtimecompute.Deployment: ${problem}`, draft);
        this.problem = problem;
    }
}
