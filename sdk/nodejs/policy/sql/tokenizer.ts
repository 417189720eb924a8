/**
 * A small tokenizer for Flink SQL scripts, just precise enough for the policy rules: it knows
 * where strings, quoted identifiers, comments and statements begin and end, so that a `;`, `--`
 * or `password` inside a string or a comment is never mistaken for syntax.
 *
 * It is not a parser. What it recognises:
 *
 * - `-- ...` line comments and `/* ... *\/` block comments (dropped; block comments do not nest,
 *   as in Flink). A `/*+ ... *\/` block is a query hint and is kept as a `hint` token, because
 *   hints such as `OPTIONS('password' = '...')` carry table options.
 * - `'...'` strings with `''` as the escaped quote; a prefix such as `E'...'` or `U&'...'` comes out
 *   as a separate word token in front of the string.
 * - `` `...` `` identifiers (with ``` `` ``` escapes) and `"..."` identifiers (with `""` escapes).
 * - words (keywords, names, numbers) and single-character symbols.
 *
 * An unterminated string, identifier or comment runs to the end of the script instead of
 * failing: a policy has to say something useful about a half-edited draft too.
 */

/** The kinds of token the tokenizer produces. */
export type SqlTokenKind = "word" | "string" | "identifier" | "symbol" | "hint";

/** One token of a Flink SQL script. */
export interface SqlToken {
    /** What the token is. */
    readonly kind: SqlTokenKind;
    /**
     * The token's text: a string's content without its quotes and with `''` unescaped, an
     * identifier's name without its quotes, a hint's body between `/*+` and `*\/`, or the source
     * text of a word or symbol.
     */
    readonly text: string;
    /** The 1-based line on which the token starts. */
    readonly line: number;
    /** The offset of the token's first character in the tokenized text. */
    readonly start: number;
    /** The offset just past the token's last character (its closing quote included). */
    readonly end: number;
}

/** A statement of a script: the tokens between two `;` outside strings and comments. */
export interface SqlStatement {
    /** The 1-based position of the statement among the script's non-empty statements. */
    readonly index: number;
    /** The 1-based line of the statement's first token. */
    readonly line: number;
    /** The statement's tokens, without the closing `;`. */
    readonly tokens: readonly SqlToken[];
}

const wordCharacter = /[\p{L}\p{N}_$]/u;
const whitespace = /\s/;

/**
 * Splits a Flink SQL script (or a fragment of one, such as a hint body) into tokens.
 *
 * @param source The SQL text.
 * @param firstLine The line number of the text's first line, for fragments cut out of a script.
 */
export function tokenizeSql(source: string, firstLine = 1): SqlToken[] {
    const tokens: SqlToken[] = [];
    let line = firstLine;
    let i = 0;

    // Advances over source[from, to) and counts the line breaks crossed.
    const advanceTo = (to: number): void => {
        for (let j = i; j < to; j++) {
            if (source[j] === "\n") {
                line++;
            }
        }
        i = to;
    };

    // Reads a quoted run starting at i, where a doubled quote stands for one quote character.
    const readQuoted = (quote: string): string => {
        let text = "";
        let j = i + 1;
        while (j < source.length) {
            if (source[j] === quote) {
                if (source[j + 1] === quote) {
                    text += quote;
                    j += 2;
                    continue;
                }
                j++;
                advanceTo(j);
                return text;
            }
            text += source[j];
            j++;
        }
        advanceTo(source.length);
        return text;
    };

    while (i < source.length) {
        const c = source[i];
        const next = source[i + 1];
        const startLine = line;
        const start = i;
        if (whitespace.test(c)) {
            advanceTo(i + 1);
        } else if (c === "-" && next === "-") {
            const end = source.indexOf("\n", i);
            advanceTo(end === -1 ? source.length : end);
        } else if (c === "/" && next === "*") {
            const end = source.indexOf("*/", i + 2);
            const bodyEnd = end === -1 ? source.length : end;
            if (source[i + 2] === "+") {
                tokens.push({ kind: "hint", text: source.slice(i + 3, bodyEnd), line: startLine, start, end: end === -1 ? source.length : end + 2 });
            }
            advanceTo(end === -1 ? source.length : end + 2);
        } else if (c === "'") {
            const text = readQuoted("'");
            tokens.push({ kind: "string", text, line: startLine, start, end: i });
        } else if (c === "`" || c === '"') {
            const text = readQuoted(c);
            tokens.push({ kind: "identifier", text, line: startLine, start, end: i });
        } else if (wordCharacter.test(c)) {
            let j = i + 1;
            while (j < source.length && wordCharacter.test(source[j])) {
                j++;
            }
            tokens.push({ kind: "word", text: source.slice(i, j), line: startLine, start, end: j });
            advanceTo(j);
        } else {
            tokens.push({ kind: "symbol", text: c, line: startLine, start, end: i + 1 });
            advanceTo(i + 1);
        }
    }
    return tokens;
}

/**
 * Splits a Flink SQL script into statements on every `;` outside strings, identifiers and
 * comments. Empty statements (`;;`, a trailing comment) are left out.
 *
 * The bodies of `EXECUTE STATEMENT SET BEGIN ... END;` and `BEGIN STATEMENT SET; ... END;` are
 * split into their `INSERT` statements like any other: the rules look at options wherever they
 * occur, so the grouping does not matter to them.
 */
export function splitSqlStatements(script: string): SqlStatement[] {
    const statements: SqlStatement[] = [];
    let current: SqlToken[] = [];
    const finish = (): void => {
        if (current.length > 0) {
            statements.push({ index: statements.length + 1, line: current[0].line, tokens: current });
            current = [];
        }
    };
    for (const token of tokenizeSql(script)) {
        if (token.kind === "symbol" && token.text === ";") {
            finish();
        } else {
            current.push(token);
        }
    }
    finish();
    return statements;
}

/** True when `token` is the word `keyword`, in any letter case. */
export function isKeyword(token: SqlToken | undefined, keyword: string): boolean {
    return token !== undefined && token.kind === "word" && token.text.toUpperCase() === keyword;
}

/** True when `token` is the symbol `symbol`. */
export function isSymbol(token: SqlToken | undefined, symbol: string): boolean {
    return token !== undefined && token.kind === "symbol" && token.text === symbol;
}
