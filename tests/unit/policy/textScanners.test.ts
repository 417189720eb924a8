import * as assert from "node:assert/strict";
import { findMainArgSettings, splitArguments } from "../../../sdk/nodejs/policy/text/mainArgs";
import { findYamlScalars } from "../../../sdk/nodejs/policy/text/yamlKeys";

describe("main-argument scanner", () => {
    it("splits like a shell: quotes group, backslashes escape", () => {
        assert.deepEqual(splitArguments(`a  'b c' "d \\"e\\"" f\\ g ''`), ["a", "b c", 'd "e"', "f g", ""]);
    });

    it("pairs --key with the next argument unless that is an option", () => {
        assert.deepEqual(
            findMainArgSettings("--a 1 --flag --b=2 -Dc=3 d=4 positional -- --e"),
            [
                { key: "a", value: "1", position: 1 },
                { key: "b", value: "2", position: 4 },
                { key: "Dc", value: "3", position: 5 },
                { key: "d", value: "4", position: 6 },
            ],
        );
    });
});

describe("YAML scanner", () => {
    it("reads keys at any depth, in lists, quoted, and strips comments", () => {
        const yaml = [
            "source:",
            "  type: mysql   # the source",
            "  'quoted key': \"v # not a comment\"",
            "  tables:",
            "    - name: a",
            "      url: jdbc:mysql://h:3306/db",
            "  note: it's # a comment",
            "# key: commented",
            "  - plain item",
        ].join("\n");
        assert.deepEqual(
            findYamlScalars(yaml).map((s) => [s.key, s.value, s.line]),
            [
                ["source", "", 1],
                ["type", "mysql", 2],
                ["quoted key", "v # not a comment", 3],
                ["tables", "", 4],
                ["name", "a", 5],
                ["url", "jdbc:mysql://h:3306/db", 6],
                ["note", "it's", 7],
            ],
        );
    });

    it("reads a block scalar's indented lines as its value", () => {
        assert.deepEqual(
            findYamlScalars("a: |\n  one\n\n  two\nb: x").map((s) => [s.key, s.value, s.line]),
            [
                ["a", "one\n\ntwo", 1],
                ["b", "x", 5],
            ],
        );
    });
});
