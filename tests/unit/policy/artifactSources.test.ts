import * as assert from "node:assert/strict";
import { artifactSourcesRule, checkArtifactSources } from "../../../sdk/nodejs/policy";
import { draftLabel, jarDraft, makeDraft, pythonDraft, sqlDraft, cdcYamlDraft } from "../../helpers/draftFactory";
import { assertCompliant, assertNotLeaked, assertViolations } from "../../helpers/policyAssertions";

describe("artifact-sources rule", () => {
    it("accepts OSS URIs by default", () => {
        assertCompliant(checkArtifactSources(makeDraft()));
        assertCompliant(checkArtifactSources(jarDraft({ jarUri: "OSS://bucket/job.jar", additionalDependencies: ["oss://bucket/dep.jar"] })));
    });

    it("flags http:// with the reason, naming the field", () => {
        const violations = checkArtifactSources(jarDraft({ jarUri: "http://repo.example.com/job.jar" }));
        assertViolations(violations, artifactSourcesRule, 1, draftLabel, 'jarArtifact.jarUri "http://repo.example.com/job.jar" uses the scheme http', "tampered with");
    });

    it("checks every URI list of a Python artifact", () => {
        const violations = checkArtifactSources(
            pythonDraft({
                pythonArtifactUri: "oss://b/job.py",
                additionalDependencies: ["https://x/dep.jar"],
                additionalPythonLibraries: ["oss://b/lib.zip", "s3://b/lib2.zip"],
                additionalPythonArchives: ["venv.zip"],
            }),
        );
        const messages = assertViolations(violations, artifactSourcesRule, 3, "pythonArtifact.additionalDependencies[0]");
        assert.ok(messages[1].includes("pythonArtifact.additionalPythonLibraries[1]"));
        assert.ok(messages[2].includes('pythonArtifact.additionalPythonArchives[0] "venv.zip" has no URI scheme'));
    });

    it("checks additional dependencies of SQL and CDC YAML drafts", () => {
        assertViolations(checkArtifactSources(sqlDraft("SELECT 1", { additionalDependencies: ["file:///tmp/udf.jar"] })), artifactSourcesRule, 1, "sqlArtifact.additionalDependencies[0]");
        assertViolations(checkArtifactSources(cdcYamlDraft("source: {}", { additionalDependencies: ["ftp://h/c.jar"] })), artifactSourcesRule, 1, "cdcYamlArtifact.additionalDependencies[0]");
    });

    it("requires one of the configured prefixes when there are any", () => {
        const config = { allowedSchemes: ["oss", "https"], allowedPrefixes: ["oss://flink-artifacts/", "https://repo.example.com/"] };
        assertCompliant(checkArtifactSources(jarDraft({ jarUri: "https://repo.example.com/job.jar", additionalDependencies: ["oss://flink-artifacts/a.jar"] }), config));
        assertViolations(checkArtifactSources(jarDraft({ jarUri: "oss://flink-artifacts-evil/job.jar" }), config), artifactSourcesRule, 1, "outside the allowed locations", "oss://flink-artifacts/");
    });

    it("checks every part the artifact carries, not only the one its kind selects", () => {
        const draft = makeDraft({ artifact: { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: "SELECT 1" }, jarArtifact: { jarUri: "http://x/unused.jar" } } });
        assertViolations(checkArtifactSources(draft), artifactSourcesRule, 1, 'jarArtifact.jarUri "http://x/unused.jar"');
    });

    it("never echoes credentials or query strings of a URI", () => {
        const violations = checkArtifactSources(jarDraft({ jarUri: "https://deploy:pa55@repo.example.com/job.jar?Signature=abc123#frag" }));
        const messages = assertViolations(violations, artifactSourcesRule, 1, '"https://***@repo.example.com/job.jar?***"');
        assertNotLeaked(messages, "pa55", "abc123", "deploy");
    });
});
