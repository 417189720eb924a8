import { createHash } from "crypto";
import { ConcurrencyLimiter } from "./concurrencyLimiter";
import { ConfigReader, ConnectionOptions, CredentialSpec, ResolvedEndpoint, resolveCredentialSpec, resolveEndpoint, SettingNames } from "./connectionSettings";
import { CredentialSource, createCredentialSource } from "./credentialSource";
import { endpointBreakers } from "./circuitBreaker";
import { DraftClient } from "./draftClient";
import type { DraftNameIndex } from "./draftNameIndex";
import { DraftNameNotFoundError } from "./errors";
import { defaultMaxConcurrency, ResolvedTuning, resolveTuning, TuningOptions } from "./clientTuning";
import { LookupCache } from "./lookupCache";
import type { DeploymentDraftAttributes } from "./model";
import type { RetryNotice } from "./retryPolicy";
import { DraftCoordinates, DraftSelector, isNameLookup, validateSelector } from "./validation";

/** Every attribute of the draft, plus `id` (the draft's id): what `getDeploymentDraft` returns, and each draft of `getDeploymentDrafts`. */
export interface GetDeploymentDraftResult extends DeploymentDraftAttributes {
    /** The draft's id, as Pulumi's data sources name the looked-up object's id. */
    readonly id: string;
}

/** The draft as the data sources return it, with `id`. */
export function withDraftId(draft: DeploymentDraftAttributes): GetDeploymentDraftResult {
    return { id: draft.deploymentDraftId, ...draft };
}

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
    /** How the host names these settings: its errors name only what its users can set. */
    readonly settingNames: SettingNames;
    /** Told before each retry; gets no credentials. */
    readonly onRetry?: (notice: RetryNotice, action: string) => void;
    /** Aborting it ends the lookup's calls at once with a `CancelledError` (the plugin's Cancel). */
    readonly signal?: AbortSignal;
}

// Process-wide: one bound for every lookup of the program (or provider) process.
const limiter = new ConcurrencyLimiter(defaultMaxConcurrency);
// One source per credential, so that a credential the chain had to fetch (an STS token, an
// ECS role) is fetched once and refreshed by its provider, not fetched again per lookup. Keyed
// also by what its failure would say, which depends on the host.
const credentialSources = new Map<string, CredentialSource>();
const results = new LookupCache<DeploymentDraftAttributes>();
// One listing per namespace (and endpoint and credential) for every shared lookup by name.
const listings = new LookupCache<DraftNameIndex>();

/**
 * Looks a draft up by id or by name. Arguments are validated before anything else, so a bad
 * id fails without a request; connection settings and credentials are resolved next, and
 * identical lookups in one process share one request. Lookups by name in one namespace share
 * one listing of it (concurrent ones wait for the listing in flight), then each reads its
 * draft by id.
 */
export async function lookupDraft(selector: DraftSelector, context: LookupContext): Promise<DeploymentDraftAttributes> {
    const coordinates = validateSelector(selector);
    const { client, endpoint, credentialId } = createLookupClient(context);
    const shared = context.options.cache !== false;
    const scope = [endpoint.protocol, endpoint.host, credentialId, coordinates.workspace, coordinates.namespace];
    const load = async () => {
        if (!isNameLookup(coordinates)) {
            return client.getDeploymentDraft(coordinates);
        }
        const list = () => client.listDraftNames(coordinates.workspace, coordinates.namespace);
        const listingKey = JSON.stringify(scope);
        const listing = shared ? listings.get(listingKey, list) : list();
        const index = await listing;
        let byId: DraftCoordinates;
        try {
            byId = index.resolve(coordinates);
        } catch (e) {
            // A name the listing lacks may be a draft created since: the next lookup lists again.
            if (e instanceof DraftNameNotFoundError) listings.forget(listingKey, listing);
            throw e;
        }
        return client.getDeploymentDraft(byId);
    };
    if (!shared) {
        return load();
    }
    const what = isNameLookup(coordinates) ? `name:${coordinates.name}` : `id:${coordinates.deploymentDraftId}`;
    return results.get(JSON.stringify([...scope, what]), load);
}

/**
 * A client for one lookup, with the settings resolved from its context, the process-wide
 * concurrency bound and the process's shared credential source. Throws a `ConfigurationError`
 * when the settings cannot be resolved, before any request.
 */
export function createLookupClient(context: LookupContext): { readonly client: DraftClient; readonly endpoint: ResolvedEndpoint; readonly credentialId: string } {
    const { endpoint, credentials, credentialId, tuning } = resolveSettings(context);
    limiter.setLimit(tuning.maxConcurrency);

    const sourceKey = JSON.stringify([credentialId, credentials.source, credentials.kind === "static" ? "" : credentials.remedy]);
    let source = credentialSources.get(sourceKey);
    if (!source) {
        source = createCredentialSource(credentials);
        credentialSources.set(sourceKey, source);
    }
    // A client only holds settings, so each lookup gets its own: this lookup's tuning and
    // its own retry reporting, whatever earlier lookups used.
    const client = new DraftClient({ endpoint, credentials: source, timeouts: tuning.timeouts, retry: tuning.retry, limiter, onRetry: context.onRetry, signal: context.signal });
    return { client, endpoint, credentialId };
}

/** The settings of a lookup, resolved from its options, the stack config and the environment. */
interface Settings {
    readonly endpoint: ResolvedEndpoint;
    readonly credentials: CredentialSpec;
    readonly credentialId: string;
    readonly tuning: ResolvedTuning;
}

/** Where a setting was read: a lookup option, stack config or the environment. */
type Origin = "option" | "config" | "env";

// Resolving the settings (parsing the endpoint URL, checking every number, hashing the secret)
// costs as much CPU as the rest of a lookup's own work, and is the same for nearly every lookup
// of a process. A resolution is a pure function of the values it reads, so it is kept with
// every value it read, in order, and reused while each of them reads the same again (and the
// host names the settings alike). Like the credential sources, this holds secrets in memory only.
let lastResolution:
    | { readonly settings: Settings; readonly names: SettingNames; readonly reads: ReadonlyArray<readonly [Origin, string, unknown]> }
    | undefined;

function resolveSettings(context: LookupContext): Settings {
    const last = lastResolution;
    if (last && last.names === context.settingNames && last.reads.every(([origin, key, value]) => read(context, origin, key) === value)) {
        return last.settings;
    }
    const reads: Array<readonly [Origin, string, unknown]> = [];
    // Set when a resolver looks at the options or the environment other than by reading a
    // key (listing them, `in`): what it saw is not recorded, so the result is not reused.
    let complete = true;
    const recording = <T extends object>(target: T, origin: Origin): T =>
        new Proxy(target, {
            get(t, key) {
                const value: unknown = Reflect.get(t, key);
                if (typeof key === "string") reads.push([origin, key, value]);
                else complete = false;
                return value;
            },
            has(t, key) {
                complete = false;
                return Reflect.has(t, key);
            },
            ownKeys(t) {
                complete = false;
                return Reflect.ownKeys(t);
            },
        });
    const options = recording(context.options, "option");
    const env = recording(context.env, "env");
    const config: ConfigReader = (key) => {
        const value = context.config(key);
        reads.push(["config", key, value]);
        return value;
    };
    const endpoint = resolveEndpoint(options, config, env, context.settingNames);
    const credentials = resolveCredentialSpec(config, env, context.settingNames);
    const tuning = resolveTuning(options, config, env);
    const settings: Settings = { endpoint, credentials, credentialId: credentialKey(credentials), tuning };
    lastResolution = complete ? { settings, names: context.settingNames, reads } : undefined;
    return settings;
}

function read(context: LookupContext, origin: Origin, key: string): unknown {
    switch (origin) {
        case "option":
            return (context.options as Record<string, unknown>)[key];
        case "config":
            return context.config(key);
        case "env":
            return context.env[key];
    }
}

/**
 * Forgets every shared lookup result and namespace listing of this process, the credential
 * sources resolved so far and which endpoints could not be reached, so the next lookup reads
 * afresh and finds credentials again (e.g. after a profile file was rotated).
 */
export function clearDraftLookupCache(): void {
    results.clear();
    listings.clear();
    credentialSources.clear();
    endpointBreakers.clear();
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
