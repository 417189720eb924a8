/**
 * The provider's configuration: `ververica:region`, `ververica:endpoint` and the credentials,
 * for the default provider (stack config) and for explicit `ververica:Provider` resources.
 * and the tuning of retries, timeouts and concurrency. Settings not given fall back to the
 * environment and Alibaba's default chain exactly as in the TypeScript package, because they are
 * handed to the same resolvers under its config keys.
 */
import { tuningSettings, TuningOptions } from "../core/clientTuning";
import { ConfigReader, parseEndpoint, programSettingNames, SettingNames } from "../core/connectionSettings";
import { ConfigurationError } from "../core/errors";
import { settingText } from "../core/settingText";
import type { PropertySpec } from "./schema";

/** The tuning settings, declared as the TypeScript package reads them (`clientTuning.ts`). */
const tuningVariables = Object.fromEntries(
    tuningSettings.map((s) => [s.key, { type: "integer", description: `${s.description} Default ${s.default}. Falls back to ${s.env}.` }]),
) as Record<keyof TuningOptions, PropertySpec>;

/** The provider configuration variables of the schema. */
export const providerConfigVariables = {
    region: {
        type: "string",
        description: "The region, e.g. `cn-hangzhou`; the endpoint becomes `ververica.<region>.aliyuncs.com`. Falls back to ALIBABA_CLOUD_REGION_ID, then ALICLOUD_REGION.",
    },
    endpoint: {
        type: "string",
        description: "An endpoint host (reached over HTTPS) or an http(s) URL; wins over `region`. Falls back to VERVERICA_ENDPOINT.",
    },
    network: {
        type: "string",
        description: "Which of the region's endpoints to use: `public` (default) or `vpc` (`ververica-vpc.<region>.aliyuncs.com`, reachable only from inside an Alibaba Cloud VPC). Falls back to VERVERICA_NETWORK.",
    },
    accessKey: {
        type: "string",
        description: "The AccessKey id. Falls back to ALIBABA_CLOUD_ACCESS_KEY_ID, ALICLOUD_ACCESS_KEY, then Alibaba Cloud's default credentials chain.",
    },
    secretKey: {
        type: "string",
        secret: true,
        description: "The AccessKey secret. Falls back to ALIBABA_CLOUD_ACCESS_KEY_SECRET, then ALICLOUD_SECRET_KEY.",
    },
    securityToken: {
        type: "string",
        secret: true,
        description: "An STS security token, for temporary credentials. Falls back to ALIBABA_CLOUD_SECURITY_TOKEN.",
    },
    profile: {
        type: "string",
        description: "An aliyun CLI profile (`~/.aliyun/config.json`) to take credentials from.",
    },
    ...tuningVariables,
} satisfies Record<string, PropertySpec>;

/** The names of the provider's settings. */
export type ProviderSetting = keyof typeof providerConfigVariables;

/** The provider settings that are credentials: secret in state, never in a message. */
export const secretSettings: readonly ProviderSetting[] = ["secretKey", "securityToken"];

/**
 * A config reader over the provider's settings (keyed without the `ververica:` prefix), for
 * the shared resolver. Keys of other packages (e.g. `alicloud:region`) read as unset: a
 * `ververica` provider is configured by its own settings and the environment only.
 */
export function providerConfigReader(settings: Readonly<Record<string, unknown>>): ConfigReader {
    return (key) => {
        const name = key.startsWith("ververica:") ? key.slice("ververica:".length) : undefined;
        const value = name === undefined ? undefined : settings[name];
        return value === undefined || value === null ? undefined : settingText(value);
    };
}

/**
 * The plugin's settings as its messages name them: the `ververica:*` stack config of the
 * default provider (an explicit provider's properties of the same names), then the environment.
 */
export const pluginSettingNames: SettingNames = {
    ...programSettingNames,
    // The plugin's stack config keys are also its explicit provider's properties.
    configKey: (key) => key,
    noEndpoint:
        "set ververica:region (or ververica:endpoint) in stack config, or the provider's region (or endpoint), " +
        "or ALIBABA_CLOUD_REGION_ID (or VERVERICA_ENDPOINT) in the plugin's environment",
    noCredentials:
        "set ververica:accessKey and ververica:secretKey (as a secret) in stack config, or the provider's accessKey and secretKey, " +
        "or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET in the plugin's environment",
};

/** A problem with one setting, named as the user sets it. */
export interface SettingFailure {
    readonly property: string;
    readonly reason: string;
}

const regionPattern = /^[a-z]{2}(-[a-z0-9]+)+$/;

/**
 * Checks the settings that are given (an absent one may come from the environment): a region
 * id's form, an endpoint's form, and a key pair given whole.
 */
export function checkProviderSettings(settings: Readonly<Record<string, unknown>>): SettingFailure[] {
    const failures: SettingFailure[] = [];
    const text = (name: string): string | undefined => {
        const value = settings[name];
        if (value === undefined || value === null) return undefined;
        if (typeof value !== "string") {
            failures.push({ property: name, reason: `ververica:${name} must be a string, got ${typeof value}` });
            return undefined;
        }
        return value.trim() || undefined;
    };
    const region = text("region");
    if (region !== undefined && !regionPattern.test(region)) {
        failures.push({ property: "region", reason: `ververica:region ${JSON.stringify(region)} is not a region id such as "cn-hangzhou"` });
    }
    const endpoint = text("endpoint");
    if (endpoint !== undefined) {
        try {
            parseEndpoint(endpoint, "ververica:endpoint");
        } catch (e) {
            if (!(e instanceof ConfigurationError)) throw e;
            failures.push({ property: "endpoint", reason: e.message });
        }
    }
    const network = text("network");
    if (network !== undefined && network !== "public" && network !== "vpc") {
        failures.push({ property: "network", reason: `ververica:network ${JSON.stringify(network)} must be "public" or "vpc"` });
    }
    const accessKey = text("accessKey");
    const secretKey = text("secretKey");
    if (accessKey !== undefined && secretKey === undefined) {
        failures.push({ property: "secretKey", reason: "ververica:accessKey is set but ververica:secretKey is not" });
    }
    if (secretKey !== undefined && accessKey === undefined) {
        failures.push({ property: "accessKey", reason: "ververica:secretKey is set but ververica:accessKey is not" });
    }
    text("securityToken");
    text("profile");
    return failures;
}
