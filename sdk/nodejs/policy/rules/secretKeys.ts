/**
 * Which option keys, argument names, YAML keys, variable names and labels carry secrets.
 *
 * A key is judged by its words (see `text/keyWords.ts`): `fs.oss.accessKeySecret` reads
 * `fs.oss.access.key.secret`, `DB_PASSWORD_PROD` reads `db.password.prod`,
 * `aws.credentials.basic.accesskeyid` reads `aws.credentials.basic.access.key.id`. The key
 * patterns are tested on the key as written and on this word form, case-insensitively.
 *
 * - A key is a secret key when one of its words names a secret ({@link secretWords}), wherever it
 *   stands: `oauth2.client.secret.<account>.dfs.core.windows.net`, `snowflake_private_key_base64`
 *   and `mysql_password_prod` are, like `password`. A few short words count only as the last
 *   word ({@link endingSecretWords}: `db_pass`, but not `pass.through`), and `key` counts only
 *   after a word that says which key it is ({@link keyQualifiers}: `api-key`, `accessKey`,
 *   `account.key`, not `key.fields` or `partition.key`).
 * - It is not one when a word after its secret word says the value is about the secret rather
 *   than the secret itself (`notSecretWords`: `password.encrypted`, `token.endpoint.url`,
 *   `aws.credentials.provider`, `access.key.id`, `--password-file`, `--secret-name`), or when a
 *   word says it counts (`quantityWords`: `--max-tokens`). Words *before* the secret word
 *   say whose secret it is and do not count: `source.password`, `key.store.password` and
 *   `vault.token` are secrets.
 *
 * Keys that name no secret can still hold one: see `text/keyMaterial.ts` for key material under
 * names such as `s3.sse.key`, and `embeddedSecrets.ts` for credentials inside values.
 */
import { compilePattern } from "./violation";
import { keyWords, wordForm } from "../text/keyWords";

/**
 * Words that make a key secret wherever they stand, also at the end of a longer word
 * (`dbpassword`, `clientsecret`). Plurals count only where one value still holds one secret
 * (`gcp.credentials`); `kubernetes.secrets` and `delegation.tokens` name collections.
 */
export const secretWords: readonly string[] = [
    "password", "passwd", "passwords", "passwort", "passphrase", "passcode", "secret", "token", "credential", "credentials", "cookie",
    "authorization", "apikey",
];

/** Short words that make a key secret wherever they stand, as words of their own: `mysql_pwd`, `db_pw_prod`, `db_psw`, `fs.azure.sas.<container>`. */
export const shortSecretWords: readonly string[] = ["pw", "pwd", "psw", "pswd", "sas"];

/** Words that make a key secret only as its last word: `db_pass`, `oss.sk` (but `pass.through`, `sk.learn` are not secrets). */
export const endingSecretWords: readonly string[] = ["pass", "sk"];

/** Words that, right before `key`, make it a secret key: `api-key`, `accessKey`, `account.key`, `ssl.keystore.key`, `Ocp-Apim-Subscription-Key`. */
export const keyQualifiers: readonly string[] = [
    "access", "secret", "private", "api", "account", "shared", "master", "signing", "hmac", "keystore", "subscription",
    "storage", "auth", "license",
];

/** Pairs of words that together name a secret: schema registry `basic-auth.user-info`, Kafka `sasl.jaas.config`, Pulsar `authParams`. */
export const secretPhrases: readonly string[] = ["user.info", "jaas.config", "auth.params", "auth.param.map", "authentication.params", "authentication.parameters"];

/**
 * Words that, after the secret word, say what the key holds about the secret instead of the
 * secret: its identifier or name, its kind, a mechanism or what processes it (`password.encoder`,
 * `password.validator`, `dlf.token-loader`, `fs.s3a.delegation.token.binding`), an expression that
 * generates one (`fields.token.expression`), a place, a switch, a lifetime (`token.validity`, `token.lease`), a format
 * or a part of it (`token.claims`, `token.delimiter`), a digest of it (`password.sha256`), a rule
 * about it (`password.complexity`), a reference to where it is kept.
 */
export const notSecretWords: readonly string[] = [
    "id", "ids", "name", "names", "type", "types", "kind", "class", "classname", "mode", "mechanism", "method", "algorithm", "protocol",
    "provider", "providers", "source", "store", "manager", "arn", "ref", "reference", "location", "path", "file", "files", "filename",
    "dir", "directory", "folder", "url", "uri", "endpoint", "host", "hostname", "port", "address", "region", "zone", "env", "var",
    "variable", "property", "field", "fields", "column", "header", "request", "enabled", "enable", "disabled", "disable", "required",
    "expiry", "expires", "expiration", "ttl", "lifetime", "timeout", "interval", "reduction", "refresh", "cache", "prefix", "suffix",
    "format", "encoding", "charset", "version", "encrypted", "hash", "hashed", "digest", "policy", "pattern", "regex", "scope",
    "audience", "issuer", "subject", "fingerprint", "checksum", "md5", "label", "description", "comment", "hint", "strategy", "handler",
    "callback", "generator", "validation", "rotation", "rate", "capacity", "scan", "check", "audit", "status", "owner", "at", "time", "date", "timestamp",
    "encoder", "decoder", "hasher", "validator", "prompt", "claim", "claims", "delimiter", "separator", "namespace", "mount", "validity",
    "duration", "age", "lifespan", "lease", "renewal", "sha1", "sha256", "sha512", "complexity", "strength", "loader", "binding", "reader",
    "resolver", "supplier", "factory", "plugin", "impl", "implementation", "expression",
];

/** Words that say a key counts or measures something: `--max-tokens`, `openai.max_tokens`, `--num-tokens`, `password.length`, `password.retries`. */
export const quantityWords: readonly string[] = ["max", "min", "num", "number", "count", "total", "limit", "size", "length", "retries", "attempts"];

const alternatives = (words: readonly string[]): string => words.map((word) => word.replace(/\./g, "\\.")).join("|");
const qualifiedKey = `([a-z0-9]*(${alternatives(keyQualifiers)})|(${alternatives(keyQualifiers)})\\.)keys?`;
const anySecretWord = `[a-z0-9]*(${alternatives(secretWords)})|${alternatives(shortSecretWords)}|${qualifiedKey}|${alternatives(secretPhrases)}`;

/**
 * The key patterns the rule uses unless configured otherwise: regular expressions,
 * case-insensitive, tested on the key as written and on its word form. Built from the word lists
 * above.
 */
export const defaultSecretKeyPatterns: readonly string[] = [
    `(^|\\.)[a-z0-9]*(${alternatives(secretWords)})(\\.|$)`,
    `(^|\\.)(${alternatives(shortSecretWords)})(\\.|$)`,
    `(^|\\.)(${alternatives(endingSecretWords)})$`,
    `(^|\\.)${qualifiedKey}(\\.|$)`,
    `(^|\\.)(${alternatives(secretPhrases)})(\\.|$)`,
];

/**
 * Keys that are never secret keys, even when a pattern matches them: keys with a word of
 * `notSecretWords` after a secret word, and keys with a word of `quantityWords`.
 */
export const defaultExcludedKeyPatterns: readonly string[] = [
    `(^|\\.)(${anySecretWord})\\.([a-z0-9]+\\.)*(${alternatives(notSecretWords)})(\\.|$)`,
    `(^|\\.)(${alternatives(quantityWords)})(\\.|$)`,
];

/** Every word the lists name, for reading joined words (`accesskeyid`, `secretkey`) as their parts. */
const vocabulary: ReadonlySet<string> = new Set(
    [secretWords, shortSecretWords, endingSecretWords, keyQualifiers, notSecretWords, quantityWords, secretPhrases.flatMap((phrase) => phrase.split("."))]
        .flat()
        .concat(["key", "keys", "user", "info", "client", "basic", "bearer", "aws", "oauth"]),
);

/** The key's words joined by dots, as the key patterns read it. */
export function secretKeyWordForm(key: string): string {
    return wordForm(key, vocabulary);
}

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
        const forms = [written, secretKeyWordForm(written)];
        if (exclusions.some((pattern) => forms.some((form) => pattern.test(form)))) {
            return false;
        }
        return patterns.some((pattern) => forms.some((form) => pattern.test(form)));
    };
}

/**
 * The keys among `keys` that hold the identifier half of an access key pair: an `access key`
 * (`s3.access-key`, `fs.s3a.access.key`, `minio.accessKey`) beside a key with the same leading
 * words that names the secret half (`s3.secret-key`, `fs.s3a.secret.key`,
 * `minio.accessKeySecret`). Alone, or beside an `accessId` (Alibaba Cloud SLS, DataHub), an
 * `access key` is the secret.
 */
export function accessKeyIdHalves(keys: readonly string[]): Set<string> {
    const halves = new Set<string>();
    const described = keys.map((key) => {
        const words = keyWords(key, vocabulary);
        const start = words.findIndex((word) => word === "access" || word === "secret");
        return { key, words, prefix: words.slice(0, Math.max(start, 0)).join(".") };
    });
    for (const { key, words, prefix } of described) {
        const access = words.indexOf("access");
        const isAccessKey = access !== -1 && /^keys?$/.test(words[access + 1] ?? "") && words.length === access + 2 && !words.includes("secret");
        if (isAccessKey && described.some((other) => other.key !== key && other.prefix === prefix && other.words.includes("secret"))) {
            halves.add(key);
        }
    }
    return halves;
}

/**
 * True for a key that holds a JAAS config (`properties.sasl.jaas.config`): its value names a
 * login module and options, and only the credentials among the options are secrets.
 */
export function isJaasConfigKey(key: string): boolean {
    return /(^|\.)jaas\.config$/.test(secretKeyWordForm(key));
}

/**
 * True for a key that holds Pulsar authentication parameters (`pulsar.client.authParams`,
 * `pulsar.client.authParamMap`): a token, a file, JSON or a `key:value` list, depending on the
 * plugin; see `text/authParams.ts`.
 */
export function isAuthParamsKey(key: string): boolean {
    return /(^|\.)auth(entication)?\.param(s|\.map)?$/.test(secretKeyWordForm(key));
}

/**
 * True for a key whose value is `user:password` (schema registry `basic-auth.user-info`) or
 * `client_id:client_secret` (an Iceberg REST `credential`): the secret is the part after the
 * first colon.
 */
export function isUserInfoKey(key: string): boolean {
    return /(^|\.)(user\.info|credential)$/.test(secretKeyWordForm(key));
}
