/**
 * Finds the key/value options a Flink SQL script sets, wherever it sets them:
 *
 * - `WITH ('key' = 'value', ...)` after `CREATE [TEMPORARY] TABLE`, `CREATE CATALOG`,
 *   `CREATE DATABASE` and the like,
 * - `SET ('key' = 'value', ...)` in `ALTER TABLE` / `ALTER CATALOG`,
 * - `SET 'key' = 'value';` (and the unquoted `SET key = value;`) statements,
 * - `/*+ OPTIONS('key' = 'value') *\/` hints on a table in a query.
 *
 * Out of reach, by design of a tokenizer-level scan: options whose key is built at run time
 * (string concatenation, `${variable}` keys), options a table inherits through
 * `CREATE TABLE ... LIKE`, and SQL that is not in the script itself (catalog tables created
 * elsewhere, files pulled in as additional dependencies).
 */
import { isKeyword, isSymbol, splitSqlStatements, SqlStatement, SqlToken, tokenizeSql } from "./tokenizer";

/** Where in a script an option was set. */
export type SqlOptionSource = "with" | "set" | "hint";

/** One option set in a Flink SQL script. */
export interface SqlOption {
    /** The option key, e.g. `connector` or `properties.sasl.jaas.config`. */
    readonly key: string;
    /**
     * The option value: a string's content, or the value's text as written in the script when it
     * is not a single string (`concat('a', 'b')`, an unquoted `${secret_values.pw}` after `SET`).
     * It may be a secret, so it must never be copied into a message.
     */
    readonly value: string;
    /** The 1-based line on which the key stands. */
    readonly line: number;
    /** The construct that set the option. */
    readonly source: SqlOptionSource;
    /** The 1-based statement the option belongs to. */
    readonly statementIndex: number;
    /** A short description of that statement, e.g. `CREATE TEMPORARY TABLE orders`. */
    readonly statementSummary: string;
}

/** Returns every option the script sets, in script order. */
export function findSqlOptions(script: string): SqlOption[] {
    const options: SqlOption[] = [];
    for (const statement of splitSqlStatements(script)) {
        const summary = summarizeStatement(statement);
        const add = (source: SqlOptionSource, found: readonly FoundOption[]): void => {
            for (const option of found) {
                options.push({ ...option, source, statementIndex: statement.index, statementSummary: summary });
            }
        };
        const { tokens } = statement;
        if (isKeyword(tokens[0], "SET") && !isSymbol(tokens[1], "(")) {
            const option = keyValue(tokens.slice(1), script);
            if (option !== undefined) {
                add("set", [option]);
            }
        }
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i];
            if ((isKeyword(token, "WITH") || isKeyword(token, "SET")) && isSymbol(tokens[i + 1], "(")) {
                add(isKeyword(token, "WITH") ? "with" : "set", optionList(tokens, i + 1, script));
            } else if (token.kind === "hint") {
                const hint = tokenizeSql(token.text, token.line);
                for (let j = 0; j < hint.length; j++) {
                    if (isKeyword(hint[j], "OPTIONS") && isSymbol(hint[j + 1], "(")) {
                        add("hint", optionList(hint, j + 1, token.text));
                    }
                }
            }
        }
    }
    return options;
}

type FoundOption = Pick<SqlOption, "key" | "value" | "line">;

/**
 * Reads the `'key' = value` items of the parenthesised list that opens at `tokens[open]`, up to
 * its matching `)`. Parentheses inside values nest; commas inside them do not split items.
 * `source` is the text the tokens' offsets refer to.
 */
function optionList(tokens: readonly SqlToken[], open: number, source: string): FoundOption[] {
    const options: FoundOption[] = [];
    let item: SqlToken[] = [];
    let depth = 0;
    for (let i = open + 1; i < tokens.length; i++) {
        const token = tokens[i];
        if (isSymbol(token, "(")) {
            depth++;
        } else if (isSymbol(token, ")")) {
            if (depth === 0) {
                break;
            }
            depth--;
        } else if (depth === 0 && isSymbol(token, ",")) {
            const option = keyValue(item, source);
            if (option !== undefined) {
                options.push(option);
            }
            item = [];
            continue;
        }
        item.push(token);
    }
    const last = keyValue(item, source);
    if (last !== undefined) {
        options.push(last);
    }
    return options;
}

/** Reads `key = value` from an item's tokens; undefined when there is no `=` or no key. */
function keyValue(tokens: readonly SqlToken[], source: string): FoundOption | undefined {
    const equals = tokens.findIndex((token) => isSymbol(token, "="));
    if (equals <= 0) {
        return undefined;
    }
    const keyTokens = tokens.slice(0, equals);
    const valueTokens = tokens.slice(equals + 1);
    // Flink writes keys as strings; a SET statement may write them bare, as `a.b.c`.
    const key = keyTokens.map((token) => token.text).join("");
    const value =
        valueTokens.length === 1
            ? valueTokens[0].text
            : valueTokens.length === 0
              ? ""
              : source.slice(valueTokens[0].start, valueTokens[valueTokens.length - 1].end);
    return { key, value, line: keyTokens[0].line };
}

const createKeywords = new Set(["TEMPORARY", "TEMP", "SYSTEM", "OR", "REPLACE", "TABLE", "CATALOG", "DATABASE", "VIEW", "FUNCTION"]);
const ifNotExists = ["IF", "NOT", "EXISTS"];

/**
 * Describes a statement for messages: `CREATE TEMPORARY TABLE orders` for DDL, otherwise its
 * first keyword (`SET`, `INSERT`, `EXECUTE`, ...).
 */
export function summarizeStatement(statement: SqlStatement): string {
    const { tokens } = statement;
    const first = tokens[0];
    if (!(isKeyword(first, "CREATE") || isKeyword(first, "ALTER"))) {
        return first.kind === "word" ? first.text.toUpperCase() : "statement";
    }
    const words = [first.text.toUpperCase()];
    let i = 1;
    while (i < tokens.length && tokens[i].kind === "word" && createKeywords.has(tokens[i].text.toUpperCase())) {
        words.push(tokens[i].text.toUpperCase());
        i++;
    }
    if (ifNotExists.every((keyword, offset) => isKeyword(tokens[i + offset], keyword))) {
        i += ifNotExists.length;
    }
    // A name may be qualified: catalog.database.table.
    let name = "";
    while (i < tokens.length && (tokens[i].kind === "word" || tokens[i].kind === "identifier")) {
        name += tokens[i].text;
        if (!isSymbol(tokens[i + 1], ".")) {
            break;
        }
        name += ".";
        i += 2;
    }
    return name === "" ? words.join(" ") : `${words.join(" ")} ${name}`;
}
