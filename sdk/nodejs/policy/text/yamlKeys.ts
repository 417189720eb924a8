/**
 * Reads the `key: value` lines of a Flink CDC pipeline YAML at every depth, without a YAML
 * library: the rules only need each scalar's key, value and line.
 *
 * Handled: block mappings at any indentation, list items (`- key: value`), quoted keys and
 * values, `#` comments, block scalars (`key: |` followed by more-indented lines). Out of reach:
 * flow mappings (`{ password: x }`), plain or quoted values continued on the next line, anchors
 * and aliases.
 */

/** One `key: value` line of a YAML document. */
export interface YamlScalar {
    /** The key without quotes. */
    readonly key: string;
    /** The value without quotes; empty for a key that opens a nested block. Never copy it into a message. */
    readonly value: string;
    /** The 1-based line. */
    readonly line: number;
}

const keyValueLine = /^\s*(?:-\s+)*(?:"([^"]*)"|'([^']*)'|([^\s'"#][^:#]*?))\s*:(?:\s+(.*))?$/;

const blockScalarIndicator = /^[|>][-+0-9]*$/;

/** Returns the document's `key: value` lines in order. */
export function findYamlScalars(document: string): YamlScalar[] {
    const lines = document.split(/\r?\n/);
    const scalars: YamlScalar[] = [];
    for (let i = 0; i < lines.length; i++) {
        const match = keyValueLine.exec(stripComment(lines[i]));
        if (match === null) {
            continue;
        }
        const key = match[1] ?? match[2] ?? match[3];
        let value = unquote((match[4] ?? "").trim());
        const line = i + 1;
        if (blockScalarIndicator.test(value)) {
            // The value is the following lines indented deeper than the key's line (blank lines included).
            const indent = indentation(lines[i]);
            const body: string[] = [];
            while (i + 1 < lines.length && (lines[i + 1].trim() === "" || indentation(lines[i + 1]) > indent)) {
                body.push(lines[++i].trim());
            }
            value = body.join("\n").trim();
        }
        scalars.push({ key, value, line });
    }
    return scalars;
}

function indentation(line: string): number {
    return line.length - line.trimStart().length;
}

/** Cuts a `#` comment (at the line start or after whitespace, outside quotes) off a line. */
function stripComment(line: string): string {
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote !== undefined) {
            if (c === quote) {
                quote = undefined;
            }
        } else if ((c === "'" || c === '"') && (i === 0 || /[\s:\-]/.test(line[i - 1]))) {
            // Only a quote that opens a scalar quotes; an apostrophe inside a plain value does not.
            quote = c;
        } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) {
            return line.slice(0, i);
        }
    }
    return line;
}

function unquote(value: string): string {
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
        return value.slice(1, -1);
    }
    return value;
}
