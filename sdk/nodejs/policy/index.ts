/**
 * Policy checks for Ververica deployment drafts: `pulumi-ververica/policy`.
 *
 * - Rules (`checkEngineVersion`, `checkPlaintextSecrets`, ...) are plain functions from a draft
 *   and a configuration to a list of violations, for use in your own code or CI. They are also
 *   the whole of `pulumi-ververica/rules`, which type-checks without `@pulumi/policy`.
 * - Policy factories (`engineVersionPolicy()`, ...) wrap them as `@pulumi/policy` policies:
 *   stack policies over the outputs of `DeploymentDraft` resources, and `deployment...Policy()`
 *   resource policies over the inputs of `alicloud.realtimecompute.Deployment` resources.
 * - `draftRules` is the registry they are all made from: each rule's name, description, default
 *   level, settings schema and defaults, and check.
 * - `allDraftPolicies()` returns them all, for a policy pack:
 *
 * ```ts
 * import { PolicyPack } from "@pulumi/policy";
 * import { allDraftPolicies } from "pulumi-ververica/policy";
 *
 * new PolicyPack("ververica-drafts", { policies: allDraftPolicies() });
 * ```
 *
 * Nothing here creates a `PolicyPack` or loads `@pulumi/policy` at run time, so importing this
 * module has no side effects. Its declarations do refer to `@pulumi/policy`'s types: a program
 * that imports this entry needs `@pulumi/policy` installed, and `skipLibCheck: true` in its
 * tsconfig (the declarations of `@pulumi/policy` 1.21.0 do not type-check on their own).
 */
export * from "./rules";

export { deploymentEngineVersionPolicy, engineVersionPolicy } from "./policies/engineVersion";
export { deploymentNoPlaintextSecretsPolicy, noPlaintextSecretsPolicy } from "./policies/secrets";
export { draftLockPolicy } from "./policies/lock";
export { deploymentExecutionModePolicy, executionModePolicy } from "./policies/executionMode";
export { deploymentRequiredLabelsPolicy, requiredLabelsPolicy } from "./policies/labels";
export { artifactSourcesPolicy, deploymentArtifactSourcesPolicy } from "./policies/artifactSources";
export { deploymentTestConnectorsPolicy, testConnectorsPolicy } from "./policies/testConnectors";
export type { DraftPolicyEnforcementLevels, DraftPolicyName } from "./policies/all";
export { allDraftPolicies, draftPolicyNames } from "./policies/all";
export type { RegisteredDraftRule } from "./policies/registry";
export { draftRules } from "./policies/registry";
export type { DeploymentPolicyName, DraftPolicyFactory, DraftRuleDefinition, DraftRuleName } from "./policies/factory";
export type { AlicloudDeploymentInputs, ResourceProperties } from "./policies/adapters";
export { draftFromDeploymentInputs, draftFromOutputs } from "./policies/adapters";
export { alicloudDeploymentType, deploymentDraftType, pluginDeploymentDraftType } from "./policies/resourceTypes";
