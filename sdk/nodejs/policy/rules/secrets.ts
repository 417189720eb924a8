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
 * - the draft's local variables and labels (JSON values, read entry by entry under their path);
 * - artifact and dependency URIs.
 *
 * How a setting is judged:
 *
 * - a key is a secret key by its words (see `secretKeys.ts`): a word that names a secret wherever
 *   it stands, unless a later word says the value is about the secret (`password.file`);
 * - under a secret key, the value must not be a literal credential: what stands there is judged
 *   by one grammar of references and placeholders (see `text/literalSecret.ts` and
 *   `text/secretReference.ts`). A `${name}` of one of the draft's local variables is read as the
 *   variable's value (local variables are stored in plain text, so a literal there is a literal
 *   here); any other plain `${variable}` does not count. A JAAS config is judged credential by
 *   credential, a JSON document field by field, Pulsar `authParams` by their form (see
 *   `text/authParams.ts`), a `user:password` user info by its password part;
 * - under any key, and for positional arguments, labels and URIs, the value must not hold a
 *   credential of its own (see `text/embeddedSecrets.ts` and `text/urls.ts`), also inside base64
 *   that decodes to text, nor be key material under a key name (see `text/keyMaterial.ts`);
 * - settings of one group (a WITH list, a YAML mapping, a command line) are siblings: an access
 *   key beside the secret key of its pair is the pair's identifier, not a secret.
 *
 * Messages name the place (statement and line, argument position, YAML line, variable, label,
 * field) and the key; they never contain a value.
 *
 * Out of reach: keys that name no secret (add an in-house connector's keys with
 * `additionalSecretKeys`), secrets inside the job's files (JARs, Python files, dependencies),
 * and SQL whose option keys are assembled at run time (see `sql/options.ts`).
 */
import { DeploymentDraftAttributes, JsonValue } from "../../../../provider/core/model";
import { findSqlOptions, SqlOptionSource, summarizeStatement } from "../sql/options";
import { splitSqlStatements } from "../sql/tokenizer";
import { judgeAuthParams } from "../text/authParams";
import { findAssignments, findEmbeddedSecrets, findSecretsInText, isConnectionString, isJsonObject } from "../text/embeddedSecrets";
import { isKeyMaterial, isKeyMaterialName } from "../text/keyMaterial";
import { isLiteralSecret } from "../text/literalSecret";
import { isPlainVariable, isReference, plainVariableReference } from "../text/secretReference";
import { findMainArgSettings } from "../text/mainArgs";
import { findYamlScalars } from "../text/yamlKeys";
import { listArtifactUris } from "./artifactUris";
import { accessKeyIdHalves, defaultExcludedKeyPatterns, defaultSecretKeyPatterns, isAuthParamsKey, isUserInfoKey, SecretKeySettings, SecretKeyTest, secretKeyTest } from "./secretKeys";
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

// What a whole value written literally under a secret key is told.
const literalValue = "has a literal value";
const fix = "Store the value as a Ververica secret variable and write ${secret_values.<name>} instead.";
const sqlPlaces: { readonly [source in SqlOptionSource]: string } = { with: "a WITH list", set: "a SET", hint: "an OPTIONS hint" };

/** A place in the draft that holds a value, with the key it is set under. */
interface Setting {
    /** The place, as a message starts: `SQL statement 2 (...), line 8: option "password" in a WITH list`. */
    readonly place: string;
    /** The key, or undefined for a positional argument, a free SQL string or a URI. */
    readonly key?: string;
    /** The value. Never copy it into a message. */
    readonly value: string;
    /** Settings of one group (a WITH list, a YAML mapping, a command line) are siblings. */
    readonly group: string;
    /**
     * How the value is read: as a setting whose `${name}` variables stand for their values
     * (`setting`), as a setting taken as it is (`stored`, a local variable), or as free text
     * (`text`, an SQL string that is no option: only URLs, private keys and tokens count).
     */
    readonly reading: "setting" | "stored" | "text";
}

/**
 * Checks a draft for secrets written as literal text. Settings left out of `config` keep their
 * defaults.
 */
export function checkPlaintextSecrets(draft: DeploymentDraftAttributes, config: Partial<PlaintextSecretsConfig> = {}): RuleViolation[] {
    const isSecretKey = secretKeyTest(withDefaults(defaultPlaintextSecretsConfig, config));
    const variables = new Map<string, string>();
    for (const { name, value } of draft.localVariables ?? []) {
        if (name !== undefined) {
            variables.set(name, value ?? "");
        }
    }
    const settings = listSettings(draft, variables, isSecretKey);
    // The identifier half of an access key pair is no secret: `s3.access-key` beside `s3.secret-key`.
    const idHalves = new Map<string, Set<string>>();
    for (const group of new Set(settings.map((setting) => setting.group))) {
        const siblings = settings.filter((setting) => setting.group === group);
        const keys = siblings.flatMap(({ key, value }) => [...(key === undefined ? [] : [key]), ...findAssignments(value).map((found) => found.name)]);
        idHalves.set(group, accessKeyIdHalves(keys));
    }
    const violations: RuleViolation[] = [];
    for (const setting of settings) {
        const halves = idHalves.get(setting.group);
        const isSecretInGroup: SecretKeyTest = (key) => isSecretKey(key) && !(halves?.has(key) ?? false);
        const problem = judgePlace(setting, variables, isSecretInGroup);
        if (problem !== undefined) {
            violations.push(violation(plaintextSecretsRule, draft, `${setting.place} ${problem}. ${fix}`));
        }
    }
    return violations;
}

/** Every place of the draft that holds a value, in the order messages report them. */
function listSettings(draft: DeploymentDraftAttributes, variables: ReadonlyMap<string, string>, isSecretKey: SecretKeyTest): Setting[] {
    const settings: Setting[] = [];
    const artifact = draft.artifact;
    const sqlScript = artifact?.sqlArtifact?.sqlScript;
    if (sqlScript !== undefined) {
        const optionTexts = new Set<string>();
        for (const option of findSqlOptions(sqlScript)) {
            const place = `SQL statement ${option.statementIndex} (${option.statementSummary}), line ${option.line}: option ${quote(option.key)} in ${sqlPlaces[option.source]}`;
            settings.push({ place, key: option.key, value: option.value, group: `sql ${option.statementIndex}`, reading: "setting" });
            optionTexts.add(`${option.statementIndex}\n${option.key}`).add(`${option.statementIndex}\n${option.value}`);
        }
        // Strings that are no option's key or value: `ADD JAR '...'`, `USING JAR '...'`, data.
        for (const statement of splitSqlStatements(sqlScript)) {
            for (const token of statement.tokens) {
                if (token.kind === "string" && !optionTexts.has(`${statement.index}\n${token.text}`)) {
                    const place = `SQL statement ${statement.index} (${summarizeStatement(statement)}), line ${token.line}: a string`;
                    settings.push({ place, value: token.text, group: `sql ${statement.index}`, reading: "text" });
                }
            }
        }
    }
    const mainArgsParts = [
        ["jarArtifact.mainArgs", artifact?.jarArtifact?.mainArgs],
        ["pythonArtifact.mainArgs", artifact?.pythonArtifact?.mainArgs],
    ] as const;
    for (const [field, mainArgs] of mainArgsParts) {
        // A flag named like a secret takes the next argument as its value, even `-x9!`.
        for (const { key, value, position } of findMainArgSettings(mainArgs ?? "", isSecretKey)) {
            const place = `${field}, argument ${position}`;
            settings.push({ place: key === undefined ? place : `${place}: ${quote(key)}`, key, value, group: field, reading: "setting" });
        }
    }
    for (const scalar of findYamlScalars(artifact?.cdcYamlArtifact?.cdcYaml ?? "")) {
        settings.push({ place: `cdcYamlArtifact.cdcYaml, line ${scalar.line}: key ${quote(scalar.key)}`, key: scalar.key, value: scalar.value, group: `yaml ${scalar.mapping}`, reading: "setting" });
    }
    for (const [name, value] of variables) {
        settings.push({ place: `local variable ${quote(name)}`, key: name, value, group: "variables", reading: "stored" });
    }
    settings.push(...labelSettings(draft.labels ?? {}, []));
    for (const { field, uri } of listArtifactUris(artifact)) {
        settings.push({ place: field, value: uri, group: "uris", reading: "setting" });
    }
    return settings;
}

/**
 * The draft's labels as settings: a label's value is JSON, so a label holding an object or a list
 * is read entry by entry, each under its path (`{"db": {"password": "..."}}` sets `db.password`).
 */
function labelSettings(labels: { readonly [key: string]: JsonValue }, path: readonly string[]): Setting[] {
    return Object.entries(labels).flatMap(([name, value]) => labelValues([...path, name].join("."), value, path.join(".")));
}

function labelValues(key: string, value: JsonValue, parent: string): Setting[] {
    if (value === null) {
        return [];
    }
    if (Array.isArray(value)) {
        return value.flatMap((item) => labelValues(key, item, parent));
    }
    if (typeof value === "object") {
        return labelSettings(value, key.split("."));
    }
    return [{ place: `label ${quote(key)}`, key, value: String(value), group: `labels ${parent}`, reading: "stored" }];
}

/**
 * Says what is wrong with the value of a place, as the rest of a sentence that starts with the
 * place, or returns undefined when nothing is.
 */
function judgePlace(setting: Setting, variables: ReadonlyMap<string, string>, isSecretKey: SecretKeyTest): string | undefined {
    if (setting.reading === "text") {
        const found = findSecretsInText(setting.value, isSecretKey);
        return found.length === 0 ? undefined : `holds ${found.join(", ")}`;
    }
    if (setting.reading === "stored") {
        return judgeSetting(setting.key, setting.value, isSecretKey);
    }
    // `${name}` of a local variable stands for the variable's value when the job starts.
    const used: string[] = [];
    const resolved = setting.value.replace(plainVariableReference, (reference: string, name: string) => {
        const replacement = variables.get(name);
        if (replacement === undefined) {
            return reference;
        }
        used.push(quote(name));
        return replacement;
    });
    const problem = judgeSetting(setting.key, resolved, isSecretKey);
    if (problem === literalValue && isPlainVariable(resolved)) {
        // Not a literal, though as good as one: the value comes from a Ververica variable, which
        // is kept in plain text, wherever it is set. Only here, where Ververica replaces
        // variables: a label or a variable holding `${name}` holds that text itself.
        return `is the plain variable ${resolved.trim()}, whose value Ververica keeps in plain text`;
    }
    return problem === undefined || used.length === 0 ? problem : `${problem} (through local variable ${used.join(", ")})`;
}

/**
 * Says what is wrong with a setting, as the rest of a sentence that starts with the setting's
 * place ("has a literal value", "holds a password in a URL (user:password@host)"), or returns
 * undefined when nothing is. `key` is undefined for a positional argument or a URI.
 */
function judgeSetting(key: string | undefined, value: string, isSecretKey: SecretKeyTest): string | undefined {
    if (value.trim() === "" || isReference(value)) {
        // Nothing, or a reference to a secret kept elsewhere, whose parts name the secret.
        return undefined;
    }
    const embedded = findEmbeddedSecrets(value, isSecretKey);
    const holds = embedded.length === 0 ? undefined : `holds ${embedded.join(", ")}`;
    if (key === undefined || !isSecretKey(key)) {
        // Key material under a name that says it is a key but not which: `s3.sse.key`, `encryption.key`.
        return key !== undefined && isKeyMaterialName(key) && isKeyMaterial(value) ? "holds key material (a base64 or hex encoded key)" : holds;
    }
    if (value.includes("LoginModule") || isJsonObject(value) || isConnectionString(value)) {
        // A JAAS config names a login module and its options, a JSON document (a service
        // account, OAuth client settings) its fields, and a connection string its parts: only the
        // credentials among them are secrets.
        return holds;
    }
    if (isAuthParamsKey(key)) {
        return judgeAuthParams(value, isSecretKey);
    }
    if (isUserInfoKey(key) && value.includes(":") && !isReference(value)) {
        // `user:password` (schema registry user info) and `client_id:client_secret` (an Iceberg REST
        // `credential`): the secret is the part after the colon, and a reference has to stand there.
        const password = value.slice(value.indexOf(":") + 1);
        if (!isLiteralSecret(password)) {
            return holds;
        }
        if (isPlainVariable(password)) {
            return `has the plain variable ${password.trim()} after the user name, whose value Ververica keeps in plain text`;
        }
        return isLiteralSecret(value) ? literalValue : "has a literal password after the user name";
    }
    return isLiteralSecret(value) ? literalValue : holds;
}
