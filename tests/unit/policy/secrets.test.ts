import * as assert from "node:assert/strict";
import { checkPlaintextSecrets, containsSecretReference, plaintextSecretsRule } from "../../../sdk/nodejs/policy";
import { cdcYamlDraft, draftLabel, jarDraft, makeDraft, pythonDraft, sqlDraft } from "../../helpers/draftFactory";
import { assertCompliant, assertNotLeaked, assertViolations } from "../../helpers/policyAssertions";

const secret = "Hunter2-s3cr3t";

describe("no-plaintext-secrets rule", () => {
    it("recognises ${secret_values.<name>} references", () => {
        assert.ok(containsSecretReference("${secret_values.db_pw}"));
        assert.ok(containsSecretReference("user=\"a\" password=\"${ secret_values.kafka-pw }\";"));
        assert.ok(!containsSecretReference("${db_pw}"));
        assert.ok(!containsSecretReference("$secret_values.db_pw"));
    });

    describe("in SQL", () => {
        it("accepts a secret reference and flags a literal in a WITH list", () => {
            const script = [
                "CREATE TEMPORARY TABLE users WITH (",
                "  'connector' = 'mysql',",
                "  'username' = 'flink',",
                "  'password' = '${secret_values.mysql_pw}'",
                ");",
                "CREATE TEMPORARY TABLE orders WITH (",
                "  'connector' = 'jdbc',",
                `  'password' = '${secret}'`,
                ");",
            ].join("\n");
            const messages = assertViolations(
                checkPlaintextSecrets(sqlDraft(script)),
                plaintextSecretsRule,
                1,
                draftLabel,
                "SQL statement 2 (CREATE TEMPORARY TABLE orders), line 8",
                "option \"password\" in a WITH list",
                "${secret_values.<name>}",
            );
            assertNotLeaked(messages, secret);
        });

        it("ignores secret-looking words in comments and strings that are not option keys", () => {
            const script = [
                "-- 'password' = 'in-a-line-comment'",
                "/* SET 'password' = 'in-a-block-comment'; */",
                "CREATE TABLE t WITH ('connector' = 'kafka', 'topic' = 'password'' reset; -- not a comment');",
                "SELECT 'password' AS label FROM t;",
            ].join("\n");
            assertCompliant(checkPlaintextSecrets(sqlDraft(script)));
        });

        it("handles '' escapes, mixed-case keywords, nested parentheses and several statements", () => {
            const script = [
                "SET 'pipeline.name' = 'it''s; fine';",
                "create temporary table a (id int, ts AS PROCTIME()) With (",
                "  'connector' = 'hologres', 'endpoint' = 'h:80',",
                `  'PassWord' = '${secret.replace("2", "''2")}'`,
                ");",
                "CREATE CATALOG pg WITH ('type' = 'jdbc', 'base-url' = 'jdbc:postgresql://h:5432', 'password' = '${secret_values.pg}');",
            ].join("\n");
            const messages = assertViolations(checkPlaintextSecrets(sqlDraft(script)), plaintextSecretsRule, 1, "SQL statement 2 (CREATE TEMPORARY TABLE a), line 4", '"PassWord"');
            assertNotLeaked(messages, secret, "Hunter'2", "Hunter''2");
        });

        it("flags literals in SET statements, ALTER ... SET lists and OPTIONS hints", () => {
            const script = [
                `SET 'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${secret}";';`,
                `ALTER TABLE t SET ('access-key' = '${secret}');`,
                `INSERT INTO sink SELECT * FROM src /*+ OPTIONS('accessKeySecret' = '${secret}') */;`,
            ].join("\n");
            const messages = assertViolations(checkPlaintextSecrets(sqlDraft(script)), plaintextSecretsRule, 3, "SQL statement 1 (SET), line 1", "in a SET");
            assert.ok(messages[1].includes('option "access-key" in a SET'));
            assert.ok(messages[2].includes('option "accessKeySecret" in an OPTIONS hint'));
            assertNotLeaked(messages, secret);
        });

        it("accepts a JAAS config that embeds a secret reference, and empty values", () => {
            const script = [
                "SET 'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"${secret_values.kafka}\";';",
                "CREATE TABLE t WITH ('connector' = 'mysql', 'password' = '');",
            ].join("\n");
            assertCompliant(checkPlaintextSecrets(sqlDraft(script)));
        });

        it("flags a plain ${variable}: local variables are stored in plain text", () => {
            assertViolations(checkPlaintextSecrets(sqlDraft("CREATE TABLE t WITH ('password' = '${db_password}');")), plaintextSecretsRule, 1, '"password"');
        });

        it("uses the configured key patterns instead of the defaults", () => {
            const script = `CREATE TABLE t WITH ('password' = 'x', 'api.auth' = '${secret}');`;
            const messages = assertViolations(checkPlaintextSecrets(sqlDraft(script), { secretKeyPatterns: ["^api\\.auth$"] }), plaintextSecretsRule, 1, '"api.auth"');
            assertNotLeaked(messages, secret);
        });

        it("rejects an invalid configured pattern with a clear error", () => {
            assert.throws(() => checkPlaintextSecrets(makeDraft(), { secretKeyPatterns: ["("] }), /secretKeyPatterns: '\(' is not a valid regular expression/);
        });
    });

    describe("in main arguments", () => {
        it("flags --key value, --key=value, -Dkey=value and key=value forms", () => {
            const mainArgs = `--db.password=${secret} --token ${secret} -Dfs.oss.accessKeySecret=${secret} password=${secret} --verbose --name job`;
            const messages = assertViolations(checkPlaintextSecrets(jarDraft({ jarUri: "oss://b/job.jar", mainArgs })), plaintextSecretsRule, 4, "jarArtifact.mainArgs, argument 1", '"db.password"');
            assert.ok(messages[1].includes('argument 2: "token"'));
            assert.ok(messages[2].includes('argument 4: "fs.oss.accessKeySecret"'));
            assert.ok(messages[3].includes('argument 5: "password"'));
            assertNotLeaked(messages, secret);
        });

        it("accepts secret references, quoted or not, and lone flags", () => {
            const mainArgs = "--password '${secret_values.pw}' --db.password=${secret_values.pw} --use-token-auth --other x";
            assertCompliant(checkPlaintextSecrets(pythonDraft({ pythonArtifactUri: "oss://b/job.py", mainArgs })));
        });

        it("checks Python main arguments and quoted values", () => {
            const mainArgs = `--secret "${secret} with spaces"`;
            const messages = assertViolations(checkPlaintextSecrets(pythonDraft({ pythonArtifactUri: "oss://b/job.py", mainArgs })), plaintextSecretsRule, 1, "pythonArtifact.mainArgs, argument 1");
            assertNotLeaked(messages, secret);
        });
    });

    describe("in CDC YAML", () => {
        it("flags secret keys at any depth and accepts references", () => {
            const cdcYaml = [
                "source:",
                "  type: mysql",
                "  username: flink",
                "  password: ${secret_values.mysql}",
                "sink:",
                "  type: paimon",
                "  catalog.properties.fs.oss.accessKeySecret: \"" + secret + "\"  # inline comment",
                "  options:",
                "    - token: " + secret,
                "# password: commented-out",
            ].join("\n");
            const messages = assertViolations(checkPlaintextSecrets(cdcYamlDraft(cdcYaml)), plaintextSecretsRule, 2, "cdcYamlArtifact.cdcYaml, line 7");
            assert.ok(messages[1].includes('line 9: key "token"'));
            assertNotLeaked(messages, secret);
        });

        it("reads block scalars as the value", () => {
            const literal = ["private-key: |", `  ${secret}`, "  more", "type: x"].join("\n");
            assertViolations(checkPlaintextSecrets(cdcYamlDraft(literal)), plaintextSecretsRule, 1, 'line 1: key "private-key"');
            const reference = ["private-key: >-", "  ${secret_values.key}", "type: x"].join("\n");
            assertCompliant(checkPlaintextSecrets(cdcYamlDraft(reference)));
        });
    });

    it("flags secret-named local variables with literal values", () => {
        const draft = makeDraft({ localVariables: [{ name: "db_password", value: secret }, { name: "topic", value: "orders" }, { name: "api_token", value: "${secret_values.t}" }] });
        const messages = assertViolations(checkPlaintextSecrets(draft), plaintextSecretsRule, 1, 'local variable "db_password"');
        assertNotLeaked(messages, secret);
    });

    it("flags passwords in URIs of any artifact part without echoing them", () => {
        const draft = makeDraft({
            artifact: {
                kind: "SQLSCRIPT",
                sqlArtifact: { sqlScript: "SELECT 1", additionalDependencies: [`https://deploy:${secret}@repo.example.com/udf.jar`, "https://anon@repo.example.com/a.jar"] },
                jarArtifact: { jarUri: "https://u:${secret_values.repo}@repo.example.com/job.jar" },
            },
        });
        const messages = assertViolations(checkPlaintextSecrets(draft), plaintextSecretsRule, 1, "sqlArtifact.additionalDependencies[0] holds a password in a URL (user:password@host)");
        assertNotLeaked(messages, secret);
    });

    it("scans artifact parts the kind does not select, since they are stored as well", () => {
        const draft = makeDraft({
            artifact: { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: "SELECT 1" }, jarArtifact: { mainArgs: `--password ${secret}` } },
        });
        assertViolations(checkPlaintextSecrets(draft), plaintextSecretsRule, 1, "jarArtifact.mainArgs");
    });

    it("flags secrets in labels, reading a JSON label value entry by entry", () => {
        const draft = makeDraft({ labels: { team: "orders", db_password: secret, conn: { user: "etl", password: secret }, flags: [true, "ok"] } });
        const messages = assertViolations(checkPlaintextSecrets(draft), plaintextSecretsRule, 2, 'label "db_password" has a literal value');
        assert.ok(messages[1].includes('label "conn.password" has a literal value'));
        assertNotLeaked(messages, secret);
    });

    it("tests configured key patterns on the key's words as well as on the key as written", () => {
        const script = `CREATE TABLE t WITH ('acmeAuthBlob' = '${secret}', 'acme_auth_blob_v2' = '${secret}');`;
        const messages = assertViolations(checkPlaintextSecrets(sqlDraft(script), { secretKeyPatterns: ["(^|\\.)auth\\.blob(\\.|$)"] }), plaintextSecretsRule, 2, '"acmeAuthBlob"');
        assertNotLeaked(messages, secret);
    });

    it("accepts the default compliant draft", () => {
        assertCompliant(checkPlaintextSecrets(makeDraft()));
    });

    it("keeps the default key patterns for settings a partial configuration leaves out", () => {
        const script = `CREATE TABLE t WITH ('password' = '${secret}', 'acme.auth-blob' = '${secret}');`;
        assertViolations(checkPlaintextSecrets(sqlDraft(script), {}), plaintextSecretsRule, 1, '"password"');
        const messages = assertViolations(checkPlaintextSecrets(sqlDraft(script), { additionalSecretKeys: ["Auth-Blob"] }), plaintextSecretsRule, 2);
        assert.ok(messages[1].includes('option "acme.auth-blob"'));
        assertNotLeaked(messages, secret);
    });

    it("lets configured exclusions silence a key and rejects an invalid exclusion", () => {
        assertCompliant(checkPlaintextSecrets(sqlDraft(`CREATE TABLE t WITH ('legacy.token' = 'abc');`), { excludedKeyPatterns: ["^legacy\\."] }));
        assert.throws(() => checkPlaintextSecrets(makeDraft(), { excludedKeyPatterns: ["["] }), /excludedKeyPatterns: '\[' is not a valid regular expression/);
    });
});
