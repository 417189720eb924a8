import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { resolveTuning, tuningSettings } from "../../../provider/core/clientTuning";
import { ConfigReader, ConnectionOptions, resolveCredentialSpec as resolveCredentialSpecOf, resolveEndpoint as resolveEndpointOf } from "../../../provider/core/connectionSettings";
import { ConfigurationError } from "../../../provider/core/errors";
import { checkProviderSettings, pluginSettingNames, providerConfigReader, providerSettings, requireProviderSettings } from "../../../provider/plugin/providerConfig";

const resolveEndpoint = (options: ConnectionOptions, reader: ConfigReader, env: NodeJS.ProcessEnv) => resolveEndpointOf(options, reader, env, pluginSettingNames);
const resolveCredentialSpec = (reader: ConfigReader, env: NodeJS.ProcessEnv) => resolveCredentialSpecOf(reader, env, pluginSettingNames);

describe("plugin provider configuration", () => {
    it("hands the ververica: settings to the shared resolver, which falls back to the environment in the same order", () => {
        const reader = providerConfigReader({ region: "cn-beijing", accessKey: "LTAIconfig", secretKey: "config-secret", maxAttempts: 3 });
        assert.strictEqual(resolveEndpoint({}, reader, { VERVERICA_ENDPOINT: "http://127.0.0.1:1" }).host, "ververica.cn-beijing.aliyuncs.com");
        const fromConfig = resolveCredentialSpec(reader, { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIenv", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret" });
        assert.deepStrictEqual(fromConfig.kind === "static" && [fromConfig.accessKeyId, fromConfig.accessKeySecret], ["LTAIconfig", "config-secret"]);
        assert.strictEqual(reader("ververica:maxAttempts"), "3");
        assert.strictEqual(resolveEndpoint({}, providerConfigReader({ region: "cn-beijing", network: "vpc" }), {}).host, "ververica-vpc.cn-beijing.aliyuncs.com");
        // Another package's settings do not configure this provider.
        assert.strictEqual(reader("alicloud:region"), undefined);
        assert.strictEqual(reader("alicloud:accessKey"), undefined);

        const empty = providerConfigReader({});
        assert.strictEqual(resolveEndpoint({}, empty, { ALIBABA_CLOUD_REGION_ID: "cn-shanghai" }).host, "ververica.cn-shanghai.aliyuncs.com");
        const fromEnv = resolveCredentialSpec(empty, { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIenv", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret" });
        assert.strictEqual(fromEnv.kind === "static" && fromEnv.accessKeyId, "LTAIenv");
        assert.deepStrictEqual(resolveCredentialSpec(providerConfigReader({ profile: "ops" }), {}), { kind: "profile", profileName: "ops", source: "ververica:profile", remedy: pluginSettingNames.noCredentials });
    });

    it("names in the shared resolver's messages the settings the plugin reads, never the alicloud: keys", () => {
        const messageOf = (f: () => unknown): string => {
            try {
                f();
            } catch (e) {
                assert.ok(e instanceof ConfigurationError, String(e));
                return e.message;
            }
            return assert.fail("expected a ConfigurationError");
        };
        const messages = [
            messageOf(() => resolveEndpoint({}, providerConfigReader({}), {})),
            messageOf(() => resolveEndpoint({}, providerConfigReader({ region: "Hangzhou" }), {})),
            messageOf(() => resolveEndpoint({}, providerConfigReader({ endpoint: "ftp://x" }), {})),
            messageOf(() => resolveCredentialSpec(providerConfigReader({ accessKey: "LTAIonly" }), {})),
        ];
        assert.deepStrictEqual(messages, [
            "no region or endpoint: set ververica:region (or ververica:endpoint) in stack config, or the provider's region (or endpoint), or ALIBABA_CLOUD_REGION_ID (or VERVERICA_ENDPOINT) in the plugin's environment",
            'region "Hangzhou" from ververica:region is not a region id such as "cn-hangzhou"',
            'endpoint "ftp://x" from ververica:endpoint must use http or https',
            "ververica:accessKey is set but ververica:secretKey is not",
        ]);
    });

    it("checks only the settings given, naming each bad one without echoing a secret", () => {
        assert.deepStrictEqual(checkProviderSettings({}), []);
        assert.deepStrictEqual(checkProviderSettings({ region: "cn-hangzhou", endpoint: "http://127.0.0.1:8080", accessKey: "LTAI", secretKey: "s" }), []);
        const failures = checkProviderSettings({ region: "Hangzhou", endpoint: "http://user:pw@host/path", network: "lan", secretKey: "top-secret", profile: 7 });
        assert.deepStrictEqual(failures.map((f) => f.property), ["profile", "region", "endpoint", "network", "accessKey"]);
        for (const f of failures) {
            assert.ok(!f.reason.includes("top-secret") && !f.reason.includes("pw@"), f.reason);
        }
    });

    it("type- and range-checks every tuning setting, naming the key, from stack config text or a provider's number", () => {
        const reasons = (settings: Record<string, unknown>) => checkProviderSettings(settings).map((f) => [f.property, f.reason]);
        assert.deepStrictEqual(reasons({ maxConcurrency: 0, maxAttempts: -1, readTimeoutMs: "soon", connectTimeoutMs: 1.5, retryMaxDelayMs: [1] }), [
            ["maxAttempts", "ververica:maxAttempts must be a whole number of at least 1, got -1"],
            ["connectTimeoutMs", "ververica:connectTimeoutMs must be a whole number of at least 1, got 1.5"],
            ["readTimeoutMs", 'ververica:readTimeoutMs must be a whole number of at least 1, got "soon"'],
            ["maxConcurrency", "ververica:maxConcurrency must be a whole number of at least 1, got 0"],
            ["retryMaxDelayMs", "ververica:retryMaxDelayMs must be a whole number of at least 1, got a list"],
        ]);
        assert.deepStrictEqual(reasons({ maxConcurrency: "0" }), [["maxConcurrency", 'ververica:maxConcurrency must be a whole number of at least 1, got "0"']]);
        // Stack config is text; a provider's property is a number, or its JSON text from an SDK.
        assert.deepStrictEqual(reasons({ maxConcurrency: "16", maxAttempts: 3, maxRetryTimeMs: "0", readTimeoutMs: " 5000 " }), []);
        // A preview may not know a setting yet: it is checked once known.
        assert.deepStrictEqual(reasons({ maxConcurrency: unknownValue, region: unknownValue, accessKey: "LTAI", secretKey: unknownValue }), []);
    });

    it("accepts and refuses the same whole-number texts as a TypeScript program's tuning does", () => {
        const texts = ["16", " 16 ", "+16", "1e3", "0x10", "16.0", "1_000", "16ms", "Infinity"];
        const pluginAccepts = texts.map((text) => checkProviderSettings({ maxConcurrency: text }).length === 0);
        const programAccepts = texts.map((text) => {
            try {
                resolveTuning({}, () => text, {});
                return true;
            } catch {
                return false;
            }
        });
        assert.deepStrictEqual(pluginAccepts, [true, true, true, false, false, false, false, false, false]);
        assert.deepStrictEqual(programAccepts, pluginAccepts);
    });

    it("refuses an unknown key, naming the setting it misspells; passes the engine's version and internal keys", () => {
        assert.deepStrictEqual(
            checkProviderSettings({ maxConcurency: "4", colour: "blue", version: "1.2.3", __internal: {} }).map((f) => [f.property, f.reason]),
            [
                ["maxConcurency", "ververica:maxConcurency is not a setting of the ververica provider; did you mean ververica:maxConcurrency?"],
                ["colour", "ververica:colour is not a setting of the ververica provider"],
            ],
        );
    });

    it("refuses a value of another type than the schema's, naming the key and never the secret", () => {
        const reasons = checkProviderSettings({ secretKey: ["top-secret"], accessKey: "LTAI", endpoint: 2130706433 }).map((f) => [f.property, f.reason]);
        assert.deepStrictEqual(reasons, [
            ["endpoint", "ververica:endpoint must be a string, got a number"],
            ["secretKey", "ververica:secretKey must be a string, got a list"],
        ]);
        assert.throws(
            () => requireProviderSettings({ secretKey: { value: "top-secret" }, accessKey: "LTAI" }),
            (e: unknown) => e instanceof ConfigurationError && e.message === "ververica:secretKey must be a string, got an object" && !e.message.includes("top-secret"),
        );
        assert.deepStrictEqual(requireProviderSettings({ region: "cn-hangzhou", maxConcurrency: "4" }), { region: "cn-hangzhou", maxConcurrency: "4" });
    });

    it("is documented: the configuration page lists every declared tuning setting with its variable", () => {
        const page = fs.readFileSync(path.join(__dirname, "../../../docs/installation-configuration.md"), "utf8");
        for (const setting of tuningSettings) {
            assert.ok(page.includes(`| \`${setting.key}\` | \`${setting.env}\` |`), `${setting.key} is missing from the tuning table`);
        }
        for (const name of Object.keys(providerSettings).filter((n) => !tuningSettings.some((s) => s.key === n))) {
            assert.ok(page.includes(`\`${name}\``), `${name} is missing from the configuration page`);
        }
    });
});
