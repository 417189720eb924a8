/**
 * Rejects arguments a function or resource does not declare, so that a misspelt filter
 * (`nameRegexp` for `nameRegex`) fails before any request instead of being ignored and
 * widening the result. Keys starting with `__` are Pulumi's own (the dynamic provider's
 * `__provider`, the engine's bookkeeping) and are never the user's.
 */
import { InvalidArgumentError } from "./errors";

/** Whether a key is one Pulumi reserves for itself rather than a user's argument. */
export function isPulumiInternalKey(key: string): boolean {
    return key.startsWith("__");
}

/**
 * Throws {@link InvalidArgumentError} naming the first key of `args` that is not in `known`,
 * with the nearest known name when it looks like a typo of one, else the list of known names.
 * `owner` names what takes the arguments, e.g. `getDeploymentDrafts`.
 */
export function rejectUnknownArguments(args: object, known: readonly string[], owner: string): void {
    const knownNames = new Set(known);
    for (const key of Object.keys(args)) {
        if (knownNames.has(key) || isPulumiInternalKey(key)) continue;
        const nearest = nearestName(key, known);
        const hint = nearest === undefined ? `it takes ${known.map((k) => JSON.stringify(k)).join(", ")}` : `did you mean ${JSON.stringify(nearest)}?`;
        throw new InvalidArgumentError(key, `is not an argument of ${owner}; ${hint}`);
    }
}

/**
 * The known name `name` is most likely a typo of: equal but for case, or within two edits
 * (a third of the name's length for short names), the closest first. Undefined when none is.
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
    const lower = name.toLowerCase();
    const sameButCase = known.find((k) => k.toLowerCase() === lower);
    if (sameButCase !== undefined) return sameButCase;
    const allowed = Math.min(2, Math.max(1, Math.floor(name.length / 3)));
    let best: { readonly name: string; readonly distance: number } | undefined;
    for (const candidate of known) {
        const distance = editDistance(lower, candidate.toLowerCase());
        if (distance <= allowed && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
    }
    return best?.name;
}

// Levenshtein distance with adjacent transpositions counted as one edit (`nmae` for `name`).
function editDistance(a: string, b: string): number {
    const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) rows[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
            }
        }
    }
    return rows[a.length][b.length];
}
