/**
 * The rules an audit runs: the policy pack's draft policies, each with its name, description,
 * default enforcement level and configuration schema taken from the policy itself, and its
 * check from the rule's public function.
 */
import type { EnforcementLevel, PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import type { DeploymentDraftAttributes } from "../../../provider/core/model";
import { artifactSourcesPolicy } from "../policy/policies/artifactSources";
import { engineVersionPolicy } from "../policy/policies/engineVersion";
import { executionModePolicy } from "../policy/policies/executionMode";
import { requiredLabelsPolicy } from "../policy/policies/labels";
import { draftLockPolicy } from "../policy/policies/lock";
import { noPlaintextSecretsPolicy } from "../policy/policies/secrets";
import { testConnectorsPolicy } from "../policy/policies/testConnectors";
import { checkArtifactSources, defaultArtifactSourcesConfig } from "../policy/rules/artifactSources";
import { checkEngineVersion, defaultEngineVersionConfig } from "../policy/rules/engineVersion";
import { checkExecutionMode, defaultExecutionModeConfig } from "../policy/rules/executionMode";
import { checkRequiredLabels, defaultRequiredLabelsConfig } from "../policy/rules/labels";
import { checkDraftLock, defaultDraftLockConfig } from "../policy/rules/lock";
import { checkPlaintextSecrets, defaultPlaintextSecretsConfig } from "../policy/rules/secrets";
import { checkTestConnectors, defaultTestConnectorsConfig } from "../policy/rules/testConnectors";
import type { RuleViolation } from "../policy/rules/violation";

/** A draft check with its settings applied. */
export type DraftCheck = (draft: DeploymentDraftAttributes) => readonly RuleViolation[];

/** One rule of the audit. */
export interface AuditRule {
    /** The policy's name, e.g. `ververica-engine-version`. */
    readonly name: string;
    readonly description: string;
    readonly defaultLevel: EnforcementLevel;
    readonly configSchema: PolicyConfigSchema;
    /** The check under the rule's defaults overridden by `settings` (already schema-checked). */
    configure(settings: { readonly [key: string]: unknown }): DraftCheck;
}

function auditRule<C extends object>(policy: StackValidationPolicy, defaults: C, check: (draft: DeploymentDraftAttributes, config: C) => readonly RuleViolation[]): AuditRule {
    return {
        name: policy.name,
        description: policy.description ?? policy.name,
        defaultLevel: policy.enforcementLevel ?? "advisory",
        configSchema: policy.configSchema ?? { properties: {} },
        configure(settings) {
            const config = { ...defaults, ...settings } as C;
            return (draft) => check(draft, config);
        },
    };
}

/** Every rule the policy pack applies to drafts, in the pack's order. */
export const auditRules: readonly AuditRule[] = [
    auditRule(engineVersionPolicy(), defaultEngineVersionConfig, checkEngineVersion),
    auditRule(noPlaintextSecretsPolicy(), defaultPlaintextSecretsConfig, checkPlaintextSecrets),
    auditRule(draftLockPolicy(), defaultDraftLockConfig, checkDraftLock),
    auditRule(executionModePolicy(), defaultExecutionModeConfig, checkExecutionMode),
    auditRule(requiredLabelsPolicy(), defaultRequiredLabelsConfig, checkRequiredLabels),
    auditRule(artifactSourcesPolicy(), defaultArtifactSourcesConfig, checkArtifactSources),
    auditRule(testConnectorsPolicy(), defaultTestConnectorsConfig, checkTestConnectors),
];
