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

/** Produces credentials on demand through `@alicloud/credentials`. */
export interface CredentialSource {
    /** Identifies whose credentials these are without revealing them (an AccessKey id at most). */
    readonly identity: string;
    readonly description: string;
    getCredential(): Promise<CallerCredential>;
}

type CredentialsModule = typeof import("@alicloud/credentials");

/** Builds a credential source; `@alicloud/credentials` is loaded on first use only. */
export function createCredentialSource(spec: CredentialSpec): CredentialSource {
    let credential: { getCredential(): Promise<{ accessKeyId?: string; accessKeySecret?: string; securityToken?: string; providerName?: string }> } | undefined;
    const load = () => {
        if (!credential) {
            const lib = require("@alicloud/credentials") as CredentialsModule;
            credential = createLibraryCredential(lib, spec);
        }
        return credential;
    };
    return {
        identity: spec.kind === "static" ? `ak:${spec.accessKeyId}` : spec.kind === "profile" ? `profile:${spec.profileName}` : "default-chain",
        description: spec.source,
        async getCredential(): Promise<CallerCredential> {
            let model;
            try {
                model = await load().getCredential();
            } catch (e) {
                throw new ConfigurationError(
                    `no usable credentials from ${spec.source}: ${describeChainFailure(e)}. ` +
                        "Set stack config alicloud:accessKey and alicloud:secretKey (as secrets), or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
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

function createLibraryCredential(lib: CredentialsModule, spec: CredentialSpec) {
    const Credential = lib.default;
    switch (spec.kind) {
        case "static":
            return new Credential(
                new lib.Config(
                    spec.securityToken
                        ? { type: "sts", accessKeyId: spec.accessKeyId, accessKeySecret: spec.accessKeySecret, securityToken: spec.securityToken }
                        : { type: "access_key", accessKeyId: spec.accessKeyId, accessKeySecret: spec.accessKeySecret },
                ),
            );
        case "profile":
            return new Credential(null, lib.CLIProfileCredentialsProvider.builder().withProfileName(spec.profileName).build());
        case "defaultChain":
            return new Credential(null, lib.DefaultCredentialsProvider.builder().build());
    }
}

// The chain's own message lists each link's failure; none of them contains a secret, but a
// long stack of them is noise, so only the messages are kept.
function describeChainFailure(e: unknown): string {
    const message = e instanceof Error ? e.message : String(e);
    return message.length > 600 ? `${message.slice(0, 600)}...` : message;
}
