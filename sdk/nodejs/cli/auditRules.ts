/**
 * The rules an audit runs: the registry's rules (the policy pack's draft policies), each with its
 * name, description, default enforcement level, configuration schema and check.
 */
import type { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";
import type { DeploymentDraftAttributes } from "../../../provider/core/model";
import { configureDraftRule } from "../policy/policies/factory";
import { draftRules } from "../policy/policies/registry";
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

/** Every rule the policy pack applies to drafts, in the pack's order. */
export const auditRules: readonly AuditRule[] = draftRules.map((rule) => ({
    name: rule.name,
    description: rule.description,
    defaultLevel: rule.defaultLevel,
    configSchema: rule.configSchema,
    configure: (settings) => configureDraftRule(rule, settings),
}));
