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
 * stack config or the environment, an aliyun CLI profile, or Alibaba's default chain.
 */
export type CredentialSpec =
    | { readonly kind: "static"; readonly accessKeyId: string; readonly accessKeySecret: string; readonly securityToken?: string; readonly source: string }
    | { readonly kind: "profile"; readonly profileName: string; readonly source: string }
    | { readonly kind: "defaultChain"; readonly source: string };

const regionPattern = /^[a-z]{2}(-[a-z0-9]+)+$/;

/** The stack config keys this package reads, in the order they are consulted. */
export const configKeys = {
    endpoint: "ververica:endpoint",
    region: ["ververica:region", "alicloud:region"],
    network: "ververica:network",
    accessKey: "alicloud:accessKey",
    secretKey: "alicloud:secretKey",
    securityToken: "alicloud:securityToken",
    profile: "alicloud:profile",
} as const;

/**
 * How a host names the settings the shared resolver reads, in its messages: each host (a
 * TypeScript program, the dynamic provider, the plugin, the audit command) names what it
 * reads and how its user sets it, not what another host reads.
 */
export interface SettingNames {
    /** A stack config key as this host's user sets it, e.g. `stack config alicloud:accessKey`. */
    readonly configKey: (key: string) => string;
    /** What to set when no region or endpoint is found, e.g. `pass \`region\`, set ...`. */
    readonly endpointHint: string;
    /** What to set when no credentials are found, e.g. `set stack config ...`. */
    readonly credentialsHint: string;
}

/** The names of a program's settings: what the TypeScript package reads (options, stack config, environment). */
export const programSettingNames: SettingNames = {
    configKey: (key) => `stack config ${key}`,
    endpointHint:
        "pass `region` or `endpoint`, set stack config ververica:region (or alicloud:region, or ververica:endpoint), " +
        "or set ALIBABA_CLOUD_REGION_ID or ALIBABA_CLOUD_ENDPOINT_VERVERICA (or VERVERICA_ENDPOINT)",
    credentialsHint: "set stack config alicloud:accessKey and alicloud:secretKey (as secrets), or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
};

/**
 * Resolves the endpoint: per-call options, then stack config, then environment; within each
 * level an endpoint wins over a region. In the environment, `ALIBABA_CLOUD_ENDPOINT_VERVERICA`
 * (the name the Terraform provider reads) wins over `VERVERICA_ENDPOINT`. A region's endpoint is
 * its public one unless the network (option, `ververica:network`, `VERVERICA_NETWORK`) is `vpc`.
 */
export function resolveEndpoint(options: ConnectionOptions, config: ConfigReader, env: NodeJS.ProcessEnv, names: SettingNames = programSettingNames): ResolvedEndpoint {
    // Checked even when an endpoint makes it moot: a misspelt setting should not wait to bite.
    const network = resolveNetwork(options, config, env, names);
    const levels: Array<{ endpoint?: [string, string]; region?: [string, string] }> = [
        { endpoint: pick(options.endpoint, "the endpoint option"), region: pick(options.region, "the region option") },
        {
            endpoint: pick(config(configKeys.endpoint), names.configKey(configKeys.endpoint)),
            region: pick(config(configKeys.region[0]), names.configKey(configKeys.region[0])) ?? pick(config(configKeys.region[1]), names.configKey(configKeys.region[1])),
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
    throw new ConfigurationError(`no region or endpoint: ${names.endpointHint}`);
}

function resolveNetwork(options: ConnectionOptions, config: ConfigReader, env: NodeJS.ProcessEnv, names: SettingNames): Network {
    const chosen =
        pick(options.network, "the network option") ?? pick(config(configKeys.network), names.configKey(configKeys.network)) ?? pick(env.VERVERICA_NETWORK, "VERVERICA_NETWORK");
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
 * Chooses the credentials: stack config key pair, then stack config profile, then the
 * environment's key pair (Alibaba's names, then the older ALICLOUD_ ones), then Alibaba's
 * default chain. Secrets are read here and nowhere else, and never appear in messages.
 */
export function resolveCredentialSpec(config: ConfigReader, env: NodeJS.ProcessEnv, names: SettingNames = programSettingNames): CredentialSpec {
    const fromConfig = keyPair(
        config(configKeys.accessKey),
        config(configKeys.secretKey),
        config(configKeys.securityToken),
        names.configKey(configKeys.accessKey),
        names.configKey(configKeys.secretKey),
    );
    if (fromConfig) return { ...fromConfig, source: "stack config" };
    const profile = nonEmpty(config(configKeys.profile));
    if (profile) return { kind: "profile", profileName: profile, source: names.configKey(configKeys.profile) };
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
    return { kind: "defaultChain", source: "the default Alibaba Cloud credentials chain" };
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
