import type { CredentialSpec } from "./connectionSettings";
import { ConfigurationError } from "./errors";

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
    getCredential(): Promise<CallerCredential>;
}

type CredentialsModule = typeof import("@alicloud/credentials");

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
        return { identity, description: spec.source, getCredential: () => Promise.resolve(pair) };
    }
    let credential: { getCredential(): Promise<{ accessKeyId?: string; accessKeySecret?: string; securityToken?: string; providerName?: string }> } | undefined;
    const load = async () => {
        if (!credential) {
            const lib: CredentialsModule = await import("@alicloud/credentials");
            credential ??= createLibraryCredential(lib, spec);
        }
        return credential;
    };
    return {
        identity,
        description: spec.source,
        async getCredential(): Promise<CallerCredential> {
            let model;
            try {
                model = await (await load()).getCredential();
            } catch (e) {
                // The chain sticks to the last link it tried, even one that failed, and looks for
                // files only when it is built: a fresh chain next time finds a file written since.
                credential = undefined;
                throw new ConfigurationError(
                    `no usable credentials from ${spec.source}: ${describeChainFailure(e)}. ` +
                        spec.remedy,
                );
            }
            if (!model.accessKeyId || !model.accessKeySecret) {
                throw new ConfigurationError(`credentials from ${spec.source} have no AccessKey pair`);
            }
            return {
                accessKeyId: model.accessKeyId,
                accessKeySecret: model.accessKeySecret,
                ...(model.securityToken ? { securityToken: model.securityToken } : {}),
                ...(model.providerName ? { providerName: model.providerName } : {}),
            };
        },
    };
}

function createLibraryCredential(lib: CredentialsModule, spec: Exclude<CredentialSpec, { kind: "static" }>) {
    const Credential = lib.default;
    switch (spec.kind) {
        case "profile":
            return new Credential(null, lib.CLIProfileCredentialsProvider.builder().withProfileName(spec.profileName).build());
        case "defaultChain":
            return new Credential(null, defaultChain(lib));
    }
}

/**
 * Alibaba's default chain, without its credentials-URI link unless ALIBABA_CLOUD_CREDENTIALS_URI
 * is set: `@alicloud/credentials` 2.4.7 always appends that link, and unset it requests
 * `https://undefined/`, a DNS lookup off this machine that can only fail. The chain keeps its
 * links in `providers`; were that to change, the chain is used as built.
 */
function defaultChain(lib: CredentialsModule) {
    const chain = lib.DefaultCredentialsProvider.builder().build();
    const links = (chain as unknown as { providers?: unknown[] }).providers;
    if (!process.env.ALIBABA_CLOUD_CREDENTIALS_URI && Array.isArray(links)) {
        const kept = links.filter((link) => !(link instanceof lib.URICredentialsProvider));
        links.splice(0, links.length, ...kept);
    }
    return chain;
}

// The chain's own message lists each link's failure; none of them contains a secret, but a
// long stack of them is noise, so only the messages are kept.
function describeChainFailure(e: unknown): string {
    const message = e instanceof Error ? e.message : String(e);
    return message.length > 600 ? `${message.slice(0, 600)}...` : message;
}
