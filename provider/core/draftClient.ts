import type { ResolvedEndpoint } from "./connectionSettings";
import type { CredentialSource } from "./credentialSource";
import { AmbiguousDraftNameError, DraftNameNotFoundError, DraftReference, InvalidResponseError, NetworkError } from "./errors";
import { sendRequest, TransportError } from "./httpTransport";
import type { DeploymentDraftAttributes } from "./model";
import { normalizeDraft } from "./normalizeDraft";
import { draftPath, draftsPath } from "./pathEncoding";
import { ApiCall, signRequest, TimeoutSettings } from "./requestSigner";
import { readResponse } from "./responseClassifier";
import { RetryNotice, RetryOptions, RetryRuntime, systemRetryRuntime, withRetries } from "./retryPolicy";
import type { ConcurrencyLimiter } from "./concurrencyLimiter";
import type { DraftCoordinates, DraftNameCoordinates } from "./validation";

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
    readonly pageSize: number;
    readonly totalSize: number;
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

    /** One page of ListDeploymentDrafts (pageIndex from 1). */
    async listDeploymentDrafts(workspace: string, namespace: string, pageIndex: number, pageSize = maxPageSize): Promise<DraftPage> {
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
        if (!Array.isArray(body.data)) {
            throw new InvalidResponseError('the list response has no "data" array', where, { action: "ListDeploymentDrafts", ...requestIdOf(body) });
        }
        const drafts = body.data.map((d: unknown) => normalizeDraft(d, { workspace, namespace }));
        const totalSize = typeof body.totalSize === "number" ? body.totalSize : drafts.length;
        return { drafts, pageIndex, pageSize, totalSize };
    }

    /**
     * Pages through ListDeploymentDrafts (100 a page) to the namespace's last draft. Each page
     * is handed to `onPage` as soon as it arrives, so a caller can start work on its drafts
     * while the next page is read.
     */
    async forEachDraftPage(workspace: string, namespace: string, onPage: (page: DraftPage) => void): Promise<void> {
        for (let pageIndex = 1; ; pageIndex++) {
            const page = await this.listDeploymentDrafts(workspace, namespace, pageIndex);
            onPage(page);
            if (page.drafts.length < page.pageSize || pageIndex * page.pageSize >= page.totalSize) break;
        }
    }

    /**
     * Pages through ListDeploymentDrafts (100 a page) for the draft with this exact name, then
     * reads the match with GetDeploymentDraft, so that a lookup by name returns exactly what a
     * lookup by id returns.
     */
    async findDeploymentDraftByName(c: DraftNameCoordinates): Promise<DeploymentDraftAttributes> {
        const matches: DeploymentDraftAttributes[] = [];
        const names: string[] = [];
        let total = 0;
        await this.forEachDraftPage(c.workspace, c.namespace, (page) => {
            total = page.totalSize;
            for (const d of page.drafts) {
                if (d.name === c.name) matches.push(d);
                if (d.name !== undefined) names.push(d.name);
            }
        });
        if (matches.length === 0) {
            throw new DraftNameNotFoundError(c, names, Math.max(total, names.length));
        }
        if (matches.length > 1) {
            throw new AmbiguousDraftNameError(c, matches.map((m) => m.deploymentDraftId));
        }
        return this.getDeploymentDraft({ workspace: c.workspace, namespace: c.namespace, deploymentDraftId: matches[0].deploymentDraftId });
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

function requestIdOf(body: Record<string, unknown>): { requestId?: string } {
    return typeof body.requestId === "string" && body.requestId ? { requestId: body.requestId } : {};
}
