import * as assert from "node:assert";
import { createCredentialSource } from "../../provider/core/credentialSource";
import { ConfigurationError } from "../../provider/core/errors";

const secret = "Zt9-unit-secret-value";

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
            createCredentialSource({ kind: "profile", profileName: "dev", source: "stack config alicloud:profile" }),
            createCredentialSource({ kind: "defaultChain", source: "the default Alibaba Cloud credentials chain" }),
        ];
        assert.deepStrictEqual(
            sources.map((s) => [s.identity, s.description]),
            [
                ["ak:LTAIunit", "stack config"],
                ["profile:dev", "stack config alicloud:profile"],
                ["default-chain", "the default Alibaba Cloud credentials chain"],
            ],
        );
        for (const s of sources) {
            assert.ok(!s.identity.includes(secret) && !s.identity.includes("tok-secret"));
            assert.ok(!JSON.stringify(s).includes(secret), "the source object must not carry the secret in an enumerable field");
        }
    });

    it("turns a CLI profile that cannot be read into a ConfigurationError that says how to configure", async () => {
        const home = process.env.HOME;
        process.env.HOME = "/nonexistent-home-for-credential-source-test";
        try {
            const source = createCredentialSource({ kind: "profile", profileName: "dev", source: "stack config alicloud:profile" });
            await assert.rejects(source.getCredential(), (e: unknown) => {
                assert.ok(e instanceof ConfigurationError, String(e));
                assert.match(e.message, /no usable credentials from stack config alicloud:profile/);
                assert.match(e.message, /\.aliyun\/config\.json/);
                assert.match(e.message, /alicloud:accessKey and alicloud:secretKey/);
                assert.match(e.message, /ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
                return true;
            });
        } finally {
            if (home === undefined) delete process.env.HOME;
            else process.env.HOME = home;
        }
    });
});
