import * as assert from "node:assert";
import { programSettingNames } from "../../provider/core/connectionSettings";
import { createCredentialSource } from "../../provider/core/credentialSource";
import { ConfigurationError } from "../../provider/core/errors";

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
                    "no usable credentials from stack config ververica:profile: reading aliyun cli config from " +
                        "'/nonexistent-home-for-credential-source-test/.aliyun/config.json' failed.. " +
                        "Set stack config ververica:accessKey and ververica:secretKey (as secrets), or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                );
                return true;
            });
        } finally {
            if (home === undefined) delete process.env.HOME;
            else process.env.HOME = home;
        }
    });
});
