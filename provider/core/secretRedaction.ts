/**
 * The secrets this process holds (AccessKey secrets and security tokens, given or resolved),
 * masked out of any text from elsewhere before it is logged or returned: our own errors never
 * carry a credential, but a library's or the runtime's message may quote one.
 */

/** What stands in a text for a secret masked out of it. */
export const secretMask = "[secret]";

// STS tokens are refreshed while a process runs; the oldest ones are forgotten past this bound.
const maxRemembered = 64;
// Shorter values would mask ordinary words; no AccessKey secret or token is this short.
const minSecretLength = 8;

const remembered = new Set<string>();

/** Adds a secret to those masked out of error texts. */
export function rememberSecret(value: string | undefined): void {
    if (value === undefined || value.length < minSecretLength || remembered.has(value)) return;
    remembered.add(value);
    if (remembered.size > maxRemembered) {
        const [oldest] = remembered;
        if (oldest !== undefined) remembered.delete(oldest);
    }
}

/** `text` with every remembered secret replaced by `secretMask`. */
export function redactSecrets(text: string): string {
    let redacted = text;
    for (const secret of remembered) {
        if (redacted.includes(secret)) redacted = redacted.split(secret).join(secretMask);
    }
    return redacted;
}

/** An error's message (or a thrown value's text), with every remembered secret masked. */
export function redactedMessageOf(e: unknown): string {
    return redactSecrets(e instanceof Error ? e.message : String(e));
}
