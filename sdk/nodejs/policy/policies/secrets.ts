/**
 * Policies for the no-plaintext-secrets rule.
 */
import { checkPlaintextSecrets, defaultPlaintextSecretsConfig, plaintextSecretsRule } from "../rules/secrets";
import { defineDraftRule, deploymentPolicyFactory, stackPolicyFactory } from "./factory";

/** The no-plaintext-secrets rule with its policies' level, settings schema and defaults. */
export const plaintextSecretsDefinition = defineDraftRule({
    name: plaintextSecretsRule,
    description:
        "Forbids passwords, keys and tokens written as literal text in SQL options, main arguments, CDC YAML, " +
        "variables, labels and URIs (of every artifact part a draft carries, whatever its kind), under secret keys or inside values " +
        "(URLs, JAAS configs, ODBC strings, key=value lists, JSON, base64); they must be ${secret_values.<name>} references.",
    defaultLevel: "mandatory",
    deploymentPolicy: true,
    defaults: defaultPlaintextSecretsConfig,
    configSchema: {
        properties: {
            secretKeyPatterns: {
                type: "array",
                items: { type: "string" },
                default: [...defaultPlaintextSecretsConfig.secretKeyPatterns],
                description:
                    "Regular expressions (case-insensitive) for keys whose values are secrets, tested against the key as written " +
                    "and against its words (split on . _ - and camelCase, lowercased, joined by dots: accessKeySecret reads access.key.secret); " +
                    "the defaults match a key with a word that names a secret wherever it stands (password, secret, token, credential, api key, access key...).",
            },
            excludedKeyPatterns: {
                type: "array",
                items: { type: "string" },
                default: [...defaultPlaintextSecretsConfig.excludedKeyPatterns],
                description:
                    "Regular expressions for keys that are never secret keys, tested like secretKeyPatterns; the defaults exclude keys in which a word " +
                    "after the secret word says what the value is about the secret (password.file, token.endpoint.url, access.key.id, credentials.provider) " +
                    "and keys that count (max.tokens).",
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
});

/** Checks every `DeploymentDraft` in the stack for plaintext secrets. */
export const noPlaintextSecretsPolicy = stackPolicyFactory(plaintextSecretsDefinition);

/** Checks every `alicloud.realtimecompute.Deployment` for plaintext secrets before it is deployed. */
export const deploymentNoPlaintextSecretsPolicy = deploymentPolicyFactory(plaintextSecretsDefinition);
