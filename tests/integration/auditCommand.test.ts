/**
 * `pulumi-ververica audit` against the emulator holding 1,000 drafts in three namespaces, each
 * draft compliant or breaking one known rule: the exact findings in JSON and SARIF, exit codes,
 * unreadable namespaces, throttling, configuration, and secrets that never show.
 */
import * as assert from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { generateAuditDrafts, ruleBrokenBy, type AuditDraft, type AuditDraftKind } from "../emulator";
import { runAuditCli } from "../helpers/auditRun";
import { useEmulator } from "../helpers/emulatorFixture";
import { draftRules } from "../../sdk/nodejs/policy";

const workspace = "ws-audit";
const counts = { "ns-a": 334, "ns-b": 333, "ns-c": 333 };
const namespaceFlags = Object.keys(counts).flatMap((n) => ["--namespace", n]);
const repoRoot = path.resolve(__dirname, "../..");
const multitool = path.join(repoRoot, "node_modules", ".bin", "sarif-multitool");
const plantedSecretPattern = /(sql|jar|cdc)pw-\d+-x9/;

interface JsonFinding {
    rule: string;
    level: string;
    namespace: string;
    draftId: string;
    draftName: string;
    location?: string;
    message: string;
    fingerprint: string;
}

interface JsonReport {
    findings: JsonFinding[];
    failures: Array<{ namespace: string; code: string; message: string }>;
    namespaces: Array<{ namespace: string; drafts: number; readable: boolean }>;
    summary: { drafts: number; findings: number };
}

/** `namespace/draftId/rule` of every finding the default rules must report. */
function expectedFindings(drafts: readonly AuditDraft[]): string[] {
    return drafts.filter(({ kind }) => ruleBrokenBy[kind] !== undefined).map(({ draft, kind }) => `${draft.namespace}/${draft.deploymentDraftId}/${ruleBrokenBy[kind]}`).sort();
}

describe("pulumi-ververica audit", function () {
    this.timeout(120_000);
    const fixture = useEmulator({ drafts: [] });
    let drafts: AuditDraft[] = [];
    let tmp = "";

    const seed = (kinds?: readonly AuditDraftKind[], namespaceCounts: { readonly [namespace: string]: number } = counts) => {
        drafts = generateAuditDrafts(workspace, namespaceCounts, kinds);
        for (const { draft } of drafts) fixture.emulator.store.put(draft);
    };
    const audit = (...flags: string[]) => runAuditCli(["audit", "--workspace", workspace, ...namespaceFlags, "--endpoint", fixture.emulator.url, ...flags]);

    beforeEach(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ververica-audit-"));
    });
    afterEach(() => {
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("reports exactly the known violations of 1,000 drafts as JSON, reading drafts the list leaves incomplete, and exits 1", async () => {
        seed();
        fixture.emulator.behaviour.listOmits = ["artifact"];
        const run = await audit("--format", "json");
        assert.strictEqual(run.code, 1);
        assert.strictEqual(run.stderr, "", "nothing but the report when stderr is not a terminal");
        const report = JSON.parse(run.stdout) as JsonReport;
        assert.deepStrictEqual(report.findings.map((f) => `${f.namespace}/${f.draftId}/${f.rule}`).sort(), expectedFindings(drafts));
        assert.deepStrictEqual(report.namespaces, Object.entries(counts).map(([namespace, n]) => ({ namespace, drafts: n, readable: true })));
        assert.strictEqual(report.summary.drafts, 1000);
        assert.strictEqual(fixture.emulator.stats.byAction.GetDeploymentDraft, 1000);

        const byKind = (kind: AuditDraftKind) => report.findings.filter((f) => f.draftId === drafts.find((d) => d.kind === kind)?.draft.deploymentDraftId);
        assert.deepStrictEqual(byKind("sqlPassword").map((f) => [f.level, f.location]), [["mandatory", "SQL statement 1 (CREATE TEMPORARY TABLE users_2), line 4"]]);
        assert.deepStrictEqual(byKind("mainArgsSecret").map((f) => f.location), ["jarArtifact.mainArgs, argument 3"]);
        assert.deepStrictEqual(byKind("cdcYamlSecret").map((f) => f.location), ["cdcYamlArtifact.cdcYaml, line 4"]);
        assert.deepStrictEqual(byKind("testConnector").map((f) => f.level), ["advisory"]);
        assert.deepStrictEqual(byKind("locked").map((f) => f.level), ["advisory"]);
        assert.ok(byKind("oldEngine")[0].message.startsWith('engine version "vvr-6.0.7-flink-1.15"'), "the message leaves the draft's name to the other fields");
    });

    it("reports the same findings in SARIF 2.1.0, with stable fingerprints, that the SARIF Multitool validates without errors or warnings", async () => {
        seed();
        const json = JSON.parse((await audit("--format", "json")).stdout) as JsonReport;
        const file = path.join(tmp, "report.sarif");
        const run = await audit("--format", "sarif", "--output", file);
        assert.strictEqual(run.code, 1);
        assert.strictEqual(run.stdout, "", "--output takes the report");
        const sarif = readSarif(file);
        assert.strictEqual(sarif.version, "2.1.0");
        assert.strictEqual(sarif.runs.length, 1);
        const [sarifRun] = sarif.runs;
        const rules = sarifRun.tool.driver.rules;
        // Every rule of the registry, in its order (the names are pinned by the policies' unit test).
        assert.deepStrictEqual(
            rules.map((r) => r.id),
            draftRules.map((rule) => rule.name),
        );
        assert.ok(rules.every((r) => r.shortDescription.text.length > 20));
        assert.strictEqual(rules.find((r) => r.id === "ververica-draft-lock")?.defaultConfiguration.level, "warning");
        const results = sarifRun.results;
        const level = (l: string) => (l === "mandatory" ? "error" : "warning");
        assert.deepStrictEqual(
            results.map((r) => [r.ruleId, r.level, Object.values(r.partialFingerprints)[0]].join(" ")).sort(),
            json.findings.map((f) => [f.rule, level(f.level), f.fingerprint].join(" ")).sort(),
        );
        assert.ok(results.every((r) => rules[r.ruleIndex].id === r.ruleId));
        assert.strictEqual(new Set(results.map((r) => Object.values(r.partialFingerprints)[0])).size, results.length, "one fingerprint per finding");

        const again = path.join(tmp, "again.sarif");
        await audit("--format", "sarif", "--output", again);
        assert.deepStrictEqual(
            readSarif(again).runs[0].results.map((r) => r.partialFingerprints),
            results.map((r) => r.partialFingerprints),
            "a re-run matches every finding",
        );
        assertValidSarif(file, tmp);
    });

    it("exits 0 when every draft is compliant, and prints a summary", async () => {
        seed(["compliant"]);
        const run = await audit();
        assert.strictEqual(run.code, 0);
        assert.strictEqual(run.stdout, "1000 drafts in 3 namespaces: no findings.\n");
    });

    it("exits 2 when a namespace answers 403, naming it on stderr, and still reports the others", async () => {
        seed();
        fixture.emulator.behaviour.deniedNamespaces = ["ns-b"];
        const file = path.join(tmp, "denied.sarif");
        const jsonRun = await audit("--format", "json");
        assert.strictEqual(jsonRun.code, 2);
        const lines = jsonRun.stderr.trimEnd().split("\n");
        assert.strictEqual(lines.length, 1);
        assert.match(lines[0], /^audit: could not read namespace ws-audit\/ns-b: access denied: .*requestId [0-9A-F-]{36}; error code Forbidden\.RAM; message "User not authorized/);
        const report = JSON.parse(jsonRun.stdout) as JsonReport;
        assert.deepStrictEqual(report.failures.map((f) => [f.namespace, f.code]), [["ns-b", "AccessDenied"]]);
        assert.deepStrictEqual(report.findings.map((f) => `${f.namespace}/${f.draftId}/${f.rule}`).sort(), expectedFindings(drafts.filter((d) => d.draft.namespace !== "ns-b")));

        const textRun = await audit();
        assert.strictEqual(textRun.code, 2);
        assert.match(textRun.stdout, /667 drafts in 2 namespaces \(1 of 3 namespaces could not be read\): \d+ mandatory and \d+ advisory findings\.\n$/);

        assert.strictEqual((await audit("--format", "sarif", "--output", file)).code, 2);
        const invocation = readSarif(file).runs[0].invocations[0];
        assert.strictEqual(invocation.executionSuccessful, false);
        assert.match(invocation.toolExecutionNotifications[0].message.text, /ws-audit\/ns-b/);
        assertValidSarif(file, tmp);
    });

    describe("a namespace that yields no draft", () => {
        const problem = (namespace: string, ws = workspace) =>
            `namespace ${ws}/${namespace} has no drafts: check --workspace and --namespace, or pass --allow-empty if it may be empty`;
        const auditOnly = (ws: string, namespaces: readonly string[], ...flags: string[]) =>
            runAuditCli(["audit", "--workspace", ws, ...namespaces.flatMap((n) => ["--namespace", n]), "--endpoint", fixture.emulator.url, ...flags]);

        it("a misspelt namespace exits 2, named on stderr and in the text, JSON and SARIF reports", async () => {
            seed(["compliant"], { "default-namespace": 3 });
            const text = await auditOnly(workspace, ["defualt-namespace"]);
            assert.deepStrictEqual(text, {
                code: 2,
                stdout: "0 drafts in 1 namespace (no drafts in defualt-namespace): no findings.\n",
                stderr: `audit: ${problem("defualt-namespace")}\n`,
            });

            const json = await auditOnly(workspace, ["defualt-namespace"], "--format", "json");
            assert.strictEqual(json.code, 2);
            const { namespaces, findings, failures, emptyNamespaces, allowEmpty, summary } = JSON.parse(json.stdout) as Record<string, unknown>;
            assert.deepStrictEqual(
                { namespaces, findings, failures, emptyNamespaces, allowEmpty, summary },
                {
                    namespaces: [{ namespace: "defualt-namespace", drafts: 0, readable: true }],
                    findings: [],
                    failures: [],
                    emptyNamespaces: ["defualt-namespace"],
                    allowEmpty: false,
                    summary: { drafts: 0, findings: 0, mandatory: 0, advisory: 0, unreadableNamespaces: 0, emptyNamespaces: 1 },
                },
            );

            const file = path.join(tmp, "empty.sarif");
            assert.strictEqual((await auditOnly(workspace, ["defualt-namespace"], "--format", "sarif", "--output", file)).code, 2);
            const [run] = readSarif(file).runs;
            assert.deepStrictEqual(run.invocations, [
                { executionSuccessful: false, toolExecutionNotifications: [{ level: "error", message: { text: `The ${problem("defualt-namespace")}.` } }] },
            ]);
            assert.deepStrictEqual(run.results, []);
            assertValidSarif(file, tmp);
        });

        it("a wrong workspace exits 2, naming every namespace it left empty", async () => {
            seed(["compliant"], { "ns-a": 2, "ns-b": 2 });
            assert.deepStrictEqual(await auditOnly("ws-typo", ["ns-a", "ns-b"]), {
                code: 2,
                stdout: "0 drafts in 2 namespaces (no drafts in ns-a, ns-b): no findings.\n",
                stderr: `audit: ${problem("ns-a", "ws-typo")}\naudit: ${problem("ns-b", "ws-typo")}\n`,
            });
        });

        it("passes with --allow-empty, still named in the reports, and an empty namespace beside an unreadable one is named apart from it", async () => {
            seed(["compliant"]);
            assert.deepStrictEqual(await audit("--namespace", "ns-empty", "--allow-empty"), {
                code: 0,
                stdout: "1000 drafts in 4 namespaces (no drafts in ns-empty): no findings.\n",
                stderr: "",
            });
            const json = JSON.parse((await audit("--namespace", "ns-empty", "--allow-empty", "--format", "json")).stdout) as Record<string, unknown>;
            assert.deepStrictEqual([json.emptyNamespaces, json.allowEmpty], [["ns-empty"], true]);

            const file = path.join(tmp, "allowed.sarif");
            assert.strictEqual((await audit("--namespace", "ns-empty", "--allow-empty", "--format", "sarif", "--output", file)).code, 0);
            assert.deepStrictEqual(readSarif(file).runs[0].invocations, [
                {
                    executionSuccessful: true,
                    toolExecutionNotifications: [{ level: "note", message: { text: `The namespace ${workspace}/ns-empty has no drafts (allowed by --allow-empty).` } }],
                },
            ]);
            assertValidSarif(file, tmp);

            fixture.emulator.behaviour.deniedNamespaces = ["ns-b"];
            const mixed = await audit("--namespace", "ns-empty");
            assert.strictEqual(mixed.code, 2);
            assert.strictEqual(mixed.stdout, "667 drafts in 3 namespaces (no drafts in ns-empty; 1 of 4 namespaces could not be read): no findings.\n");
            const lines = mixed.stderr.trimEnd().split("\n");
            assert.strictEqual(lines.length, 2);
            assert.match(lines[0], /^audit: could not read namespace ws-audit\/ns-b: access denied: /);
            assert.strictEqual(lines[1], `audit: ${problem("ns-empty")}`);
        });
    });

    describe("settings errors name the audit's flags and environment variables, never stack config", () => {
        const bare = (...flags: string[]) => runAuditCli(["audit", "--workspace", workspace, "--namespace", "ns-a", ...flags]);

        it("no region or endpoint", async () => {
            assert.deepStrictEqual(await bare(), {
                code: 2,
                stdout: "",
                stderr: "pulumi-ververica: no region or endpoint: pass --region or --endpoint, or set ALIBABA_CLOUD_REGION_ID or ALIBABA_CLOUD_ENDPOINT_VERVERICA (or VERVERICA_ENDPOINT)\n",
            });
        });

        it("a malformed --region", async () => {
            assert.deepStrictEqual(await bare("--region", "Frankfurt"), {
                code: 2,
                stdout: "",
                stderr: 'pulumi-ververica: region "Frankfurt" from --region is not a region id such as "cn-hangzhou"\n',
            });
        });

        it("a --profile the aliyun CLI configuration lacks, before any request", async () => {
            seed(["compliant"], { "ns-a": 1 });
            const savedHome = process.env.HOME;
            process.env.HOME = tmp;
            try {
                fs.mkdirSync(path.join(tmp, ".aliyun"));
                fs.writeFileSync(path.join(tmp, ".aliyun", "config.json"), JSON.stringify({ current: "main", profiles: [{ name: "main", mode: "AK", access_key_id: "LTAImain", access_key_secret: "main-secret" }] }));
                const run = await bare("--endpoint", fixture.emulator.url, "--profile", "nope");
                assert.strictEqual(run.code, 2);
                assert.strictEqual(
                    run.stderr,
                    `audit: could not read namespace ${workspace}/ns-a: no usable credentials from --profile: ~/.aliyun/config.json: unable to get profile with 'nope'; ` +
                        "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or name an aliyun CLI profile with --profile\n",
                );
                assert.strictEqual(run.stdout, "0 drafts in 0 namespaces (1 of 1 namespaces could not be read): no findings.\n");
                assert.strictEqual(fixture.emulator.stats.requests, 0);
            } finally {
                if (savedHome === undefined) delete process.env.HOME;
                else process.env.HOME = savedHome;
            }
        });
    });

    it("still gives the full report when throttling recovers", async () => {
        seed();
        fixture.emulator.behaviour.listOmits = ["artifact"];
        fixture.emulator.faults.rate("throttle", 0.15, { retryAfterMs: 5, seed: 3 });
        const run = await audit("--format", "json");
        assert.strictEqual(run.code, 1);
        assert.ok((fixture.emulator.stats.byStatus[429] ?? 0) > 50, "requests were throttled");
        assert.deepStrictEqual((JSON.parse(run.stdout) as JsonReport).findings.map((f) => `${f.namespace}/${f.draftId}/${f.rule}`).sort(), expectedFindings(drafts));
    });

    it("prints no planted secret in any format, on stdout or stderr", async () => {
        seed();
        fixture.emulator.behaviour.deniedNamespaces = ["ns-c"];
        const outputs: string[] = [];
        for (const format of ["text", "json", "sarif"]) {
            const run = await audit("--format", format);
            outputs.push(run.stdout, run.stderr);
        }
        assert.ok(outputs.join("").includes('option \\"password\\"'), "the secret findings are in the reports");
        for (const output of outputs) {
            assert.doesNotMatch(output, plantedSecretPattern);
        }
    });

    it("fails from the level --fail-on names", async () => {
        seed(["testConnector", "compliant"]);
        assert.strictEqual((await audit()).code, 0, "advisory findings pass at the default --fail-on mandatory");
        assert.strictEqual((await audit("--fail-on", "advisory")).code, 1);
        seed(["sqlPassword"]);
        assert.strictEqual((await audit("--fail-on", "never")).code, 0);
    });

    it("takes levels and settings from a policy pack configuration file", async () => {
        seed();
        const run = await audit("--format", "json", "--config", path.join(repoRoot, "policy-pack", "config.example.json"));
        const findings = (JSON.parse(run.stdout) as JsonReport).findings;
        const unlabelled = drafts.filter((d) => d.kind === "unlabelled").map((d) => d.draft.deploymentDraftId);
        assert.deepStrictEqual(findings.filter((f) => f.rule === "ververica-required-labels").map((f) => f.draftId).sort(), unlabelled.sort());
        const oldEngine = drafts.filter((d) => d.kind === "oldEngine").length;
        assert.strictEqual(findings.filter((f) => f.rule === "ververica-engine-version").length, 2 * oldEngine, "VVR and Flink minimums");

        const file = path.join(tmp, "levels.json");
        fs.writeFileSync(file, JSON.stringify({ all: "advisory", "ververica-no-plaintext-secrets": "disabled", "ververica-engine-version": { enforcementLevel: "mandatory" } }));
        const levels = JSON.parse((await audit("--format", "json", "--config", file)).stdout) as JsonReport;
        assert.ok(!levels.findings.some((f) => f.rule === "ververica-no-plaintext-secrets"));
        assert.ok(levels.findings.filter((f) => f.rule === "ververica-engine-version").every((f) => f.level === "mandatory"));
        assert.ok(levels.findings.filter((f) => f.rule !== "ververica-engine-version").every((f) => f.level === "advisory"));
    });

    for (const [name, config, expected] of [
        ["an unknown policy", { "ververica-no-such-rule": "mandatory" }, /unknown policy "ververica-no-such-rule"/],
        ["an invalid secret key pattern", { "ververica-no-plaintext-secrets": { secretKeyPatterns: ["pass("] } }, /"ververica-no-plaintext-secrets": secretKeyPatterns: 'pass\(' is not a valid regular expression/],
        ["a setting of the wrong type", { "ververica-execution-mode": { allowedModes: "STREAMING" } }, /allowedModes: expected a list/],
        ["an unknown enforcement level", { "ververica-draft-lock": "strict" }, /enforcement level must be one of/],
    ] as const) {
        it(`rejects a configuration file with ${name} in one line, exit 2, before any request`, async () => {
            seed(["compliant"], { "ns-a": 1 });
            const file = path.join(tmp, "bad.json");
            fs.writeFileSync(file, JSON.stringify(config));
            const run = await audit("--config", file);
            assert.strictEqual(run.code, 2);
            assert.strictEqual(run.stdout, "");
            assert.strictEqual(run.stderr.split("\n").length, 2, run.stderr);
            assert.match(run.stderr, expected);
            assert.strictEqual(fixture.emulator.stats.requests, 0);
        });
    }

    it("rejects an --output in a folder it cannot write before any request", async () => {
        seed(["compliant"], { "ns-a": 1 });
        const run = await audit("--output", path.join(tmp, "missing", "report.sarif"));
        assert.strictEqual(run.code, 2);
        assert.match(run.stderr, /^pulumi-ververica: cannot write the report to .*report\.sarif: ENOENT for the folder .*missing\n$/);
        assert.strictEqual(fixture.emulator.stats.requests, 0);
    });

    it("shows progress on a terminal and erases it when done", async () => {
        seed(undefined, { "ns-a": 150 });
        const run = await runAuditCli(["audit", "--workspace", workspace, "--namespace", "ns-a", "--endpoint", fixture.emulator.url, "--format", "json"], { stderrIsTTY: true });
        assert.match(run.stderr, /^\rreading drafts: \d+\/\d+/);
        assert.ok(run.stderr.includes("reading drafts: 150/150"));
        assert.ok(run.stderr.endsWith("\r"), "the line is erased");
        assert.ok(!run.stderr.includes("\u001b"), "no escape codes");
    });
});

/** Runs Microsoft's SARIF Multitool on `file`: its schema check and all its rules must pass without a result. */
/** The parts of a SARIF log these tests read. */
interface SarifLog {
    readonly version: string;
    readonly runs: readonly {
        readonly tool: { readonly driver: { readonly rules: readonly { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
        readonly results: readonly { ruleId: string; ruleIndex: number; level: string; partialFingerprints: Record<string, string>; message: { text: string } }[];
        readonly invocations: readonly { executionSuccessful: boolean; toolExecutionNotifications: readonly { message: { text: string } }[] }[];
    }[];
}

function readSarif(file: string): SarifLog {
    return JSON.parse(fs.readFileSync(file, "utf8")) as SarifLog;
}

function assertValidSarif(file: string, dir: string): void {
    const out = path.join(dir, `validation-${path.basename(file)}`);
    execFileSync(multitool, ["validate", file, "-o", out], { stdio: "pipe", env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" } });
    const validation = JSON.parse(fs.readFileSync(out, "utf8")) as {
        runs: { results: { ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }[]; invocations?: { toolExecutionNotifications?: unknown[] }[] }[];
    };
    const problems = validation.runs[0].results.map(
        (r) => `${r.level ?? "warning"} ${r.ruleId}: ${r.message.text ?? (r.message.arguments ?? []).join(", ")}`,
    );
    assert.deepStrictEqual(problems, [], "SARIF Multitool findings");
    const notifications = validation.runs[0].invocations?.[0]?.toolExecutionNotifications ?? [];
    assert.deepStrictEqual(notifications, [], "SARIF Multitool could not check the file");
}
