/**
 * Reads a Pulsar `authParams` value (`pulsar.client.authParams`, `pulsar.admin.authParams`),
 * whose form depends on the authentication plugin:
 *
 * - a token, `token:<jwt>` or the bare JWT (`AuthenticationToken`);
 * - `file:///path/to/token`: where the client reads the token, not a secret;
 * - JSON, `{"userId": "u", "password": "..."}` (`AuthenticationBasic`) or
 *   `{"privateKey": "file:///path/key.json", "issuerUrl": ...}` (`AuthenticationOAuth2`);
 * - a `key:value,key:value` list, `tlsCertFile:/path/cert.pem,tlsKeyFile:/path/key.pem`
 *   (`AuthenticationTls`).
 *
 * Each credential among the parameters is judged on its own, so a plugin configured with paths
 * only holds no secret.
 */
import { SecretKeyTest } from "../rules/secretKeys";
import { findEmbeddedSecrets } from "./embeddedSecrets";
import { isLiteralSecret } from "./literalSecret";

const tokenPrefix = /^token:/i;
const fileUri = /^file:/i;
const parameterList = /^\s*[A-Za-z_][\w.-]*\s*:[^,]*(?:,\s*[A-Za-z_][\w.-]*\s*:[^,]*)*$/;

/**
 * Says what is wrong with an `authParams` value, as the rest of a sentence that starts with the
 * setting's place ("has a literal value", `holds "password" as literal text`), or returns
 * undefined when it holds no literal credential.
 */
export function judgeAuthParams(value: string, isSecretName: SecretKeyTest): string | undefined {
    const text = value.trim();
    if (text.startsWith("{")) {
        return describeFindings(findEmbeddedSecrets(text, isSecretName));
    }
    if (tokenPrefix.test(text)) {
        return isLiteralSecret(text.replace(tokenPrefix, "")) ? "has a literal value" : undefined;
    }
    if (fileUri.test(text)) {
        return undefined;
    }
    if (parameterList.test(text)) {
        const found = text
            .split(",")
            .map((parameter) => parameter.split(":"))
            .filter(([name, ...rest]) => isSecretName(name.trim()) && isLiteralSecret(rest.join(":")))
            .map(([name]) => `${JSON.stringify(name.trim())} as literal text`);
        return describeFindings(found);
    }
    return isLiteralSecret(text) ? "has a literal value" : undefined;
}

function describeFindings(found: readonly string[]): string | undefined {
    return found.length === 0 ? undefined : `holds ${found.join(", ")}`;
}
