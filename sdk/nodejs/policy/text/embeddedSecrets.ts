/**
 * Finds secrets written literally *inside* a value, whatever the value's own key: credentials
 * that ride along in URLs, connection strings, JAAS configs, JSON, `key=value` lists and
 * headers. Each finding is described without the secret, so the description can go into a
 * message.
 *
 * What is found:
 *
 * - the credentials of URLs (see `urls.ts`): a user info password, an Oracle thin password, an
 *   API key in a `key=` query parameter;
 * - assignments whose name is a secret key: `password=...` in a query string, a connection
 *   string (`;password=...;`, `AccountKey=...`, an ODBC braced value `PWD={a;b}}c}`), a JAAS
 *   config (`password="..."`, also with line breaks around `=`, and the `user_<name>="..."`
 *   passwords of Kafka's PLAIN login module), a Paimon or Doris sync argument (`password=...`),
 *   JSON (`"password": "..."`) or a header (`Authorization: Bearer ...`); the signature of a
 *   pre-signed URL (`Signature=`, `sig=`); key material under a key name (see `keyMaterial.ts`);
 * - a private key in PEM form, a JSON Web Token, an API token whose format names its issuer
 *   (`sk-...`, `ghp_...`, `glpat-...`, `xoxb-...`, `AIza...`) and a value that is an HTTP credential
 *   (`Bearer <token>`, `Basic <base64>`), under any name;
 * - all of these inside base64 that decodes to text (a JSON argument, a service account key
 *   passed as base64), twice deep at most (see `base64Text.ts`).
 *
 * What stands where a credential belongs is judged by one grammar of references and placeholders
 * (see `literalSecret.ts`).
 */
import { isJaasConfigKey, SecretKeyTest } from "../rules/secretKeys";
import { decodedTexts } from "./base64Text";
import { isKeyMaterial, isKeyMaterialName } from "./keyMaterial";
import { authorizationScheme, isLiteralSecret } from "./literalSecret";
import { containsReference, isPlainVariable } from "./secretReference";
import { urlPattern, urlSecrets } from "./urls";

const pemPrivateKey = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
// A whole value such as `Bearer sk-...` or `Basic dXNlcjpwYXNz`; the credential has a digit, a
// symbol or a case change inside a word, which words of prose ("Basic authentication") lack.
const authorizationValue = /^\s*(?:bearer|basic)\s+(\S{8,})\s*$/i;
const credentialShape = /[\d=+/_.-]|[a-z][A-Z]/;
// Tokens whose format names their issuer: OpenAI and DashScope (`sk-`), Stripe (`sk_live_`,
// `rk_live_`), GitHub (`ghp_`, `ghs_`, `github_pat_`, ...), GitLab (`glpat-`), Slack (`xoxb-`, ...)
// and Google API (`AIza...`) keys.
const issuedTokens = /(?<![\w-])(?:sk-(?:proj-)?[A-Za-z0-9_-]{20,}|(?:sk|rk)_live_[A-Za-z0-9]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|glpat-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[A-Za-z0-9_-]{35})/g;
const jsonWebToken = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
// An ODBC value in braces, `}}` standing for `}` (`PWD={a;b}}c}`): whatever it holds, `;` included, is one value.
const bracedValue = /\{(?:[^}]|\}\})*\}/;
// `name = value` or `name: value`, the name standing at the start or after a separator, in
// quotes or not, with any white space around `=` (a JAAS config may break a line before or after
// it); the value quoted, in braces (an ODBC value, `PWD={a;b}`, or a template field), or running
// to the next separator (a `${...}` reference counts as one piece, so that its braces do not end
// the value).
const assignment = new RegExp(
    String.raw`(?<=^|[\s,;&?{([\-"'])(["']?)([A-Za-z_][\w.-]*)\1(\s*)([=:])(\s*)(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\{\{[^{}]*\}\}|` +
        bracedValue.source +
        String.raw`)|((?:\$\{[^}\s]*\}|[^\s,;&)}\]"'])*))`,
);
const signatureParameter = /^(x-amz-signature|x-goog-signature|signature|sig)$/i;
// How many times a base64 value is decoded to look inside (base64 in base64 once).
const base64Depth = 2;

/**
 * Returns a description of each literal secret inside `value`, e.g. `"password" as literal
 * text` or `a password in a URL (user:password@host)`; empty when there is none.
 */
export function findEmbeddedSecrets(value: string, isSecretName: SecretKeyTest, depth = base64Depth): string[] {
    const found = [...urlSecrets(value), ...assignmentSecrets(value, isSecretName), ...tokenSecrets(value)];
    if (depth > 0) {
        // A configuration passed as base64 (a JSON argument, a service account key) carries its credentials too.
        for (const text of decodedTexts(value)) {
            found.push(...findEmbeddedSecrets(text, isSecretName, depth - 1).map((finding) => `${finding} (base64-encoded)`));
        }
    }
    return [...new Set(found)];
}

/**
 * Like {@link findEmbeddedSecrets}, for free text such as an SQL string that is not an option
 * (`ADD JAR 'https://user:password@host/udf.jar'`): assignments count only inside its URLs, since
 * `'token=abc'` in a query is data rather than a setting.
 */
export function findSecretsInText(text: string, isSecretName: SecretKeyTest): string[] {
    const found = tokenSecrets(text);
    for (const [url] of text.matchAll(urlPattern)) {
        found.push(...urlSecrets(url), ...assignmentSecrets(url, isSecretName));
    }
    return [...new Set(found)];
}

function assignmentSecrets(value: string, isSecretName: SecretKeyTest): string[] {
    const found: string[] = [];
    // Kafka's PLAIN login module takes the passwords of users as `user_<name>="<password>"`.
    const plainLogin = value.includes("PlainLoginModule");
    for (const { name, text } of findAssignments(value)) {
        // A JAAS config is judged by the credentials inside it, which are assignments of their own.
        if (isJaasConfigKey(name) || text.includes("LoginModule")) {
            continue;
        }
        const secretName = isSecretName(name) || signatureParameter.test(name) || (plainLogin && /^user_\w/.test(name));
        if (secretName && isConnectionString(text)) {
            // A password that is a connection string (Event Hubs' Kafka endpoint takes one) holds
            // its credentials as assignments of its own, which are read in their turn.
            continue;
        }
        if (secretName && isLiteralSecret(text)) {
            found.push(isPlainVariable(text) ? `${JSON.stringify(name)} as the plain variable ${text.trim()}, kept in plain text` : `${JSON.stringify(name)} as literal text`);
        } else if (isKeyMaterialName(name) && isKeyMaterial(text)) {
            found.push(`key material under ${JSON.stringify(name)}`);
        }
    }
    return found;
}

function tokenSecrets(value: string): string[] {
    const found: string[] = [];
    if (pemPrivateKey.test(value)) {
        found.push("a private key in PEM form");
    }
    if (jsonWebToken.test(value) && !containsReference(value)) {
        found.push("a JSON Web Token");
    }
    const authorization = authorizationValue.exec(value);
    if (authorization !== null && credentialShape.test(authorization[1]) && isLiteralSecret(authorization[1])) {
        found.push("an HTTP Authorization credential (Bearer or Basic)");
    } else if ([...value.matchAll(issuedTokens)].some(([token]) => isLiteralSecret(token))) {
        found.push("an API token (a format that names its issuer: OpenAI, DashScope, Stripe, GitHub, GitLab, Slack, Google)");
    }
    return found;
}

/** An assignment found inside a value. */
interface Assignment {
    readonly name: string;
    /** The assigned text. Never copy it into a message. */
    readonly text: string;
}

/**
 * Reads the `name=value` and `name: value` assignments inside a value, nested ones included:
 * `url=jdbc:mysql://db/shop?password=x` yields both `url` and `password`.
 */
export function findAssignments(value: string): Assignment[] {
    const assignments: Assignment[] = [];
    const pattern = new RegExp(assignment.source, "g");
    for (let match = pattern.exec(value); match !== null; match = pattern.exec(value)) {
        const [whole, nameQuote, name, before, operator, gap, doubleQuoted, singleQuoted, braced, bare] = match;
        // Look for further assignments right after the operator, inside this one's value too.
        pattern.lastIndex = match.index + nameQuote.length * 2 + name.length + before.length + 1;
        // `jdbc:mysql://...` and `12:30` are not assignments: a colon assigns only after a quoted
        // name (JSON), before a space (YAML, headers), or at the start of an entry of a Flink map
        // value (`k1:v1,k2:v2`, as in `pipeline.global-job-parameters`); and never across a line.
        const startsMapEntry = match.index === 0 || value[match.index - 1] === ",";
        if (operator === ":" && ((nameQuote === "" && gap === "" && !startsMapEntry) || /\n/.test(before + gap))) {
            continue;
        }
        if ((bare !== undefined && /^([{[]|null$)/.test(bare)) || (braced !== undefined && (operator === ":" || isJsonObject(braced)))) {
            // A nested JSON object or list, whose own entries are assignments, or JSON's null.
            continue;
        }
        let text = doubleQuoted ?? singleQuoted ?? braced ?? bare ?? "";
        if (bare !== undefined && authorizationScheme.test(bare)) {
            // `Authorization: Bearer <token>`: the credential is the word after the scheme.
            const rest = value.slice(match.index + whole.length);
            text = /^[ \t]+((?:\$\{[^}\s]*\}|[^\s,;"'])*)/.exec(rest)?.[1] ?? "";
        }
        assignments.push({ name, text });
    }
    return assignments;
}

/**
 * True when `text` is a connection string, two or more `name=value` parts separated by `;`
 * (`Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...`, `AccountName=...;AccountKey=...`),
 * whose parts are assignments of their own. A `;` inside an ODBC value's braces separates nothing.
 */
export function isConnectionString(text: string): boolean {
    const parts = text
        .replace(new RegExp(bracedValue.source, "g"), "{}")
        .split(";")
        .filter((part) => part.trim() !== "");
    return parts.length >= 2 && parts.every((part) => /^\s*[A-Za-z][\w .-]*=/.test(part));
}

/** True when `text` is a JSON object (whose entries are assignments of their own). */
export function isJsonObject(text: string): boolean {
    try {
        const parsed: unknown = JSON.parse(text);
        return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
    } catch {
        return false;
    }
}
