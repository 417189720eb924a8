/**
 * Local variables, labels, artifact URIs and configuration for the no-plaintext-secrets rule.
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
        // `legacy_pw` is named like a password, so the variable is reported where it is stored too.
        violations: ['statement 2 (CREATE TEMPORARY TABLE b), line 2: option "password" in a WITH list has a literal value (through local variable "legacy_pw")', 'local variable "legacy_pw" has a literal value'],
        secrets: ["FkLegacy1"],
    },
    {
        name: "local variables: masked placeholders pass; short password names and bearer tokens under any name do not",
        source: "https://www.alibabacloud.com/help/en/flink/user-guide/manage-variables (job variables) with adversarial names and values",
        localVariables: [
            { name: "db_password", value: "******" },
            { name: "api_key", value: "<your-api-key>" },
            { name: "kafka_pw", value: "FkKafkaPw1" },
            { name: "pulsar_auth_params", value: "file:///opt/flink/usrlib/token.txt" },
            { name: "sr_auth", value: "Bearer FkBearer2" },
            { name: "auth_note", value: "Basic authentication" },
        ],
        violations: ['local variable "kafka_pw" has a literal value', 'local variable "sr_auth" holds an HTTP Authorization credential'],
        secrets: ["FkKafkaPw1", "FkBearer2"],
    },
    {
        name: "a dependency fetched with a GitHub token as the URL's user name",
        source: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github (token formats) and adversarial (a token in the user part, without a password)",
        dependencies: ["https://ghp_Fk0123456789abcdef0123456789abcdef01@raw.githubusercontent.com/acme/udfs/main/udf-1.0.jar"],
        violations: ["sqlArtifact.additionalDependencies[0] holds an API token"],
        secrets: ["ghp_Fk0123456789abcdef0123456789abcdef01"],
    },
    {
        name: "variables named <db>_password_<env>, and variables about passwords",
        source: "https://www.alibabacloud.com/help/en/flink/user-guide/manage-variables (job variables) with adversarial names",
        localVariables: [
            { name: "orders_db_password_prod", value: "FkVarProd24" },
            { name: "ORDERS_DB_PWD_STAGING", value: "FkVarStaging25" },
            { name: "password_rotation_days", value: "90" },
            { name: "secret_name", value: "prod/orders/db" },
            { name: "kafka_password_dev", value: "$KAFKA_PASSWORD_DEV" },
        ],
        violations: ['local variable "orders_db_password_prod" has a literal value', 'local variable "ORDERS_DB_PWD_STAGING" has a literal value'],
        secrets: ["FkVarProd24", "FkVarStaging25"],
        covers: ["secret word inside the key", "environment reference"],
    },
    {
        name: "labels that carry a password, at the top and inside a JSON value",
        source: "adversarial (a draft's labels are a map of JSON values, see DeploymentDraftAttributes.labels)",
        labels: {
            owner: "data-platform",
            db_password: "FkLabel26",
            connection: { host: "db", user: "etl", password: "FkLabel27" },
            history: [{ "api-token": "FkLabel28" }, "rotated"],
        },
        violations: ['label "db_password" has a literal value', 'label "connection.password" has a literal value', 'label "history.api-token" has a literal value'],
        secrets: ["FkLabel26", "FkLabel27", "FkLabel28"],
        covers: ["labels"],
    },
    {
        name: "labels about secrets that hold none",
        source: "adversarial (labels a platform team writes: owners, scan results, rotation dates, references, switches)",
        labels: {
            "secret-scan": "passed",
            password_rotated_at: "2024-05-01",
            "api-key-owner": "team-orders",
            token: "${secret_values.orders_token}",
            "use-token": true,
            "password.policy": { "min-length": 16, rotation: "90d" },
            notes: ["password moved to secret_values", "see vault://secret/orders"],
            db_password: "******",
        },
        violations: [],
        covers: ["labels"],
    },
];
