/**
 * Finds secrets written literally *inside* a value, whatever the value's own key: credentials
 * that ride along in URLs, connection strings, JAAS configs, JSON, `key=value` lists and
 * headers. Each finding is described without the secret, so the description can go into a
 * message.
 *
 * What is found:
 *
 * - the password of a URL's user info, `scheme://user:password@host` (JDBC, MongoDB, Redis,
 *   HTTP, OSS), and of an Oracle thin URL, `jdbc:oracle:thin:user/password@host`;
 * - assignments whose name is a secret key: `password=...` in a query string, a connection
 *   string (`;password=...;`, `AccountKey=...`), a JAAS config (`password="..."`), a Paimon or
 *   Doris sync argument (`password=...`), JSON (`"password": "..."`) or a header
 *   (`Authorization: Bearer ...`); and the signature of a pre-signed URL (`Signature=`, `sig=`);
 * - a private key in PEM form and a JSON Web Token, under any name.
 *
 * A credential whose text contains a `${secret_values.<name>}` reference is not literal.
 */
import { isJaasConfigKey, SecretKeyTest } from "../rules/secretKeys";
import { containsSecretReference } from "./secretReference";

const urlPattern = /\b(?:[a-z][a-z0-9+.-]*:\/\/|jdbc:oracle:)[^\s'"`]+/gi;
const urlUserInfo = /\b[a-z][a-z0-9+.-]*:\/\/([^\s/?#@'"]*)@/gi;
const oracleThinUrl = /\bjdbc:oracle:[a-z]+:[^\s/@:'"]+\/([^\s@'"]+)@/gi;
const pemPrivateKey = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
const jsonWebToken = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
// `name = value` or `name: value`, the name standing at the start or after a separator, in
// quotes or not; the value quoted, or running to the next separator (a `${...}` reference counts
// as one piece, so that its braces do not end the value).
const assignment =
    /(?<=^|[\s,;&?{(\[\-"'])(["']?)([A-Za-z_][\w.\-]*)\1[ \t]*([=:])([ \t]*)(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|((?:\$\{[^}\s]*\}|[^\s,;&)}\]"'])*))/;
const authorizationScheme = /^(bearer|basic|token|digest|bot|oauth|negotiate|apikey)$/i;
const signatureParameter = /^(x-amz-signature|x-goog-signature|signature|sig)$/i;

/**
 * Returns a description of each literal secret inside `value`, e.g. `"password" as literal
 * text` or `a password in a URL (user:password@host)`; empty when there is none.
 */
export function findEmbeddedSecrets(value: string, isSecretName: SecretKeyTest): string[] {
    return [...new Set([...urlSecrets(value), ...assignmentSecrets(value, isSecretName), ...tokenSecrets(value)])];
}

/**
 * Like {@link findEmbeddedSecrets}, for free text such as an SQL string that is not an option
 * (`ADD JAR 'https://user:password@host/udf.jar'`): assignments count only inside its URLs, since
 * `'token=abc'` in a query is data rather than a setting.
 */
export function findSecretsInText(text: string, isSecretName: SecretKeyTest): string[] {
    const found = [...tokenSecrets(text)];
    for (const [url] of text.matchAll(urlPattern)) {
        found.push(...urlSecrets(url), ...assignmentSecrets(url, isSecretName));
    }
    return [...new Set(found)];
}

function urlSecrets(value: string): string[] {
    const found: string[] = [];
    for (const match of value.matchAll(urlUserInfo)) {
        const userInfo = match[1];
        const colon = userInfo.indexOf(":");
        if (colon !== -1 && isLiteral(userInfo.slice(colon + 1))) {
            found.push("a password in a URL (user:password@host)");
        }
    }
    for (const match of value.matchAll(oracleThinUrl)) {
        if (isLiteral(match[1])) {
            found.push("a password in an Oracle JDBC URL (user/password@host)");
        }
    }
    return found;
}

function assignmentSecrets(value: string, isSecretName: SecretKeyTest): string[] {
    const found: string[] = [];
    for (const { name, text } of findAssignments(value)) {
        // A JAAS config is judged by the credentials inside it, which are assignments of their own.
        const isJaas = isJaasConfigKey(name) || text.includes("LoginModule");
        if (!isJaas && (isSecretName(name) || signatureParameter.test(name)) && isLiteral(text)) {
            found.push(`${JSON.stringify(name)} as literal text`);
        }
    }
    return found;
}

function tokenSecrets(value: string): string[] {
    const found: string[] = [];
    if (pemPrivateKey.test(value)) {
        found.push("a private key in PEM form");
    }
    if (jsonWebToken.test(value) && !containsSecretReference(value)) {
        found.push("a JSON Web Token");
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
        const [whole, nameQuote, name, operator, gap, doubleQuoted, singleQuoted, bare] = match;
        // Look for further assignments right after the operator, inside this one's value too.
        pattern.lastIndex = match.index + whole.indexOf(operator, 2 * nameQuote.length + name.length) + 1;
        // `jdbc:mysql://...`, `token:abc` and `12:30` are not assignments: a colon assigns only
        // after a quoted name (JSON) or before a space (YAML, headers).
        if (operator === ":" && nameQuote === "" && gap === "") {
            continue;
        }
        let text = doubleQuoted ?? singleQuoted ?? bare ?? "";
        if (bare !== undefined && authorizationScheme.test(bare)) {
            // `Authorization: Bearer <token>`: the credential is the word after the scheme.
            const rest = value.slice(match.index + whole.length);
            text = /^[ \t]+((?:\$\{[^}\s]*\}|[^\s,;"'])*)/.exec(rest)?.[1] ?? "";
        }
        assignments.push({ name, text });
    }
    return assignments;
}

function isLiteral(text: string): boolean {
    return text.trim() !== "" && !containsSecretReference(text);
}
