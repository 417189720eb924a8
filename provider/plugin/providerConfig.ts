/**
 * The provider's configuration: `ververica:region`, `ververica:endpoint`, the credentials and
 * the tuning of retries, timeouts and concurrency, for the default provider (stack config) and
 * for explicit `ververica:Provider` resources. Settings not given fall back to the
 * environment and Alibaba's default chain exactly as in the TypeScript package, because they are
 * handed to the same resolvers under its config keys.
 */
import { ConfigReader, parseEndpoint, programSettingNames, SettingNames } from "../core/connectionSettings";
import { ConfigurationError } from "../core/errors";
import { settingText } from "../core/settingText";
import { tuningSettings, wholeNumberOf } from "../core/clientTuning";
import { isPulumiInternalKey, nearestName } from "../core/unknownArguments";
import { containsUnknown } from "./propertyValues";
import type { PropertySpec } from "./schema";

/** A provider setting as the provider declares it: its schema type and, for a number, its least value. */
export type ProviderSettingDeclaration =
    | { readonly type: "string"; readonly description: string; readonly secret?: true }
    | { readonly type: "integer"; readonly description: string; readonly min: number };

const connectionSettings = {
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
} as const satisfies Record<string, ProviderSettingDeclaration>;

/**
 * Every setting of the provider, declared once: the connection settings above and each tuning
 * setting of `../core/clientTuning.ts`. The schema's config variables and provider inputs, the
 * checks of CheckConfig and Configure, and the settings table of the docs all come from here.
 */
export const providerSettings: { readonly [name: string]: ProviderSettingDeclaration } = {
    ...connectionSettings,
    ...Object.fromEntries(tuningSettings.map((s) => [s.key, { type: "integer", min: s.min, description: `${s.description} Default ${s.default}. Falls back to ${s.env}.` }])),
};

/** The provider configuration variables of the schema. */
export const providerConfigVariables: { readonly [name: string]: PropertySpec } = Object.fromEntries(
    Object.entries(providerSettings).map(([name, setting]) => [
        name,
        { type: setting.type, description: setting.description, ...(setting.type === "string" && setting.secret ? { secret: true } : {}) },
    ]),
);

/** The provider settings that are credentials: secret in state, never in a message. */
export const secretSettings: readonly string[] = Object.entries(providerSettings)
    .filter(([, setting]) => setting.type === "string" && setting.secret === true)
    .map(([name]) => name);

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
 * Keys the engine itself puts in a provider's inputs: the package `version` (no provider may
 * declare a setting of that name) and, though it strips them, its `__`-prefixed bookkeeping.
 */
function isEngineKey(key: string): boolean {
    return key === "version" || isPulumiInternalKey(key);
}

function kindOf(value: unknown): string {
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    return `a ${typeof value}`;
}

/**
 * A setting's value, if it has the declared type: a string for a string setting; for a number,
 * a whole number of at least its least value, given as a number (a provider's property) or as
 * its text (stack config is text, and the SDKs send a provider's numbers as JSON text).
 */
function typedValue(name: string, setting: ProviderSettingDeclaration, value: unknown): { readonly value?: string | number; readonly failure?: SettingFailure } {
    if (value === undefined || value === null || containsUnknown(value)) return {};
    if (setting.type === "string") {
        return typeof value === "string" ? { value } : { failure: { property: name, reason: `ververica:${name} must be a string, got ${kindOf(value)}` } };
    }
    if (typeof value === "string" && value.trim() === "") return {};
    const number = wholeNumberOf(value);
    if (number >= setting.min) return { value: number };
    const given = typeof value === "number" || typeof value === "string" ? JSON.stringify(value) : kindOf(value);
    return { failure: { property: name, reason: `ververica:${name} must be a whole number of at least ${setting.min}, got ${given}` } };
}

/**
 * Checks the settings that are given (an absent one may come from the environment): no key
 * but the declared settings (a misspelt one is named with the setting it misspells), each of
 * its declared type and range, a region id's form, an endpoint's form, a network, and a key
 * pair given whole. No reason echoes a secret's value.
 */
export function checkProviderSettings(settings: Readonly<Record<string, unknown>>): SettingFailure[] {
    const failures: SettingFailure[] = [];
    const declared = Object.keys(providerSettings);
    for (const key of Object.keys(settings)) {
        if (Object.prototype.hasOwnProperty.call(providerSettings, key) || isEngineKey(key)) continue;
        const nearest = nearestName(key, declared);
        failures.push({ property: key, reason: `ververica:${key} is not a setting of the ververica provider${nearest === undefined ? "" : `; did you mean ververica:${nearest}?`}` });
    }
    const texts = new Map<string, string>();
    for (const [name, setting] of Object.entries(providerSettings)) {
        const typed = typedValue(name, setting, settings[name]);
        if (typed.failure) failures.push(typed.failure);
        if (typeof typed.value === "string" && typed.value.trim() !== "") texts.set(name, typed.value.trim());
    }
    const region = texts.get("region");
    if (region !== undefined && !regionPattern.test(region)) {
        failures.push({ property: "region", reason: `ververica:region ${JSON.stringify(region)} is not a region id such as "cn-hangzhou"` });
    }
    const endpoint = texts.get("endpoint");
    if (endpoint !== undefined) {
        try {
            parseEndpoint(endpoint, "ververica:endpoint");
        } catch (e) {
            if (!(e instanceof ConfigurationError)) throw e;
            failures.push({ property: "endpoint", reason: e.message });
        }
    }
    const network = texts.get("network");
    if (network !== undefined && network !== "public" && network !== "vpc") {
        failures.push({ property: "network", reason: `ververica:network ${JSON.stringify(network)} must be "public" or "vpc"` });
    }
    // Given: a non-blank text, a value not known yet, or one already refused for its type.
    const given = (name: string): boolean => {
        const value = settings[name];
        return texts.has(name) || containsUnknown(value) || (value !== undefined && value !== null && typeof value !== "string");
    };
    if (texts.has("accessKey") && !given("secretKey")) {
        failures.push({ property: "secretKey", reason: "ververica:accessKey is set but ververica:secretKey is not" });
    }
    if (texts.has("secretKey") && !given("accessKey")) {
        failures.push({ property: "accessKey", reason: "ververica:secretKey is set but ververica:accessKey is not" });
    }
    return failures;
}

/**
 * The settings Configure is handed, checked as CheckConfig checks them: a value of another
 * type than the schema's (a list for `secretKey`, a number for `endpoint`) is refused, naming
 * the key, rather than turned into text. Throws one {@link ConfigurationError} naming every bad key.
 */
export function requireProviderSettings(settings: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
    const failures = checkProviderSettings(settings);
    if (failures.length > 0) {
        throw new ConfigurationError(failures.map((f) => f.reason).join("; "));
    }
    return settings;
}
