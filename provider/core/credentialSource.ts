import type { CredentialSpec } from "./connectionSettings";
import { ConfigurationError } from "./errors";
import { rememberSecret } from "./secretRedaction";

/** A resolved credential, valid for one request. Never logged, never put in an error. */
export interface CallerCredential {
    readonly accessKeyId: string;
    readonly accessKeySecret: string;
    readonly securityToken?: string;
    /** Sent as `x-acs-credentials-provider`, as `@alicloud/openapi-client` does. */
    readonly providerName?: string;
}

/** Produces credentials on demand. */
export interface CredentialSource {
    /** Identifies whose credentials these are without revealing them (an AccessKey id at most). */
    readonly identity: string;
    readonly description: string;
    /**
     * The credential for one request. When there is none, fails with a `ConfigurationError`
     * that says what the calling host reads (the `remedy` its settings resolved with).
     */
    getCredential(): Promise<CallerCredential>;
}

type CredentialsModule = typeof import("@alicloud/credentials");

/** What the library's providers (a profile, a link of the default chain) hand out. */
interface LibraryCredentials {
    readonly accessKeyId?: string;
    readonly accessKeySecret?: string;
    readonly securityToken?: string;
    readonly providerName?: string;
}

/** One of the library's credentials providers: a profile, or a link of the default chain. */
interface LibraryProvider {
    getCredentials(): Promise<LibraryCredentials | undefined>;
    getProviderName(): string;
}

/** Why no credentials came: a short text per place looked in, never the library's whole text. */
class NoCredentialsFound extends Error {
    constructor(readonly summary: string) {
        super(summary);
    }
}

/**
 * Builds a credential source. A key pair is handed out as it is; profiles and the default
 * chain go through `@alicloud/credentials`, loaded on first use only.
 */
export function createCredentialSource(spec: CredentialSpec): CredentialSource {
    const identity = spec.kind === "static" ? `ak:${spec.accessKeyId}` : spec.kind === "profile" ? `profile:${spec.profileName}` : "default-chain";
    if (spec.kind === "static") {
        // What the library would hand out for this pair, provider name included, without
        // loading it: it and its HTTP stack take about 50 ms to load and a pair needs neither.
        const pair: CallerCredential = Object.freeze(
            spec.securityToken
                ? { accessKeyId: spec.accessKeyId, accessKeySecret: spec.accessKeySecret, securityToken: spec.securityToken, providerName: "static_sts" }
                : { accessKeyId: spec.accessKeyId, accessKeySecret: spec.accessKeySecret, providerName: "static_ak" },
        );
        rememberSecret(pair.accessKeySecret);
        rememberSecret(pair.securityToken);
        return { identity, description: spec.source, getCredential: () => Promise.resolve(pair) };
    }
    const resolver = spec.kind === "profile" ? profileResolver(spec.profileName) : defaultChainResolver();
    // Concurrent calls share one resolution: the library's providers keep state (the chain's
    // last link, a session being refreshed) that concurrent walks would trample on, and one
    // fetch of a token serves them all. Each caller then builds its own message from it.
    let pending: Promise<LibraryCredentials> | undefined;
    return {
        identity,
        description: spec.source,
        async getCredential(): Promise<CallerCredential> {
            pending ??= resolver().finally(() => (pending = undefined));
            let model: LibraryCredentials;
            try {
                model = await pending;
            } catch (e) {
                const summary = e instanceof NoCredentialsFound ? e.summary : failureOf(e);
                throw new ConfigurationError(`no usable credentials from ${spec.source}: ${summary}; ${spec.remedy}`);
            }
            if (!model.accessKeyId || !model.accessKeySecret) {
                throw new ConfigurationError(`credentials from ${spec.source} have no AccessKey pair`);
            }
            rememberSecret(model.accessKeySecret);
            rememberSecret(model.securityToken);
            return {
                accessKeyId: model.accessKeyId,
                accessKeySecret: model.accessKeySecret,
                ...(model.securityToken ? { securityToken: model.securityToken } : {}),
                ...(model.providerName ? { providerName: model.providerName } : {}),
            };
        },
    };
}

// Loaded on first use only: it and its HTTP stack take about 50 ms to load, and a key pair needs neither.
function loadLibrary(): Promise<CredentialsModule> {
    return import("@alicloud/credentials");
}

// An aliyun CLI profile: the library's provider, built anew after a failure so that a config
// file written since is read.
function profileResolver(profileName: string): () => Promise<LibraryCredentials> {
    let provider: LibraryProvider | undefined;
    return async () => {
        provider ??= (await loadLibrary()).CLIProfileCredentialsProvider.builder().withProfileName(profileName).build() as LibraryProvider;
        try {
            return (await provider.getCredentials()) ?? {};
        } catch (e) {
            provider = undefined;
            throw new NoCredentialsFound(`${placeOf("cli_profile")}: ${failureOf(e)}`);
        }
    };
}

/**
 * Alibaba's default chain, walked here link by link as the library's own chain walks it, so
 * that each place's failure can be summarized (the library joins its links' whole messages).
 * The link that answered is asked alone next time, as the library does, so a session it holds
 * is refreshed by it. The links are built anew after a failure: the chain looks for files
 * only when it is built, and a fresh one finds a file written since.
 */
function defaultChainResolver(): () => Promise<LibraryCredentials> {
    let links: readonly LibraryProvider[] | undefined;
    let answered: LibraryProvider | undefined;
    return async () => {
        if (answered) {
            try {
                return withChainName(answered, await answered.getCredentials());
            } catch (e) {
                const place = placeOf(answered);
                answered = undefined;
                links = undefined;
                throw new NoCredentialsFound(`${place}: ${failureOf(e)}`);
            }
        }
        links ??= defaultChainLinks(await loadLibrary());
        const absent: string[] = [];
        const failed: string[] = [];
        for (const link of links) {
            let credentials: LibraryCredentials | undefined;
            try {
                credentials = await link.getCredentials();
            } catch (e) {
                if (isAbsence(e)) absent.push(placeOf(link));
                else failed.push(`${placeOf(link)}: ${failureOf(e)}`);
                continue;
            }
            if (credentials) {
                answered = link;
                return withChainName(link, credentials);
            }
        }
        links = undefined;
        const none = absent.length > 0 ? [`none in ${listOf(absent)}`] : [];
        throw new NoCredentialsFound([...none, ...failed].join("; ") || "it has no links");
    };
}

function withChainName(link: LibraryProvider, credentials: LibraryCredentials | undefined): LibraryCredentials {
    return { ...credentials, providerName: `default/${link.getProviderName()}` };
}

/**
 * The links of Alibaba's default chain, without its credentials-URI link unless
 * ALIBABA_CLOUD_CREDENTIALS_URI is set: `@alicloud/credentials` 2.4.7 always appends that link,
 * and unset it requests `https://undefined/`, a DNS lookup off this machine that can only fail.
 * The chain keeps its links in `providers`; were that to change, the chain is one link.
 */
function defaultChainLinks(lib: CredentialsModule): readonly LibraryProvider[] {
    const chain = lib.DefaultCredentialsProvider.builder().build();
    const links = (chain as unknown as { providers?: unknown }).providers;
    if (!Array.isArray(links)) return [chain];
    return (links as LibraryProvider[]).filter((link) => Boolean(process.env.ALIBABA_CLOUD_CREDENTIALS_URI) || !(link instanceof lib.URICredentialsProvider));
}

// The places the library's providers look, by provider name.
const places: Readonly<Record<string, string>> = {
    env: "ALIBABA_CLOUD_ACCESS_KEY_ID",
    oidc_role_arn: "the OIDC role (ALIBABA_CLOUD_ROLE_ARN)",
    cli_profile: "~/.aliyun/config.json",
    profile: "~/.alibabacloud/credentials",
    ecs_ram_role: "the ECS RAM role",
    credential_uri: "ALIBABA_CLOUD_CREDENTIALS_URI",
    default: "the default chain",
};

function placeOf(link: LibraryProvider | string): string {
    const name = typeof link === "string" ? link : link.getProviderName();
    return places[name] ?? name;
}

// A place that has nothing (no variable, no file, disabled) rather than something that failed.
function isAbsence(e: unknown): boolean {
    const message = e instanceof Error ? e.message : String(e);
    return /must be specified via environment variable|ENOENT|^reading aliyun cli config from .* failed|is disabled|does not exist and env|is not exists and env|cannot found home dir/.test(message);
}

// A link's failure, cut before its details: the library appends response bodies and file
// contents to some messages (a CLI config that does not parse is quoted whole, secrets and all).
function failureOf(e: unknown): string {
    const message = e instanceof Error ? e.message : String(e);
    const head = (message.split(/:\s/)[0] ?? "").replace(/[\s.]+$/, "");
    return head.length > 200 ? `${head.slice(0, 200)}...` : head;
}

function listOf(items: readonly string[]): string {
    return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
