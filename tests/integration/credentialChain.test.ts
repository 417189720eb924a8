/**
 * Alibaba's default credentials chain (`@alicloud/credentials` 2.4.7), and the aliyun CLI
 * profile named by `ververica:profile` (or `alicloud:profile`), used for real against the emulator: each source gets its
 * own emulator key, so the Authorization header shows which source signed. The ECS metadata
 * link stays off (the root hook and setEnvironment set ALIBABA_CLOUD_ECS_METADATA_DISABLED).
 *
 * Every test gets a fresh temporary HOME (the chain reads `~/.aliyun/config.json` and
 * `~/.alibabacloud/credentials` under `os.homedir()`, which follows HOME) and every Alibaba
 * variable cleared; both are restored afterwards.
 *
 * `provider/draftLookup.ts` keeps one credential source per identity for the whole process
 * ("default-chain", "profile:<name>") and `clearDraftLookupCache()` does not drop them, so a
 * second test in this process would get the first test's chain, bound to the first HOME. The
 * lookups that go through that cache therefore run in a child process each, as a Pulumi
 * program does: the child installs the same network guard and reports its violations.
 */
import * as assert from "node:assert";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ConcurrencyLimiter } from "../../provider/core/concurrencyLimiter";
import { parseEndpoint, programSettingNames } from "../../provider/core/connectionSettings";
import { createCredentialSource } from "../../provider/core/credentialSource";
import { DraftClient } from "../../provider/core/draftClient";
import { clearDraftLookupCache, lookupDraft } from "../../provider/core/draftLookup";
import type { DeploymentDraftAttributes } from "../../provider/core/model";
import { defaultRetryOptions } from "../../provider/core/retryPolicy";
import { DEFAULT_TEST_CREDENTIAL, EmulatorCredential, loadFixtureDrafts } from "../emulator";
import { useEmulator } from "../helpers/emulatorFixture";

const repoRoot = resolve(__dirname, "..", "..");
const ordersEtl = loadFixtureDrafts()[1];
const selector = { workspace: "a14bd5d90a", namespace: "default-namespace", deploymentDraftId: "c84d73be-40ad-4627-8bdd-fa1eba51b234" };

const keys = {
    chainEnv: { accessKeyId: "LTAIchainEnvKey", accessKeySecret: "chain-env-secret" },
    chainEnvSts: { accessKeyId: "STS.chainEnvKey", accessKeySecret: "chain-env-sts-secret", securityToken: "chain-env-token" },
    file: { accessKeyId: "LTAIcredentialsFileKey", accessKeySecret: "credentials-file-secret" },
    fileCi: { accessKeyId: "LTAIcredentialsFileCiKey", accessKeySecret: "credentials-file-ci-secret" },
    cliCurrent: { accessKeyId: "LTAIcliCurrentKey", accessKeySecret: "cli-current-secret" },
    cliCi: { accessKeyId: "LTAIcliCiKey", accessKeySecret: "cli-ci-secret" },
    cliSts: { accessKeyId: "STS.cliKey", accessKeySecret: "cli-sts-secret", securityToken: "cli-sts-token" },
} satisfies Record<string, EmulatorCredential>;

/** Chain variables setEnvironment does not clear; cleared here so a developer's own never leak in. */
const extraChainVariables = {
    ALIBABA_CLOUD_CLI_PROFILE_DISABLED: undefined,
    ALIBABA_CLOUD_ROLE_SESSION_NAME: undefined,
    ALIBABA_CLOUD_STS_REGION: undefined,
    ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: undefined,
    ALIBABA_CLOUD_IMDSV1_DISABLED: undefined,
    PULUMI_CONFIG: undefined,
    PULUMI_CONFIG_SECRET_KEYS: undefined,
};

/** `~/.alibabacloud/credentials` as `ProfileCredentialsProvider` reads it (ini, `type = access_key`). */
function credentialsFile(sections: Record<string, { accessKeyId: string; accessKeySecret: string }>): string {
    return Object.entries(sections)
        .map(([name, k]) => `[${name}]\ntype = access_key\naccess_key_id = ${k.accessKeyId}\naccess_key_secret = ${k.accessKeySecret}\n`)
        .join("\n");
}

/** `~/.aliyun/config.json` as `CLIProfileCredentialsProvider` reads it. */
function cliConfig(current: string, profiles: Array<Record<string, string>>): string {
    return JSON.stringify({ current, profiles }, null, 2);
}

const akProfile = (name: string, k: { accessKeyId: string; accessKeySecret: string }) => ({ name, mode: "AK", access_key_id: k.accessKeyId, access_key_secret: k.accessKeySecret });

/** One lookup in the child: files written to HOME first, then `lookupDraft` (or the SDK) with this stack config. */
interface Step {
    readonly files?: Readonly<Record<string, string>>;
    readonly config?: Readonly<Record<string, string>>;
}

type Outcome = { ok: true; draft: DeploymentDraftAttributes } | { ok: false; code: string; name: string; message: string };

interface ChildReport {
    readonly outcomes: Outcome[];
    /** What the child's network guard refused: every attempt to leave the machine. */
    readonly violations: string[];
}

// Runs in the child (plain JS, TypeScript through ts-node): the same guard as the root hook,
// then the steps in order, in one process, so later steps see what earlier ones left cached.
const childProgram = `
const fs = require("fs");
const path = require("path");
const { installNetworkGuard, takeViolations } = require("./tests/setup/networkGuard");
installNetworkGuard();
const input = JSON.parse(process.env.CHAIN_TEST_INPUT);
(async () => {
    const outcomes = [];
    for (const step of input.steps) {
        for (const [relative, content] of Object.entries(step.files || {})) {
            const file = path.join(process.env.HOME, relative);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, content, { mode: 0o600 });
        }
        try {
            let draft;
            if (input.viaSdk) {
                draft = await require("./sdk/nodejs").getDeploymentDraft(input.selector, input.options);
            } else {
                const config = step.config || {};
                draft = await require("./provider/core/draftLookup").lookupDraft(input.selector, {
                    options: input.options,
                    config: (k) => config[k],
                    env: process.env,
                    settingNames: require("./provider/core/connectionSettings").programSettingNames,
                });
            }
            outcomes.push({ ok: true, draft });
        } catch (e) {
            outcomes.push({ ok: false, code: e && e.code, name: e && e.name, message: String(e && e.message) });
        }
    }
    process.stdout.write("\\n" + JSON.stringify({ outcomes, violations: takeViolations() }) + "\\n");
})();
`;

describe("credentials chain against the emulator", function () {
    // Each child process loads ts-node and the provider afresh (1-2 s).
    this.timeout(60_000);
    const fixture = useEmulator(
        { credentials: [DEFAULT_TEST_CREDENTIAL, ...Object.values(keys)] },
        { ALIBABA_CLOUD_ACCESS_KEY_ID: undefined, ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined, ...extraChainVariables },
    );
    let home = "";
    let savedHome: string | undefined;

    beforeEach(() => {
        savedHome = process.env.HOME;
        home = mkdtempSync(join(tmpdir(), "ververica-home-"));
        process.env.HOME = home;
        clearDraftLookupCache();
    });

    afterEach(() => {
        if (savedHome === undefined) delete process.env.HOME;
        else process.env.HOME = savedHome;
        rmSync(home, { recursive: true, force: true });
    });

    function writeHomeFile(relative: string, content: string): string {
        const file = join(home, relative);
        mkdirSync(join(file, ".."), { recursive: true });
        writeFileSync(file, content, { mode: 0o600 });
        return file;
    }

    /**
     * Runs `steps` in a fresh Node process with this test's HOME and environment (plus `env`),
     * as a program would. Asynchronous on purpose: the emulator lives in this process's event loop.
     */
    function runInChild(steps: Step[], env: Record<string, string> = {}, viaSdk = false): Promise<ChildReport> {
        const input = { selector, steps, viaSdk, options: { endpoint: fixture.emulator.url, cache: false, maxAttempts: 1 } };
        const childEnv = { ...process.env, ...env, HOME: home, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", CHAIN_TEST_INPUT: JSON.stringify(input) };
        return new Promise((resolvePromise, reject) => {
            execFile(
                process.execPath,
                ["-r", "ts-node/register/transpile-only", "-e", childProgram],
                { cwd: repoRoot, env: childEnv, timeout: 60_000, maxBuffer: 10 * 1024 * 1024 },
                (error, stdout, stderr) => {
                    const last = stdout.trim().split("\n").pop() ?? "";
                    try {
                        resolvePromise(JSON.parse(last) as ChildReport);
                    } catch {
                        reject(new Error(`the child program failed (${error?.message ?? "no output"}):\n${stdout}\n${stderr}`));
                    }
                },
            );
        });
    }

    /** The child's only outcome, asserting it never tried to leave the machine. */
    async function runOnce(step: Step, env: Record<string, string> = {}, viaSdk = false): Promise<Outcome> {
        const report = await runInChild([step], env, viaSdk);
        assert.deepStrictEqual(report.violations, [], "the lookup tried to reach the network");
        assert.strictEqual(report.outcomes.length, 1);
        return report.outcomes[0];
    }

    function succeeded(outcome: Outcome): DeploymentDraftAttributes {
        if (!outcome.ok) return assert.fail(`expected the lookup to succeed, got ${outcome.code}: ${outcome.message}`);
        return outcome.draft;
    }

    function failed(outcome: Outcome, code: string): string {
        if (outcome.ok) return assert.fail(`expected ${code}, but the lookup succeeded`);
        assert.strictEqual(outcome.code, code, `expected ${code}, got ${outcome.code}: ${outcome.message}`);
        return outcome.message;
    }

    /** The AccessKey id, credentials provider and token of each request the emulator saw. */
    function signers(): Array<{ key: string; provider: unknown; token: unknown }> {
        return fixture.emulator.stats.log.map((e) => ({
            key: /Credential=([^,]+)/.exec(String(e.headers.authorization))?.[1] ?? "",
            provider: e.headers["x-acs-credentials-provider"],
            token: e.headers["x-acs-security-token"],
        }));
    }

    describe("(a) the environment link", () => {
        // A fresh source per test, not the process-wide one draftLookup keeps.
        function chainClient(): DraftClient {
            return new DraftClient({
                endpoint: parseEndpoint(fixture.emulator.url, "test"),
                credentials: createCredentialSource({ kind: "defaultChain", source: "the default Alibaba Cloud credentials chain", remedy: programSettingNames.noCredentials }),
                timeouts: { connectTimeoutMs: 5_000, readTimeoutMs: 10_000 },
                retry: { ...defaultRetryOptions, maxAttempts: 1 },
                limiter: new ConcurrencyLimiter(2),
            });
        }

        it("signs with ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET taken by the chain's env link", async () => {
            process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = keys.chainEnv.accessKeyId;
            process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = keys.chainEnv.accessKeySecret;
            assert.deepStrictEqual(await chainClient().getDeploymentDraft(selector), ordersEtl);
            assert.deepStrictEqual(signers(), [{ key: keys.chainEnv.accessKeyId, provider: "default/env", token: undefined }]);
        });

        it("sends and signs ALIBABA_CLOUD_SECURITY_TOKEN taken by the chain's env link", async () => {
            process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = keys.chainEnvSts.accessKeyId;
            process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = keys.chainEnvSts.accessKeySecret;
            process.env.ALIBABA_CLOUD_SECURITY_TOKEN = keys.chainEnvSts.securityToken;
            await chainClient().getDeploymentDraft(selector);
            assert.deepStrictEqual(signers(), [{ key: keys.chainEnvSts.accessKeyId, provider: "default/env", token: keys.chainEnvSts.securityToken }]);
        });

        it("is pre-empted by the lookup itself, which reads the same variables as a static pair before any file", async () => {
            process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = keys.chainEnv.accessKeyId;
            process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = keys.chainEnv.accessKeySecret;
            writeHomeFile(".alibabacloud/credentials", credentialsFile({ default: keys.file }));
            await lookupDraft(selector, { options: { endpoint: fixture.emulator.url, cache: false, maxAttempts: 1 }, config: () => undefined, env: process.env, settingNames: programSettingNames });
            assert.deepStrictEqual(signers(), [{ key: keys.chainEnv.accessKeyId, provider: "static_ak", token: undefined }]);
        });
    });

    describe("(b) profile files in HOME", () => {
        it("reads [default] of ~/.alibabacloud/credentials when nothing else is configured", async () => {
            const draft = succeeded(await runOnce({ files: { ".alibabacloud/credentials": credentialsFile({ default: keys.file }) } }));
            assert.deepStrictEqual(draft, ordersEtl);
            assert.deepStrictEqual(signers(), [{ key: keys.file.accessKeyId, provider: "default/profile", token: undefined }]);
        });

        it("reads the section ALIBABA_CLOUD_PROFILE names", async () => {
            succeeded(await runOnce({ files: { ".alibabacloud/credentials": credentialsFile({ default: keys.file, ci: keys.fileCi }) } }, { ALIBABA_CLOUD_PROFILE: "ci" }));
            assert.deepStrictEqual(signers().map((s) => s.key), [keys.fileCi.accessKeyId]);
        });

        it("reads the file ALIBABA_CLOUD_CREDENTIALS_FILE points at instead of the one in HOME", async () => {
            const elsewhere = writeHomeFile("elsewhere/creds.ini", credentialsFile({ default: keys.fileCi }));
            succeeded(await runOnce({ files: { ".alibabacloud/credentials": credentialsFile({ default: keys.file }) } }, { ALIBABA_CLOUD_CREDENTIALS_FILE: elsewhere }));
            assert.deepStrictEqual(signers().map((s) => s.key), [keys.fileCi.accessKeyId]);
        });

        it("prefers the aliyun CLI's current profile in ~/.aliyun/config.json to the credentials file", async () => {
            succeeded(
                await runOnce({
                    files: {
                        ".alibabacloud/credentials": credentialsFile({ default: keys.file }),
                        ".aliyun/config.json": cliConfig("main", [akProfile("main", keys.cliCurrent), akProfile("ci", keys.cliCi)]),
                    },
                }),
            );
            assert.deepStrictEqual(signers(), [{ key: keys.cliCurrent.accessKeyId, provider: "default/cli_profile", token: undefined }]);
        });

        it("uses the aliyun CLI profile that stack config ververica:profile names, over the current one and the environment", async () => {
            const outcome = await runOnce(
                { files: { ".aliyun/config.json": cliConfig("main", [akProfile("main", keys.cliCurrent), akProfile("ci", keys.cliCi)]) }, config: { "ververica:profile": "ci" } },
                { ALIBABA_CLOUD_ACCESS_KEY_ID: keys.chainEnv.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: keys.chainEnv.accessKeySecret },
            );
            assert.deepStrictEqual(succeeded(outcome), ordersEtl);
            assert.deepStrictEqual(signers(), [{ key: keys.cliCi.accessKeyId, provider: "cli_profile/static_ak", token: undefined }]);
        });

        it("sends the token of a StsToken-mode CLI profile, named by the fallback alicloud:profile", async () => {
            const profile = { name: "sts", mode: "StsToken", access_key_id: keys.cliSts.accessKeyId, access_key_secret: keys.cliSts.accessKeySecret, sts_token: keys.cliSts.securityToken };
            succeeded(await runOnce({ files: { ".aliyun/config.json": cliConfig("main", [profile]) }, config: { "alicloud:profile": "sts" } }));
            assert.deepStrictEqual(signers(), [{ key: keys.cliSts.accessKeyId, provider: "cli_profile/static_sts", token: keys.cliSts.securityToken }]);
        });

        it("reads ververica:profile over alicloud:profile, and ververica:endpoint, from PULUMI_CONFIG through getDeploymentDraft", async () => {
            const pulumiConfig = JSON.stringify({ "ververica:config:profile": "ci", "alicloud:config:profile": "main", "ververica:config:endpoint": fixture.emulator.url });
            const files = { ".aliyun/config.json": cliConfig("main", [akProfile("main", keys.cliCurrent), akProfile("ci", keys.cliCi)]) };
            const outcome = await runOnce({ files }, { PULUMI_CONFIG: pulumiConfig }, true);
            assert.strictEqual((succeeded(outcome) as DeploymentDraftAttributes & { id?: string }).id, selector.deploymentDraftId);
            assert.deepStrictEqual(signers().map((s) => s.key), [keys.cliCi.accessKeyId]);
        });

        it("fails with a ConfigurationError naming the missing profile, before any request", async () => {
            const outcome = await runOnce({ files: { ".aliyun/config.json": cliConfig("main", [akProfile("main", keys.cliCurrent)]) }, config: { "ververica:profile": "nope" } });
            assert.strictEqual(
                failed(outcome, "Configuration"),
                `no usable credentials from stack config ververica:profile: ~/.aliyun/config.json: unable to get profile with 'nope'; ${programSettingNames.noCredentials}`,
            );
            assert.strictEqual(fixture.emulator.stats.requests, 0);
        });

        it("picks up a credentials file written after a failed lookup in the same process", async () => {
            // A loopback credentials URI keeps the chain's last link on this machine.
            const report = await runInChild([{}, { files: { ".alibabacloud/credentials": credentialsFile({ default: keys.file }) } }], { ALIBABA_CLOUD_CREDENTIALS_URI: "http://127.0.0.1:1/" });
            assert.deepStrictEqual(report.violations, []);
            failed(report.outcomes[0], "Configuration");
            succeeded(report.outcomes[1]);
            assert.deepStrictEqual(signers().map((s) => s.key), [keys.file.accessKeyId]);
        });
    });

    describe("(c) nothing configured anywhere", () => {
        it("fails with a ConfigurationError that says how to configure, without any request, connect or DNS lookup off this machine", async () => {
            const report = await runInChild([{}]);
            const message = failed(report.outcomes[0], "Configuration");
            assert.strictEqual(fixture.emulator.stats.requests, 0);
            // The guard records every attempt to leave the machine, even ones the chain swallowed.
            assert.deepStrictEqual(report.violations, [], "the default credentials chain tried to reach the network");
            assert.strictEqual(
                message,
                "no usable credentials from the default Alibaba Cloud credentials chain: none in ALIBABA_CLOUD_ACCESS_KEY_ID, ~/.aliyun/config.json or ~/.alibabacloud/credentials; " +
                    programSettingNames.noCredentials,
            );
        });
    });
});
