/**
 * The no-plaintext-secrets rule: a draft must not carry a password, key or token as literal
 * text. Ververica keeps secrets in its variable store and substitutes
 * `${secret_values.<name>}` references when the job starts; that is the only form allowed.
 *
 * Where the rule looks (in every artifact part the draft carries, whatever its kind, known,
 * unknown or none, since an unused part stores a secret just as well):
 *
 * - SQL: options in `WITH (...)` lists, `ALTER ... SET (...)` lists, `SET 'key' = 'value';`
 *   statements and `OPTIONS(...)` hints (see `sql/options.ts` for what is out of reach), and the
 *   URLs, private keys and tokens in any other string (`ADD JAR 'https://user:pw@host/x.jar'`);
 * - JAR and Python `mainArgs`: `--key value`, `--key=value`, `-Dkey=value`, `key=value`,
 *   `-key:value` and positional arguments;
 * - CDC YAML, parsed as YAML: every scalar under a key, at any depth;
 * - the draft's local variables;
 * - artifact and dependency URIs.
 *
 * How a setting is judged:
 *
 * - under a secret key (see `secretKeys.ts`), the value must contain a
 *   `${secret_values.<name>}` reference, be empty, or be no credential at all: a masked or
 *   template placeholder or a `file:` URI (see `text/literalSecret.ts`). A `${name}` of one of
 *   the draft's local variables is read as the variable's value (local variables are stored in
 *   plain text, so a literal there is a literal here); any other plain `${variable}` does not
 *   count. A JAAS config is judged credential by credential, so
 *   `username="${secret_values.u}" password="literal"` is a violation and
 *   `IAMLoginModule required;` is not; Pulsar `authParams` are judged by their form (see
 *   `text/authParams.ts`); a `user:password` user info needs the reference in its password
 *   part; and a reference does not excuse another credential written beside it;
 * - under any key, and for positional arguments and URIs, the value must not hold a credential
 *   of its own (see `text/embeddedSecrets.ts`): a URL's `user:password@`, `password=` in a query
 *   or connection string, `key=value` settings inside an argument, JSON, a PEM private key.
 *
 * Messages name the place (statement and line, argument position, YAML line, variable, field)
 * and the key; they never contain a value.
 *
 * Out of reach: keys that match no pattern (add an in-house connector's keys with
 * `additionalSecretKeys`), secrets inside the job's files (JARs, Python files, dependencies),
 * and SQL whose option keys are assembled at run time (see `sql/options.ts`).
 */
import { DeploymentDraftAttributes } from "../../../../provider/core/model";
import { findSqlOptions, SqlOptionSource, summarizeStatement } from "../sql/options";
import { splitSqlStatements } from "../sql/tokenizer";
import { judgeAuthParams } from "../text/authParams";
import { findEmbeddedSecrets, findSecretsInText } from "../text/embeddedSecrets";
import { isLiteralSecret } from "../text/literalSecret";
import { findMainArgSettings } from "../text/mainArgs";
import { findYamlScalars } from "../text/yamlKeys";
import { listArtifactUris } from "./artifactUris";
import { defaultExcludedKeyPatterns, defaultSecretKeyPatterns, isAuthParamsKey, SecretKeySettings, SecretKeyTest, secretKeyTest } from "./secretKeys";
import { withDefaults } from "./settings";
import { quote, RuleViolation, violation } from "./violation";

export { containsSecretReference } from "../text/secretReference";
export { defaultExcludedKeyPatterns, defaultSecretKeyPatterns } from "./secretKeys";

/** The name of the no-plaintext-secrets rule. */
export const plaintextSecretsRule = "ververica-no-plaintext-secrets";

/**
 * Settings of the no-plaintext-secrets rule.
 *
 * @example
 * // An in-house connector whose `auth-blob` option is a secret:
 * checkPlaintextSecrets(draft, { additionalSecretKeys: ["auth-blob"] });
 */
export interface PlaintextSecretsConfig extends SecretKeySettings {}

/** The no-plaintext-secrets rule's defaults. */
export const defaultPlaintextSecretsConfig: PlaintextSecretsConfig = {
    secretKeyPatterns: defaultSecretKeyPatterns,
    excludedKeyPatterns: defaultExcludedKeyPatterns,
    additionalSecretKeys: [],
};

const variableReference = /\$\{\s*(?!secret_values\.)([\w.-]+)\s*\}/g;
const fix = "Store the value as a Ververica secret variable and write ${secret_values.<name>} instead.";
const sqlPlaces: { readonly [source in SqlOptionSource]: string } = { with: "a WITH list", set: "a SET", hint: "an OPTIONS hint" };

/**
 * Checks a draft for secrets written as literal text. Settings left out of `config` keep their
 * defaults.
 */
export function checkPlaintextSecrets(draft: DeploymentDraftAttributes, config: Partial<PlaintextSecretsConfig> = {}): RuleViolation[] {
    const isSecretKey = secretKeyTest(withDefaults(defaultPlaintextSecretsConfig, config));
    const violations: RuleViolation[] = [];
    const variables = new Map<string, string>();
    for (const { name, value } of draft.localVariables ?? []) {
        if (name !== undefined) {
            variables.set(name, value ?? "");
        }
    }
    const check = (place: string, key: string | undefined, value: string): void => {
        // `${name}` of a local variable stands for the variable's value when the job starts.
        const used: string[] = [];
        const resolved = value.replace(variableReference, (reference: string, name: string) => {
            const replacement = variables.get(name);
            if (replacement === undefined) {
                return reference;
            }
            used.push(quote(name));
            return replacement;
        });
        const problem = judgeSetting(key, resolved, isSecretKey);
        if (problem !== undefined) {
            const through = used.length === 0 ? "" : ` (through local variable ${used.join(", ")})`;
            violations.push(violation(plaintextSecretsRule, draft, `${place} ${problem}${through}. ${fix}`));
        }
    };

    const artifact = draft.artifact;
    const sqlScript = artifact?.sqlArtifact?.sqlScript;
    if (sqlScript !== undefined) {
        const optionTexts = new Set<string>();
        for (const option of findSqlOptions(sqlScript)) {
            const place = `SQL statement ${option.statementIndex} (${option.statementSummary}), line ${option.line}:`;
            check(`${place} option ${quote(option.key)} in ${sqlPlaces[option.source]}`, option.key, option.value);
            optionTexts.add(`${option.statementIndex}\n${option.key}`).add(`${option.statementIndex}\n${option.value}`);
        }
        // Strings that are no option's key or value: `ADD JAR '...'`, `USING JAR '...'`, data.
        for (const statement of splitSqlStatements(sqlScript)) {
            for (const token of statement.tokens) {
                if (token.kind !== "string" || optionTexts.has(`${statement.index}\n${token.text}`)) {
                    continue;
                }
                const found = findSecretsInText(token.text, isSecretKey);
                if (found.length > 0) {
                    const place = `SQL statement ${statement.index} (${summarizeStatement(statement)}), line ${token.line}: a string`;
                    violations.push(violation(plaintextSecretsRule, draft, `${place} holds ${found.join(", ")}. ${fix}`));
                }
            }
        }
    }
    const mainArgsParts = [
        ["jarArtifact.mainArgs", artifact?.jarArtifact?.mainArgs],
        ["pythonArtifact.mainArgs", artifact?.pythonArtifact?.mainArgs],
    ] as const;
    for (const [field, mainArgs] of mainArgsParts) {
        for (const setting of findMainArgSettings(mainArgs ?? "", isSecretKey)) {
            const place = `${field}, argument ${setting.position}`;
            check(setting.key === undefined ? place : `${place}: ${quote(setting.key)}`, setting.key, setting.value);
        }
    }
    for (const scalar of findYamlScalars(artifact?.cdcYamlArtifact?.cdcYaml ?? "")) {
        check(`cdcYamlArtifact.cdcYaml, line ${scalar.line}: key ${quote(scalar.key)}`, scalar.key, scalar.value);
    }
    for (const [name, value] of variables) {
        const problem = judgeSetting(name, value, isSecretKey);
        if (problem !== undefined) {
            violations.push(violation(plaintextSecretsRule, draft, `local variable ${quote(name)} ${problem}. ${fix}`));
        }
    }
    for (const { field, uri } of listArtifactUris(artifact)) {
        check(field, undefined, uri);
    }
    return violations;
}

/**
 * Says what is wrong with a setting, as the rest of a sentence that starts with the setting's
 * place ("has a literal value", "holds a password in a URL (user:password@host)"), or returns
 * undefined when nothing is. `key` is undefined for a positional argument or a URI.
 */
function judgeSetting(key: string | undefined, value: string, isSecretKey: SecretKeyTest): string | undefined {
    if (value.trim() === "") {
        return undefined;
    }
    const embedded = findEmbeddedSecrets(value, isSecretKey);
    const holds = embedded.length === 0 ? undefined : `holds ${embedded.join(", ")}`;
    if (key === undefined || !isSecretKey(key)) {
        return holds;
    }
    if (value.includes("LoginModule") || isJsonObject(value)) {
        // A JAAS config names a login module and its options, and a JSON document (a service
        // account, OAuth client settings) names its fields: only the credentials among them are
        // secrets.
        return holds;
    }
    if (isAuthParamsKey(key)) {
        return judgeAuthParams(value, isSecretKey);
    }
    if (/^\s*(true|false|yes|no|on|off|enabled|disabled)\s*$/i.test(value)) {
        // A switch such as `use.token = 'true'` or `use-secret = 'yes'`, not a credential.
        return undefined;
    }
    if (isLiteralSecret(value)) {
        return "has a literal value";
    }
    // `user:password` (schema registry user info) and `client_id:client_secret` (an Iceberg REST
    // `credential`): the reference has to stand in the secret part.
    if (/(user[-_.]?info|credential)$/i.test(key) && value.includes(":") && isLiteralSecret(value.slice(value.indexOf(":") + 1))) {
        return "has a literal password after the user name";
    }
    return holds;
}

function isJsonObject(value: string): boolean {
    try {
        const parsed: unknown = JSON.parse(value);
        return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
    } catch {
        return false;
    }
}
