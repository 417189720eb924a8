/**
 * Policies for the no-plaintext-secrets rule.
 */
import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { checkPlaintextSecrets, defaultPlaintextSecretsConfig, PlaintextSecretsConfig, plaintextSecretsRule } from "../rules/secrets";
import { deploymentResourcePolicy, draftStackPolicy, DraftRuleDefinition } from "./factory";

const plaintextSecretsDefinition: DraftRuleDefinition<PlaintextSecretsConfig> = {
    description:
        "Forbids passwords, keys and tokens written as literal text in SQL options, main arguments, CDC YAML, " +
        "variables and URIs; they must be ${secret_values.<name>} references.",
    defaults: defaultPlaintextSecretsConfig,
    configSchema: {
        properties: {
            secretKeyPatterns: {
                type: "array",
                items: { type: "string" },
                default: [...defaultPlaintextSecretsConfig.secretKeyPatterns],
                description: "Regular expressions (case-insensitive, matched anywhere) for keys whose values are secrets.",
            },
        },
    },
    check: checkPlaintextSecrets,
};

/** Checks every `DeploymentDraft` in the stack for plaintext secrets. */
export function noPlaintextSecretsPolicy(enforcementLevel: EnforcementLevel = "mandatory"): StackValidationPolicy {
    return draftStackPolicy(plaintextSecretsRule, plaintextSecretsDefinition, enforcementLevel);
}

/** Checks every `alicloud.realtimecompute.Deployment` for plaintext secrets before it is deployed. */
export function deploymentNoPlaintextSecretsPolicy(enforcementLevel: EnforcementLevel = "mandatory"): ResourceValidationPolicy {
    return deploymentResourcePolicy("ververica-deployment-no-plaintext-secrets", plaintextSecretsDefinition, enforcementLevel);
}
