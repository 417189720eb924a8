/**
 * Policy checks for Ververica deployment drafts: `pulumi-ververica/policy`.
 *
 * - Rules (`checkEngineVersion`, `checkPlaintextSecrets`, ...) are plain functions from a draft
 *   and a configuration to a list of violations, for use in your own code or CI.
 * - Policy factories (`engineVersionPolicy()`, ...) wrap them as `@pulumi/policy` policies:
 *   stack policies over the outputs of `DeploymentDraft` resources, and `deployment...Policy()`
 *   resource policies over the inputs of `alicloud.realtimecompute.Deployment` resources.
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
 * module has no side effects.
 */
export type { RuleViolation } from "./rules/violation";
export { describeDraft } from "./rules/violation";
export type { EngineVersion, EngineVersionConfig, VersionNumber } from "./rules/engineVersion";
export {
    checkEngineVersion,
    compareVersionNumbers,
    defaultEngineVersionConfig,
    engineVersionRule,
    parseEngineVersion,
    parseVersionNumber,
} from "./rules/engineVersion";
export type { PlaintextSecretsConfig } from "./rules/secrets";
export {
    checkPlaintextSecrets,
    containsSecretReference,
    defaultPlaintextSecretsConfig,
    defaultSecretKeyPatterns,
    plaintextSecretsRule,
} from "./rules/secrets";
export type { DraftLockConfig } from "./rules/lock";
export { checkDraftLock, defaultDraftLockConfig, draftLockRule } from "./rules/lock";
export type { ExecutionModeConfig } from "./rules/executionMode";
export { checkExecutionMode, defaultExecutionModeConfig, executionModeRule } from "./rules/executionMode";
export type { RequiredLabelsConfig } from "./rules/labels";
export { checkRequiredLabels, defaultRequiredLabelsConfig, labelText, requiredLabelsRule } from "./rules/labels";
export type { ArtifactSourcesConfig } from "./rules/artifactSources";
export { artifactSourcesRule, checkArtifactSources, defaultArtifactSourcesConfig } from "./rules/artifactSources";
export type { TestConnectorsConfig } from "./rules/testConnectors";
export { checkTestConnectors, defaultTestConnectorsConfig, testConnectorsRule } from "./rules/testConnectors";
export type { SqlOption, SqlOptionSource } from "./sql/options";
export { findSqlOptions } from "./sql/options";
export type { SqlStatement, SqlToken, SqlTokenKind } from "./sql/tokenizer";
export { splitSqlStatements, tokenizeSql } from "./sql/tokenizer";

export { deploymentEngineVersionPolicy, engineVersionPolicy } from "./policies/engineVersion";
export { deploymentNoPlaintextSecretsPolicy, noPlaintextSecretsPolicy } from "./policies/secrets";
export { draftLockPolicy } from "./policies/lock";
export { deploymentExecutionModePolicy, executionModePolicy } from "./policies/executionMode";
export { deploymentRequiredLabelsPolicy, requiredLabelsPolicy } from "./policies/labels";
export { artifactSourcesPolicy, deploymentArtifactSourcesPolicy } from "./policies/artifactSources";
export { deploymentTestConnectorsPolicy, testConnectorsPolicy } from "./policies/testConnectors";
export type { DraftPolicyEnforcementLevels, DraftPolicyName } from "./policies/all";
export { allDraftPolicies } from "./policies/all";
export type { AlicloudDeploymentInputs, ResourceProperties } from "./policies/adapters";
export { draftFromDeploymentInputs, draftFromOutputs } from "./policies/adapters";
export { alicloudDeploymentType, deploymentDraftType, pluginDeploymentDraftType } from "./policies/resourceTypes";
