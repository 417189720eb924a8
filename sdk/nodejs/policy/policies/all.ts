/**
 * Every policy of this package, for a policy pack that wants them all.
 */
import type { EnforcementLevel, Policies, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { artifactSourcesPolicy, deploymentArtifactSourcesPolicy } from "./artifactSources";
import { deploymentEngineVersionPolicy, engineVersionPolicy } from "./engineVersion";
import { deploymentExecutionModePolicy, executionModePolicy } from "./executionMode";
import { deploymentRequiredLabelsPolicy, requiredLabelsPolicy } from "./labels";
import { draftLockPolicy } from "./lock";
import { deploymentNoPlaintextSecretsPolicy, noPlaintextSecretsPolicy } from "./secrets";
import { deploymentTestConnectorsPolicy, testConnectorsPolicy } from "./testConnectors";

/**
 * The name of one of this package's policies: `ververica-<rule>` checks `DeploymentDraft`
 * resources, `ververica-deployment-<rule>` checks `alicloud.realtimecompute.Deployment` resources.
 */
export type DraftPolicyName =
    | "ververica-engine-version"
    | "ververica-no-plaintext-secrets"
    | "ververica-draft-lock"
    | "ververica-execution-mode"
    | "ververica-required-labels"
    | "ververica-artifact-sources"
    | "ververica-test-connectors"
    | "ververica-deployment-engine-version"
    | "ververica-deployment-no-plaintext-secrets"
    | "ververica-deployment-execution-mode"
    | "ververica-deployment-required-labels"
    | "ververica-deployment-artifact-sources"
    | "ververica-deployment-test-connectors";

const policyFactories = {
    "ververica-engine-version": engineVersionPolicy,
    "ververica-no-plaintext-secrets": noPlaintextSecretsPolicy,
    "ververica-draft-lock": draftLockPolicy,
    "ververica-execution-mode": executionModePolicy,
    "ververica-required-labels": requiredLabelsPolicy,
    "ververica-artifact-sources": artifactSourcesPolicy,
    "ververica-test-connectors": testConnectorsPolicy,
    "ververica-deployment-engine-version": deploymentEngineVersionPolicy,
    "ververica-deployment-no-plaintext-secrets": deploymentNoPlaintextSecretsPolicy,
    "ververica-deployment-execution-mode": deploymentExecutionModePolicy,
    "ververica-deployment-required-labels": deploymentRequiredLabelsPolicy,
    "ververica-deployment-artifact-sources": deploymentArtifactSourcesPolicy,
    "ververica-deployment-test-connectors": deploymentTestConnectorsPolicy,
} satisfies { readonly [name in DraftPolicyName]: (enforcementLevel?: EnforcementLevel) => StackValidationPolicy | ResourceValidationPolicy };

/** Enforcement levels to use instead of the policies' defaults, by policy name. */
export type DraftPolicyEnforcementLevels = { readonly [name in DraftPolicyName]?: EnforcementLevel };

/**
 * Returns every policy of this package, each at its default enforcement level unless
 * `enforcementLevels` names another. Levels and settings can also be changed per stack through
 * the policy pack's configuration (`pulumi up --policy-pack-config`).
 *
 * ```ts
 * new PolicyPack("ververica-drafts", {
 *     policies: allDraftPolicies({ "ververica-test-connectors": "mandatory" }),
 * });
 * ```
 */
export function allDraftPolicies(enforcementLevels: DraftPolicyEnforcementLevels = {}): Policies {
    const levels: { readonly [name: string]: EnforcementLevel | undefined } = enforcementLevels;
    return Object.entries(policyFactories).map(([name, factory]) => factory(levels[name]));
}
