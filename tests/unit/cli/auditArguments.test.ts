import * as assert from "node:assert";
import { parseAuditArguments } from "../../../sdk/nodejs/cli/auditArguments";
import { UsageError } from "../../../sdk/nodejs/cli/cliErrors";

describe("audit's command-line flags", () => {
    it("reads every flag, in both --flag value and --flag=value forms, with defaults", () => {
        assert.deepStrictEqual(parseAuditArguments(["--workspace", "ws", "--namespace=a", "--namespace", "b", "--namespace", "a"]), {
            workspace: "ws",
            namespaces: ["a", "b"],
            format: "text",
            failOn: "mandatory",
            allowEmpty: false,
            help: false,
        });
        const all = parseAuditArguments([
            "--workspace=ws",
            "--namespace=a",
            "--config",
            "c.json",
            "--format",
            "sarif",
            "--output",
            "r.sarif",
            "--fail-on",
            "never",
            "--endpoint",
            "127.0.0.1:1",
            "--region",
            "cn-hangzhou",
            "--profile",
            "ci",
            "--allow-empty",
        ]);
        assert.deepStrictEqual(
            [all.configFile, all.format, all.outputFile, all.failOn, all.endpoint, all.region, all.profile, all.allowEmpty, all.help],
            ["c.json", "sarif", "r.sarif", "never", "127.0.0.1:1", "cn-hangzhou", "ci", true, false],
        );
    });

    it("asks only for help with --help", () => {
        assert.strictEqual(parseAuditArguments(["--help"]).help, true);
        assert.strictEqual(parseAuditArguments(["-h", "--workspace", "ws"]).help, true);
    });

    for (const [argv, message] of [
        [["--namespace", "a"], /--workspace is required/],
        [["--workspace", "ws"], /--namespace is required/],
        [["--workspace", " ", "--namespace", "a"], /--workspace is blank/],
        [["--workspace", "ws", "--namespace", "a", "--format", "xml"], /--format must be one of text, json, sarif, got "xml"/],
        [["--workspace", "ws", "--namespace", "a", "--fail-on", "error"], /--fail-on must be one of mandatory, advisory, never/],
        [["--workspace", "ws", "--namespace", "a", "--workspace", "other"], /--workspace is given 2 times/],
        [["--workspace", "ws", "--namespace"], /--namespace needs a value/],
        [["--workspace", "ws", "--namespace", "a", "--verbose"], /unknown argument "--verbose"/],
        [["--workspace", "ws", "--namespace", "a", "--output="], /--output is empty/],
        [["--workspace", "ws", "--namespace", "a", "--allow-empty=yes"], /unknown argument "--allow-empty=yes"/],
    ] as const) {
        it(`rejects ${argv.join(" ")}`, () => {
            assert.throws(() => parseAuditArguments(argv), (e: unknown) => e instanceof UsageError && message.test(e.message));
        });
    }
});
