import * as assert from "node:assert/strict";
import { findAssignments, findEmbeddedSecrets } from "../../../sdk/nodejs/policy/text/embeddedSecrets";
import { findMainArgSettings, splitArguments } from "../../../sdk/nodejs/policy/text/mainArgs";
import { findYamlScalars } from "../../../sdk/nodejs/policy/text/yamlKeys";

describe("main-argument scanner", () => {
    it("splits like a shell: quotes group, backslashes escape", () => {
        assert.deepEqual(splitArguments(`a  'b c' "d \\"e\\"" f\\ g ''`), ["a", "b c", 'd "e"', "f g", ""]);
    });

    it("reads --key value, --key=value, -Dkey=value, key=value and -key:value, and keeps positional arguments", () => {
        assert.deepEqual(findMainArgSettings("--a 1 --flag --b=2 -Dc.d=3 e=4 -f:5 positional -- --g"), [
            { key: "a", value: "1", position: 1 },
            { value: "--flag", position: 3 },
            { key: "b", value: "2", position: 4 },
            { key: "c.d", value: "3", position: 5 },
            { key: "e", value: "4", position: 6 },
            { key: "f", value: "5", position: 7 },
            { value: "positional", position: 8 },
            { value: "--", position: 9 },
            { value: "--g", position: 10 },
        ]);
    });

    it("gives a flag that always takes a value the next argument even when it starts with one dash", () => {
        const takesValue = (key: string): boolean => key === "password";
        assert.deepEqual(findMainArgSettings("--password -x9! --user u", takesValue), [
            { key: "password", value: "-x9!", position: 1 },
            { key: "user", value: "u", position: 3 },
        ]);
        assert.deepEqual(findMainArgSettings("--password --user u", takesValue), [
            { value: "--password", position: 1 },
            { key: "user", value: "u", position: 2 },
        ]);
    });
});

describe("YAML reader", () => {
    it("reads block and flow mappings, lists, quoted values and comments as YAML", () => {
        const yaml = [
            "source:",
            "  type: mysql   # the source",
            "  'quoted key': \"v # not a comment\"",
            "  tables:",
            "    - name: a",
            "      url: jdbc:mysql://h:3306/db",
            "sink: {type: doris, password: x}",
            "# key: commented",
            "list:",
            "  - one",
        ].join("\n");
        assert.deepEqual(
            findYamlScalars(yaml).map((s) => [s.key, s.value, s.line]),
            [
                ["type", "mysql", 2],
                ["quoted key", "v # not a comment", 3],
                ["name", "a", 5],
                ["url", "jdbc:mysql://h:3306/db", 6],
                ["type", "doris", 7],
                ["password", "x", 7],
                ["list", "one", 10],
            ],
        );
    });

    it("reads block scalars, multi-line plain values, JSON, aliases and several documents", () => {
        assert.deepEqual(findYamlScalars("a: |\n  one\n\n  two\nb: x\n  y").map((s) => [s.key, s.value, s.line]), [
            ["a", "one\n\ntwo\n", 1],
            ["b", "x y", 5],
        ]);
        assert.deepEqual(findYamlScalars('{"source": {"password": "p"}}\n---\nx: &v s\npassword: *v').map((s) => [s.key, s.value, s.line]), [
            ["password", "p", 1],
            ["x", "s", 3],
            ["password", "s", 4],
        ]);
    });

    it("keeps ${...} references intact, even where YAML would not allow their braces", () => {
        assert.deepEqual(
            findYamlScalars("source: {type: mysql, password: ${secret_values.pw}}").map((s) => [s.key, s.value]),
            [
                ["type", "mysql"],
                ["password", "${secret_values.pw}"],
            ],
        );
    });
});

describe("embedded secrets", () => {
    const isSecret = (name: string): boolean => /password|token|authorization/i.test(name);

    it("reads assignments in query strings, connection strings, JAAS, JSON and headers", () => {
        assert.deepEqual(
            findAssignments(`a=1&password=p2;x: y {"token":"t3"} Authorization: Bearer b4 jdbc:mysql://h user="u" pwd='p5'`).map((a) => [a.name, a.text]),
            [
                ["a", "1"],
                ["password", "p2"],
                ["x", "y"],
                ["token", "t3"],
                ["Authorization", "b4"],
                ["user", "u"],
                ["pwd", "p5"],
            ],
        );
    });

    it("describes each literal credential without its value, and accepts references", () => {
        assert.deepEqual(findEmbeddedSecrets("mongodb://app:p4ss@h:27017/db?authSource=admin&password=p5", isSecret), [
            "a password in a URL (user:password@host)",
            '"password" as literal text',
        ]);
        assert.deepEqual(findEmbeddedSecrets("jdbc:oracle:thin:scott/tiger@//db:1521/orcl", isSecret), ["a password in an Oracle JDBC URL (user/password@host)"]);
        assert.deepEqual(findEmbeddedSecrets("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB", isSecret), ["a private key in PEM form"]);
        assert.deepEqual(findEmbeddedSecrets("https://h/a.jar?Expires=1&Signature=abc", isSecret), ['"Signature" as literal text']);
        assert.deepEqual(
            findEmbeddedSecrets("mongodb://${secret_values.u}:${secret_values.p}@h/db?password=${secret_values.p}&Authorization: Bearer ${secret_values.t}", isSecret),
            [],
        );
    });
});
