import { createHash } from "crypto";
import { ConcurrencyLimiter } from "./concurrencyLimiter";
import { ConfigReader, ConnectionOptions, CredentialSpec, programSettingNames, ResolvedEndpoint, resolveCredentialSpec, resolveEndpoint, SettingNames } from "./connectionSettings";
import { CredentialSource, createCredentialSource } from "./credentialSource";
import { DraftClient } from "./draftClient";
import { defaultMaxConcurrency, ResolvedTuning, resolveTuning, TuningOptions } from "./clientTuning";
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
    /** How this host names its settings in messages; a program's (stack config `alicloud:*`...) by default. */
    readonly names?: SettingNames;
}

// Process-wide: one bound for every lookup of the program (or provider) process.
const limiter = new ConcurrencyLimiter(defaultMaxConcurrency);
// One source per credential, so that a credential the chain had to fetch (an STS token, an
// ECS role) is fetched once and refreshed by its provider, not fetched again per lookup.
const credentialSources = new Map<string, CredentialSource>();
const results = new LookupCache<DeploymentDraftAttributes>();

/**
 * Looks a draft up by id or by name. Arguments are validated before anything else, so a bad
 * id fails without a request; connection settings and credentials are resolved next, and
 * identical lookups in one process share one request.
 */
export function lookupDraft(selector: DraftSelector, context: LookupContext): Promise<DeploymentDraftAttributes> {
    try {
        const coordinates = validateSelector(selector);
        const { client, endpoint, credentialId } = createLookupClient(context);
        const load = () => (isNameLookup(coordinates) ? client.findDeploymentDraftByName(coordinates) : client.getDeploymentDraft(coordinates));
        if (context.options.cache === false) {
            return load();
        }
        const what = isNameLookup(coordinates) ? `name:${coordinates.name}` : `id:${coordinates.deploymentDraftId}`;
        return results.get(JSON.stringify([endpoint.protocol, endpoint.host, credentialId, coordinates.workspace, coordinates.namespace, what]), load);
    } catch (e) {
        return Promise.reject(e);
    }
}

/**
 * A client for one lookup, with the settings resolved from its context, the process-wide
 * concurrency bound and the process's shared credential source. Throws a `ConfigurationError`
 * when the settings cannot be resolved, before any request.
 */
export function createLookupClient(context: LookupContext): { readonly client: DraftClient; readonly endpoint: ResolvedEndpoint; readonly credentialId: string } {
    const { endpoint, credentials, credentialId, tuning } = resolveSettings(context);
    limiter.setLimit(tuning.maxConcurrency);

    const source = credentialSources.get(credentialId) ?? createCredentialSource(credentials);
    credentialSources.set(credentialId, source);
    // The source is shared by every lookup of the process; the message when it has no
    // credentials names the settings of this lookup's host.
    const names = context.names ?? programSettingNames;
    const hostSource: CredentialSource = { identity: source.identity, description: source.description, getCredential: () => source.getCredential(names) };
    // A client only holds settings, so each lookup gets its own: this lookup's tuning and
    // its own retry reporting, whatever earlier lookups used.
    const client = new DraftClient({ endpoint, credentials: hostSource, timeouts: tuning.timeouts, retry: tuning.retry, limiter, onRetry: context.onRetry });
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
// every value it read, in order, and reused while each of them reads the same again. Like the
// credential sources, this holds secrets in memory only.
let lastResolution:
    | { readonly settings: Settings; readonly names: SettingNames; readonly reads: ReadonlyArray<readonly [Origin, string, unknown]> }
    | undefined;

function resolveSettings(context: LookupContext): Settings {
    const last = lastResolution;
    const names = context.names ?? programSettingNames;
    if (last && last.names === names && last.reads.every(([origin, key, value]) => read(context, origin, key) === value)) {
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
    const endpoint = resolveEndpoint(options, config, env, names);
    const credentials = resolveCredentialSpec(config, env, names);
    const tuning = resolveTuning(options, config, env);
    const settings: Settings = { endpoint, credentials, credentialId: credentialKey(credentials), tuning };
    lastResolution = complete ? { settings, names, reads } : undefined;
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
 * Forgets every shared lookup result of this process and the credential sources resolved so
 * far, so the next lookup reads afresh and finds credentials again (e.g. after a profile
 * file was rotated).
 */
export function clearDraftLookupCache(): void {
    results.clear();
    credentialSources.clear();
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
