import type { ResolvedEndpoint } from "./connectionSettings";
import type { CredentialSource } from "./credentialSource";
import { DraftNameIndex, ListedDraftIdentity } from "./draftNameIndex";
import { DraftReference, InvalidResponseError, NetworkError } from "./errors";
import { sendRequest, TransportError } from "./httpTransport";
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
    constructor(readonly settings: DraftClientSettings) {}

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
     * is handed to `onPage` as soon as it arrives, so a caller can start work on its drafts
     * while the next page is read.
     */
    forEachDraftPage(workspace: string, namespace: string, onPage: (page: DraftPage) => void): Promise<void> {
        return this.forEachListedPage(workspace, namespace, ({ entries, ...page }) =>
            onPage({ drafts: entries.map((d) => normalizeDraft(d, { workspace, namespace })), ...page }),
        );
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

    private async forEachListedPage(workspace: string, namespace: string, onPage: (page: ListedPage) => void): Promise<void> {
        for (let pageIndex = 1; ; pageIndex++) {
            const page = await this.listPage(workspace, namespace, pageIndex, maxPageSize);
            onPage(page);
            if (page.isLastPage) break;
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

    private call(call: ApiCall, draft: DraftReference): Promise<Record<string, unknown>> {
        const { settings } = this;
        // The time budget covers the API's answers and the backoff waits, not the queue in front
        // of the process-wide bound: a lookup queued behind hundreds of others must still get its
        // retries. So the clock the policy reads stands still while an attempt waits for a slot.
        let queuedMs = 0;
        const clock: RetryRuntime = { ...systemRetryRuntime, now: () => systemRetryRuntime.now() - queuedMs };
        return withRetries(
            () => {
                const queuedAt = systemRetryRuntime.now();
                return settings.limiter.run(() => {
                    queuedMs += systemRetryRuntime.now() - queuedAt;
                    return this.exchange(call, draft);
                });
            },
            settings.retry,
            settings.onRetry ? (notice) => settings.onRetry?.(notice, call.action) : undefined,
            clock,
        );
    }

    private async exchange(call: ApiCall, draft: DraftReference): Promise<Record<string, unknown>> {
        const credential = await this.settings.credentials.getCredential();
        const request = signRequest(call, this.settings.endpoint, credential, this.settings.timeouts);
        let response;
        try {
            response = await sendRequest(request);
        } catch (e) {
            if (e instanceof TransportError) {
                throw new NetworkError(`${e.message} (${this.settings.endpoint.protocol.toLowerCase()}://${this.settings.endpoint.host})`, draft, { action: call.action });
            }
            throw e;
        }
        return readResponse(response, call.action, draft);
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
