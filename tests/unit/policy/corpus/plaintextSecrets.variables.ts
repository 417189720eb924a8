/**
 * Local variables, artifact URIs and configuration for the no-plaintext-secrets rule.
 */
import { SecretsCorpusCase } from "./secretsCorpusCase";

export const variableAndUriCases: readonly SecretsCorpusCase[] = [
    {
        name: "local variables named like secrets, and one holding a URL with a password",
        source: "https://www.alibabacloud.com/help/en/flink/user-guide/manage-variables (job variables) with adversarial names",
        localVariables: [
            { name: "mysql_pwd", value: "FkVar1" },
            { name: "openai_api_key", value: "sk-FkVar2abcdef" },
            { name: "jdbc_url", value: "jdbc:mysql://etl:FkVar3@db:3306/shop" },
            { name: "topic", value: "orders" },
            { name: "db_password", value: "${secret_values.db_password}" },
            { name: "password_file", value: "/etc/flink/pw" },
        ],
        violations: ['local variable "mysql_pwd" has a literal value', 'local variable "openai_api_key"', 'local variable "jdbc_url" holds a password in a URL'],
        secrets: ["FkVar1", "sk-FkVar2abcdef", "FkVar3"],
    },
    {
        name: "dependency URIs with a token query parameter, a pre-signed signature and user info",
        source: "https://www.alibabacloud.com/help/en/oss/user-guide/upload-objects-using-presigned-urls (pre-signed URL form) and adversarial",
        dependencies: [
            "oss://flink-artifacts/udf/udfs-1.2.jar",
            "https://repo.example.com/artifactory/udf.jar?token=FkUri1",
            "https://bucket.oss-cn-hangzhou.aliyuncs.com/udf.jar?OSSAccessKeyId=LTAI5tFkExampleKeyId05&Expires=1735689600&Signature=FkSig2%2Bab%3D",
            "https://deploy:FkUri3@repo.example.com/udf.jar",
            "https://${secret_values.repo_user}:${secret_values.repo_pw}@repo.example.com/ok.jar",
        ],
        violations: ['sqlArtifact.additionalDependencies[1] holds "token" as literal text', 'sqlArtifact.additionalDependencies[2] holds "Signature" as literal text', "sqlArtifact.additionalDependencies[3] holds a password in a URL"],
        secrets: ["FkUri1", "FkSig2%2Bab%3D", "FkUri3"],
    },
    {
        name: "an in-house connector key, flagged once configured",
        source: "adversarial (an in-house connector's own name for its credential)",
        sql: `CREATE TABLE t (id INT) WITH ('connector' = 'acme-queue', 'acme.auth-blob' = 'FkInHouse1', 'acme.region' = 'eu');`,
        config: { additionalSecretKeys: ["auth-blob"] },
        violations: ['option "acme.auth-blob" in a WITH list has a literal value'],
        secrets: ["FkInHouse1"],
    },
    {
        name: "the same in-house key without configuration",
        source: "adversarial",
        sql: `CREATE TABLE t (id INT) WITH ('connector' = 'acme-queue', 'acme.auth-blob' = 'FkInHouse1');`,
        config: {},
        violations: [],
    },
    {
        name: "SQL options that use local variables: one holds a secret reference, one a literal",
        source: "https://www.alibabacloud.com/help/en/flink/user-guide/manage-variables (referencing variables in SQL drafts)",
        sql: `CREATE TEMPORARY TABLE a (id INT) WITH ('connector' = 'jdbc', 'password' = '\${db_pw}');
CREATE TEMPORARY TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = '\${legacy_pw}', 'url' = 'jdbc:mysql://db:3306/\${db_name}');`,
        localVariables: [
            { name: "db_pw", value: "${secret_values.db_password}" },
            { name: "legacy_pw", value: "FkLegacy1" },
            { name: "db_name", value: "shop" },
        ],
        violations: ['statement 2 (CREATE TEMPORARY TABLE b), line 2: option "password" in a WITH list has a literal value (through local variable "legacy_pw")'],
        secrets: ["FkLegacy1"],
    },
];
