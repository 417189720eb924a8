import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { programSettingNames } from "../../provider/core/connectionSettings";
import { createCredentialSource } from "../../provider/core/credentialSource";
import { ConfigurationError } from "../../provider/core/errors";
import { pluginSettingNames } from "../../provider/plugin/providerConfig";

const secret = "Zt9-unit-secret-value";
const remedy = programSettingNames.noCredentials;

describe("credentialSource", () => {
    it("hands out a static key pair as given, named as openapi-client names it", async () => {
        const source = createCredentialSource({ kind: "static", accessKeyId: "LTAIunit", accessKeySecret: secret, source: "stack config" });
        assert.deepStrictEqual(await source.getCredential(), { accessKeyId: "LTAIunit", accessKeySecret: secret, providerName: "static_ak" });
    });

    it("hands out an STS key with its token", async () => {
        const source = createCredentialSource({ kind: "static", accessKeyId: "STS.unit", accessKeySecret: secret, securityToken: "tok", source: "environment (ALIBABA_CLOUD_ACCESS_KEY_ID)" });
        assert.deepStrictEqual(await source.getCredential(), { accessKeyId: "STS.unit", accessKeySecret: secret, securityToken: "tok", providerName: "static_sts" });
    });

    it("identifies a source by AccessKey id, profile name or the default chain, never by secret", () => {
        const sources = [
            createCredentialSource({ kind: "static", accessKeyId: "LTAIunit", accessKeySecret: secret, securityToken: "tok-secret", source: "stack config" }),
            createCredentialSource({ kind: "profile", profileName: "dev", source: "stack config ververica:profile", remedy }),
            createCredentialSource({ kind: "defaultChain", source: "the default Alibaba Cloud credentials chain", remedy }),
        ];
        assert.deepStrictEqual(
            sources.map((s) => [s.identity, s.description]),
            [
                ["ak:LTAIunit", "stack config"],
                ["profile:dev", "stack config ververica:profile"],
                ["default-chain", "the default Alibaba Cloud credentials chain"],
            ],
        );
        for (const s of sources) {
            assert.ok(!s.identity.includes(secret) && !s.identity.includes("tok-secret"));
            assert.ok(!JSON.stringify(s).includes(secret), "the source object must not carry the secret in an enumerable field");
        }
    });

    it("turns a CLI profile that cannot be read into a ConfigurationError that names the settings the host reads", async () => {
        const home = process.env.HOME;
        process.env.HOME = "/nonexistent-home-for-credential-source-test";
        try {
            const source = createCredentialSource({ kind: "profile", profileName: "dev", source: "stack config ververica:profile", remedy });
            await assert.rejects(source.getCredential(), (e: unknown) => {
                assert.ok(e instanceof ConfigurationError, String(e));
                assert.strictEqual(
                    e.message,
                    "no usable credentials from stack config ververica:profile: ~/.aliyun/config.json: reading aliyun cli config from " +
                        `'/nonexistent-home-for-credential-source-test/.aliyun/config.json' failed; ${remedy}`,
                );
                return true;
            });
        } finally {
            if (home === undefined) delete process.env.HOME;
            else process.env.HOME = home;
        }
    });

    describe("with no credentials anywhere", () => {
        // An empty home and none of the chain's variables: every link finds nothing.
        const chainVariables = ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_CREDENTIALS_FILE"];
        const saved: Record<string, string | undefined> = {};
        let home: string;
        beforeEach(() => {
            home = fs.mkdtempSync(path.join(os.tmpdir(), "credential-source-empty-home-"));
            for (const name of ["HOME", ...chainVariables]) saved[name] = process.env[name];
            process.env.HOME = home;
            for (const name of chainVariables) delete process.env[name];
        });
        afterEach(() => {
            for (const [name, value] of Object.entries(saved)) {
                if (value === undefined) delete process.env[name];
                else process.env[name] = value;
            }
            fs.rmSync(home, { recursive: true, force: true });
        });

        const messageOf = (e: unknown): string => {
            assert.ok(e instanceof ConfigurationError, String(e));
            return e.message;
        };

        it("summarizes where the default chain looked and names the settings of the calling host", async () => {
            const source = createCredentialSource({ kind: "defaultChain", source: "the default Alibaba Cloud credentials chain", remedy: pluginSettingNames.noCredentials });
            const message = await source.getCredential().then(() => assert.fail("resolved"), messageOf);
            assert.strictEqual(
                message,
                "no usable credentials from the default Alibaba Cloud credentials chain: none in ALIBABA_CLOUD_ACCESS_KEY_ID, ~/.aliyun/config.json or ~/.alibabacloud/credentials; " +
                    pluginSettingNames.noCredentials,
            );
            assert.doesNotMatch(message, /alicloud:|unable to get credentials from any|ENOENT|\.\./);
            assert.ok(!message.includes(home), "the home directory's path is left out");
        });

        it("gives each of many concurrent calls the whole message, each host its own", async () => {
            const hosts = [pluginSettingNames.noCredentials, programSettingNames.noCredentials];
            const sources = hosts.map((hint) => createCredentialSource({ kind: "defaultChain", source: "the default Alibaba Cloud credentials chain", remedy: hint }));
            const messages = await Promise.all(
                Array.from({ length: 8 }, (_, i) => sources[i % 2].getCredential().then(() => assert.fail("resolved"), messageOf)),
            );
            const whole = (hint: string) => `no usable credentials from the default Alibaba Cloud credentials chain: none in ALIBABA_CLOUD_ACCESS_KEY_ID, ~/.aliyun/config.json or ~/.alibabacloud/credentials; ${hint}`;
            assert.deepStrictEqual(
                messages,
                Array.from({ length: 8 }, (_, i) => whole(hosts[i % 2])),
            );
        });

        it("finds a credentials file written after a failed call", async () => {
            const source = createCredentialSource({ kind: "defaultChain", source: "the default Alibaba Cloud credentials chain", remedy });
            await assert.rejects(source.getCredential(), ConfigurationError);
            fs.mkdirSync(path.join(home, ".alibabacloud"));
            fs.writeFileSync(path.join(home, ".alibabacloud", "credentials"), `[default]\ntype = access_key\naccess_key_id = LTAIfile\naccess_key_secret = ${secret}\n`);
            assert.deepStrictEqual(await source.getCredential(), { accessKeyId: "LTAIfile", accessKeySecret: secret, providerName: "default/profile" });
        });

        it("never quotes a CLI config that does not parse (it may hold secrets)", async () => {
            fs.mkdirSync(path.join(home, ".aliyun"));
            fs.writeFileSync(path.join(home, ".aliyun", "config.json"), `{ "profiles": [ { "access_key_secret": "${secret}" ]`);
            const source = createCredentialSource({ kind: "profile", profileName: "dev", source: "ververica:profile", remedy: pluginSettingNames.noCredentials });
            const message = await source.getCredential().then(() => assert.fail("resolved"), messageOf);
            assert.match(message, /^no usable credentials from ververica:profile: ~\/\.aliyun\/config\.json: parse aliyun cli config from '[^']+' failed; set ververica:accessKey/);
            assert.ok(!message.includes(secret), message);
        });
    });
});
