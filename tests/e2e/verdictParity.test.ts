// One verdict everywhere: the same drafts judged by the policy pack over a stack that tracks them
// (the real engine, the plugin's DeploymentDraft from a YAML program), by `pulumi-ververica audit`
// and by the rules entry's functions give the same rules on the same drafts, every time: unknown
// and missing artifact kinds and unknown execution modes included.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { getDeploymentDraft } from "../../sdk/nodejs";
import * as rules from "../../sdk/nodejs/policy/rules";
import { DEFAULT_TEST_CREDENTIAL, Emulator, startEmulator } from "../emulator";
import { runAuditCli } from "../helpers/auditRun";
import { setEnvironment } from "../helpers/environment";
import { verdictDrafts, verdictNamespace, verdictSecrets, verdictWorkspace } from "../helpers/verdictDrafts";
import { ensurePulumiCli } from "../helpers/harness";
import { createLinkedPolicyPack, pluginStackConfig } from "../helpers/linkedProject";
import { ensurePluginTarball, ensureYamlLanguageHost, installPlugin } from "../helpers/pluginInstall";
import { createProjectStack, ProjectStack } from "../helpers/projectStack";

const SETUP_TIMEOUT_MS = 40 * 60 * 1000;
const STEP_TIMEOUT_MS = 3 * 60 * 1000;

/** `draftKey rule`, sorted: a verdict that ignores message wording and order. */
type Verdict = string[];

const keyOfId = new Map(verdictDrafts.map(({ key, draft }) => [String(draft.deploymentDraftId), key]));

function program(): string {
    const resources = verdictDrafts
        .map(({ key, draft }) => `  ${key}:\n    type: ververica:index:DeploymentDraft\n    properties:\n      workspace: ${verdictWorkspace}\n      namespace: ${verdictNamespace}\n      deploymentDraftId: ${draft.deploymentDraftId}\n`)
        .join("");
    return `name: verdict-parity\nruntime: yaml\nresources:\n${resources}`;
}

describe("e2e: one verdict from the policy pack, the audit and the rules entry", function () {
    this.timeout(STEP_TIMEOUT_MS);
    let emulator: Emulator;
    let stack: ProjectStack;
    let projectDir: string;
    let packDir: string;

    before(async function () {
        this.timeout(SETUP_TIMEOUT_MS);
        ensurePulumiCli();
        ensureYamlLanguageHost();
        ensurePluginTarball();
        emulator = await startEmulator({ drafts: verdictDrafts.map(({ draft }) => draft) });
        projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-verdict-"));
        fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), program());
        stack = await createProjectStack({
            projectDir,
            config: pluginStackConfig(emulator.url),
            env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "" },
        });
        await installPlugin(stack);
        packDir = createLinkedPolicyPack();
    });

    after(async () => {
        await stack?.dispose();
        await emulator?.close();
        for (const dir of [projectDir, packDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    async function packVerdict(command: "preview" | "up"): Promise<{ verdict: Verdict; output: string }> {
        const result = await stack.run(command === "up" ? ["up", "--yes", "--policy-pack", packDir] : ["preview", "--policy-pack", packDir]);
        const output = `${result.stdout}\n${result.stderr}`;
        const found = [...output.matchAll(/\[(?:mandatory|advisory)\] +(ververica-[a-z-]+) +\(ververica:index:DeploymentDraft: (\w+)\)/g)].map(([, rule, key]) => `${key} ${rule}`);
        return { verdict: [...new Set(found)].sort(), output };
    }

    async function auditVerdict(): Promise<{ verdict: Verdict; output: string }> {
        const run = await runAuditCli(["audit", "--workspace", verdictWorkspace, "--namespace", verdictNamespace, "--endpoint", emulator.url, "--format", "json"]);
        const report = JSON.parse(run.stdout) as { findings: { rule: string; draftId: string }[] };
        return { verdict: [...new Set(report.findings.map((f) => `${keyOfId.get(f.draftId)} ${f.rule}`))].sort(), output: run.stdout + run.stderr };
    }

    async function rulesEntryVerdict(): Promise<Verdict> {
        const checks = Object.entries(rules).filter(([name]) => /^check[A-Z]/.test(name)) as [string, (draft: unknown) => readonly rules.RuleViolation[]][];
        assert.ok(checks.length >= 7, checks.map(([name]) => name).join(", "));
        const restore = setEnvironment({ ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret });
        try {
            const found: string[] = [];
            for (const { key, draft } of verdictDrafts) {
                const read = await getDeploymentDraft({ workspace: verdictWorkspace, namespace: verdictNamespace, deploymentDraftId: String(draft.deploymentDraftId) }, { endpoint: emulator.url });
                for (const [, check] of checks) found.push(...check(read).map((v) => `${key} ${v.rule}`));
            }
            return [...new Set(found)].sort();
        } finally {
            restore();
        }
    }

    it("gives the same rules on the same drafts at preview, at up, in the audit and through the rules entry", async function () {
        const entry = await rulesEntryVerdict();
        const audit = await auditVerdict();
        const preview = await packVerdict("preview");
        const up = await packVerdict("up");
        assert.deepStrictEqual(audit.verdict, entry, "audit against the rules entry");
        assert.deepStrictEqual(preview.verdict, entry, `the pack at preview against the rules entry\n${preview.output}`);
        assert.deepStrictEqual(up.verdict, entry, `the pack at up against the rules entry\n${up.output}`);
        for (const text of [audit.output, preview.output, up.output]) {
            for (const secret of verdictSecrets) assert.ok(!text.includes(secret), `a verdict printed the planted secret ${secret}`);
        }
    });

    it("judges the parts a draft carries whatever its kind, and keeps an unknown execution mode", async function () {
        const entry = await rulesEntryVerdict();
        for (const expected of [
            "sql ververica-no-plaintext-secrets",
            "jar ververica-no-plaintext-secrets",
            "python ververica-no-plaintext-secrets",
            "cdc ververica-no-plaintext-secrets",
            "unknownkind ververica-no-plaintext-secrets",
            "nokind ververica-no-plaintext-secrets",
            "sql ververica-test-connectors",
            "unknownkind ververica-test-connectors",
            "jar ververica-artifact-sources",
            "unknownkind ververica-artifact-sources",
            "oldlocked ververica-engine-version",
            "oldlocked ververica-draft-lock",
        ]) {
            assert.ok(entry.includes(expected), `${expected} in\n${entry.join("\n")}`);
        }
        const modeFindings = entry.filter((v) => v.startsWith("unknownmode "));
        const message = (await auditVerdict()).output;
        assert.ok(!/no execution mode is set/.test(message), "an unknown execution mode is not read as none");
        assert.deepStrictEqual(modeFindings.filter((v) => !v.endsWith("ververica-execution-mode")), []);
    });
});
