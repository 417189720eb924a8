/**
 * Key material: a symmetric key (AES, HMAC) written as base64 or hex, under a key name that says
 * it is a key but not which (`s3.sse.key`, `encryption.key`, `column.encrypt.key`). Such a name
 * holds either a reference to a key kept elsewhere (a KMS key id or ARN, `alias/flink`) or the
 * key itself; the value tells which. Iceberg's `s3.sse.key`, for one, is "a KMS Key ID" for
 * `s3.sse.type = kms` and "a custom base-64 AES256 symmetric key" for `custom`.
 */
import { decodeBase64 } from "./base64Text";
import { keyWords } from "./keyWords";

const materialWords = new Set(["key", "keys", "aes", "kek", "dek", "cipher", "crypto", "encryption", "encrypt"]);
// Names that hold something about a key rather than the key: its id, the public half, a KMS key.
const notMaterialWords = new Set(["id", "ids", "name", "arn", "alias", "kms", "public", "pub", "type", "algorithm", "mode", "file", "path", "location", "url", "uri", "md5", "hash", "checksum", "fingerprint", "size", "length", "fields", "field", "format", "prefix"]);
const keyBytes = new Set([16, 24, 32, 48, 64]);
const paddedBase64 = /^[A-Za-z0-9+/]+={0,2}$/;
const hexKey = /^(?=.*\d)(?=.*[a-f])[0-9a-f]+$/i;
const hexLengths = new Set([32, 48, 64, 96, 128]);

/** True for a name that says it holds a key without saying it holds something else about one. */
export function isKeyMaterialName(name: string): boolean {
    const words = keyWords(name);
    return words.some((word) => materialWords.has(word)) && !words.some((word) => notMaterialWords.has(word));
}

/**
 * True for a value that is a symmetric key: base64 (padded, of mixed characters) of 16, 24, 32,
 * 48 or 64 bytes, or hex of as many bytes.
 *
 * @example
 * isKeyMaterial("MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI="); // true: 32 bytes
 * isKeyMaterial("1234abcd-12ab-34cd-56ef-1234567890ab"); // false: a KMS key id
 */
export function isKeyMaterial(value: string): boolean {
    const text = value.trim();
    if (hexKey.test(text)) {
        return hexLengths.has(text.length);
    }
    const mixed = /\d|[+/]/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text);
    const bytes = paddedBase64.test(text) && text.length % 4 === 0 && mixed ? decodeBase64(text) : undefined;
    return bytes !== undefined && keyBytes.has(bytes.length);
}
