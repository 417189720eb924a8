/**
 * Policies for the no-plaintext-secrets rule.
 */
import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { checkPlaintextSecrets, defaultPlaintextSecretsConfig, PlaintextSecretsConfig, plaintextSecretsRule } from "../rules/secrets";
import { deploymentResourcePolicy, draftStackPolicy, DraftRuleDefinition } from "./factory";

const plaintextSecretsDefinition: DraftRuleDefinition<PlaintextSecretsConfig> = {
    description:
        "Forbids passwords, keys and tokens written as literal text in SQL options, main arguments, CDC YAML, " +
        "variables and URIs, under secret keys or inside values (URLs, JAAS configs, key=value lists, JSON); " +
        "they must be ${secret_values.<name>} references.",
    defaults: defaultPlaintextSecretsConfig,
    configSchema: {
        properties: {
            secretKeyPatterns: {
                type: "array",
                items: { type: "string" },
                default: [...defaultPlaintextSecretsConfig.secretKeyPatterns],
                description:
                    "Regular expressions (case-insensitive) for keys whose values are secrets, tested against the key as written " +
                    "and with camelCase words split by dots; the defaults match keys that end with the name of a secret.",
            },
            excludedKeyPatterns: {
                type: "array",
                items: { type: "string" },
                default: [...defaultPlaintextSecretsConfig.excludedKeyPatterns],
                description: "Regular expressions for keys that are never secret keys, such as those ending in .provider, .url or .file.",
            },
            additionalSecretKeys: {
                type: "array",
                items: { type: "string" },
                default: [...defaultPlaintextSecretsConfig.additionalSecretKeys],
                description: "Keys of in-house connectors whose values are secrets, matched whole or as the last part of a key (auth-blob matches acme.auth-blob).",
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
