/**
 * Splits a key name into its words, so that a rule can judge a key by the words it is made of
 * wherever they stand: `fs.oss.accessKeySecret` → `fs oss access key secret`,
 * `DB_PASSWORD_PROD` → `db password prod`, `OAuthClientSecret` → `o auth client secret`.
 *
 * Words are split on every character that is neither a letter nor a digit (`.`, `_`, `-`, spaces,
 * `/`, `:`), at camel-case humps (`accessKey`, `APIKey`) and, for a lowercase run that is
 * entirely made of words of a vocabulary (`accesskeyid` → `access key id`), into those words.
 * A run that is not (`tokenizer`, `keytab`, `dbpassword`) stays one word.
 */

/** The key's words, lowercased, in order. */
export function keyWords(key: string, vocabulary: ReadonlySet<string> = new Set()): string[] {
    const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
    return spaced
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((word) => word !== "")
        .flatMap((word) => segment(word, vocabulary) ?? [word]);
}

/** The key's words joined by dots: the form the key patterns are tested on. */
export function wordForm(key: string, vocabulary?: ReadonlySet<string>): string {
    return keyWords(key, vocabulary).join(".");
}

/**
 * Reads a run of letters as the vocabulary words it is made of, each at least two letters long,
 * preferring the fewest words; undefined when the run is itself a word or is not made of words.
 */
function segment(word: string, vocabulary: ReadonlySet<string>): string[] | undefined {
    if (vocabulary.has(word) || word.length < 4) {
        return undefined;
    }
    // best[i]: the shortest split of word.slice(0, i) into vocabulary words.
    const best: (string[] | undefined)[] = [[]];
    for (let end = 2; end <= word.length; end++) {
        for (let start = 0; start <= end - 2; start++) {
            const head = best[start];
            const part = word.slice(start, end);
            if (head !== undefined && vocabulary.has(part) && (best[end] === undefined || head.length + 1 < (best[end]?.length ?? Infinity))) {
                best[end] = [...head, part];
            }
        }
    }
    const split = best[word.length];
    return split !== undefined && split.length > 1 ? split : undefined;
}
