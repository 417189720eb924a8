/**
 * The rules of the draft policies as plain functions: `pulumi-ververica/rules`.
 *
 * Each rule takes a draft and a configuration and returns the ways in which the draft breaks
 * it. A configuration may leave settings out; they keep their defaults. Nothing here needs
 * `@pulumi/policy`: this entry type-checks and runs without it, for scripts, CI and audits.
 *
 * ```ts
 * import { checkEngineVersion, checkPlaintextSecrets } from "pulumi-ververica/rules";
 *
 * const violations = [
 *     ...checkEngineVersion(draft, { minimumVvrVersion: "8.0.5" }),
 *     ...checkPlaintextSecrets(draft, { additionalSecretKeys: ["auth-blob"] }),
 * ];
 * for (const { rule, message } of violations) console.log(`${rule}: ${message}`);
 * ```
 *
 * The same rules as `@pulumi/policy` policies are in `pulumi-ververica/policy`.
 */
export type { RuleViolation } from "./violation";
export { describeDraft } from "./violation";
export type { EngineVersion, EngineVersionConfig, VersionNumber } from "./engineVersion";
export {
    checkEngineVersion,
    compareVersionNumbers,
    defaultEngineVersionConfig,
    engineVersionRule,
    parseEngineVersion,
    parseVersionNumber,
} from "./engineVersion";
export type { PlaintextSecretsConfig } from "./secrets";
export type { SecretKeySettings } from "./secretKeys";
export {
    checkPlaintextSecrets,
    containsSecretReference,
    defaultExcludedKeyPatterns,
    defaultPlaintextSecretsConfig,
    defaultSecretKeyPatterns,
    plaintextSecretsRule,
} from "./secrets";
export type { DraftLockConfig } from "./lock";
export { checkDraftLock, defaultDraftLockConfig, draftLockRule } from "./lock";
export type { ExecutionModeConfig } from "./executionMode";
export { checkExecutionMode, defaultExecutionModeConfig, executionModeRule } from "./executionMode";
export type { RequiredLabelsConfig } from "./labels";
export { checkRequiredLabels, defaultRequiredLabelsConfig, labelText, requiredLabelsRule } from "./labels";
export type { ArtifactSourcesConfig } from "./artifactSources";
export { artifactSourcesRule, checkArtifactSources, defaultArtifactSourcesConfig } from "./artifactSources";
export type { TestConnectorsConfig } from "./testConnectors";
export { checkTestConnectors, defaultTestConnectorsConfig, testConnectorsRule } from "./testConnectors";
export type { SqlOption, SqlOptionSource } from "../sql/options";
export { findSqlOptions } from "../sql/options";
export type { SqlStatement, SqlToken, SqlTokenKind } from "../sql/tokenizer";
export { splitSqlStatements, tokenizeSql } from "../sql/tokenizer";
