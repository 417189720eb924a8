/**
 * The no-plaintext-secrets rule: a draft must not carry a password, key or token as literal
 * text. Ververica keeps secrets in its variable store and substitutes
 * `${secret_values.<name>}` references when the job starts; that is the only form allowed.
 *
 * Where the rule looks (in every artifact part the draft carries, not only the one its kind
 * selects, since an unused part stores a secret just as well):
 *
 * - SQL: options in `WITH (...)` lists, `ALTER ... SET (...)` lists, `SET 'key' = 'value';`
 *   statements and `OPTIONS(...)` hints (see `sql/options.ts` for what is out of reach);
 * - JAR and Python `mainArgs`: `--key value`, `--key=value`, `-Dkey=value`, `key=value`;
 * - CDC YAML: `key: value` at any depth;
 * - the draft's local variables, by name;
 * - artifact and dependency URIs with a password in them (`https://user:password@host/...`).
 *
 * A setting is compliant when its value contains a `${secret_values.<name>}` reference (so a
 * JAAS config that embeds a reference passes) or is empty. Anything else, including a plain
 * `${variable}` (local variables are stored in plain text), is a violation.
 *
 * Messages name the key and where it is (statement and line, argument position, YAML line);
 * they never contain the value.
 *
 * Out of reach: keys that match no pattern (a connector's own name for its password), secrets
 * inside the job's files (JARs, Python files, dependencies), and SQL whose option keys are
 * assembled at run time (see `sql/options.ts`).
 */
import { DeploymentDraftAttributes } from "../../../../provider/core/model";
import { findSqlOptions } from "../sql/options";
import { findMainArgSettings } from "../text/mainArgs";
import { findYamlScalars } from "../text/yamlKeys";
import { listArtifactUris } from "./artifactUris";
import { compilePattern, quote, RuleViolation, violation } from "./violation";

/** The name of the no-plaintext-secrets rule. */
export const plaintextSecretsRule = "ververica-no-plaintext-secrets";

/** Settings of the no-plaintext-secrets rule. */
export interface PlaintextSecretsConfig {
    /**
     * Regular expressions (case-insensitive, matched anywhere in the key) for keys whose values
     * are secrets, e.g. `password` or `access[-_.]?key`.
     */
    readonly secretKeyPatterns: readonly string[];
}

/** The key patterns the rule uses unless configured otherwise. */
export const defaultSecretKeyPatterns: readonly string[] = [
    "password",
    "passwd",
    "secret",
    "access[-_.]?key",
    "token",
    "credential",
    "private[-_.]?key",
    "sasl\\.jaas\\.config",
];

/** The no-plaintext-secrets rule's defaults. */
export const defaultPlaintextSecretsConfig: PlaintextSecretsConfig = {
    secretKeyPatterns: defaultSecretKeyPatterns,
};

const secretReference = /\$\{\s*secret_values\.[\w.-]+\s*\}/;
const fix = "Store the value as a Ververica secret variable and write ${secret_values.<name>} instead.";

/** True when `value` contains a `${secret_values.<name>}` reference. */
export function containsSecretReference(value: string): boolean {
    return secretReference.test(value);
}

/** Checks a draft for secrets written as literal text. */
export function checkPlaintextSecrets(
    draft: DeploymentDraftAttributes,
    config: PlaintextSecretsConfig = defaultPlaintextSecretsConfig,
): RuleViolation[] {
    const patterns = config.secretKeyPatterns.map((pattern) => compilePattern(pattern, "i", "secretKeyPatterns"));
    const isSecretKey = (key: string): boolean => patterns.some((pattern) => pattern.test(key));
    const isLiteral = (value: string): boolean => value.trim() !== "" && !containsSecretReference(value);
    const violations: RuleViolation[] = [];
    const report = (text: string): void => {
        violations.push(violation(plaintextSecretsRule, draft, `${text} ${fix}`));
    };

    const artifact = draft.artifact;
    const sqlScript = artifact?.sqlArtifact?.sqlScript;
    if (sqlScript !== undefined) {
        for (const option of findSqlOptions(sqlScript)) {
            if (isSecretKey(option.key) && isLiteral(option.value)) {
                const place = option.source === "hint" ? "an OPTIONS hint" : option.source === "set" ? "a SET" : "a WITH list";
                report(
                    `SQL statement ${option.statementIndex} (${option.statementSummary}), line ${option.line}: ` +
                        `option ${quote(option.key)} in ${place} has a literal value.`,
                );
            }
        }
    }
    const mainArgsParts = [
        ["jarArtifact.mainArgs", artifact?.jarArtifact?.mainArgs],
        ["pythonArtifact.mainArgs", artifact?.pythonArtifact?.mainArgs],
    ] as const;
    for (const [field, mainArgs] of mainArgsParts) {
        for (const setting of findMainArgSettings(mainArgs ?? "")) {
            if (isSecretKey(setting.key) && isLiteral(setting.value)) {
                report(`${field}, argument ${setting.position}: ${quote(setting.key)} has a literal value.`);
            }
        }
    }
    for (const scalar of findYamlScalars(artifact?.cdcYamlArtifact?.cdcYaml ?? "")) {
        if (isSecretKey(scalar.key) && isLiteral(scalar.value)) {
            report(`cdcYamlArtifact.cdcYaml, line ${scalar.line}: key ${quote(scalar.key)} has a literal value.`);
        }
    }
    for (const variable of draft.localVariables ?? []) {
        if (variable.name !== undefined && isSecretKey(variable.name) && isLiteral(variable.value ?? "")) {
            report(`local variable ${quote(variable.name)} holds a literal value.`);
        }
    }
    for (const { field, uri } of listArtifactUris(artifact, "all")) {
        if (hasPasswordInUri(uri)) {
            report(`${field} has a password in its URI.`);
        }
    }
    return violations;
}

/** True for `scheme://user:password@host/...` whose password is literal text. */
function hasPasswordInUri(uri: string): boolean {
    const userInfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(uri)?.[1];
    if (userInfo === undefined || !userInfo.includes(":")) {
        return false;
    }
    const password = userInfo.slice(userInfo.indexOf(":") + 1);
    return password !== "" && !containsSecretReference(password);
}
