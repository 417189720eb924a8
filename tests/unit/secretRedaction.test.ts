import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createCredentialSource } from "../../provider/core/credentialSource";
import { NetworkError } from "../../provider/core/errors";
import { redactSecrets, secretMask } from "../../provider/core/secretRedaction";
import { messageOf } from "../../provider/plugin/providerService";
import { programSettingNames } from "../../provider/core/connectionSettings";

// A library's or the runtime's message may quote a credential (a request's options, a parsed
// file); the process masks every secret it holds out of such texts before it shows them.
describe("secrets masked out of texts from elsewhere", () => {
    it("masks a configured AccessKey secret and security token out of a library's error, in the plugin's error line", () => {
        createCredentialSource({ kind: "static", accessKeyId: "LTAIredact", accessKeySecret: "Redact-secret-1", securityToken: "Redact-token-1", source: "stack config" });
        const thrown = new TypeError('cannot read "x" of options {"accessKeySecret":"Redact-secret-1","securityToken":"Redact-token-1"}');
        assert.strictEqual(messageOf(thrown), `cannot read "x" of options {"accessKeySecret":"${secretMask}","securityToken":"${secretMask}"}`);
        assert.strictEqual(messageOf("Redact-secret-1 thrown as a string"), `${secretMask} thrown as a string`);
    });

    it("masks a secret resolved from a credentials file once it has been handed out", async () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), "secret-redaction-home-"));
        const savedHome = process.env.HOME;
        process.env.HOME = home;
        try {
            fs.mkdirSync(path.join(home, ".aliyun"));
            const profile = { name: "dev", mode: "AK", access_key_id: "LTAIfile", access_key_secret: "Redact-file-secret" };
            fs.writeFileSync(path.join(home, ".aliyun", "config.json"), JSON.stringify({ current: "dev", profiles: [profile] }));
            const source = createCredentialSource({ kind: "profile", profileName: "dev", source: "ververica:profile", remedy: programSettingNames.noCredentials });
            assert.strictEqual((await source.getCredential()).accessKeySecret, "Redact-file-secret");
            assert.strictEqual(redactSecrets("body: Redact-file-secret, again Redact-file-secret"), `body: ${secretMask}, again ${secretMask}`);
        } finally {
            if (savedHome === undefined) delete process.env.HOME;
            else process.env.HOME = savedHome;
            fs.rmSync(home, { recursive: true, force: true });
        }
    });

    it("leaves our own errors and texts without a secret as they are", () => {
        const ours = new NetworkError("connect ECONNREFUSED 127.0.0.1:1 (endpoint 127.0.0.1:1)", { workspace: "w", namespace: "n", deploymentDraftId: "d" }, { action: "GetDeploymentDraft" });
        assert.strictEqual(messageOf(ours), `${ours.code}: ${ours.message}`);
        assert.strictEqual(redactSecrets("nothing to hide"), "nothing to hide");
    });

    it("never masks short values, which would hide ordinary words", () => {
        createCredentialSource({ kind: "static", accessKeyId: "LTAIshort", accessKeySecret: "abc", source: "stack config" });
        assert.strictEqual(redactSecrets("abc is a word"), "abc is a word");
    });
});
