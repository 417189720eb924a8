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
    {
        name: "AI models defined in the pipeline block with the API key inline",
        source: "https://help.aliyun.com/zh/flink/realtime-flink/developer-reference/set-up-and-call-ai-models (pipeline.model with openai.apikey)",
        cdcYaml: `source:
  type: mysql
  hostname: rm-xxx.mysql.rds.aliyuncs.com
  username: \${secret_values.mysql_user}
  password: \${secret_values.mysql_pw}
  tables: app_db.reviews
sink:
  type: values
transform:
  - source-table: app_db.reviews
    projection: id, CHAT(content) AS summary, GET_EMBEDDING(content) AS embedding
pipeline:
  model:
    - model-name: CHAT
      class-name: OpenAIChatModel
      openai.model: gpt-4o-mini
      openai.host: https://dashscope.aliyuncs.com/compatible-mode/v1
      openai.apikey: sk-FkCdcModel0123456789
      openai.chat.prompt: please summarize this
    - model-name: GET_EMBEDDING
      class-name: OpenAIEmbeddingModel
      openai.model: text-embedding-v3
      openai.host: https://dashscope.aliyuncs.com/compatible-mode/v1
      openai.apikey: \${secret_values.dashscope_api_key}`,
        violations: ['cdcYamlArtifact.cdcYaml, line 18: key "openai.apikey" has a literal value'],
        secrets: ["sk-FkCdcModel0123456789"],
    },
    {
        name: "placeholders, and transform expressions and routes that mention passwords",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/core-concept/transform/ and .../route/ (projection, filter, route) with adversarial values",
        cdcYaml: `source:
  type: mysql
  hostname: db
  username: flink
  password: "******"
sink:
  type: starrocks
  jdbc-url: jdbc:mysql://fe:9030
  username: root
  password: <your-password>
transform:
  - source-table: app.users
    projection: id, name, CHAR_LENGTH(password) AS pw_len
    filter: password IS NOT NULL AND token <> ''
route:
  - source-table: app.passwords
    sink-table: ods.passwords
    description: sync the password table`,
        violations: [],
    },
    {
        name: "a Paimon sink with catalog properties on OSS, one of them a literal secret",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/pipeline-connectors/paimon/ (catalog.properties.*)",
        cdcYaml: `sink:
  type: paimon
  catalog.properties.metastore: filesystem
  catalog.properties.warehouse: oss://fk-bucket/warehouse
  catalog.properties.fs.oss.endpoint: oss-cn-hangzhou-internal.aliyuncs.com
  catalog.properties.fs.oss.accessKeyId: \${secret_values.ak_id}
  catalog.properties.fs.oss.accessKeySecret: FkYamlOssSecret1
  table.properties.bucket: 4`,
        violations: ['line 7: key "catalog.properties.fs.oss.accessKeySecret" has a literal value'],
        secrets: ["FkYamlOssSecret1"],
    },
    {
        name: "the documented job structure with a <yourPassword> placeholder, transforms and routes",
        source: "https://www.alibabacloud.com/help/en/flink/realtime-flink/developer-reference/data-ingestion-yaml-script-structure (job structure example)",
        cdcYaml: `# MySQL Source module
source:
  type: mysql
  name: MySQL Source
  host: localhost
  port: 3306
  username: admin
  password: <yourPassword>
  tables: adb.*, bdb.user_table_[0-9]+, [app|web]_order_.*, mydb.\\\\.*

# Paimon Sink module
sink:
  type: paimon
  name: Paimon Sink
  catalog.properties.metastore: filesystem
  catalog.properties.warehouse: /path/warehouse

# Transform module
transform:
  - source-table: mydb.app_order_.*
    projection: id, order_id, TO_UPPER(product_name)
    filter: id > 10 AND order_id > 100
    primary-keys: id
    partition-keys: product_name
    table-options: comment=app order
    description: project fields from source table
    converter-after-transform: SOFT_DELETE

# Route module
route:
  - source-table: mydb.default.app_order_.*
    sink-table: odsdb.default.app_order
    description: sync all table shards to one`,
        violations: [],
    },
    {
        name: "the Ververica data ingestion template with secret variables, and its variant with a literal password",
        source: "https://docs.ververica.com/docs/user-guides/admin-operator-guide/data-ingestion (YAML schema overview)",
        cdcYaml: `source:
  type: mysql
  name: <human name>
  hostname: <host or service>
  port: 3306
  username: \${secret_values.mysqlusername}
  password: \${secret_values.mysqlpassword}
  tables: "mysql\\\\.\\\\.*"
sink:
  type: kafka
  name: Kafka Sink
  properties.bootstrap.servers: kafka:9092
  properties.sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="\${secret_values.kafka_user}" password="FkTemplateKafka1";`,
        violations: ['line 13: key "properties.sasl.jaas.config" holds "password" as literal text'],
        secrets: ["FkTemplateKafka1"],
    },
    {
        name: "the MaxCompute pipeline sink as documented: an access key beside an access id, with the documentation's short values",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/pipeline-connectors/maxcompute/ (example pipeline: password: pass, access-id: ak, access-key: sk)",
        cdcYaml: `source:
  type: mysql
  name: MySQL Source
  hostname: 127.0.0.1
  port: 3306
  username: admin
  password: pass
  tables: adb.\\.*, bdb.user_table_[0-9]+, [app|web].order_\\.*
  server-id: 5401-5404

sink:
  type: maxcompute
  name: MaxCompute Sink
  access-id: ak
  access-key: sk
  endpoint: endpoint
  project: flink_cdc
  buckets-num: 8

pipeline:
  name: MySQL to MaxCompute Pipeline
  parallelism: 2`,
        // Short, but literal: a pipeline deployed with them logs in if the database's password is "pass".
        violations: ['line 7: key "password" has a literal value', 'line 15: key "access-key" has a literal value'],
        covers: ["access key id"],
    },
    {
        name: "a Kafka pipeline sink with a JAAS config in a block scalar, one option per line",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/pipeline-connectors/kafka/ (properties.* options) and adversarial (the JAAS config written over lines, = on its own line)",
        cdcYaml: `source:
  type: mysql
  password: \${secret_values.mysql_pw}
sink:
  type: kafka
  properties.bootstrap.servers: kafka:9092
  properties.security.protocol: SASL_SSL
  properties.sasl.mechanism: SCRAM-SHA-512
  properties.sasl.jaas.config: |
    org.apache.kafka.common.security.scram.ScramLoginModule required
      username="pipeline"
      password
      ="FkBlockJaas21";`,
        violations: ['line 9: key "properties.sasl.jaas.config" holds "password" as literal text'],
        secrets: ["FkBlockJaas21"],
        covers: ["JAAS line break"],
    },
    {
        name: "pipeline placeholders: filler, redaction, environment and provider references, a template field",
        source: "adversarial (pipeline definitions copied from tickets and templates)",
        cdcYaml: `source:
  type: mysql
  hostname: db
  username: xxx
  password: yyy
sink:
  type: starrocks
  username: root
  password: "[REDACTED]"
route:
  - source-table: app.orders
    sink-table: ods.orders
---
source:
  type: postgres
  password: \${env:PG_PASSWORD}
sink:
  type: paimon
  catalog.properties.fs.oss.accessKeyId: \${file:/opt/flink/secrets/oss.properties:id}
  catalog.properties.fs.oss.accessKeySecret: "{oss_access_key_secret}"
---
source:
  type: mysql
  password: "Fk[not]redacted22"`,
        violations: ['line 24: key "password" has a literal value'],
        secrets: ["Fk[not]redacted22"],
        covers: ["filler placeholder", "bracketed redaction", "environment reference", "config-provider reference", "template field"],
    },
    {
        name: "an Iceberg sink with a customer encryption key and an OAuth client secret in the middle of a key",
        source: "https://dev.materialize.com/api/rust/iceberg/io/constant.S3_SSE_KEY.html (Iceberg's s3.sse.key) and https://docs.cloudera.com/cloudera-manager/7.9.5/managing-clusters/topics/cm-configuring-oauth-with-core-site-xml.html (account-specific OAuth keys) as Flink CDC pipeline catalog properties",
        cdcYaml: `sink:
  type: iceberg
  catalog.properties.type: hadoop
  catalog.properties.warehouse: abfss://lake@fkaccount.dfs.core.windows.net/iceberg
  catalog.properties.fs.azure.account.oauth2.client.secret.fkaccount.dfs.core.windows.net: Fk8Q~YamlClientSecret23
  catalog.properties.fs.azure.account.oauth2.client.id.fkaccount.dfs.core.windows.net: 00000000-0000-0000-0000-00000000f00d
  catalog.properties.s3.sse.type: custom
  catalog.properties.s3.sse.key: RmtBZXMxNmJ5dGVzS2V5IQ==`,
        violations: ['line 5: key "catalog.properties.fs.azure.account.oauth2.client.secret.fkaccount.dfs.core.windows.net" has a literal value', 'line 8: key "catalog.properties.s3.sse.key" holds key material'],
        secrets: ["Fk8Q~YamlClientSecret23", "RmtBZXMxNmJ5dGVzS2V5IQ=="],
        covers: ["secret word inside the key", "key material"],
    },
    {
        name: "the MaxCompute ingestion sink as documented with placeholder variables",
        source: "https://alibabacloud.com/help/en/flink/developer-reference/maxcompute-connector (Flink CDC syntax: access-id: ${your_accessId}, access-key: ${your_accessKey})",
        cdcYaml: `source:
  type: mysql
  hostname: rm-xxx.mysql.rds.aliyuncs.com
  username: \${secret_values.mysql_user}
  password: \${secret_values.mysql_pw}
  tables: app_db.\\.*
sink:
  type: maxcompute
  name: MaxComputeSink
  access-id: \${your_accessId}
  access-key: \${your_accessKey}
  endpoint: \${your_maxcompute_endpoint}
  project: \${your_project}
  buckets-num: 8`,
        violations: [],
        covers: ["prose placeholder"],
    },
    {
        name: "Flink CDC 3.0 quick start, MySQL to Doris with pass on both sides",
        source: "public Flink CDC 3.0 QuickStart (Chinese) found by code search (source mysql / sink doris, password: pass)",
        cdcYaml: `source:
  type: mysql
  host: localhost
  port: 3306
  username: admin
  password: pass
  tables: adb.\\.*, bdb.user_table_[0-9]+, [app|web]_order_\\.*

sink:
  type: doris
  fenodes: FE_IP:HTTP_PORT
  username: admin
  password: pass

pipeline:
  name: mysql-sync-doris
  parallelism: 4`,
        violations: ["cdcYamlArtifact.cdcYaml, line 6: key \"password\" has a literal value", "cdcYamlArtifact.cdcYaml, line 13: key \"password\" has a literal value"],
    },
    {
        name: "the CdcYamlArtifact API example with an empty password",
        source: "https://www.alibabacloud.com/help/en/flink/realtime-flink/developer-reference/api-ververica-2022-07-18-cdcyamlartifact (cdcYaml example)",
        cdcYaml: `source:
  type: mysql
  name: MySQL Source
  host: localhost
  port: 3306
  username: admin
  password:
  tables: mydb.orders
sink:
  type: paimon
  name: Paimon Sink
  catalog.properties.metastore: filesystem
  catalog.properties.warehouse: /path/warehouse`,
        violations: [],
    },
    {
        name: "Postgres to StarRocks pipeline with a referenced source password and an empty sink password",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/pipeline-connectors/postgres/ and .../starrocks/ (example pipelines)",
        cdcYaml: `source:
  type: postgres
  name: Postgres Source
  hostname: 127.0.0.1
  port: 5432
  username: admin
  password: \${secret_values.pg_password}
  tables: adb.public.\\.*
  decoding.plugin.name: pgoutput
  slot.name: pgtest

sink:
  type: starrocks
  name: StarRocks Sink
  jdbc-url: jdbc:mysql://127.0.0.1:9030
  load-url: 127.0.0.1:8030
  username: root
  password: ""
  table.create.properties.replication_num: 1

pipeline:
  name: Postgres to StarRocks Pipeline
  parallelism: 2`,
        violations: [],
    },
    {
        name: "Kafka pipeline sink with an OAuth client secret inside its JAAS line",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/pipeline-connectors/kafka/ (properties.*) and https://kafka.apache.org/documentation/#security_sasl_oauthbearer_clientconfig (clientId / clientSecret)",
        cdcYaml: `source:
  type: mysql
  hostname: mysql.internal
  username: cdc
  password: \${secret_values.mysql_pw}
  tables: app.\\.*
sink:
  type: kafka
  properties.bootstrap.servers: kafka.internal:9093
  properties.security.protocol: SASL_SSL
  properties.sasl.mechanism: OAUTHBEARER
  properties.sasl.oauthbearer.token.endpoint.url: https://login.example.com/oauth2/token
  properties.sasl.login.callback.handler.class: org.apache.kafka.common.security.oauthbearer.secured.OAuthBearerLoginCallbackHandler
  properties.sasl.jaas.config: org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId="flink-cdc" clientSecret="FkOauthS3cr3tValue" scope="kafka";`,
        violations: ["cdcYamlArtifact.cdcYaml, line 14: key \"properties.sasl.jaas.config\" holds \"clientSecret\" as literal text"],
        secrets: ["FkOauthS3cr3tValue"],
    },
    {
        name: "a JAAS config broken over lines in a CDC YAML folded scalar",
        source: "adversarial (JAAS name and = on separate lines)",
        cdcYaml: `source:
  type: kafka
  properties.bootstrap.servers: kafka:9092
  properties.sasl.mechanism: SCRAM-SHA-512
  properties.sasl.jaas.config: >-
    org.apache.kafka.common.security.scram.ScramLoginModule required
    username
    = "etl"
    password
    = "FkFoldedJaasPw";
sink:
  type: values`,
        violations: ["cdcYamlArtifact.cdcYaml, line 5: key \"properties.sasl.jaas.config\" holds \"password\" as literal text"],
        secrets: ["FkFoldedJaasPw"],
        covers: ["JAAS line break"],
    },
    {
        name: "a Unicode ellipsis and a 'to be filled' note",
        source: "adversarial (ellipsis placeholders as typed in wikis)",
        cdcYaml: `source:
  type: mysql
  hostname: mysql.internal
  username: cdc
  password: "…"
sink:
  type: maxcompute
  access-id: "…"
  access-key: "…"
  endpoint: http://service.cn-hangzhou.maxcompute.aliyun.com/api`,
        violations: [],
        covers: ["ellipsis", "access key id"],
    },
    {
        name: "nested YAML maps under a pipeline sink",
        source: "adversarial (block mappings instead of dotted keys)",
        cdcYaml: `source:
  type: mysql
  hostname: mysql.internal
  username: cdc
  password: \${secret_values.mysql_pw}
sink:
  type: paimon
  catalog:
    properties:
      fs.oss.accessKeyId: LTAI5tFkNestedId09
      fs.oss.accessKeySecret: FkNestedOssSecret09
`,
        violations: ["cdcYamlArtifact.cdcYaml, line 11: key \"fs.oss.accessKeySecret\" has a literal value"],
        secrets: ["FkNestedOssSecret09"],
        covers: ["access key id"],
    },
    {
        name: "Elasticsearch pipeline sink with username and password placeholders in angle brackets",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/pipeline-connectors/elasticsearch/ (pipeline options)",
        cdcYaml: `source:
  type: mysql
  hostname: localhost
  port: 3306
  username: root
  password: \${secret_values.mysql_pw}
  tables: app_db.\\.*
sink:
  type: elasticsearch
  name: Elasticsearch Sink
  hosts: http://127.0.0.1:9092,http://127.0.0.1:9093
  username: <username>
  password: <password>
  batch.size.max: 500
  inflight.requests.max: 5`,
        violations: [],
        covers: ["bracketed redaction"],
    },
    {
        name: "Fluss pipeline sink with SASL client options",
        source: "https://www.mail-archive.com/issues@fluss.apache.org/msg12727.html (Flink CDC Integration docs for the Fluss pipeline sink) with SASL properties",
        cdcYaml: `source:
  type: postgres
  hostname: pg.internal
  username: cdc
  password: \${secret_values.pg_pw}
  tables: app.public.orders
  slot.name: fluss
sink:
  type: fluss
  bootstrap.servers: fluss-coordinator:9123
  properties.client.security.protocol: sasl
  properties.client.security.sasl.mechanism: PLAIN
  properties.client.security.sasl.username: fluss_user
  properties.client.security.sasl.password: FkFlussPw61`,
        violations: ["cdcYamlArtifact.cdcYaml, line 14: key \"properties.client.security.sasl.password\" has a literal value"],
        secrets: ["FkFlussPw61"],
        covers: ["secret word inside the key"],
    },
    {
        name: "a pipeline password as an unquoted Jinja field",
        source: "adversarial (a pipeline rendered by Ansible, left unrendered)",
        cdcYaml: `source:
  type: mysql
  password: {{ mysql_password }}
sink:
  type: values`,
        violations: [],
        covers: ["template field"],
    },
    {
        name: "a pipeline option with an API key in a key= query parameter",
        source: "adversarial (a lookup URL in a pipeline definition)",
        cdcYaml: `source:
  type: mysql
  url: https://maps.example.com/api?address=x&key=AIzaSyFkExampleKey0123456789abcdefghij
sink:
  type: values`,
        violations: ["cdcYamlArtifact.cdcYaml, line 3: key \"url\" holds an API key in a URL query (key=)"],
        secrets: ["AIzaSyFkExampleKey0123456789abcdefghij"],
        covers: ["API key in a URL query"],
    },
    {
        name: "an ODBC connection string with a braced password in a pipeline",
        source: "adversarial (ODBC brace quoting in YAML)",
        cdcYaml: `source:
  type: mysql
  connection-string: "Driver={ODBC Driver 18};Server=x;Uid=u;Pwd={Fk;Yaml}}Pw};"
sink:
  type: values`,
        violations: ["cdcYamlArtifact.cdcYaml, line 3: key \"connection-string\" holds \"Pwd\" as literal text"],
        secrets: ["Fk;Yaml}}Pw", "Fk;Yaml}Pw"],
        covers: ["ODBC braced value"],
    },
    {
        name: "blog: Flink CDC 3.1 pipeline YAML MySQL to Doris with 'xxx' placeholders",
        source: "https://blog.csdn.net/m0_63628018/article/details/139831026",
        cdcYaml: `source:
  type: mysql
  hostname: 172.xxx.xxx.xxx
  port: 3306
  username: root
  password: xxx
  tables: sync_db.\\.*
  server-id: 5400-5404
  server-time-zone: Asia/Shanghai

sink:
  type: doris
  fenodes: 172.xxx.xxx.xxx:8030
  username: root
  password: xxx
  table.create.properties.light_schema_change: true

route:
  - source-table: sync_db.\\.*
    sink-table: sync_db.ods_sync_db

pipeline:
  name: Sync MySQL Database to Doris
  parallelism: 2
`,
        violations: [],
    },
    {
        name: "Flink CDC docs data pipeline: MySQL password 123456, Doris password empty",
        source: "https://github.com/apache/flink-cdc/blob/master/docs/content/docs/core-concept/data-pipeline.md",
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

route:
  - source-table: app_db.orders
    sink-table: ods_db.ods_orders
  - source-table: app_db.shipments
    sink-table: ods_db.ods_shipments

pipeline:
  name: Sync MySQL Database to Doris
  parallelism: 2
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 6: key "password" has a literal value'],
        secrets: ["123456"],
    },
    {
        name: "mailing list: pipeline YAML with masked username and password",
        source: "https://www.mail-archive.com/commits@flink.apache.org/msg62332.html (apache/flink-cdc issue 2600)",
        cdcYaml: `source:
  type: mysql
  hostname: 127.0.0.1
  port: 3306
  username: de*****
  password: ******
  tables: ECommerceData.ecom_customers  # Specify the tables to capture changes from (use .* to capture all)
  # server-id: 5400-5404
  # server-time-zone: UTC

sink:
  type: doris
  fenodes: 127.0.0.1:29030
  username: root
  password: ""

pipeline:
  name: Sync MySQL Database to Doris
  parallelism: 2
`,
        violations: [],
    },
    {
        name: "CDC YAML: literal Postgres password and a literal OSS secret in the Paimon sink catalog properties",
        source: "adversarial (two credentials in one pipeline, one nested under catalog.properties)",
        cdcYaml: `source:
  type: postgres
  hostname: pgm-bp1abc.pg.rds.aliyuncs.com
  port: 5432
  username: cdc_reader
  password: "Pg#7vLq2!x"
  tables: ods.public.\\.*
  slot.name: flink_cdc

sink:
  type: paimon
  catalog.properties.metastore: filesystem
  catalog.properties.warehouse: oss://lake-prod/paimon
  catalog.properties.fs.oss.endpoint: oss-cn-hangzhou-internal.aliyuncs.com
  catalog.properties.fs.oss.accessKeyId: LTAI5tQ8bN3rXk7ZpW2mYc4J
  catalog.properties.fs.oss.accessKeySecret: UBmsAbtJ35Wv86oUNM8KqT4xLr2Zp9

pipeline:
  name: pg-to-paimon
  parallelism: 2
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 6: key "password" has a literal value', 'cdcYamlArtifact.cdcYaml, line 16: key "catalog.properties.fs.oss.accessKeySecret" has a literal value'],
        secrets: ["Pg#7vLq2!x", "UBmsAbtJ35Wv86oUNM8KqT4xLr2Zp9"],
    },
    {
        name: "CDC YAML with a Chinese prose placeholder for the password",
        source: "adversarial (请输入数据库密码 is an instruction, not a password)",
        cdcYaml: `source:
  type: mysql
  hostname: rm-bp1xyz.mysql.rds.aliyuncs.com
  port: 3306
  username: flink_cdc
  password: 请输入数据库密码
  tables: shop.\\.*
  server-id: 5401-5404

sink:
  type: starrocks
  jdbc-url: jdbc:mysql://fe.starrocks.internal:9030
  load-url: fe.starrocks.internal:8030
  username: loader
  password: <yourPassword>
`,
        violations: [],
    },
    {
        name: "CDC YAML with secret_values for the source password and the sink OSS secret",
        source: "adversarial (nested catalog.properties secret via secret_values, AccessKey ID literal)",
        cdcYaml: `source:
  type: mysql
  hostname: rm-bp1xyz.mysql.rds.aliyuncs.com
  port: 3306
  username: flink_cdc
  password: \${secret_values.mysql_pw}
  tables: shop.\\.*

sink:
  type: paimon
  catalog.properties.metastore: filesystem
  catalog.properties.warehouse: oss://lake-prod/paimon
  catalog.properties.fs.oss.endpoint: oss-cn-hangzhou-internal.aliyuncs.com
  catalog.properties.fs.oss.accessKeyId: LTAI5tQ8bN3rXk7ZpW2mYc4J
  catalog.properties.fs.oss.accessKeySecret: \${secret_values.oss_sk}

transform:
  - source-table: shop.users
    projection: id, email, user_password_hash
    description: keep only the password hash column

pipeline:
  name: mysql-to-paimon
  parallelism: 4
`,
        violations: [],
    },
];
