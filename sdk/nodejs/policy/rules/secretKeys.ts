/**
 * Which option keys, argument names, YAML keys and variable names carry secrets.
 *
 * A key is matched in two forms, as written and with its camelCase words split by dots
 * (`accessKeySecret` also reads `access.Key.Secret`), case-insensitively. The default patterns
 * are anchored at the end of the key: a key is a secret when it *ends* with the name of a
 * secret, so `password` and `properties.ssl.keystore.password` are, while keys that merely
 * mention one and name a mechanism, a location or a switch are not: `password.encrypted`,
 * `aws.credentials.provider`, `sasl.oauthbearer.token.endpoint.url`,
 * `security.delegation.tokens.enabled`, `--password-file`, `--secret-name`, `--max-tokens`.
 * The excluded suffixes guard configured patterns that are not anchored the same way.
 */
import { compilePattern } from "./violation";

/**
 * The key patterns the rule uses unless configured otherwise: regular expressions,
 * case-insensitive, tested against the key as written and against its camelCase-split form.
 * Grouped by the kind of secret and the connector families that use each name.
 */
export const defaultSecretKeyPatterns: readonly string[] = [
    // Passwords: JDBC, MySQL/Postgres/SQL Server/Oracle CDC, MongoDB, Redis, Doris, StarRocks,
    // Hologres, ClickHouse, Elasticsearch, Kafka SSL key/keystore/truststore, local variables
    // such as `mysql_pwd`.
    "(password|passwd|passwort|passphrase)$",
    "(^|[-_.\\s])(pwd|pass|passcode)$",
    // Client secrets and key secrets: `accessKeySecret` (OSS, SLS, DataHub, MaxCompute,
    // Tablestore), `client_secret` (OAuth), `appSecret`.
    "secret$",
    // Keys that are secrets: `access-key`/`accessKey` (SLS, DataHub, MaxCompute, RocketMQ),
    // `s3.secret-key`, `secretkey` (Kinesis), `api-key`/`apikey`/`openai.api_key` (model DDL,
    // HTTP), `private-key` (Snowflake, GCS service accounts), `ssl.keystore.key` (PEM keystores),
    // Azure `account.key`, SAS, signing and HMAC keys.
    "(access|secret|secret[-_.]access|private|api|account|sas|shared[-_.]?access|master|signing|hmac|keystore)[-_.]?key$",
    // Tokens: `token`, `bearer-auth.token` (schema registry), `securityToken` (STS),
    // `access_token`, `sas.token`, Pulsar token authentication.
    "token$",
    // Credentials given as one value.
    "credentials?$",
    // Pulsar `authParams` / `auth-params` (`token:...`, or a JSON map with a password).
    "auth(entication)?[-_.]?params$",
    // Schema registry `basic-auth.user-info` / `basic.auth.user.info` (`user:password`).
    "auth[-_.]?user[-_.]?info$",
    // HTTP connector headers: `...header.Authorization`.
    "authorization$",
    // Kafka `properties.sasl.jaas.config`: judged credential by credential.
    "jaas[-_.]?config$",
    // Azure storage keys whose key name carries the account: `fs.azure.account.key.<account>...`.
    "fs\\.azure\\.(account\\.key|sas)\\.",
];

/**
 * Key endings that name a mechanism, a location, a switch or an identifier rather than a
 * secret: a key that ends with one is not a secret key even if a pattern matches it (for
 * configured patterns such as `password` that are not anchored at the end).
 */
export const defaultExcludedKeyPatterns: readonly string[] = [
    "[-_.](provider|providers|url|uri|endpoint|file|path|dir|location|enabled|enable|source|encrypted|type|class|classname|name|id|mode|length|expiry|expires|ttl|prefix|format|algorithm|mechanism|method|version)$",
];

/** The settings that decide which keys are secret keys. */
export interface SecretKeySettings {
    /** Patterns of secret keys; see {@link defaultSecretKeyPatterns}. */
    readonly secretKeyPatterns: readonly string[];
    /** Patterns of keys that are never secret keys; see {@link defaultExcludedKeyPatterns}. */
    readonly excludedKeyPatterns: readonly string[];
    /**
     * Keys of in-house connectors whose values are secrets, e.g. `auth-blob`: a key matches when
     * it equals one (case-insensitively) or ends with `.` and one (`properties.auth-blob`).
     * These keys are secret keys whatever the patterns say.
     */
    readonly additionalSecretKeys: readonly string[];
}

/** Decides whether a key names a secret. */
export type SecretKeyTest = (key: string) => boolean;

/** Compiles the settings into a test; a bad pattern throws an error naming its setting. */
export function secretKeyTest(settings: SecretKeySettings): SecretKeyTest {
    const patterns = settings.secretKeyPatterns.map((pattern) => compilePattern(pattern, "i", "secretKeyPatterns"));
    const exclusions = settings.excludedKeyPatterns.map((pattern) => compilePattern(pattern, "i", "excludedKeyPatterns"));
    const additional = settings.additionalSecretKeys.map((key) => key.trim().toLowerCase()).filter((key) => key !== "");
    return (key: string): boolean => {
        const written = key.trim();
        const lower = written.toLowerCase();
        if (additional.some((name) => lower === name || lower.endsWith(`.${name}`))) {
            return true;
        }
        const forms = [written, splitCamelCase(written)];
        if (exclusions.some((pattern) => forms.some((form) => pattern.test(form)))) {
            return false;
        }
        return patterns.some((pattern) => forms.some((form) => pattern.test(form)));
    };
}

/**
 * True for a key that holds a JAAS config (`properties.sasl.jaas.config`): its value names a
 * login module and options, and only the credentials among the options are secrets.
 */
export function isJaasConfigKey(key: string): boolean {
    return /jaas[-_.]?config$/i.test(key.trim());
}

/** `accessKeySecret` → `access.Key.Secret`, `fs.oss.securityToken` → `fs.oss.security.Token`. */
function splitCamelCase(key: string): string {
    return key.replace(/([a-z0-9])([A-Z])/g, "$1.$2");
}
