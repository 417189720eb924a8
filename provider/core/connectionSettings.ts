import { ConfigurationError } from "./errors";

/** Per-call connection options; the first place looked at. */
export interface ConnectionOptions {
    /** A region such as `cn-hangzhou`; the endpoint becomes `ververica.<region>.aliyuncs.com`. */
    readonly region?: string;
    /**
     * A host (`ververica.cn-hangzhou.aliyuncs.com`, reached over HTTPS) or a URL
     * (`http://127.0.0.1:8080`, e.g. for the emulator). Wins over `region`.
     */
    readonly endpoint?: string;
    /**
     * Which of the region's endpoints to use: `"public"` (default,
     * `ververica.<region>.aliyuncs.com`) or `"vpc"` (`ververica-vpc.<region>.aliyuncs.com`,
     * reachable only from inside an Alibaba Cloud VPC). Ignored when an endpoint is given.
     */
    readonly network?: Network;
}

/** The network a region's endpoint is reached over. */
export type Network = "public" | "vpc";

/** Reads a stack configuration value such as `ververica:region`; undefined when unset. */
export type ConfigReader = (key: string) => string | undefined;

/** Where the API is reached. */
export interface ResolvedEndpoint {
    readonly protocol: "HTTP" | "HTTPS";
    /** `host` or `host:port`: what is sent (and signed) as the `host` header. */
    readonly host: string;
    readonly region?: string;
    /** Where the setting came from, for messages. */
    readonly source: string;
}

/**
 * The credentials to use, described without resolving them: a static key pair from the
 * stack config or the environment, an aliyun CLI profile, or Alibaba's default chain. A
 * profile or the chain can fail when asked; `remedy` then ends the message, naming the
 * settings the host reads.
 */
export type CredentialSpec =
    | { readonly kind: "static"; readonly accessKeyId: string; readonly accessKeySecret: string; readonly securityToken?: string; readonly source: string }
    | { readonly kind: "profile"; readonly profileName: string; readonly source: string; readonly remedy: string }
    | { readonly kind: "defaultChain"; readonly source: string; readonly remedy: string };

/**
 * How a host names the settings it reads, for its messages. Every host resolves the same
 * settings in the same order, but its users give them differently (a Pulumi program as stack
 * config and arguments, the audit command as flags), and a message names only what they can set.
 */
export interface SettingNames {
    /** Each per-call option as the host's users give it, e.g. `the region option`, `--region`. */
    readonly options: { readonly [K in keyof ConnectionOptions]-?: string };
    /** A config key the host answers, as its users give it, e.g. `stack config ververica:region`, `--profile`. */
    readonly configKey: (key: string) => string;
    /** Ends the message when no region or endpoint is found: where to give one. */
    readonly noEndpoint: string;
    /** Ends the message when a profile or the default chain yields no credentials: where to give them. */
    readonly noCredentials: string;
}

const regionPattern = /^[a-z]{2}(-[a-z0-9]+)+$/;

/**
 * The stack config keys, in the order they are consulted: this package's `ververica:*` (the
 * keys of every language), then those of `@pulumi/alicloud` (`alicloud:*`) as a fallback for
 * stacks that already set them. The credentials of one namespace (a key pair, else a profile)
 * win over all of the next, so `alicloud:*` is read only when no `ververica:*` credential is set.
 */
export const configKeys = {
    endpoint: "ververica:endpoint",
    region: ["ververica:region", "alicloud:region"],
    network: "ververica:network",
    credentials: [
        { accessKey: "ververica:accessKey", secretKey: "ververica:secretKey", securityToken: "ververica:securityToken", profile: "ververica:profile" },
        { accessKey: "alicloud:accessKey", secretKey: "alicloud:secretKey", securityToken: "alicloud:securityToken", profile: "alicloud:profile" },
    ],
} as const;

/** The settings of a Pulumi program and of the `DeploymentDraft` resource: options, stack config and the environment. */
export const programSettingNames: SettingNames = {
    options: { region: "the region option", endpoint: "the endpoint option", network: "the network option" },
    configKey: (key) => `stack config ${key}`,
    noEndpoint:
        "pass `region` or `endpoint`, set stack config ververica:region (or ververica:endpoint, or alicloud:region), " +
        "or set ALIBABA_CLOUD_REGION_ID or ALIBABA_CLOUD_ENDPOINT_VERVERICA (or VERVERICA_ENDPOINT)",
    noCredentials: "set stack config ververica:accessKey and ververica:secretKey (as secrets), or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
};

/**
 * Resolves the endpoint: per-call options, then stack config, then environment; within each
 * level an endpoint wins over a region. In the environment, `ALIBABA_CLOUD_ENDPOINT_VERVERICA`
 * (the name the Terraform provider reads) wins over `VERVERICA_ENDPOINT`. A region's endpoint is
 * its public one unless the network (option, `ververica:network`, `VERVERICA_NETWORK`) is `vpc`.
 */
export function resolveEndpoint(options: ConnectionOptions, config: ConfigReader, env: NodeJS.ProcessEnv, names: SettingNames): ResolvedEndpoint {
    // Checked even when an endpoint makes it moot: a misspelt setting should not wait to bite.
    const network = resolveNetwork(options, config, env, names);
    const fromConfig = (key: string) => pick(config(key), names.configKey(key));
    const levels: Array<{ endpoint?: [string, string]; region?: [string, string] }> = [
        { endpoint: pick(options.endpoint, names.options.endpoint), region: pick(options.region, names.options.region) },
        {
            endpoint: fromConfig(configKeys.endpoint),
            region: fromConfig(configKeys.region[0]) ?? fromConfig(configKeys.region[1]),
        },
        {
            endpoint: pick(env.ALIBABA_CLOUD_ENDPOINT_VERVERICA, "ALIBABA_CLOUD_ENDPOINT_VERVERICA") ?? pick(env.VERVERICA_ENDPOINT, "VERVERICA_ENDPOINT"),
            region: pick(env.ALIBABA_CLOUD_REGION_ID, "ALIBABA_CLOUD_REGION_ID") ?? pick(env.ALICLOUD_REGION, "ALICLOUD_REGION"),
        },
    ];
    for (const level of levels) {
        if (level.endpoint) {
            return parseEndpoint(level.endpoint[0], level.endpoint[1], level.region?.[0]);
        }
        if (level.region) {
            const [region, source] = level.region;
            if (!regionPattern.test(region)) {
                throw new ConfigurationError(`region ${JSON.stringify(region)} from ${source} is not a region id such as "cn-hangzhou"`);
            }
            const product = network === "vpc" ? "ververica-vpc" : "ververica";
            return { protocol: "HTTPS", host: `${product}.${region}.aliyuncs.com`, region, source };
        }
    }
    throw new ConfigurationError(`no region or endpoint: ${names.noEndpoint}`);
}

function resolveNetwork(options: ConnectionOptions, config: ConfigReader, env: NodeJS.ProcessEnv, names: SettingNames): Network {
    const chosen =
        pick(options.network, names.options.network) ?? pick(config(configKeys.network), names.configKey(configKeys.network)) ?? pick(env.VERVERICA_NETWORK, "VERVERICA_NETWORK");
    if (!chosen) return "public";
    const [value, source] = chosen;
    if (value !== "public" && value !== "vpc") {
        throw new ConfigurationError(`network ${JSON.stringify(value)} from ${source} must be "public" or "vpc"`);
    }
    return value;
}

/** Parses a host or URL endpoint. */
export function parseEndpoint(value: string, source: string, region?: string): ResolvedEndpoint {
    const withRegion = (e: Omit<ResolvedEndpoint, "region">): ResolvedEndpoint => (region ? { ...e, region } : e);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        let url: URL;
        try {
            url = new URL(value);
        } catch {
            throw new ConfigurationError(`endpoint ${JSON.stringify(withoutUserInfo(value))} from ${source} is not a valid URL`);
        }
        if (url.protocol !== "http:" && url.protocol !== "https:") {
            throw new ConfigurationError(`endpoint ${JSON.stringify(withoutUserInfo(value))} from ${source} must use http or https`);
        }
        if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username || url.password) {
            throw new ConfigurationError(`endpoint ${JSON.stringify(url.origin)} from ${source} must be a scheme, host and port only (no path, query or user info)`);
        }
        return withRegion({ protocol: url.protocol === "https:" ? "HTTPS" : "HTTP", host: url.host, source });
    }
    if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(value)) {
        throw new ConfigurationError(`endpoint ${JSON.stringify(value)} from ${source} is neither a host name nor an http(s) URL`);
    }
    return withRegion({ protocol: "HTTPS", host: value, source });
}

/**
 * Chooses the credentials: the stack config key pair, then the stack config profile, first of
 * `ververica:*` and then of `alicloud:*`; then the environment's key pair (Alibaba's names,
 * then the older ALICLOUD_ ones); then Alibaba's default chain. Secrets are read here and
 * nowhere else, and never appear in messages.
 */
export function resolveCredentialSpec(config: ConfigReader, env: NodeJS.ProcessEnv, names: SettingNames): CredentialSpec {
    const remedy = names.noCredentials;
    for (const keys of configKeys.credentials) {
        const accessKey = names.configKey(keys.accessKey);
        const fromConfig = keyPair(config(keys.accessKey), config(keys.secretKey), config(keys.securityToken), accessKey, names.configKey(keys.secretKey));
        if (fromConfig) return { ...fromConfig, source: accessKey };
        const profile = nonEmpty(config(keys.profile));
        if (profile) return { kind: "profile", profileName: profile, source: names.configKey(keys.profile), remedy };
    }
    const fromEnv = keyPair(
        env.ALIBABA_CLOUD_ACCESS_KEY_ID,
        env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
        env.ALIBABA_CLOUD_SECURITY_TOKEN,
        "ALIBABA_CLOUD_ACCESS_KEY_ID",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    );
    if (fromEnv) return { ...fromEnv, source: "environment (ALIBABA_CLOUD_ACCESS_KEY_ID)" };
    const legacy = keyPair(env.ALICLOUD_ACCESS_KEY, env.ALICLOUD_SECRET_KEY, env.ALICLOUD_SECURITY_TOKEN, "ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY");
    if (legacy) return { ...legacy, source: "environment (ALICLOUD_ACCESS_KEY)" };
    return { kind: "defaultChain", source: "the default Alibaba Cloud credentials chain", remedy };
}

function keyPair(
    id: string | undefined,
    secret: string | undefined,
    token: string | undefined,
    idName: string,
    secretName: string,
): { kind: "static"; accessKeyId: string; accessKeySecret: string; securityToken?: string } | undefined {
    const accessKeyId = nonEmpty(id);
    const accessKeySecret = nonEmpty(secret);
    if (!accessKeyId && !accessKeySecret) return undefined;
    if (!accessKeyId) throw new ConfigurationError(`${secretName} is set but ${idName} is not`);
    if (!accessKeySecret) throw new ConfigurationError(`${idName} is set but ${secretName} is not`);
    const securityToken = nonEmpty(token);
    return securityToken ? { kind: "static", accessKeyId, accessKeySecret, securityToken } : { kind: "static", accessKeyId, accessKeySecret };
}

// A URL's user info may be a password: it never goes into a message.
function withoutUserInfo(value: string): string {
    return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1");
}

function pick(value: string | undefined, source: string): [string, string] | undefined {
    const v = nonEmpty(value);
    return v ? [v, source] : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
    const v = value?.trim();
    return v ? v : undefined;
}
