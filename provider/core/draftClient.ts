import type { ResolvedEndpoint } from "./connectionSettings";
import type { CredentialSource } from "./credentialSource";
import { CircuitBreaker, endpointBreakers } from "./circuitBreaker";
import { DraftNameIndex, ListedDraftIdentity } from "./draftNameIndex";
import {
    CancelledError,
    DraftReference,
    InvalidResponseError,
    NetworkError,
    ServiceUnreachableError,
    ThrottledError,
} from "./errors";
import { isUnreachable, sendRequest, TransportError } from "./httpTransport";
import type { DeploymentDraftAttributes } from "./model";
import { normalizeDraft } from "./normalizeDraft";
import { draftPath, draftsPath } from "./pathEncoding";
import { ApiCall, signRequest, TimeoutSettings } from "./requestSigner";
import { readResponse } from "./responseClassifier";
import { RetryNotice, RetryOptions, RetryRuntime, systemRetryRuntime, withRetries } from "./retryPolicy";
import type { ConcurrencyLimiter } from "./concurrencyLimiter";
import type { DraftCoordinates } from "./validation";

/** Everything a client needs; secrets only behind `credentials`. */
export interface DraftClientSettings {
    readonly endpoint: ResolvedEndpoint;
    readonly credentials: CredentialSource;
    readonly timeouts: TimeoutSettings;
    readonly retry: RetryOptions;
    /** Bounds concurrent exchanges (shared by every client of the process). */
    readonly limiter: ConcurrencyLimiter;
    /** Told before each retry (the Pulumi log in programs and providers). */
    readonly onRetry?: (notice: RetryNotice, call: string) => void;
    /** Aborting it ends every call of this client at once, in flight or waiting, with a `CancelledError`. */
    readonly signal?: AbortSignal;
}

/** One page of ListDeploymentDrafts. */
export interface DraftPage {
    readonly drafts: readonly DeploymentDraftAttributes[];
    readonly pageIndex: number;
    /** The page size the service says it used (it may serve fewer than asked), else the one asked for. */
    readonly pageSize: number;
    /** How many drafts the namespace holds, when the service said. */
    readonly totalSize?: number;
    /** No page follows: this one is empty or short, or reaches `totalSize`. */
    readonly isLastPage: boolean;
}

/** A page as listed, its entries not yet read into the model. */
interface ListedPage extends Omit<DraftPage, "drafts"> {
    readonly entries: readonly unknown[];
}

/** ListDeploymentDrafts' largest page. */
export const maxPageSize = 100;

/**
 * Reads deployment drafts. Arguments must already be validated (see `validation.ts`).
 */
export class DraftClient {
    /** The endpoint as its failures name it, e.g. `https://ververica.cn-hangzhou.aliyuncs.com`. */
    private readonly endpointName: string;
    /** Shared with every client of the process that calls the same endpoint. */
    private readonly breaker: CircuitBreaker;

    constructor(readonly settings: DraftClientSettings) {
        this.endpointName = `${settings.endpoint.protocol.toLowerCase()}://${settings.endpoint.host}`;
        this.breaker = endpointBreakers.for(this.endpointName);
    }

    /** GetDeploymentDraft. */
    async getDeploymentDraft(c: DraftCoordinates): Promise<DeploymentDraftAttributes> {
        const body = await this.call(
            { action: "GetDeploymentDraft", pathname: draftPath(c.namespace, c.deploymentDraftId), workspace: c.workspace },
            c,
        );
        if (body.data === undefined || body.data === null) {
            throw new InvalidResponseError('the response has no "data"', c, { action: "GetDeploymentDraft", ...requestIdOf(body) });
        }
        return normalizeDraft(body.data, c);
    }

    /**
     * Pages through ListDeploymentDrafts (100 a page) to the namespace's last draft. Each page
     * is handed to `onPage` as soon as it and those before it have arrived, in page order, so a
     * caller can start work on its drafts while the next pages are read.
     */
    async forEachDraftPage(workspace: string, namespace: string, onPage: (page: DraftPage) => void): Promise<void> {
        await this.forEachListedPage(workspace, namespace, ({ entries, ...page }) => onPage({ drafts: entries.map((d) => normalizeDraft(d, { workspace, namespace })), ...page }));
    }

    /**
     * Pages through ListDeploymentDrafts (100 a page) for the name and id of every draft of the
     * namespace; a lookup by name then reads its match with GetDeploymentDraft, so that it
     * returns exactly what a lookup by id returns. Only names and ids are read: a draft the
     * model cannot read elsewhere in the namespace does not break a lookup.
     */
    async listDraftNames(workspace: string, namespace: string): Promise<DraftNameIndex> {
        const identities: ListedDraftIdentity[] = [];
        let total: number | undefined;
        await this.forEachListedPage(workspace, namespace, (page) => {
            total = page.totalSize;
            for (const entry of page.entries) identities.push(identityOf(entry));
        });
        return new DraftNameIndex(identities, total);
    }

    /**
     * Every page of the namespace's listing, in page order. Once the first page tells the
     * namespace's size, the pages after it are requested together, as many ahead as the
     * concurrency bound lets run; without a size, or when the namespace grew meanwhile, paging
     * goes on one page at a time.
     */
    private async forEachListedPage(workspace: string, namespace: string, onPage: (page: ListedPage) => void): Promise<void> {
        let last = await this.listPage(workspace, namespace, 1, maxPageSize);
        onPage(last);
        if (!last.isLastPage && last.totalSize !== undefined) {
            const pageCount = Math.ceil(last.totalSize / last.pageSize);
            const ahead: Array<Promise<ListedPage>> = [];
            let next = 2;
            const request = () => {
                const page = this.listPage(workspace, namespace, next++, maxPageSize);
                // Awaited in order below; one left behind by an earlier last page must not count as unhandled.
                page.catch(() => undefined);
                ahead.push(page);
            };
            while (next <= pageCount && ahead.length < this.settings.limiter.limit) request();
            while (ahead.length > 0 && !last.isLastPage) {
                last = await (ahead.shift() as Promise<ListedPage>);
                onPage(last);
                if (next <= pageCount) request();
            }
        }
        while (!last.isLastPage) {
            last = await this.listPage(workspace, namespace, last.pageIndex + 1, maxPageSize);
            onPage(last);
        }
    }

    /**
     * One page, read as leniently as Alibaba's models allow: every field is optional, so a
     * missing or null `data` is an empty page, and without `totalSize` paging goes on until a
     * short or empty page.
     */
    private async listPage(workspace: string, namespace: string, pageIndex: number, pageSize: number): Promise<ListedPage> {
        const where: DraftReference = { workspace, namespace };
        const body = await this.call(
            {
                action: "ListDeploymentDrafts",
                pathname: draftsPath(namespace),
                query: { pageIndex: String(pageIndex), pageSize: String(pageSize) },
                workspace,
            },
            where,
        );
        const data = body.data ?? [];
        if (!Array.isArray(data)) {
            throw new InvalidResponseError('the list response\'s "data" is not an array', where, { action: "ListDeploymentDrafts", ...requestIdOf(body) });
        }
        const servedSize = isWholeNumber(body.pageSize, 1) ? body.pageSize : pageSize;
        const totalSize = isWholeNumber(body.totalSize, 0) ? body.totalSize : undefined;
        const isLastPage = data.length === 0 || data.length < servedSize || (totalSize !== undefined && pageIndex * servedSize >= totalSize);
        return { entries: data, pageIndex, pageSize: servedSize, ...(totalSize !== undefined ? { totalSize } : {}), isLastPage };
    }

    /**
     * One API call with its retries, within the process-wide concurrency bound. Once the
     * client's signal is aborted the call fails with a `CancelledError` whatever it was doing,
     * so a cancelled read never reports a draft gone.
     */
    private async call(call: ApiCall, draft: DraftReference): Promise<Record<string, unknown>> {
        const { settings } = this;
        const { signal } = settings;
        // The time budget covers the API's answers and the backoff waits, not the queue in front
        // of the process-wide bound: a lookup queued behind hundreds of others must still get its
        // retries. So the clock the policy reads stands still while an attempt waits for a slot.
        let queuedMs = 0;
        const clock: RetryRuntime = { ...systemRetryRuntime, now: () => systemRetryRuntime.now() - queuedMs };
        try {
            return await withRetries(
                () => {
                    this.refuseWhileUnreachable(call, draft);
                    const queuedAt = systemRetryRuntime.now();
                    return settings.limiter.run(() => {
                        queuedMs += systemRetryRuntime.now() - queuedAt;
                        return this.exchange(call, draft);
                    }, signal);
                },
                settings.retry,
                settings.onRetry ? (notice) => settings.onRetry?.(notice, call.action) : undefined,
                clock,
                signal,
            );
        } catch (e) {
            if (signal?.aborted) {
                throw new CancelledError(draft, { action: call.action });
            }
            throw e;
        }
    }

    /** Fails at once while the endpoint's breaker is open: the service could not be reached by the last calls. */
    private refuseWhileUnreachable(call: ApiCall, draft: DraftReference): void {
        const open = this.breaker.refusal();
        if (open) {
            throw new ServiceUnreachableError(this.endpointName, open.lastCause, open.retryInMs, draft, { action: call.action });
        }
    }

    /**
     * One exchange. Tells the endpoint's breaker whether the service could be reached, and the
     * limiter whether it throttled, so that the next calls adapt.
     */
    private async exchange(call: ApiCall, draft: DraftReference): Promise<Record<string, unknown>> {
        // A call that waited for its slot while the breaker opened fails without a request.
        this.refuseWhileUnreachable(call, draft);
        const credential = await this.settings.credentials.getCredential();
        const request = signRequest(call, this.settings.endpoint, credential, this.settings.timeouts);
        let response;
        try {
            response = await sendRequest(request, this.settings.signal);
        } catch (e) {
            if (e instanceof TransportError && e.kind !== "cancelled") {
                if (isUnreachable(e)) this.breaker.unreachable(e.message);
                throw new NetworkError(`${e.message} (${this.endpointName})`, draft, { action: call.action });
            }
            throw e;
        }
        this.breaker.reached();
        try {
            const body = readResponse(response, call.action, draft);
            this.settings.limiter.succeeded();
            return body;
        } catch (e) {
            if (e instanceof ThrottledError) this.settings.limiter.throttled();
            else this.settings.limiter.succeeded();
            throw e;
        }
    }
}

/** The name and id of a listed draft, whatever else it holds. */
function identityOf(entry: unknown): ListedDraftIdentity {
    if (entry === null || typeof entry !== "object") return {};
    const { name, deploymentDraftId } = entry as { name?: unknown; deploymentDraftId?: unknown };
    return {
        ...(typeof name === "string" ? { name } : {}),
        ...(typeof deploymentDraftId === "string" && deploymentDraftId !== "" ? { deploymentDraftId } : {}),
    };
}

function isWholeNumber(value: unknown, min: number): value is number {
    return typeof value === "number" && Number.isInteger(value) && value >= min;
}

function requestIdOf(body: Record<string, unknown>): { requestId?: string } {
    return typeof body.requestId === "string" && body.requestId ? { requestId: body.requestId } : {};
}
