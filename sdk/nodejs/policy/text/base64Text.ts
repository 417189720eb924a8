/**
 * Bounded decoding of base64: a value that carries a configuration as base64 (a JSON argument,
 * a service account key passed as `credentials`, Camel's `base64:...`) carries the credentials
 * inside it too. Only what decodes to text is returned, so that the same scanners can read it;
 * what decodes to bytes is key material or data (see `keyMaterial.ts`).
 *
 * Bounds: at most {@link maxCandidates} runs a value, each of at most {@link maxLength}
 * characters; the caller decides how deep to recurse.
 */

/** The most base64 runs of one value that are decoded. */
export const maxCandidates = 8;
/** The longest base64 run that is decoded. */
export const maxLength = 65536;

// Control characters other than tabs and line breaks: what binary data decodes to.
function hasControlCharacter(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 0x7f || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) return true;
    }
    return false;
}
const base64Run = /(?<![\w+/-])(?:base64:)?([A-Za-z0-9+/_-]{16,}={0,2})(?![\w+/=-])/g;

/**
 * The texts that base64 runs of `value` decode to: standard or URL-safe alphabet, padded or
 * not, decoding to UTF-8 text without control characters other than tabs and line breaks.
 *
 * @example
 * decodedTexts('--config eyJwYXNzd29yZCI6ICJwNHNzIn0='); // ['{"password": "p4ss"}']
 */
export function decodedTexts(value: string): string[] {
    const texts: string[] = [];
    for (const match of [...value.matchAll(base64Run)].slice(0, maxCandidates)) {
        const text = decodeText(match[1]);
        if (text !== undefined) {
            texts.push(text);
        }
    }
    return texts;
}

/** The bytes a base64 text decodes to, or undefined when it is not base64 of a whole number of bytes. */
export function decodeBase64(run: string): Buffer | undefined {
    const unpadded = run.replace(/=+$/, "");
    const mixedAlphabets = /[+/]/.test(unpadded) && /[-_]/.test(unpadded);
    if (unpadded.length > maxLength || unpadded.length % 4 === 1 || mixedAlphabets) {
        return undefined;
    }
    return Buffer.from(unpadded.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

function decodeText(run: string): string | undefined {
    const bytes = decodeBase64(run);
    if (bytes === undefined || bytes.length === 0) {
        return undefined;
    }
    try {
        const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        return hasControlCharacter(text) ? undefined : text;
    } catch {
        return undefined;
    }
}
