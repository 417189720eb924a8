import * as assert from "node:assert/strict";
import { findSqlOptions, splitSqlStatements, SqlOption, tokenizeSql } from "../../../sdk/nodejs/policy";

/** The options as `key=value@line` strings, for compact comparisons. */
function optionsOf(script: string): string[] {
    return findSqlOptions(script).map((o: SqlOption) => `${o.key}=${o.value}@${o.line}`);
}

describe("SQL tokenizer", () => {
    it("drops line and block comments, keeping words that follow them", () => {
        const tokens = tokenizeSql("SELECT -- 'password' ; here\n /* a ; 'b' \n */ 1");
        assert.deepEqual(
            tokens.map((t) => [t.kind, t.text, t.line]),
            [
                ["word", "SELECT", 1],
                ["word", "1", 3],
            ],
        );
    });

    it("reads strings with '' escapes and keeps ;, -- and /* inside them", () => {
        const tokens = tokenizeSql("'it''s; -- not /* a comment'");
        assert.deepEqual(
            tokens.map((t) => [t.kind, t.text]),
            [["string", "it's; -- not /* a comment"]],
        );
    });

    it("reads backtick and double-quoted identifiers with doubled-quote escapes", () => {
        const tokens = tokenizeSql('`my``table` "col ""x"";"');
        assert.deepEqual(
            tokens.map((t) => [t.kind, t.text]),
            [
                ["identifier", "my`table"],
                ["identifier", 'col "x";'],
            ],
        );
    });

    it("keeps /*+ ... */ hints as tokens and counts lines inside strings", () => {
        const tokens = tokenizeSql("'a\nb'\nSELECT /*+ OPTIONS('k'='v') */ x");
        assert.deepEqual(
            tokens.map((t) => [t.kind, t.text, t.line]),
            [
                ["string", "a\nb", 1],
                ["word", "SELECT", 3],
                ["hint", " OPTIONS('k'='v') ", 3],
                ["word", "x", 3],
            ],
        );
    });

    it("runs an unterminated string or comment to the end instead of throwing", () => {
        assert.deepEqual(
            tokenizeSql("SET 'a' = 'open").map((t) => t.text),
            ["SET", "a", "=", "open"],
        );
        assert.deepEqual(
            tokenizeSql("SELECT 1 /* open").map((t) => t.text),
            ["SELECT", "1"],
        );
    });

    it("splits statements only on ; outside strings and comments, numbering non-empty ones", () => {
        const statements = splitSqlStatements("SET 'a;b' = 'c';;\n-- x; y\nSELECT ';' ; /* ; */ INSERT INTO t SELECT 1");
        assert.deepEqual(
            statements.map((s) => [s.index, s.line, s.tokens.map((t) => t.text).join(" ")]),
            [
                [1, 1, "SET a;b = c"],
                [2, 3, "SELECT ;"],
                [3, 3, "INSERT INTO t SELECT 1"],
            ],
        );
    });
});

describe("SQL options", () => {
    it("finds WITH options of CREATE TEMPORARY TABLE with their lines", () => {
        const script = "create temporary table src (\n  id INT\n) with (\n  'connector' = 'kafka',\n  'topic' = 'orders'\n);";
        assert.deepEqual(optionsOf(script), ["connector=kafka@4", "topic=orders@5"]);
        const [first] = findSqlOptions(script);
        assert.equal(first.source, "with");
        assert.equal(first.statementIndex, 1);
        assert.equal(first.statementSummary, "CREATE TEMPORARY TABLE src");
    });

    it("finds CREATE CATALOG options and summarises qualified and quoted names", () => {
        const script = "CREATE CATALOG IF NOT EXISTS `my cat` WITH ('type' = 'paimon');\nCREATE TABLE c.db.`t` WITH ('connector' = 'print');";
        const options = findSqlOptions(script);
        assert.deepEqual(
            options.map((o) => [o.key, o.value, o.statementIndex, o.statementSummary]),
            [
                ["type", "paimon", 1, "CREATE CATALOG my cat"],
                ["connector", "print", 2, "CREATE TABLE c.db.t"],
            ],
        );
    });

    it("keeps parentheses and commas inside values in one value", () => {
        const script = "CREATE TABLE t (a INT) WITH ('k' = concat('x', ('y')), 'j' = 'z')";
        assert.deepEqual(optionsOf(script), ["k=concat('x', ('y'))@1", "j=z@1"]);
    });

    it("reads SET statements, quoted and bare, and ALTER ... SET lists", () => {
        const script = "SET 'table.exec.mini-batch.enabled' = 'true';\nset pipeline.name = job;\nALTER TABLE t SET ('password' = 'x');";
        const options = findSqlOptions(script);
        assert.deepEqual(
            options.map((o) => [o.key, o.value, o.source, o.statementSummary]),
            [
                ["table.exec.mini-batch.enabled", "true", "set", "SET"],
                ["pipeline.name", "job", "set", "SET"],
                ["password", "x", "set", "ALTER TABLE t"],
            ],
        );
    });

    it("reads OPTIONS hints inside queries and statement sets", () => {
        const script = [
            "EXECUTE STATEMENT SET BEGIN",
            "INSERT INTO a SELECT * FROM src /*+ OPTIONS('scan.startup.mode' = 'latest-offset') */;",
            "INSERT INTO b SELECT * FROM src;",
            "END;",
        ].join("\n");
        const options = findSqlOptions(script);
        assert.deepEqual(
            options.map((o) => [o.key, o.value, o.source, o.line, o.statementIndex]),
            [["scan.startup.mode", "latest-offset", "hint", 2, 1]],
        );
    });

    it("ignores option-like text in comments and strings, and WITH that opens no list", () => {
        const script = [
            "-- WITH ('password' = 'x')",
            "/* SET 'password' = 'y'; */",
            "SELECT 'WITH (''password'' = ''z'')' FROM t;",
            "WITH totals AS (SELECT 1) SELECT * FROM totals;",
        ].join("\n");
        assert.deepEqual(optionsOf(script), []);
    });

    it("treats EXECUTE STATEMENT SET and a plain SET; as no option", () => {
        assert.deepEqual(optionsOf("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; END;\nSET;\nRESET 'a';"), []);
    });
});
