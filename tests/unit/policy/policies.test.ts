import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import {
    allDraftPolicies,
    DraftPolicyName,
    draftPolicyNames,
    draftRules,
    alicloudDeploymentType,
    defaultEngineVersionConfig,
    defaultExcludedKeyPatterns,
    defaultSecretKeyPatterns,
    deploymentArtifactSourcesPolicy,
    deploymentDraftType,
    pluginDeploymentDraftType,
    deploymentEngineVersionPolicy,
    deploymentNoPlaintextSecretsPolicy,
    draftFromOutputs,
    draftLockPolicy,
    engineVersionPolicy,
    executionModePolicy,
    noPlaintextSecretsPolicy,
    testConnectorsPolicy,
} from "../../../sdk/nodejs/policy";
import { DeploymentDraftAttributes } from "../../../provider/core/model";
import { draftIdentity, draftLabel, makeDraft, sqlDraft } from "../../helpers/draftFactory";
import { NotApplicable, policyProxy, policyResource, runResourcePolicy, runStackPolicy } from "../../helpers/policyHarness";
import { Deployment } from "@pulumi/alicloud/realtimecompute/deployment";

/** A DeploymentDraft resource's outputs after an update: every attribute, the id and the serialized provider. */
function draftOutputs(draft: DeploymentDraftAttributes): Record<string, unknown> {
    return { ...draft, id: draft.deploymentDraftId, __provider: "exports.handler = ..." };
}

function draftResource(name: string, outputs: Record<string, unknown>) {
    return policyResource(deploymentDraftType, name, outputs);
}

/** The inputs of an alicloud.realtimecompute.Deployment, as its policy receives them. */
function deploymentInputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        resourceId: "ws-7f3a",
        namespace: "prod",
        deploymentName: "orders-enrichment",
        engineVersion: "vvr-8.0.9-flink-1.17",
        executionMode: "STREAMING",
        deploymentTarget: { mode: "PER_JOB", name: "default-queue" },
        labels: { owner: "data-platform" },
        localVariables: [{ name: "topic", value: "orders" }],
        artifact: { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: "INSERT INTO b SELECT * FROM a;" } },
        ...overrides,
    };
}

/** The policy names, in the pack's order, before there was a registry: the registry keeps them. */
const policyNames = [
    "ververica-engine-version",
    "ververica-no-plaintext-secrets",
    "ververica-draft-lock",
    "ververica-execution-mode",
    "ververica-required-labels",
    "ververica-artifact-sources",
    "ververica-test-connectors",
    "ververica-deployment-engine-version",
    "ververica-deployment-no-plaintext-secrets",
    "ververica-deployment-execution-mode",
    "ververica-deployment-required-labels",
    "ververica-deployment-artifact-sources",
    "ververica-deployment-test-connectors",
] as const;

// DraftPolicyName is derived from the registry: it must be exactly these names, no more, no fewer.
type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameNames: SameType<DraftPolicyName, (typeof policyNames)[number]> = true;
void sameNames;

describe("draft policies", () => {
    describe("registry", () => {
        it("makes the same policies, in the same order, as before it existed", () => {
            assert.deepEqual(
                allDraftPolicies().map((p) => p.name),
                [...policyNames],
            );
            assert.deepEqual(draftPolicyNames(), [...policyNames]);
        });

        it("makes each rule's policies from its definition", () => {
            const policies = new Map(allDraftPolicies().map((p) => [p.name, p]));
            for (const rule of draftRules) {
                const stack = policies.get(rule.name);
                assert.equal(stack?.description, rule.description);
                assert.equal(stack?.enforcementLevel, rule.defaultLevel);
                assert.equal(stack?.configSchema, rule.configSchema);
                const deployment = policies.get(rule.name.replace("ververica-", "ververica-deployment-"));
                assert.equal(deployment !== undefined, rule.deploymentPolicy, rule.name);
                assert.equal(deployment?.enforcementLevel ?? rule.defaultLevel, rule.defaultLevel);
            }
        });
    });

    describe("factories", () => {
        it("give every policy a kebab-case name, a description, its default level and a config schema with defaults", () => {
            const policies = allDraftPolicies();
            assert.equal(policies.length, 13);
            assert.equal(new Set(policies.map((p) => p.name)).size, 13);
            for (const policy of policies) {
                assert.match(policy.name, /^ververica(-deployment)?-[a-z]+(-[a-z]+)*$/);
                assert.ok(policy.description.length > 20, policy.name);
                assert.ok(policy.enforcementLevel === "mandatory" || policy.enforcementLevel === "advisory", policy.name);
                const properties = Object.values(policy.configSchema?.properties ?? {});
                assert.ok(properties.length > 0, policy.name);
                assert.ok(!("enforcementLevel" in (policy.configSchema?.properties ?? {})), "the SDK rejects enforcementLevel as a property");
                for (const property of properties) {
                    assert.ok(typeof property === "object" && property.description, `${policy.name}: every setting is described`);
                }
            }
        });

        it("make ververica-<rule> stack policies and ververica-deployment-<rule> resource policies", () => {
            for (const policy of allDraftPolicies()) {
                const isStack = "validateStack" in policy;
                assert.equal(isStack, !policy.name.startsWith("ververica-deployment-"), policy.name);
                assert.equal("validateResource" in policy, !isStack, policy.name);
            }
        });

        it("use the documented default levels and accept another", () => {
            assert.equal(engineVersionPolicy().enforcementLevel, "mandatory");
            assert.equal(noPlaintextSecretsPolicy().enforcementLevel, "mandatory");
            assert.equal(draftLockPolicy().enforcementLevel, "advisory");
            assert.equal(testConnectorsPolicy().enforcementLevel, "advisory");
            assert.equal(engineVersionPolicy("advisory").enforcementLevel, "advisory");
            assert.equal(engineVersionPolicy().name, "ververica-engine-version");
            assert.equal(deploymentEngineVersionPolicy().name, "ververica-deployment-engine-version");
        });

        it("declare the rules' defaults in the schema", () => {
            const schema = engineVersionPolicy().configSchema?.properties;
            assert.deepEqual(schema?.minimumVvrVersion, {
                type: "string",
                pattern: "^\\d+(\\.\\d+){0,2}$",
                default: defaultEngineVersionConfig.minimumVvrVersion,
                description: "The oldest VVR version allowed, as major.minor.patch.",
            });
        });

        it("apply enforcement-level overrides by policy name in allDraftPolicies", () => {
            const policies = allDraftPolicies({ "ververica-test-connectors": "mandatory", "ververica-deployment-engine-version": "disabled" });
            const level = (name: string) => policies.find((p) => p.name === name)?.enforcementLevel;
            assert.equal(level("ververica-test-connectors"), "mandatory");
            assert.equal(level("ververica-deployment-engine-version"), "disabled");
            assert.equal(level("ververica-engine-version"), "mandatory");
        });
    });

    describe("on DeploymentDraft outputs (stack policies)", () => {
        it("reports each violating draft against its URN and ignores other resources", async () => {
            const old = draftResource("old", draftOutputs(makeDraft({ engineVersion: "vvr-6.0.7-flink-1.15" })));
            const current = draftResource("current", draftOutputs(makeDraft({ deploymentDraftId: "d-2" })));
            const other = policyResource("random:index/randomId:RandomId", "x", { engineVersion: "vvr-1.0.0-flink-1.0" });
            const run = await runStackPolicy(engineVersionPolicy(), [old, current, other]);
            assert.equal(run.error, undefined);
            assert.equal(run.violations.length, 1);
            assert.equal(run.violations[0].urn, old.urn);
            assert.ok(run.violations[0].message.startsWith(`${draftLabel}: engine version "vvr-6.0.7-flink-1.15"`));
        });

        it("checks the plugin's DeploymentDraft (any language) exactly like the dynamic one", async () => {
            const outputs = draftOutputs(makeDraft({ engineVersion: "vvr-6.0.7-flink-1.15" }));
            for (const policy of allDraftPolicies().filter((p): p is StackValidationPolicy => "validateStack" in p)) {
                const dynamic = await runStackPolicy(policy, [policyResource(deploymentDraftType, "old", outputs)]);
                const plugin = await runStackPolicy(policy, [policyResource(pluginDeploymentDraftType, "old", outputs)]);
                assert.deepEqual(
                    plugin.violations.map((v) => v.message),
                    dynamic.violations.map((v) => v.message),
                    policy.name,
                );
            }
            const run = await runStackPolicy(engineVersionPolicy(), [policyResource(pluginDeploymentDraftType, "old", outputs)]);
            assert.equal(run.violations.length, 1);
        });

        it("is not applicable to a stack without drafts", async () => {
            const run = await runStackPolicy(engineVersionPolicy(), [policyResource("random:index/randomId:RandomId", "x", {})]);
            assert.ok(run.error instanceof NotApplicable);
            assert.match(run.error.reason ?? "", /pulumi-nodejs:dynamic\/ververica:DeploymentDraft.*ververica:index:DeploymentDraft/);
        });

        it("reads its settings through getConfig, keeping defaults for settings left out", async () => {
            const draft = draftResource("d", draftOutputs(makeDraft({ engineVersion: "vvr-8.0.1-flink-1.17" })));
            assert.equal((await runStackPolicy(engineVersionPolicy(), [draft])).violations.length, 0);
            const denied = await runStackPolicy(engineVersionPolicy(), [draft], { deniedVersions: ["vvr-8.0.1-*"] });
            assert.equal(denied.violations.length, 1);
            const raised = await runStackPolicy(engineVersionPolicy(), [draft], { minimumVvrVersion: "8.0.5" });
            assert.match(raised.violations[0].message, /older than the minimum 8\.0\.5/);
        });

        it("reads the in-house secret keys of the no-plaintext-secrets policy from its configuration", async () => {
            const draft = draftResource("d", draftOutputs(sqlDraft("CREATE TABLE t WITH ('acme.auth-blob' = 'blob-literal');")));
            assert.equal((await runStackPolicy(noPlaintextSecretsPolicy(), [draft])).violations.length, 0);
            const configured = await runStackPolicy(noPlaintextSecretsPolicy(), [draft], { additionalSecretKeys: ["auth-blob"] });
            assert.equal(configured.violations.length, 1);
            assert.ok(!configured.violations[0].message.includes("blob-literal"));
        });

        it("skips, without a violation, a draft whose outputs are still its inputs during a preview", async () => {
            // Dynamic providers do not take part in previews: the engine shows a draft being
            // created with its inputs as outputs, so nothing a lookup fills in is there yet.
            const creating = draftResource("creating", { ...draftIdentity, __provider: "exports.handler = ..." });
            for (const policy of [engineVersionPolicy(), executionModePolicy(), noPlaintextSecretsPolicy()]) {
                assert.deepEqual(await runStackPolicy(policy, [creating]), { violations: [] });
            }
        });

        it("checks the known drafts, then lets the SDK report that an unknown one cannot be checked yet", async () => {
            const known = draftResource("known", draftOutputs(makeDraft({ engineVersion: "vvr-6.0.7-flink-1.15" })));
            const unknown = draftResource("unknown", draftOutputs(makeDraft({ engineVersion: policyProxy.unknownStringValue })));
            const later = draftResource("later", draftOutputs(makeDraft({ deploymentDraftId: "d-3", engineVersion: "vvr-4.0.18-flink-1.13" })));
            const run = await runStackPolicy(engineVersionPolicy(), [known, unknown, later]);
            assert.deepEqual(
                run.violations.map((v) => v.urn),
                [known.urn, later.urn],
            );
            assert.ok(run.error instanceof policyProxy.UnknownValueError, `expected UnknownValueError, got ${String(run.error)}`);
            assert.match(run.error.message, /engineVersion can't be known during preview/);
        });

        it("treats an unknown artifact as unknown even for a rule that finds nothing else", async () => {
            const unknown = draftResource("unknown", draftOutputs(makeDraft({ artifact: undefined })));
            const outputs = { ...draftOutputs(makeDraft()), artifact: policyProxy.unknownObjectValue };
            const run = await runStackPolicy(noPlaintextSecretsPolicy(), [unknown, draftResource("u", outputs)]);
            assert.equal(run.violations.length, 0);
            assert.ok(run.error instanceof policyProxy.UnknownValueError);
        });
    });

    describe("draftFromOutputs", () => {
        it("reads every attribute of a draft back", () => {
            const draft = makeDraft({
                lock: { id: "l", holderId: "1", holderName: "alice" },
                labels: { owner: "data", tier: 1, flags: { beta: true, list: [1, null] } },
                artifact: { kind: "JAR", jarArtifact: { jarUri: "oss://b/j.jar", additionalDependencies: ["oss://b/d.jar"] }, sqlArtifact: { sqlScript: "SELECT 1" } },
            });
            const read = draftFromOutputs(draftOutputs(draft));
            assert.deepEqual(JSON.parse(JSON.stringify(read)), JSON.parse(JSON.stringify(draft)));
        });

        it("drops values of the wrong type and keeps unknown kinds and modes as the core model does", () => {
            const read = draftFromOutputs({
                ...draftIdentity,
                engineVersion: 8,
                executionMode: "streaming",
                artifact: { kind: "FLINKML", sqlArtifact: { sqlScript: "SELECT 1" } },
                createdAt: 1,
                localVariables: [{ name: 1 }, "x"],
            });
            assert.deepStrictEqual(read && { ...read }, {
                ...draftIdentity,
                executionMode: "streaming",
                artifact: { kind: "FLINKML", sqlArtifact: { sqlScript: "SELECT 1" } },
                localVariables: [{}],
                createdAt: 1,
            });
        });
    });

    describe("on alicloud.realtimecompute.Deployment inputs (resource policies)", () => {
        it("maps resourceId/namespace/deploymentName onto the draft's name in messages", async () => {
            const run = await runResourcePolicy(deploymentEngineVersionPolicy(), alicloudDeploymentType, deploymentInputs({ engineVersion: "vvr-6.0.7-flink-1.15" }));
            assert.equal(run.error, undefined);
            assert.equal(run.violations.length, 1);
            assert.ok(run.violations[0].message.startsWith('ws-7f3a/prod/orders-enrichment: engine version "vvr-6.0.7-flink-1.15"'));
        });

        it("accepts a compliant deployment and runs every rule that applies to deployments", async () => {
            for (const policy of allDraftPolicies().filter((p): p is ResourceValidationPolicy => "validateResource" in p)) {
                const run = await runResourcePolicy(policy, alicloudDeploymentType, deploymentInputs());
                assert.deepEqual(run, { violations: [] }, policy.name);
            }
        });

        it("checks the artifact's SQL, main arguments and URIs", async () => {
            const sql = await runResourcePolicy(
                deploymentNoPlaintextSecretsPolicy(),
                alicloudDeploymentType,
                deploymentInputs({ artifact: { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: "CREATE TABLE t WITH ('password' = 'pw-literal');" } } }),
            );
            assert.equal(sql.violations.length, 1);
            assert.ok(!sql.violations[0].message.includes("pw-literal"));
            const jarInputs = deploymentInputs({
                artifact: { kind: "JAR", jarArtifact: { jarUri: "oss://b/j.jar", mainArgs: "--password pw-literal", additionalDependencies: ["oss://b/a.jar", "http://x/b.jar"] } },
                localVariables: [{ name: "db_password", value: "pw-literal" }],
            });
            const jar = await runResourcePolicy(deploymentNoPlaintextSecretsPolicy(), alicloudDeploymentType, jarInputs);
            assert.deepEqual(
                jar.violations.map((v) => v.message.split(": ")[1]),
                ["jarArtifact.mainArgs, argument 1", 'local variable "db_password" has a literal value. Store the value as a Ververica secret variable and write ${secret_values.<name>} instead.'],
            );
            const sources = await runResourcePolicy(deploymentArtifactSourcesPolicy(), alicloudDeploymentType, jarInputs);
            assert.equal(sources.violations.length, 1);
            assert.match(sources.violations[0].message, /jarArtifact\.additionalDependencies\[1\] "http:\/\/x\/b\.jar"/);
        });

        it("is not applicable to other resource types", async () => {
            const run = await runResourcePolicy(deploymentEngineVersionPolicy(), "alicloud:oss/bucket:Bucket", {});
            assert.ok(run.error instanceof NotApplicable);
        });

        it("still checks what is known when other inputs are unknown during a preview", async () => {
            const unknown = policyProxy.unknownStringValue;
            const inputs = deploymentInputs({ resourceId: unknown, namespace: unknown, artifact: { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: unknown } } });
            assert.deepEqual(await runResourcePolicy(deploymentEngineVersionPolicy(), alicloudDeploymentType, inputs), { violations: [] });
        });

        it("lets the SDK report that it cannot run when the rule needs an unknown input", async () => {
            const unknown = policyProxy.unknownStringValue;
            const needed = await runResourcePolicy(deploymentEngineVersionPolicy(), alicloudDeploymentType, deploymentInputs({ engineVersion: unknown }));
            assert.ok(needed.error instanceof policyProxy.UnknownValueError);
            // A violation names the deployment; an unknown namespace then cannot be named yet.
            const naming = await runResourcePolicy(
                deploymentEngineVersionPolicy(),
                alicloudDeploymentType,
                deploymentInputs({ namespace: unknown, engineVersion: "vvr-6.0.7-flink-1.15" }),
            );
            assert.ok(naming.error instanceof policyProxy.UnknownValueError);
            assert.equal(naming.violations.length, 0);
        });

        it("matches the type token of @pulumi/alicloud's Deployment class", () => {
            assert.ok(Deployment.isInstance({ __pulumiType: alicloudDeploymentType }));
        });
    });

    describe("config.example.json", () => {
        type PolicyConfig = { readonly enforcementLevel?: string; readonly [setting: string]: unknown };
        const example = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "policy-pack", "config.example.json"), "utf8")) as {
            readonly [policy: string]: PolicyConfig;
        };

        it("sets the level and every setting of every policy, and nothing else", () => {
            const policies = allDraftPolicies();
            assert.deepEqual(Object.keys(example).sort(), policies.map((p) => p.name).sort());
            for (const policy of policies) {
                const { enforcementLevel, ...settings } = example[policy.name];
                assert.ok(["advisory", "mandatory", "remediate", "disabled"].includes(enforcementLevel ?? ""), policy.name);
                assert.deepEqual(Object.keys(settings).sort(), Object.keys(policy.configSchema?.properties ?? {}).sort(), policy.name);
                for (const [key, value] of Object.entries(settings)) {
                    const schema = policy.configSchema?.properties[key];
                    const expected = typeof schema === "object" ? schema.type : undefined;
                    const actual = Array.isArray(value) ? "array" : typeof value;
                    assert.equal(actual, expected, `${policy.name}.${key}`);
                }
            }
        });

        it("shows the plaintext-secrets policies with the rule's default key patterns", () => {
            for (const name of ["ververica-no-plaintext-secrets", "ververica-deployment-no-plaintext-secrets"]) {
                assert.deepEqual(example[name].secretKeyPatterns, defaultSecretKeyPatterns, name);
                assert.deepEqual(example[name].excludedKeyPatterns, defaultExcludedKeyPatterns, name);
            }
        });

        it("passes a compliant draft under every stack policy", async () => {
            const draft = draftResource("d", draftOutputs(makeDraft()));
            for (const policy of allDraftPolicies().filter((p): p is StackValidationPolicy => "validateStack" in p)) {
                const { enforcementLevel, ...settings } = example[policy.name];
                assert.ok(enforcementLevel);
                assert.deepEqual(await runStackPolicy(policy, [draft], settings), { violations: [] }, policy.name);
            }
        });
    });
});
