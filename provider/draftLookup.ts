import { createHash } from "crypto";
import { ConcurrencyLimiter } from "./concurrencyLimiter";
import { ConfigReader, ConnectionOptions, CredentialSpec, resolveCredentialSpec, resolveEndpoint } from "./connectionSettings";
import { createCredentialSource } from "./credentialSource";
import { DraftClient } from "./draftClient";
import { defaultMaxConcurrency, resolveTuning, TuningOptions } from "./clientTuning";
import { LookupCache } from "./lookupCache";
import type { DeploymentDraftAttributes } from "./model";
import type { RetryNotice } from "./retryPolicy";
import { DraftSelector, isNameLookup, validateSelector } from "./validation";

/** Options of one lookup. */
export interface LookupOptions extends ConnectionOptions, TuningOptions {
    /**
     * Share this lookup with identical ones made earlier in the same process (default true).
     * Turn off to force a fresh read, e.g. when polling a draft from a long-running script.
     */
    readonly cache?: boolean;
}

/** Where a lookup takes its settings from. */
export interface LookupContext {
    readonly options: LookupOptions;
    /** Stack config; returns undefined for every key outside a Pulumi program. */
    readonly config: ConfigReader;
    readonly env: NodeJS.ProcessEnv;
    /** Told before each retry; gets no credentials. */
    readonly onRetry?: (notice: RetryNotice, action: string) => void;
}

// Process-wide: one bound for every lookup of the program (or provider) process.
const limiter = new ConcurrencyLimiter(defaultMaxConcurrency);
const clients = new Map<string, DraftClient>();
const results = new LookupCache<DeploymentDraftAttributes>();

/**
 * Looks a draft up by id or by name. Arguments are validated before anything else, so a bad
 * id fails without a request; connection settings and credentials are resolved next, and
 * identical lookups in one process share one request.
 */
export function lookupDraft(selector: DraftSelector, context: LookupContext): Promise<DeploymentDraftAttributes> {
    try {
        const coordinates = validateSelector(selector);
        const endpoint = resolveEndpoint(context.options, context.config, context.env);
        const credentials = resolveCredentialSpec(context.config, context.env);
        const tuning = resolveTuning(context.options, context.config, context.env);
        limiter.setLimit(tuning.maxConcurrency);

        const clientKey = JSON.stringify([endpoint.protocol, endpoint.host, credentialKey(credentials), tuning.retry, tuning.timeouts]);
        let client = clients.get(clientKey);
        if (!client) {
            client = new DraftClient({
                endpoint,
                credentials: createCredentialSource(credentials),
                timeouts: tuning.timeouts,
                retry: tuning.retry,
                limiter,
                onRetry: context.onRetry,
            });
            clients.set(clientKey, client);
        }
        const target = client;
        const load = () => (isNameLookup(coordinates) ? target.findDeploymentDraftByName(coordinates) : target.getDeploymentDraft(coordinates));
        if (context.options.cache === false) {
            return load();
        }
        const what = isNameLookup(coordinates) ? `name:${coordinates.name}` : `id:${coordinates.deploymentDraftId}`;
        return results.get(JSON.stringify([endpoint.protocol, endpoint.host, credentialKey(credentials), coordinates.workspace, coordinates.namespace, what]), load);
    } catch (e) {
        return Promise.reject(e);
    }
}

/** Forgets every shared lookup result of this process. */
export function clearDraftLookupCache(): void {
    results.clear();
}

/** The process-wide concurrency bound (for tests and benchmarks). */
export function sharedConcurrencyLimiter(): ConcurrencyLimiter {
    return limiter;
}

// Distinguishes credentials in memory-only map keys; the secret itself is only hashed.
function credentialKey(spec: CredentialSpec): string {
    switch (spec.kind) {
        case "static":
            return `ak:${spec.accessKeyId}:${createHash("sha256").update(`${spec.accessKeySecret}\0${spec.securityToken ?? ""}`).digest("hex").slice(0, 16)}`;
        case "profile":
            return `profile:${spec.profileName}`;
        case "defaultChain":
            return "default-chain";
    }
}
