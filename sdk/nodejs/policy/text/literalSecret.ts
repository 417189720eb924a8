/**
 * Decides whether the text standing where a credential belongs is the credential itself. Four
 * kinds of text stand there without being one:
 *
 * - a `${secret_values.<name>}` reference, which Ververica replaces when the job starts;
 * - a masked or template placeholder, `******`, `xxxxxx`, `<password>`, `<<REPLACE>>`,
 *   `{{ db_password }}`, `yourPassword`, `YOUR_API_KEY`: documentation, templates and redacted
 *   copies write these, and a job deployed with one fails to log in rather than leaking
 *   anything;
 * - a `file:` URI, which names where the client reads the credential (Pulsar
 *   `authParams=file:///path/token`, an OAuth2 `"privateKey": "file:///path/key.json"`);
 * - a cloud resource name, `arn:aws:secretsmanager:...` or `acs:ram::...:role/flink`, which names
 *   a secret or a role held elsewhere.
 *
 * An `Authorization` scheme in front (`Bearer ******`) is judged by the credential after it.
 * Everything else that is not blank is a literal credential, however weak or odd it looks
 * (`123456`, `changeme`, `password`).
 */
import { containsSecretReference } from "./secretReference";

/** The schemes of an HTTP `Authorization` value, `Bearer <token>`, `Basic <base64>`. */
export const authorizationScheme = /^(bearer|basic|token|digest|bot|oauth|negotiate|apikey)$/i;
const schemePrefix = /^(\S+)\s+(\S[\s\S]*)$/;
const maskedPlaceholder = /^(?:[*•●]+|x{3,})$/i;
const templatePlaceholder = /^(?:<+[\w\s.-]+>+|\{\{[^{}]+\}\}|your[-_ ]?[a-z][\w-]*)$/i;
const fileUri = /^file:\S+$/i;
const resourceName = /^(arn|acs):[\w-]*:\S*$/;

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
    const schemed = schemePrefix.exec(text.trim());
    const trimmed = schemed !== null && authorizationScheme.test(schemed[1]) ? schemed[2].trim() : text.trim();
    return (
        trimmed !== "" &&
        !containsSecretReference(trimmed) &&
        !maskedPlaceholder.test(trimmed) &&
        !templatePlaceholder.test(trimmed) &&
        !fileUri.test(trimmed) &&
        !resourceName.test(trimmed)
    );
}
