/**
 * Flink CDC pipeline YAML for the no-plaintext-secrets rule, read as YAML: block and flow
 * mappings, JSON, multi-line values, aliases. Sources are named; credentials are fakes.
 */
import { SecretsCorpusCase } from "./secretsCorpusCase";

export const yamlCases: readonly SecretsCorpusCase[] = [
    {
        name: "the Flink CDC MySQL-to-Doris pipeline with a literal source password",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/core-concept/data-pipeline/ (example pipeline)",
        cdcYaml: `source:
  type: mysql
  hostname: localhost
  port: 3306
  username: root
  password: 123456
  tables: app_db.\\.*

sink:
  type: doris
  fenodes: 127.0.0.1:8030
  username: root
  password: ""

pipeline:
  name: Sync MySQL Database to Doris
  parallelism: 2`,
        violations: ['cdcYamlArtifact.cdcYaml, line 6: key "password" has a literal value'],
        secrets: ["123456"],
    },
    {
        name: "MySQL to Paimon on OSS with secret variables, and transform expressions that mention passwords",
        source: "https://www.alibabacloud.com/help/en/flink/realtime-flink/developer-reference/data-ingestion-yaml (MySQL to Paimon) with Ververica variables",
        cdcYaml: `source:
  type: mysql
  hostname: rm-xxx.mysql.rds.aliyuncs.com
  username: \${secret_values.mysql_user}
  password: \${secret_values.mysql_pw}
  tables: app_db.\\.*
  server-id: 5400-5404

sink:
  type: paimon
  catalog.properties.metastore: filesystem
  catalog.properties.warehouse: oss://bucket/warehouse
  catalog.properties.fs.oss.endpoint: oss-cn-hangzhou-internal.aliyuncs.com
  catalog.properties.fs.oss.accessKeyId: LTAI5tFkExampleKeyId04
  catalog.properties.fs.oss.accessKeySecret: "\${secret_values.oss_secret}"
  catalog.properties.fs.oss.credentials.provider: com.aliyun.oss.common.auth.DefaultCredentialProvider

transform:
  - source-table: app_db.users
    projection: id, name, MD5(password) AS password_digest
    filter: password IS NOT NULL

pipeline:
  name: MySQL to Paimon
  security.delegation.tokens.enabled: false`,
        violations: [],
    },
    {
        name: "flow mappings and a JSON document",
        source: "adversarial (YAML 1.2 flow style and JSON, both valid pipeline definitions)",
        cdcYaml: `source: {type: mysql, hostname: db, username: root, password: FkFlow1}
sink: {type: doris, password: \${secret_values.doris}}
---
{"source": {"type": "postgres", "password": "FkJson2"}, "sink": {"type": "values"}}`,
        violations: ['line 1: key "password" has a literal value', 'line 4: key "password" has a literal value'],
        secrets: ["FkFlow1", "FkJson2"],
    },
    {
        name: "values on the next line, folded and quoted across lines, and an alias",
        source: "adversarial",
        cdcYaml: `source:
  type: mysql
  password:
    FkNextLine3
  jdbc.properties.password: >-
    FkFolded4
  backup: &pw FkAnchored5
sink:
  type: starrocks
  password: *pw`,
        violations: ['line 3: key "password"', 'line 5: key "jdbc.properties.password"', 'line 10: key "password"'],
        secrets: ["FkNextLine3", "FkFolded4", "FkAnchored5"],
    },
    {
        name: "a Kafka sink whose JAAS config carries a literal password",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/pipeline-connectors/kafka/ (properties.* options)",
        cdcYaml: `source:
  type: mysql
  password: \${secret_values.mysql_pw}
sink:
  type: kafka
  properties.bootstrap.servers: kafka:9092
  properties.security.protocol: SASL_SSL
  properties.sasl.mechanism: SCRAM-SHA-512
  properties.sasl.jaas.config: 'org.apache.kafka.common.security.scram.ScramLoginModule required username="pipeline" password="FkScram6";'`,
        violations: ['line 9: key "properties.sasl.jaas.config" holds "password" as literal text'],
        secrets: ["FkScram6"],
    },
    {
        name: "a JDBC URL with a password inside a value and comments that look like settings",
        source: "adversarial",
        cdcYaml: `# password: FkCommented
source:
  type: postgres
  hostname: db # password: FkTrailingComment
  jdbc.url: "jdbc:postgresql://db:5432/shop?user=etl&password=FkUrl7"`,
        violations: ['line 5: key "jdbc.url" holds "password" as literal text'],
        secrets: ["FkUrl7", "FkCommented", "FkTrailingComment"],
    },
    {
        name: "environment-style name/value lists and switches named like secrets",
        source: "adversarial (the name/value list form of https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/)",
        cdcYaml: `pipeline:
  name: orders
  env:
    - name: DB_PASSWORD
      value: FkEnv8
    - name: REGION
      value: eu-central-1
    - name: API_TOKEN
      value: \${secret_values.api_token}
source:
  type: mysql
  use.token: true
  password.encrypted: false`,
        violations: ['line 5: key "DB_PASSWORD" has a literal value'],
        secrets: ["FkEnv8"],
    },
    {
        name: "MySQL to StarRocks and to Hologres pipelines with literal sink credentials",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/pipeline-connectors/starrocks/ and https://www.alibabacloud.com/help/en/flink/realtime-flink/developer-reference/hologres-connector-yaml",
        cdcYaml: `source:
  type: mysql
  hostname: localhost
  port: 3306
  username: admin
  password: \${secret_values.mysql_pw}
  tables: adb.\\.*, bdb.user_table_[0-9]+
  server-id: 5400-5404

sink:
  type: starrocks
  name: StarRocks Sink
  jdbc-url: jdbc:mysql://127.0.0.1:9030
  load-url: 127.0.0.1:8030
  username: root
  password: FkStarRocks1
  table.create.properties.replication_num: 1
---
source:
  type: mysql
  password: \${secret_values.mysql_pw}
sink:
  type: hologres
  name: Hologres Sink
  endpoint: hgpostcn-cn-xxx-cn-hangzhou-vpc.hologres.aliyuncs.com:80
  dbname: cdcyaml_test
  username: LTAI5tFkExampleKeyId09
  password: FkHoloSecret2
  sink.type-normalize-strategy: BROADEN`,
        violations: ['line 16: key "password" has a literal value', 'line 28: key "password" has a literal value'],
        secrets: ["FkStarRocks1", "FkHoloSecret2"],
    },
    {
        name: "a Kafka source pipeline with SASL through a secret variable and an Elasticsearch sink with a literal password",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/pipeline-connectors/kafka/ and .../elasticsearch/ (pipeline options)",
        cdcYaml: `source:
  type: kafka
  properties.bootstrap.servers: kafka:9092
  topic: orders
  properties.security.protocol: SASL_SSL
  properties.sasl.mechanism: PLAIN
  properties.sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="cdc" password="\${secret_values.kafka_pw}";
sink:
  type: elasticsearch
  hosts: http://es:9200
  version: 8
  username: elastic
  password: "FkElastic3"`,
        violations: ['line 13: key "password" has a literal value'],
        secrets: ["FkElastic3"],
    },
];
