import * as assert from "node:assert/strict";
import { checkEngineVersion, compareVersionNumbers, engineVersionRule, parseEngineVersion } from "../../../sdk/nodejs/policy";
import { draftLabel, makeDraft } from "../../helpers/draftFactory";
import { assertCompliant, assertViolations } from "../../helpers/policyAssertions";

describe("engine-version rule", () => {
    describe("parseEngineVersion", () => {
        it("parses the plain form", () => {
            assert.deepEqual(parseEngineVersion("vvr-8.0.9-flink-1.17"), { vvr: [8, 0, 9], qualifiers: [], flink: [1, 17, 0] });
        });

        it("accepts a qualifier and a two-part VVR version, as Ververica ships them", () => {
            assert.deepEqual(parseEngineVersion("vvr-11.1-jdk11-flink-1.20"), { vvr: [11, 1, 0], qualifiers: ["jdk11"], flink: [1, 20, 0] });
            assert.deepEqual(parseEngineVersion("vvr-8.0.11-jdk11-flink-1.17")?.vvr, [8, 0, 11]);
        });

        it("rejects other forms", () => {
            for (const text of ["8.0.9", "vvr-8.0.9", "flink-1.17", "vvr-x-flink-1.17", "vvr-8.0.9-flink-1.17-extra", "1.15.2-stream1-scala_2.12"]) {
                assert.equal(parseEngineVersion(text), undefined, text);
            }
        });
    });

    it("compares versions numerically, not as text", () => {
        assert.ok(compareVersionNumbers([8, 0, 10], [8, 0, 9]) > 0);
        assert.ok(compareVersionNumbers([6, 0, 7], [8, 0, 0]) < 0);
        assert.equal(compareVersionNumbers([8, 0, 0], [8, 0, 0]), 0);
    });

    it("accepts a version at or above the minimum", () => {
        assertCompliant(checkEngineVersion(makeDraft({ engineVersion: "vvr-8.0.0-flink-1.17" })));
        assertCompliant(checkEngineVersion(makeDraft({ engineVersion: "vvr-11.1-jdk11-flink-1.20" })));
    });

    it("flags a version below the minimum, naming the draft and the fix", () => {
        const violations = checkEngineVersion(makeDraft({ engineVersion: "vvr-6.0.7-flink-1.15" }));
        assertViolations(violations, engineVersionRule, 1, draftLabel, '"vvr-6.0.7-flink-1.15"', "older than the minimum 8.0.0", "Upgrade");
    });

    it("honours a configured minimum VVR and Flink version", () => {
        const config = { minimumVvrVersion: "8.0.5", minimumFlinkVersion: "1.18", deniedVersions: [] };
        assertViolations(checkEngineVersion(makeDraft({ engineVersion: "vvr-8.0.4-flink-1.17" }), config), engineVersionRule, 2, "VVR 8.0.4");
        assertViolations(checkEngineVersion(makeDraft({ engineVersion: "vvr-8.0.9-flink-1.17" }), config), engineVersionRule, 1, "Flink 1.17");
        assertCompliant(checkEngineVersion(makeDraft({ engineVersion: "vvr-11.1-jdk11-flink-1.20" }), config));
    });

    it("flags versions matching a deny glob against the whole string", () => {
        const config = { minimumVvrVersion: "8.0.0", deniedVersions: ["vvr-8.0.1-*", "*-jdk11-flink-1.1?"] };
        assertViolations(checkEngineVersion(makeDraft({ engineVersion: "vvr-8.0.1-flink-1.17" }), config), engineVersionRule, 1, "denied", '"vvr-8.0.1-*"');
        assertViolations(checkEngineVersion(makeDraft({ engineVersion: "vvr-8.0.11-jdk11-flink-1.17" }), config), engineVersionRule, 1, "denied");
        // The dot in the pattern is literal and the match is anchored: 8.0.10 is not 8.0.1-anything.
        assertCompliant(checkEngineVersion(makeDraft({ engineVersion: "vvr-8.0.10-flink-1.17" }), config));
    });

    it("flags a missing or unparseable version", () => {
        assertViolations(checkEngineVersion(makeDraft({ engineVersion: undefined })), engineVersionRule, 1, "no engine version is set");
        assertViolations(checkEngineVersion(makeDraft({ engineVersion: "  " })), engineVersionRule, 1, "no engine version is set");
        assertViolations(checkEngineVersion(makeDraft({ engineVersion: "latest" })), engineVersionRule, 1, '"latest" is not of the form');
    });

    it("rejects a malformed minimum in the configuration", () => {
        assert.throws(() => checkEngineVersion(makeDraft(), { minimumVvrVersion: "eight", deniedVersions: [] }), /minimumVvrVersion: 'eight'/);
    });

    it("matches deny globs in any letter case, as the version parser reads versions", () => {
        const config = { deniedVersions: ["vvr-8.0.1-*"] };
        assertViolations(checkEngineVersion(makeDraft({ engineVersion: "VVR-8.0.1-FLINK-1.17" }), config), engineVersionRule, 1, "denied");
        assertViolations(checkEngineVersion(makeDraft({ engineVersion: "vvr-8.0.1-flink-1.17" }), { deniedVersions: ["VVR-8.0.1-*"] }), engineVersionRule, 1, "denied");
    });

    it("keeps the defaults for settings a partial configuration leaves out, from TypeScript and JavaScript alike", () => {
        assertViolations(checkEngineVersion(makeDraft({ engineVersion: "vvr-8.0.4-flink-1.17" }), { minimumVvrVersion: "8.0.5" }), engineVersionRule, 1, "older than the minimum 8.0.5");
        assertCompliant(checkEngineVersion(makeDraft(), {}));
        const fromJavaScript: object = { minimumVvrVersion: undefined, deniedVersions: undefined };
        assertCompliant(checkEngineVersion(makeDraft(), fromJavaScript));
    });
});
