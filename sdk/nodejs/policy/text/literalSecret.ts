/**
 * Decides whether the text standing where a credential belongs is the credential itself. Four
 * kinds of text stand there without being one:
 *
 * - a reference to a secret kept elsewhere (see `secretReference.ts`);
 * - a placeholder, which documentation, templates and redacted copies write, and which leaks
 *   nothing: a job deployed with one fails to log in. Its forms:
 *   - masked or filler text: `******`, `LTAI5t****`, `xx`, `xxx`, `yyy`, `XXXX-XXXX`, `sk-xxxxxxxxxxxx`
 *     (text mostly made of runs of one repeated character);
 *   - an ellipsis: `...`, `…`, `sk-...`;
 *   - a bracketed name or redaction, in angle, square or round brackets, single or doubled:
 *     `<password>`, `<<REPLACE>>`, `[REDACTED]`, `[[password]]`, `(removed)`, `[your key]`;
 *   - a template field, unrendered: `{{ db_password }}`, `{% raw %}`, `<%= pw %>`,
 *     `${{ secrets.PW }}`, and host-language fields (`{password}`, `{db_password}`,
 *     `{os.environ.get("PW")}`, `{0}`, `{}`, `%(password)s`, `%s`) left in SQL that a script
 *     renders, and the tokens that build tools replace, a name between the same markers
 *     (`@db.password@`, `@@PW@@`, `__DB_PASSWORD__`, `#{dbPassword}`, `#{DbPassword}#`);
 *   - words that say what belongs there or that it was taken out: `yourPassword`, `YOUR_API_KEY`,
 *     `REPLACE_ME`, `PUT_PASSWORD_HERE`, `masked`, `Your AWS Secret Access Key`,
 *     `enter password here`, also as a variable's name (`${your_accessKey}`); and words, without
 *     a digit, in a script other than Latin (`你的密码`, `<数据库密码>`, `您的AccessKey Secret`),
 *     which documentation in other languages writes;
 *   - a name where its value belongs, as a command line written out with stand-ins has it:
 *     `mysql_pass`, `s3_sk`, `PASSWORD`, `API_SECRET` (but a plain `${db_password}` is a variable).
 * - an identifier: an access key *id* in its published form (`AKIA...`, `LTAI...`), the
 *   public half of a key pair, wherever it is written; or the name of a Java class that handles
 *   the credential (`org.apache.hadoop.fs.s3a.auth.delegation.SessionTokenBinding`);
 * - nothing: blank text, text that says there is no value (`null`, `none`, `n/a`), or a switch
 *   (`true`, `no`, `disabled`), which a key or a query parameter named after a credential takes
 *   when it turns one on or off (`use.token = 'true'`, `?token=true`).
 *
 * Text in one pair of matching quotes (`''`, `"FkPw"`) is judged by what the quotes hold.
 *
 * An `Authorization` scheme in front (`Bearer ******`) is judged by the credential after it.
 * Everything else is a literal credential, however weak or odd it looks (`123456`, `changeme`,
 * `password`, `{p4ss}`, `correct horse battery staple`).
 */
import { keyWords } from "./keyWords";
import { containsReference, isReference } from "./secretReference";

/** The schemes of an HTTP `Authorization` value, `Bearer <token>`, `Basic <base64>`. */
export const authorizationScheme = /^(bearer|basic|token|digest|bot|oauth|negotiate|apikey)$/i;

/** What a text standing where a credential belongs is. */
export type CredentialText = "empty" | "reference" | "placeholder" | "identifier" | "literal";

// The published forms of access key *ids*, the public half of a key pair: AWS (`AKIA...`,
// `ASIA...` for temporary keys) and Alibaba Cloud (`LTAI...`).
const accessKeyId = /^((AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}|LTAI[A-Za-z0-9]{12,30})$/;

// A fully qualified Java class name: lower-case packages, then a class (nested ones after `$`).
const className = /^([a-z_][a-z0-9_]*\.){2,}[A-Z][A-Za-z0-9_]*(\$[A-Za-z0-9_]+)*$/;

const schemePrefix = /^(\S+)\s+(\S[\s\S]*)$/;
// Text that says there is no value.
const noValue = /^(null|none|nil|n\/a|undefined)$/i;
const switchValue = /^(true|false|yes|no|on|off|enabled|disabled)$/i;
const maskRun = /[*•●]{3,}/;
const ellipsis = /\.\.\.|…/;
const bracketed = /^(<+[^<>]*\p{L}[^<>]*>+|\[+[^[\]]*\p{L}[^[\]]*\]+|\(+[^()]*\p{L}[^()]*\)+)$/u;
const bracketedWords = /^[\p{L}\p{M}\p{N}_\s.'/:-]*$/u;
// Words in a script other than Latin (`你的密码`, `数据库密码`, `пароль`), with Latin words among them
// (`您的AccessKey Secret`) but no digit: documentation in another language saying what belongs there.
const otherScriptLetter = /[^\P{L}\p{Script=Latin}]/u;
const proseCharacters = /^[\p{L}\p{M}\s'’.,，。、:：;；()（）【】《》「」＜＞<>[\]_-]+$/u;
const templateMarkup = /\{\{[^{}]*\}\}|\{%[^%]*%\}|<%[^%]*%>/;
const braceField = /^\{((?:[^{}]|\}\})*)\}$/;
const hostExpression = /^[A-Za-z_][\w]*(\s*(\.[A-Za-z_]\w*|\([^()]*\)|\[[^[\]]*\]))+$/;
const identifier = /^[A-Za-z_][\w]*$/;
const otherFields = [/^%(\([\w.]+\))?[sdr]$/, /^(@@?|__|##)[\w.-]+\1$/, /^#\{[^{}]+\}#?$/];
const placeholderWords = new Set([
    "your", "placeholder", "replace", "insert", "enter", "here", "todo", "tbd", "fixme",
    // Words of a redaction: what was there has been taken out.
    "redacted", "omitted", "masked", "hidden", "removed", "filtered",
]);
const credentialWords = /^(password|passwd|pwd|pw|psw|pswd|pass|passphrase|secret|secrets|key|keys|token|tokens|credential|credentials|api|access|apikey|sk)$/;
// An identifier in snake case of two words or more (`mysql_pass`, `s3_sk`) or in capitals
// (`PASSWORD`, `API_SECRET`): how a name, not a value, is written.
const credentialName = /^([a-z][a-z0-9]*(_[a-z][a-z0-9]*)+|[A-Z][A-Z0-9]*(_[A-Z][A-Z0-9]*)*)$/;

/**
 * Says what `text`, written where a credential belongs, is.
 *
 * @example
 * classifyCredential("Fk8Kafka!pw"); // "literal"
 * classifyCredential("${secret_values.kafka_pw}"); // "reference"
 * classifyCredential("${file:/opt/flink/kafka.properties:password}"); // "reference"
 * classifyCredential("******"); // "placeholder"
 * classifyCredential("{kafka_password}"); // "placeholder": a template field
 */
export function classifyCredential(text: string): CredentialText {
    const schemed = schemePrefix.exec(text.trim());
    const trimmed = schemed !== null && authorizationScheme.test(schemed[1]) ? schemed[2].trim() : text.trim();
    const quoted = /^(['"])([\s\S]*)\1$/.exec(trimmed);
    if (quoted !== null) {
        return classifyCredential(quoted[2]);
    }
    if (trimmed === "" || noValue.test(trimmed) || switchValue.test(trimmed)) {
        return "empty";
    }
    if (isReference(trimmed) || containsReference(trimmed)) {
        return "reference";
    }
    if (accessKeyId.test(trimmed) || className.test(trimmed)) {
        return "identifier";
    }
    const braced = braceField.exec(trimmed);
    if (braced !== null && !isHostField(braced[1].trim())) {
        // Braces quote a value in an ODBC connection string, `}}` standing for `}`: `PWD={a;b}}c}`.
        return classifyCredential(braced[1].replace(/\}\}/g, "}"));
    }
    return isPlaceholder(trimmed) ? "placeholder" : "literal";
}

/**
 * True when `text`, written where a credential belongs, is a credential in plain text.
 *
 * @example
 * isLiteralSecret("Fk8Kafka!pw"); // true
 * isLiteralSecret("${secret_values.kafka_pw}"); // false
 * isLiteralSecret("******"); // false: a masked placeholder
 * isLiteralSecret("file:///opt/pulsar/token.txt"); // false: where the credential is read from
 */
export function isLiteralSecret(text: string): boolean {
    return classifyCredential(text) === "literal";
}

function isPlaceholder(text: string): boolean {
    if (maskRun.test(text) || isFiller(text) || ellipsis.test(text) || templateMarkup.test(text)) {
        return true;
    }
    const inBrackets = bracketed.exec(text);
    if (inBrackets !== null && bracketedWords.test(text.replace(/^[<[(]+|[>\])]+$/g, ""))) {
        return true;
    }
    // A variable named for what belongs there is a placeholder too: `${your_accessKey}`.
    const variable = /^\$\{\s*([\p{L}\p{N}_.-]+)\s*\}$/u.exec(text);
    return braceField.test(text) || otherFields.some((pattern) => pattern.test(text)) || isPlaceholderWording(variable?.[1] ?? text) || isCredentialName(text);
}

/** Text at least half made of runs of one character repeated three times or more (`xxx`, `XXXX-XXXX`). */
/**
 * A name standing where its value belongs, as in a command line written out with stand-ins
 * (`password=mysql_pass`, `s3.secret-key=s3_sk`, `password="PASSWORD"`): an identifier in snake
 * case or in capitals with a credential word among its words. Only as the text itself: a plain
 * `${db_password}` is a variable, whose value is what counts.
 */
function isCredentialName(text: string): boolean {
    return credentialName.test(text) && keyWords(text).some((word) => credentialWords.test(word));
}

function isFiller(text: string): boolean {
    if (/^([xX])\1+$/.test(text)) {
        // `xx`, the shortest filler, as posts write it.
        return true;
    }
    const filler = [...text.matchAll(/(.)\1{2,}/g)].reduce((sum, [run]) => sum + run.length, 0);
    return filler >= 3 && filler * 2 >= text.length;
}

/**
 * A host-language template field: empty or positional (`{}`, `{0}`), an expression
 * (`{os.environ["PW"]}`, `{cfg.kafka.password}`), a name with a credential word (`{password}`,
 * `{db_password_v2}`) or a name of several words of letters (`{sasl_jaas}`, `{srApiSecret}`).
 * Other text in braces (`{p4ss}`, `{Fk7rQ2}`) is a literal, as ODBC writes braced values.
 */
function isHostField(content: string): boolean {
    if (content === "" || /^\d+$/.test(content) || hostExpression.test(content)) {
        return true;
    }
    if (!identifier.test(content)) {
        return false;
    }
    const words = keyWords(content);
    return words.some((word) => credentialWords.test(word)) || (words.length > 1 && words.every((word) => /^[a-z]+$/.test(word)));
}

/**
 * Words that say what belongs there: a word of {@link placeholderWords} (`yourPassword`,
 * `REPLACE_ME`), a phrase of several words naming a credential or its owner (`Your AWS Secret
 * Access Key`, `my secret`), or words without a digit in a script other than Latin (`你的密码`,
 * `【数据库密码】`).
 */
function isPlaceholderWording(text: string): boolean {
    if (otherScriptLetter.test(text) && proseCharacters.test(text)) {
        return true;
    }
    if (!/^[A-Za-z][\w\s'-]*$/.test(text)) {
        return false;
    }
    const words = keyWords(text);
    if (words.some((word) => placeholderWords.has(word))) {
        return true;
    }

    const spaced = text.trim().split(/\s+/);
    return spaced.length > 1 && words.some((word) => credentialWords.test(word) || word === "my" || word === "the");
}
