import * as assert from "node:assert";
import {
    ConfigReader,
    ConnectionOptions,
    parseEndpoint,
    programSettingNames,
    resolveCredentialSpec as resolveCredentialSpecOf,
    resolveEndpoint as resolveEndpointOf,
    SettingNames,
} from "../../provider/core/connectionSettings";
import { ConfigurationError } from "../../provider/core/errors";
import { auditSettingNames } from "../../sdk/nodejs/cli/auditArguments";
import { assertCleanMessage } from "../helpers/assertions";

const config = (values: Record<string, string> = {}): ConfigReader => (key) => values[key];
const noConfig = config();
// As a Pulumi program resolves them, unless a test names another host.
const resolveEndpoint = (options: ConnectionOptions, reader: ConfigReader, env: NodeJS.ProcessEnv, names: SettingNames = programSettingNames) =>
    resolveEndpointOf(options, reader, env, names);
const resolveCredentialSpec = (reader: ConfigReader, env: NodeJS.ProcessEnv, names: SettingNames = programSettingNames) => resolveCredentialSpecOf(reader, env, names);
const chain = { kind: "defaultChain", source: "the default Alibaba Cloud credentials chain", remedy: programSettingNames.noCredentials } as const;

/** Runs `fn`, asserts a ConfigurationError, and returns its message. */
function configurationError(fn: () => unknown): string {
    try {
        fn();
    } catch (e) {
        assert.ok(e instanceof ConfigurationError, `expected a ConfigurationError, got ${String(e)}`);
        assert.strictEqual(e.code, "Configuration");
        return e.message;
    }
    return assert.fail("expected a ConfigurationError");
}

describe("connectionSettings: endpoint precedence", () => {
    const everything = {
        options: { endpoint: "http://127.0.0.1:1001", region: "cn-beijing" },
        config: { "ververica:endpoint": "http://127.0.0.1:1002", "ververica:region": "cn-shanghai", "alicloud:region": "cn-shenzhen" },
        env: { VERVERICA_ENDPOINT: "http://127.0.0.1:1003", ALIBABA_CLOUD_REGION_ID: "eu-central-1", ALICLOUD_REGION: "us-west-1" },
    };

    it("takes the per-call endpoint option over everything else", () => {
        const e = resolveEndpoint(everything.options, config(everything.config), everything.env);
        assert.deepStrictEqual(e, { protocol: "HTTP", host: "127.0.0.1:1001", region: "cn-beijing", source: "the endpoint option" });
    });

    it("takes the per-call region option over stack config and environment endpoints", () => {
        const e = resolveEndpoint({ region: "cn-beijing" }, config(everything.config), everything.env);
        assert.deepStrictEqual(e, { protocol: "HTTPS", host: "ververica.cn-beijing.aliyuncs.com", region: "cn-beijing", source: "the region option" });
    });

    it("takes stack config ververica:endpoint over stack config regions and the environment", () => {
        const e = resolveEndpoint({}, config(everything.config), everything.env);
        assert.deepStrictEqual(e, { protocol: "HTTP", host: "127.0.0.1:1002", region: "cn-shanghai", source: "stack config ververica:endpoint" });
    });

    it("takes stack config ververica:region over alicloud:region, and either over the environment", () => {
        const regions = Object.fromEntries(Object.entries(everything.config).filter(([key]) => key !== "ververica:endpoint"));
        assert.deepStrictEqual(resolveEndpoint({}, config(regions), everything.env), {
            protocol: "HTTPS",
            host: "ververica.cn-shanghai.aliyuncs.com",
            region: "cn-shanghai",
            source: "stack config ververica:region",
        });
        assert.deepStrictEqual(resolveEndpoint({}, config({ "alicloud:region": "cn-shenzhen" }), everything.env), {
            protocol: "HTTPS",
            host: "ververica.cn-shenzhen.aliyuncs.com",
            region: "cn-shenzhen",
            source: "stack config alicloud:region",
        });
    });

    it("takes VERVERICA_ENDPOINT over the environment's regions", () => {
        const e = resolveEndpoint({}, noConfig, everything.env);
        assert.deepStrictEqual(e, { protocol: "HTTP", host: "127.0.0.1:1003", region: "eu-central-1", source: "VERVERICA_ENDPOINT" });
    });

    it("takes ALIBABA_CLOUD_REGION_ID over ALICLOUD_REGION, and ALICLOUD_REGION when it is the only one", () => {
        assert.strictEqual(resolveEndpoint({}, noConfig, { ALIBABA_CLOUD_REGION_ID: "eu-central-1", ALICLOUD_REGION: "us-west-1" }).host, "ververica.eu-central-1.aliyuncs.com");
        const legacy = resolveEndpoint({}, noConfig, { ALICLOUD_REGION: "us-west-1" });
        assert.deepStrictEqual(legacy, { protocol: "HTTPS", host: "ververica.us-west-1.aliyuncs.com", region: "us-west-1", source: "ALICLOUD_REGION" });
    });

    it("lets an endpoint beat a region given at the same level", () => {
        assert.strictEqual(resolveEndpoint({ endpoint: "h.example", region: "cn-beijing" }, noConfig, {}).host, "h.example");
        assert.strictEqual(resolveEndpoint({}, config({ "alicloud:region": "cn-beijing", "ververica:endpoint": "h.example" }), {}).host, "h.example");
        assert.strictEqual(resolveEndpoint({}, noConfig, { ALICLOUD_REGION: "cn-beijing", VERVERICA_ENDPOINT: "h.example" }).host, "h.example");
    });

    it("skips empty and whitespace-only values and trims the rest", () => {
        const e = resolveEndpoint({ endpoint: "  ", region: "" }, config({ "ververica:endpoint": " ", "ververica:region": " cn-hangzhou " }), {});
        assert.deepStrictEqual(e, { protocol: "HTTPS", host: "ververica.cn-hangzhou.aliyuncs.com", region: "cn-hangzhou", source: "stack config ververica:region" });
    });

    it("accepts the region ids of the endpoint table", () => {
        for (const region of ["cn-hangzhou", "cn-shanghai-finance-1", "ap-southeast-1", "eu-west-1", "us-east-1"]) {
            assert.strictEqual(resolveEndpoint({ region }, noConfig, {}).host, `ververica.${region}.aliyuncs.com`);
        }
    });

    it("refuses a region that is not a region id, naming it and where it came from", () => {
        for (const [region, source] of [
            ["CN-HANGZHOU", "the region option"],
            ["cn_hangzhou", "the region option"],
            ["hangzhou", "the region option"],
            ["cn-hangzhou.evil.example", "the region option"],
        ]) {
            assertCleanMessage(configurationError(() => resolveEndpoint({ region }, noConfig, {})), [JSON.stringify(region), source]);
        }
        assertCleanMessage(configurationError(() => resolveEndpoint({}, noConfig, { ALICLOUD_REGION: "Frankfurt" })), ['"Frankfurt"', "ALICLOUD_REGION"]);
    });

    it("says how to configure a region or endpoint when nothing is set, naming the settings of the host", () => {
        assert.strictEqual(
            configurationError(() => resolveEndpoint({}, noConfig, {})),
            "no region or endpoint: pass `region` or `endpoint`, set stack config ververica:region (or ververica:endpoint, or alicloud:region), " +
                "or set ALIBABA_CLOUD_REGION_ID or ALIBABA_CLOUD_ENDPOINT_VERVERICA (or VERVERICA_ENDPOINT)",
        );
        assert.strictEqual(
            configurationError(() => resolveEndpoint({}, noConfig, {}, auditSettingNames)),
            "no region or endpoint: pass --region or --endpoint, or set ALIBABA_CLOUD_REGION_ID or ALIBABA_CLOUD_ENDPOINT_VERVERICA (or VERVERICA_ENDPOINT)",
        );
    });

    it("names a bad setting as the host's users give it", () => {
        assert.strictEqual(
            configurationError(() => resolveEndpoint({ region: "Frankfurt" }, noConfig, {}, auditSettingNames)),
            'region "Frankfurt" from --region is not a region id such as "cn-hangzhou"',
        );
        assert.strictEqual(
            configurationError(() => resolveEndpoint({ endpoint: "host name" }, noConfig, {}, auditSettingNames)),
            'endpoint "host name" from --endpoint is neither a host name nor an http(s) URL',
        );
        assert.strictEqual(
            configurationError(() => resolveEndpoint({}, config({ "ververica:region": "Frankfurt" }), {})),
            'region "Frankfurt" from stack config ververica:region is not a region id such as "cn-hangzhou"',
        );
    });
});

describe("connectionSettings: Terraform's endpoint variable and the VPC endpoint", () => {
    it("takes ALIBABA_CLOUD_ENDPOINT_VERVERICA over VERVERICA_ENDPOINT, and either over the environment's regions", () => {
        const env = { ALIBABA_CLOUD_ENDPOINT_VERVERICA: "ververica-vpc.cn-shanghai.aliyuncs.com", VERVERICA_ENDPOINT: "http://127.0.0.1:1003", ALIBABA_CLOUD_REGION_ID: "cn-shanghai" };
        assert.deepStrictEqual(resolveEndpoint({}, noConfig, env), {
            protocol: "HTTPS",
            host: "ververica-vpc.cn-shanghai.aliyuncs.com",
            region: "cn-shanghai",
            source: "ALIBABA_CLOUD_ENDPOINT_VERVERICA",
        });
        assert.strictEqual(resolveEndpoint({}, noConfig, { ...env, ALIBABA_CLOUD_ENDPOINT_VERVERICA: " " }).source, "VERVERICA_ENDPOINT");
    });

    it("leaves ALIBABA_CLOUD_ENDPOINT_VERVERICA behind options and stack config, like VERVERICA_ENDPOINT", () => {
        const env = { ALIBABA_CLOUD_ENDPOINT_VERVERICA: "h.example" };
        assert.strictEqual(resolveEndpoint({ region: "cn-beijing" }, noConfig, env).host, "ververica.cn-beijing.aliyuncs.com");
        assert.strictEqual(resolveEndpoint({}, config({ "ververica:region": "cn-beijing" }), env).host, "ververica.cn-beijing.aliyuncs.com");
    });

    it("builds ververica-vpc.<region>.aliyuncs.com for network vpc, from the option, stack config or VERVERICA_NETWORK", () => {
        const vpc = "ververica-vpc.cn-hangzhou.aliyuncs.com";
        assert.deepStrictEqual(resolveEndpoint({ region: "cn-hangzhou", network: "vpc" }, noConfig, {}), { protocol: "HTTPS", host: vpc, region: "cn-hangzhou", source: "the region option" });
        assert.strictEqual(resolveEndpoint({}, config({ "alicloud:region": "cn-hangzhou", "ververica:network": "vpc" }), {}).host, vpc);
        assert.strictEqual(resolveEndpoint({}, noConfig, { ALIBABA_CLOUD_REGION_ID: "cn-hangzhou", VERVERICA_NETWORK: " vpc " }).host, vpc);
    });

    it("takes the network option over stack config over the environment, and defaults to public", () => {
        const env = { ALIBABA_CLOUD_REGION_ID: "cn-hangzhou", VERVERICA_NETWORK: "vpc" };
        assert.strictEqual(resolveEndpoint({ network: "public" }, config({ "ververica:network": "vpc" }), env).host, "ververica.cn-hangzhou.aliyuncs.com");
        assert.strictEqual(resolveEndpoint({}, config({ "ververica:network": "public" }), env).host, "ververica.cn-hangzhou.aliyuncs.com");
        assert.strictEqual(resolveEndpoint({}, noConfig, { ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" }).host, "ververica.cn-hangzhou.aliyuncs.com");
    });

    it("leaves an explicit endpoint as given, whatever the network", () => {
        assert.strictEqual(resolveEndpoint({ endpoint: "http://127.0.0.1:1001", network: "vpc" }, noConfig, {}).host, "127.0.0.1:1001");
    });

    it("refuses a network other than public or vpc, naming it and where it came from, even beside an endpoint", () => {
        assertCleanMessage(configurationError(() => resolveEndpoint({ endpoint: "h.example", network: "vcp" as never }, noConfig, {})), ['"vcp"', "the network option"]);
        assertCleanMessage(configurationError(() => resolveEndpoint({ region: "cn-hangzhou", network: "VPC" as never }, noConfig, {})), ['"VPC"', "the network option", '"public" or "vpc"']);
        assertCleanMessage(configurationError(() => resolveEndpoint({}, config({ "ververica:network": "internal" }), { ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" })), ['"internal"', "stack config ververica:network"]);
    });
});

describe("connectionSettings: host and URL endpoints", () => {
    it("reaches a bare host over HTTPS", () => {
        assert.deepStrictEqual(parseEndpoint("ververica.cn-hangzhou.aliyuncs.com", "s"), { protocol: "HTTPS", host: "ververica.cn-hangzhou.aliyuncs.com", source: "s" });
        assert.deepStrictEqual(parseEndpoint("ververica-vpc.cn-hangzhou.aliyuncs.com", "s", "cn-hangzhou"), {
            protocol: "HTTPS",
            host: "ververica-vpc.cn-hangzhou.aliyuncs.com",
            region: "cn-hangzhou",
            source: "s",
        });
    });

    it("keeps a port on a bare host and signs it as part of the host", () => {
        assert.deepStrictEqual(parseEndpoint("127.0.0.1:8443", "s"), { protocol: "HTTPS", host: "127.0.0.1:8443", source: "s" });
        assert.deepStrictEqual(parseEndpoint("[::1]:8443", "s"), { protocol: "HTTPS", host: "[::1]:8443", source: "s" });
    });

    it("reaches an http:// URL over HTTP, host and port kept", () => {
        assert.deepStrictEqual(parseEndpoint("http://127.0.0.1:8080", "s"), { protocol: "HTTP", host: "127.0.0.1:8080", source: "s" });
        assert.deepStrictEqual(parseEndpoint("http://127.0.0.1:8080/", "s"), { protocol: "HTTP", host: "127.0.0.1:8080", source: "s" });
        assert.deepStrictEqual(parseEndpoint("HTTP://[::1]:9000", "s"), { protocol: "HTTP", host: "[::1]:9000", source: "s" });
    });

    it("reaches an https:// URL over HTTPS", () => {
        assert.deepStrictEqual(parseEndpoint("https://ververica.cn-beijing.aliyuncs.com", "s"), { protocol: "HTTPS", host: "ververica.cn-beijing.aliyuncs.com", source: "s" });
    });

    it("refuses a URL with a path, query or fragment", () => {
        for (const url of ["http://127.0.0.1:8080/api", "http://127.0.0.1:8080/api/v2/namespaces", "http://127.0.0.1:8080/?x=1", "http://127.0.0.1:8080#top"]) {
            assertCleanMessage(configurationError(() => parseEndpoint(url, "VERVERICA_ENDPOINT")), ["scheme, host and port only", "VERVERICA_ENDPOINT"]);
        }
    });

    it("refuses a URL with user info without repeating the password", () => {
        const message = configurationError(() => parseEndpoint("https://admin:hunter2@ververica.example", "stack config ververica:endpoint"));
        assertCleanMessage(message, ["user info", "stack config ververica:endpoint"], ["hunter2", "admin"]);
        configurationError(() => parseEndpoint("http://token@127.0.0.1:8080", "s"));
    });

    it("refuses a scheme other than http and https", () => {
        for (const url of ["ftp://127.0.0.1", "file:///etc/passwd", "ws://127.0.0.1:8080"]) {
            assertCleanMessage(configurationError(() => parseEndpoint(url, "the endpoint option")), ["must use http or https", "the endpoint option"]);
        }
    });

    it("refuses something that is neither a host nor a URL", () => {
        for (const value of ["127.0.0.1:8080/api", "host name", "user@host", "ververica.cn-hangzhou.aliyuncs.com:99999x", "http:/127.0.0.1"]) {
            assertCleanMessage(configurationError(() => parseEndpoint(value, "s")), ["neither a host name nor an http(s) URL"]);
        }
    });
});

describe("connectionSettings: credential precedence", () => {
    const configPair = { "alicloud:accessKey": "LTAIconfig", "alicloud:secretKey": "config-secret" };
    const envPair = { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIenv", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret" };
    const legacyPair = { ALICLOUD_ACCESS_KEY: "LTAIlegacy", ALICLOUD_SECRET_KEY: "legacy-secret" };

    it("takes the stack config key pair over a profile and the environment", () => {
        const spec = resolveCredentialSpec(config({ ...configPair, "alicloud:profile": "dev" }), { ...envPair, ...legacyPair });
        assert.deepStrictEqual(spec, { kind: "static", accessKeyId: "LTAIconfig", accessKeySecret: "config-secret", source: "stack config alicloud:accessKey" });
    });

    it("adds alicloud:securityToken to the stack config pair", () => {
        const spec = resolveCredentialSpec(config({ ...configPair, "alicloud:securityToken": "config-token" }), {});
        assert.deepStrictEqual(spec, {
            kind: "static",
            accessKeyId: "LTAIconfig",
            accessKeySecret: "config-secret",
            securityToken: "config-token",
            source: "stack config alicloud:accessKey",
        });
    });

    it("takes alicloud:profile over the environment", () => {
        const spec = resolveCredentialSpec(config({ "alicloud:profile": "dev" }), { ...envPair, ...legacyPair });
        assert.deepStrictEqual(spec, { kind: "profile", profileName: "dev", source: "stack config alicloud:profile", remedy: programSettingNames.noCredentials });
    });

    it("takes ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (+ token) over the ALICLOUD_ ones", () => {
        const spec = resolveCredentialSpec(noConfig, { ...envPair, ALIBABA_CLOUD_SECURITY_TOKEN: "env-token", ...legacyPair });
        assert.deepStrictEqual(spec, { kind: "static", accessKeyId: "LTAIenv", accessKeySecret: "env-secret", securityToken: "env-token", source: "environment (ALIBABA_CLOUD_ACCESS_KEY_ID)" });
    });

    it("falls back to ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY", () => {
        assert.deepStrictEqual(resolveCredentialSpec(noConfig, legacyPair), {
            kind: "static",
            accessKeyId: "LTAIlegacy",
            accessKeySecret: "legacy-secret",
            source: "environment (ALICLOUD_ACCESS_KEY)",
        });
    });

    it("falls back to Alibaba's default chain when nothing is set", () => {
        assert.deepStrictEqual(resolveCredentialSpec(noConfig, {}), chain);
    });

    it("ignores empty and whitespace-only values, and a security token without a key pair", () => {
        const spec = resolveCredentialSpec(config({ "alicloud:accessKey": "", "alicloud:secretKey": " ", "alicloud:profile": "  ", "alicloud:securityToken": "t" }), {
            ALIBABA_CLOUD_ACCESS_KEY_ID: "",
            ALIBABA_CLOUD_SECURITY_TOKEN: "t",
        });
        assert.deepStrictEqual(spec, chain);
    });

    it("trims the key pair it reads", () => {
        assert.deepStrictEqual(resolveCredentialSpec(config({ "alicloud:accessKey": " LTAIx ", "alicloud:secretKey": " s \n" }), {}), {
            kind: "static",
            accessKeyId: "LTAIx",
            accessKeySecret: "s",
            source: "stack config alicloud:accessKey",
        });
    });
});

describe("connectionSettings: ververica:* first, alicloud:* as the fallback", () => {
    const ververicaPair = { "ververica:accessKey": "LTAIververica", "ververica:secretKey": "ververica-secret" };
    const alicloudPair = { "alicloud:accessKey": "LTAIalicloud", "alicloud:secretKey": "alicloud-secret" };
    const ververicaSpec = { kind: "static", accessKeyId: "LTAIververica", accessKeySecret: "ververica-secret", source: "stack config ververica:accessKey" } as const;

    it("takes the ververica:* key pair over the alicloud:* one", () => {
        assert.deepStrictEqual(resolveCredentialSpec(config({ ...alicloudPair, ...ververicaPair, "alicloud:profile": "dev" }), {}), ververicaSpec);
    });

    it("takes the token of the pair it uses, never the other key set's", () => {
        const values = { ...ververicaPair, ...alicloudPair, "alicloud:securityToken": "alicloud-token" };
        assert.deepStrictEqual(resolveCredentialSpec(config(values), {}), ververicaSpec);
        assert.deepStrictEqual(resolveCredentialSpec(config({ ...values, "ververica:securityToken": "ververica-token" }), {}), { ...ververicaSpec, securityToken: "ververica-token" });
    });

    it("takes ververica:profile over an alicloud:* key pair", () => {
        assert.deepStrictEqual(resolveCredentialSpec(config({ ...alicloudPair, "ververica:profile": "flink" }), {}), {
            kind: "profile",
            profileName: "flink",
            source: "stack config ververica:profile",
            remedy: programSettingNames.noCredentials,
        });
    });

    it("still reads the alicloud:* key pair when no ververica:* credential is set", () => {
        assert.deepStrictEqual(resolveCredentialSpec(config(alicloudPair), {}), {
            kind: "static",
            accessKeyId: "LTAIalicloud",
            accessKeySecret: "alicloud-secret",
            source: "stack config alicloud:accessKey",
        });
    });

    it("refuses half a ververica:* pair rather than falling back to alicloud:*", () => {
        assert.strictEqual(
            configurationError(() => resolveCredentialSpec(config({ ...alicloudPair, "ververica:accessKey": "LTAIververica" }), {})),
            "stack config ververica:accessKey is set but stack config ververica:secretKey is not",
        );
    });

    it("names the audit's --profile, not stack config, as the source of its profile", () => {
        const profileOnly: ConfigReader = (key) => (key === "ververica:profile" ? "ci" : undefined);
        assert.deepStrictEqual(resolveCredentialSpec(profileOnly, {}, auditSettingNames), {
            kind: "profile",
            profileName: "ci",
            source: "--profile",
            remedy: "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or name an aliyun CLI profile with --profile",
        });
    });
});

describe("connectionSettings: half-configured key pairs", () => {
    const secret = "Zt9-very-secret-value";

    const cases: Array<[string, Record<string, string>, NodeJS.ProcessEnv, string, string]> = [
        ["stack config accessKey without secretKey", { "alicloud:accessKey": "LTAIonly" }, {}, "alicloud:secretKey", "alicloud:accessKey"],
        ["stack config secretKey without accessKey", { "alicloud:secretKey": secret }, {}, "alicloud:accessKey", "alicloud:secretKey"],
        ["ALIBABA_CLOUD_ACCESS_KEY_ID without its secret", {}, { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIonly" }, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_ACCESS_KEY_ID"],
        ["ALIBABA_CLOUD_ACCESS_KEY_SECRET without its id", {}, { ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret }, "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
        ["ALICLOUD_ACCESS_KEY without ALICLOUD_SECRET_KEY", {}, { ALICLOUD_ACCESS_KEY: "LTAIonly" }, "ALICLOUD_SECRET_KEY", "ALICLOUD_ACCESS_KEY"],
        ["ALICLOUD_SECRET_KEY without ALICLOUD_ACCESS_KEY", {}, { ALICLOUD_SECRET_KEY: secret }, "ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY"],
    ];

    for (const [what, values, env, missing, present] of cases) {
        it(`is a ConfigurationError naming the missing key for ${what}, without the secret`, () => {
            const message = configurationError(() => resolveCredentialSpec(config(values), env));
            assertCleanMessage(message, [`${missing} is not`, `${present} is set`], [secret]);
        });
    }

    it("is an error even when a lower level has a complete pair, rather than silently using it", () => {
        const message = configurationError(() =>
            resolveCredentialSpec(config({ "alicloud:secretKey": secret }), { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIenv", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret" }),
        );
        assertCleanMessage(message, ["alicloud:accessKey"], [secret, "env-secret"]);
    });

    it("treats a whitespace-only secret as missing", () => {
        assertCleanMessage(configurationError(() => resolveCredentialSpec(noConfig, { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIx", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "   " })), [
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not",
        ]);
    });
});

describe("endpoint errors never show URL user info", () => {
    for (const value of ["ftp://admin:hunter2@example.internal", "http://admin:hunter2@[bad"]) {
        it(`redacts ${value.split(":")[0]} URLs`, () => {
            assert.throws(
                () => parseEndpoint(value, "the endpoint option"),
                (e: Error) => e instanceof ConfigurationError && !e.message.includes("hunter2") && !e.message.includes("admin"),
            );
        });
    }
});
