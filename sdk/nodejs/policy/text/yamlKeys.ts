/**
 * Reads the scalar values of a Flink CDC pipeline YAML with a YAML parser, each with its key and
 * line, at every depth: block and flow mappings (`{type: mysql, password: x}`), JSON, lists,
 * quoted, folded and multi-line values, several documents, and aliases of scalars
 * (`password: *pw`). In a mapping with `name` (or `key`) and `value` entries, as in
 * environment-style lists (`- name: DB_PASSWORD` / `value: ...`), the value is read under the
 * name it is given.
 *
 * Ververica replaces `${...}` variables in the text before the YAML is parsed, so a reference
 * may stand where YAML syntax would not allow its braces (`{password: ${secret_values.pw}}`).
 * References are swapped for placeholders while parsing and put back in the values.
 *
 * A document that does not parse is read as far as the parser recovers; what it cannot read is
 * out of reach.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, Node, parseAllDocuments } from "yaml";

/** One scalar value of a YAML document. */
export interface YamlScalar {
    /**
     * The key of the mapping entry that holds the value (for a list item, the list's key; for
     * the `value` of a `name`/`value` mapping, the name).
     */
    readonly key: string;
    /** The value as text; empty for a null value. Never copy it into a message. */
    readonly value: string;
    /** The 1-based line of the key (or of the list item). */
    readonly line: number;
    /** Which mapping holds the key: scalars of one mapping share it (sibling keys). */
    readonly mapping: number;
}

const variable = /\$\{([^{}\n]*)\}/g;
const openPlaceholder = "\uE000";
const closePlaceholder = "\uE001";
const placeholder = new RegExp(`${openPlaceholder}([^${closePlaceholder}]*)${closePlaceholder}`, "g");

/** Returns the document's scalar values under a key, in document order. */
export function findYamlScalars(text: string): YamlScalar[] {
    const lineCounter = new LineCounter();
    const masked = text.replace(variable, `${openPlaceholder}$1${closePlaceholder}`);
    const scalars: YamlScalar[] = [];
    let mappings = 0;
    for (const document of parseAllDocuments(masked, { lineCounter, uniqueKeys: false, prettyErrors: false })) {
        const lineOf = (node: Node | null | undefined): number => lineCounter.linePos(node?.range?.[0] ?? 0).line;
        const visit = (node: unknown, key: string | undefined, line: number, mapping: number): void => {
            const resolved = isAlias(node) ? node.resolve(document) : node;
            if (isMap(resolved) && !isAlias(node)) {
                // `{name: DB_PASSWORD, value: ...}` (environment-style lists) sets the named key.
                const named = resolved.get("name") ?? resolved.get("key");
                const valueName = typeof named === "string" && resolved.has("value") ? unmask(named) : undefined;
                const id = ++mappings;
                for (const pair of resolved.items) {
                    let pairKey = isScalar(pair.key) ? unmask(scalarText(pair.key.value)) : undefined;
                    if (valueName !== undefined && pairKey === "value") {
                        pairKey = valueName;
                    }
                    visit(pair.value, pairKey, lineOf(isScalar(pair.key) ? pair.key : undefined), id);
                }
            } else if (isSeq(resolved) && !isAlias(node)) {
                for (const item of resolved.items) {
                    visit(item, key, isScalar(item) || isMap(item) || isSeq(item) ? lineOf(item) : line, mapping);
                }
            } else if (isScalar(resolved) && key !== undefined) {
                scalars.push({ key, value: unmask(scalarText(resolved.value)), line, mapping });
            }
        };
        visit(document.contents, undefined, 1, 0);
    }
    return scalars;
}

function unmask(text: string): string {
    return text.replace(placeholder, "${$1}");
}

// A scalar's value as text: null as empty, dates and other objects as JSON, never `[object Object]`.
function scalarText(value: unknown): string {
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
    return value === null || value === undefined ? "" : (JSON.stringify(value) ?? "");
}
