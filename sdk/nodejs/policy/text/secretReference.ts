/**
 * The grammar of references: text that stands where a credential belongs and names a secret
 * kept elsewhere, which a program resolves when it runs. Every extractor (SQL options, arguments,
 * YAML, variables, labels, URLs, JAAS, JSON) judges the text it finds with this one grammar.
 *
 * - Ververica's secret variables, `${secret_values.<name>}`, replaced when the job starts: the
 *   form the rule asks for.
 * - Config-provider references, `${<provider>:<path>}`: Kafka's `${file:/path/to.properties:key}`
 *   and `${env:NAME}`, Lenses' `${env::NAME}`, `${vault:secret/db:password}`, Feldera's
 *   `${secret:kubernetes:name/key}`, `${secrets://namespace:name/key}`.
 * - Environment references, as the whole text: `$DB_PASSWORD`, `$dbPassword`, `$db_pw`,
 *   `$env:NAME`, `%DB_PASSWORD%`, `$(DB_PASSWORD)`, a shell command substitution that the shell
 *   runs when the job starts (`$(cat /run/secrets/db_pw)`), and lookups written in a host
 *   language, `os.environ["DB_PASSWORD"]`, `os.getenv('PW')`, `System.getenv("PW")`,
 *   `process.env.PW`.
 * - Secret-store URIs, as the whole text: a scheme that names a store, with or without `//`
 *   (`vault://secret/db#pw`, `vault:secret/data/db#password`, `ref+awssecrets://prod/rds`,
 *   `op://vault/item/password`, `secrets://...`).
 * - Cloud resource names of a secret or a role: `arn:aws:secretsmanager:...`, `acs:ram::...`,
 *   and resource paths with a `secrets` segment (Google Secret Manager's
 *   `projects/<project>/secrets/<name>/versions/latest`, a Vault path `secret/data/flink/db`, a
 *   file that Docker or Kubernetes mounts, `/run/secrets/db_password`).
 * - Kubernetes secret references as Flink takes them: `env:DB_USER,secret:db-creds,key:username`
 *   (`kubernetes.env.secretKeyRef`, several separated by `;`).
 * - A `file:` URI, or an absolute path to a credential file (`/opt/flink/keys/rsa_key.p8`,
 *   `/etc/security/client.keytab`), which names where the client reads the credential.
 *
 * A plain `${name}` is not a reference to a secret: it is a Ververica variable, stored in plain
 * text with the draft (the rule reads it as its value when the draft defines it).
 */

const ververicaSecret = /\$\{\s*secret_values\.[\w.-]+\s*\}/;
const providerReference = /\$\{\s*[A-Za-z][\w+.-]*:[^{}\s]*\}/;
const environmentReference = [
    /^\$[A-Z_][A-Z0-9_]*$/,
    /^\$(?=\w*(pass|pwd|pw|psw|secret|token|key|cred))[A-Za-z_]\w*$/i,
    /^\$env:[A-Za-z_]\w*$/i,
    /^%[A-Za-z_]\w*%$/,
    /^\$\([^()]+\)$/,
    /^(os\.environ|os\.getenv|System\.getenv|process\.env|ENV)\b\s*[.[(][^;\n]*$/,
];
// A store's scheme, then `//` or a path: `vault://secret/db`, `vault:secret/data/db#password` (not `secret:Fk12`).
const storeUri = /^(ref\+[a-z][\w+.-]*|[a-z][\w+.-]*):(\/\/\S+|[^\s/]*\/\S*)$/i;
const storeWords = new Set(["secret", "secrets", "vault", "keyvault", "azurekeyvault", "akv", "kms", "ssm", "secretsmanager", "awssecrets", "gcpsecrets", "sm", "gsm", "op", "doppler", "conjur", "infisical", "sops"]);
const resourceName = /^(arn|acs):[\w-]*:\S*$/;
const secretResourcePath = /^\/?([a-z0-9_.-]+\/)*secrets?\/[a-z0-9_.-]+(\/[a-z0-9_.#-]+)*$/;
const fileUri = /^file:\S+$/i;
const kubernetesSecretRef = /^(\s*env:[\w.-]+\s*,\s*secret:[\w.-]+\s*,\s*key:[\w.-]+\s*;?)+$/;
const credentialFile = /^(\/|~\/|[A-Za-z]:\\)\S*\.(pem|p8|p12|pfx|key|crt|cer|der|jks|keystore|truststore|json|keytab|properties|conf|txt|pub)$/i;

/** A plain `${name}`: a Ververica variable (anything but a secret variable), its name captured. */
export const plainVariableReference = /\$\{\s*(?!secret_values\.)([\w.-]+)\s*\}/g;

/**
 * True when `text` is one plain `${name}` and nothing else: not a literal, though as good as one
 * where a credential belongs, since a Ververica variable is kept in plain text.
 */
export function isPlainVariable(text: string): boolean {
    return wholePlainVariable.test(text);
}
const wholePlainVariable = new RegExp(`^\\s*${plainVariableReference.source}\\s*$`);

/**
 * True when `value` contains a `${secret_values.<name>}` reference.
 *
 * @example
 * containsSecretReference("${secret_values.mysql_pw}"); // true
 * containsSecretReference("${mysql_pw}"); // false: a plain variable is stored in plain text
 */
export function containsSecretReference(value: string): boolean {
    return ververicaSecret.test(value);
}

/**
 * True when `value` contains a reference that is unambiguous wherever it stands: a
 * `${secret_values.<name>}` or a `${<provider>:...}` config-provider reference.
 */
export function containsReference(value: string): boolean {
    return ververicaSecret.test(value) || providerReference.test(value);
}

/**
 * True when `text`, the whole text standing where a credential belongs, refers to a secret kept
 * elsewhere rather than being one (see {@link containsReference} for references inside a text).
 *
 * @example
 * isReference("${file:/opt/flink/secrets.properties:kafka.password}"); // true
 * isReference("$KAFKA_PASSWORD"); // true
 * isReference("ref+vault://secret/data/postgres#/password"); // true
 * isReference("$ecret99"); // false: a literal that starts with a dollar sign
 */
export function isReference(text: string): boolean {
    const trimmed = text.trim();
    const wholeReference = new RegExp(`^(${ververicaSecret.source}|${providerReference.source})$`);
    if (wholeReference.test(trimmed) || environmentReference.some((pattern) => pattern.test(trimmed)) || resourceName.test(trimmed) || secretResourcePath.test(trimmed) || fileUri.test(trimmed) || credentialFile.test(trimmed) || kubernetesSecretRef.test(trimmed)) {
        return true;
    }
    const store = storeUri.exec(trimmed);
    return store !== null && (store[1].toLowerCase().startsWith("ref+") || store[1].toLowerCase().split(/[^a-z0-9]+/).some((word) => storeWords.has(word)));
}
