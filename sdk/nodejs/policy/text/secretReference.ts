/**
 * Ververica's secret variables: `${secret_values.<name>}` is replaced by the secret's value
 * when the job starts, so a value that holds such a reference holds no secret itself.
 */

const secretReference = /\$\{\s*secret_values\.[\w.-]+\s*\}/;

/**
 * True when `value` contains a `${secret_values.<name>}` reference.
 *
 * @example
 * containsSecretReference("${secret_values.mysql_pw}"); // true
 * containsSecretReference("${mysql_pw}"); // false: a plain variable is stored in plain text
 */
export function containsSecretReference(value: string): boolean {
    return secretReference.test(value);
}
