// The ready policy pack in policy-pack/, run by the real engine over DeploymentDraft resources.
//
// A dynamic resource's looked-up attributes exist only once it has been created, so each test
// first creates the stack, then previews (and updates) it under the pack.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DeploymentDraft } from "../../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL, Emulator, startEmulator } from "../emulator";
import { createTestStack, ensurePulumiCli, TestStack } from "./harness";

const CLI_TIMEOUT_MS = 40 * 60 * 1000;
const STACK_TIMEOUT_MS = 5 * 60 * 1000;
const packDir = path.resolve(__dirname, "..", "..", "policy-pack");
const ws = "a14bd5d90a";
const ns = "default-namespace";
const drafts = {
    ordersEtl: { workspace: ws, namespace: ns, deploymentDraftId: "c84d73be-40ad-4627-8bdd-fa1eba51b234" },
    lockedByAlice: { workspace: ws, namespace: ns, deploymentDraftId: "1a6e9f3d-0b7c-4d25-9e8f-c4b3a2d1e0f6" },
    documentedExample: { workspace: "edcef******b4f", namespace: ns, deploymentDraftId: "00000000-0000-0000-0000-00000012****" },
};

describe("e2e: the ready policy pack", function () {
    this.timeout(STACK_TIMEOUT_MS);
    let emulator: Emulator | undefined;
    let ts: TestStack | undefined;
    let configDir: string | undefined;

    before(function () {
        this.timeout(CLI_TIMEOUT_MS);
        ensurePulumiCli();
    });

    afterEach(async () => {
        const current = ts;
        ts = undefined;
        try {
            await current?.destroy();
        } finally {
            await emulator?.close();
            emulator = undefined;
            if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
            configDir = undefined;
        }
    });

    async function stackTracking(selected: Array<keyof typeof drafts>): Promise<TestStack> {
        const em = (emulator = await startEmulator());
        ts = await createTestStack({
            env: {
                ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId,
                ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret,
            },
            program: async () => {
                for (const key of selected) {
                    new DeploymentDraft(key, { ...drafts[key], endpoint: em.url });
                }
            },
        });
        await ts.stack.up();
        return ts;
    }

    function writeConfig(config: object): string {
        configDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-policy-config-"));
        const file = path.join(configDir, "policy-config.json");
        fs.writeFileSync(file, JSON.stringify(config));
        return file;
    }

    async function preview(stack: TestStack, policyPackConfigs?: string[]): Promise<string> {
        let output = "";
        await stack.stack.preview({ policyPacks: [packDir], policyPackConfigs, onOutput: (o) => (output += o) });
        return output;
    }

    it("passes a compliant stack", async () => {
        const stack = await stackTracking(["ordersEtl"]);
        const output = await preview(stack);
        assert.doesNotMatch(output, /mandatory|advisory/, output);
    });

    it("fails preview and up on a mandatory violation, with the rule's message", async () => {
        const stack = await stackTracking(["documentedExample"]);
        let output = "";
        await assert.rejects(stack.stack.preview({ policyPacks: [packDir], onOutput: (o) => (output += o) }));
        assert.match(output, /\[mandatory\]\s+ververica-engine-version/);
        assert.match(output, /vvr-6\.0\.7-flink-1\.15/);
        assert.match(output, /test-draft/);
        output = "";
        await assert.rejects(stack.stack.up({ policyPacks: [packDir], onOutput: (o) => (output += o) }));
        assert.match(output, /\[mandatory\]\s+ververica-engine-version/);
    });

    it("only warns on an advisory violation", async () => {
        const stack = await stackTracking(["lockedByAlice"]);
        const output = await preview(stack);
        assert.match(output, /\[advisory\]\s+ververica-draft-lock/);
        assert.match(output, /alice/);
        const up = await stack.stack.up({ policyPacks: [packDir] });
        assert.strictEqual(up.summary.result, "succeeded");
    });

    it("changes its verdict when a config file raises a threshold", async () => {
        const stack = await stackTracking(["ordersEtl"]);
        await preview(stack);
        const stricter = writeConfig({ "ververica-engine-version": { enforcementLevel: "mandatory", minimumVvrVersion: "9.0.0" } });
        let output = "";
        await assert.rejects(stack.stack.preview({ policyPacks: [packDir], policyPackConfigs: [stricter], onOutput: (o) => (output += o) }));
        assert.match(output, /\[mandatory\]\s+ververica-engine-version/);
        assert.match(output, /9\.0\.0/);
    });
});
