import * as assert from "node:assert/strict";
import { checkTestConnectors, testConnectorsRule } from "../../../sdk/nodejs/policy";
import { draftLabel, makeDraft, sqlDraft } from "../../helpers/draftFactory";
import { assertCompliant, assertViolations } from "../../helpers/policyAssertions";

describe("test-connectors rule", () => {
    it("accepts real connectors", () => {
        assertCompliant(checkTestConnectors(makeDraft()));
    });

    it("flags datagen, blackhole and print tables with statement and line", () => {
        const script = [
            "CREATE TEMPORARY TABLE src (id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '10');",
            "CREATE TEMPORARY TABLE sink (id INT) WITH (",
            "  'connector' = 'BlackHole'",
            ");",
            "create table debug with ('CONNECTOR' = 'print');",
            "INSERT INTO sink SELECT * FROM src;",
        ].join("\n");
        const messages = assertViolations(checkTestConnectors(sqlDraft(script)), testConnectorsRule, 3, draftLabel, "SQL statement 1 (CREATE TEMPORARY TABLE src), line 1", '"datagen"');
        assert.ok(messages[1].includes('SQL statement 2 (CREATE TEMPORARY TABLE sink), line 3: uses the test connector "BlackHole"'));
        assert.ok(messages[2].includes("SQL statement 3 (CREATE TABLE debug), line 5"));
    });

    it("ignores connectors in comments and strings, and other options named like them", () => {
        const script = [
            "-- CREATE TABLE t WITH ('connector' = 'datagen');",
            "CREATE TABLE t WITH ('connector' = 'kafka', 'format' = 'print', 'topic' = 'connector=datagen');",
            "SELECT '''connector'' = ''print''' FROM t;",
        ].join("\n");
        assertCompliant(checkTestConnectors(sqlDraft(script)));
    });

    it("follows the configured connector list", () => {
        assertCompliant(checkTestConnectors(sqlDraft("CREATE TABLE t WITH ('connector' = 'datagen');"), { connectors: ["faker"] }));
        assertViolations(checkTestConnectors(sqlDraft("CREATE TABLE t WITH ('connector' = 'faker');"), { connectors: ["faker"] }), testConnectorsRule, 1);
    });

    it("checks SQL carried by a draft of another kind", () => {
        const draft = makeDraft({ artifact: { kind: "JAR", jarArtifact: { jarUri: "oss://b/j.jar" }, sqlArtifact: { sqlScript: "CREATE TABLE t WITH ('connector' = 'print');" } } });
        assertViolations(checkTestConnectors(draft), testConnectorsRule, 1, "SQL statement 1 (CREATE TABLE t), line 1");
    });
});
