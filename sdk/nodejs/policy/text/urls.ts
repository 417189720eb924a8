/**
 * Reads the credentials that URLs carry:
 *
 * - the password of the user info, `scheme://user:password@host` (JDBC, MongoDB, Redis, HTTP,
 *   S3), also when the password holds an unencoded `/`, `?` or `#`, as AWS secret keys often do
 *   (`s3://AKIA...:wJalr/K7MDENG@bucket/path`): the user info runs from `://` to the first `@`
 *   after `user:`, unless what follows the colon is a port and a path (`https://host:8080/a?to=x@y`);
 * - the password of an Oracle thin URL, `jdbc:oracle:thin:user/password@host`;
 * - an API key in a query parameter named `key` (Google Maps, Gemini, YouTube APIs:
 *   `...?address=...&key=AIza...`), when the value has the shape of a key rather than of a word.
 *
 * Other query parameters (`password=`, `token=`, `Signature=`) are assignments, read by
 * `embeddedSecrets.ts`.
 */
import { isLiteralSecret } from "./literalSecret";

/** A URL in free text: a scheme and `//`, or an Oracle JDBC URL. */
export const urlPattern = /\b(?:[a-z][a-z0-9+.-]*:\/\/|jdbc:oracle:)[^\s'"`]+/gi;

const schemeStart = /\b[a-z][a-z0-9+.-]*:\/\//gi;
const userAndColon = /^([^\s/?#@:'"`]*):/;
const passwordUpToAt = /^([^\s'"`@]*)@/;
const portAndPath = /^\d+[/;?#,&]/;
const oracleThinUrl = /\bjdbc:oracle:[a-z]+:[^\s/@:'"]+\/([^\s@'"]+)@/gi;
const keyParameter = /[?&]key=([^&#\s'"`]+)/gi;
const keyShape = /^(?=.*\d)(?=.*[A-Za-z])[\w.~-]{16,}$/;

/** Describes each literal credential in the URLs of `value`, without the credential. */
export function urlSecrets(value: string): string[] {
    const found: string[] = [];
    for (const match of value.matchAll(schemeStart)) {
        const afterScheme = value.slice(match.index + match[0].length);
        const user = userAndColon.exec(afterScheme);
        const password = user === null ? null : passwordUpToAt.exec(afterScheme.slice(user[0].length));
        if (password !== null && !portAndPath.test(password[1]) && isLiteralSecret(password[1])) {
            found.push("a password in a URL (user:password@host)");
        }
    }
    for (const match of value.matchAll(oracleThinUrl)) {
        if (isLiteralSecret(match[1])) {
            found.push("a password in an Oracle JDBC URL (user/password@host)");
        }
    }
    for (const [url] of value.matchAll(urlPattern)) {
        for (const match of url.matchAll(keyParameter)) {
            if (keyShape.test(match[1]) && isLiteralSecret(match[1])) {
                found.push("an API key in a URL query (key=)");
            }
        }
    }
    return found;
}
