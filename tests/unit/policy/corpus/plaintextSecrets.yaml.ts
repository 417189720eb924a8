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
    {
        name: "Alibaba best practice: Hologres sink with secret_values username and password (sink block)",
        source: "https://alibabacloud.com/help/en/flink/use-cases/best-practices-for-configuring-data-ingestion-in-yaml-files",
        cdcYaml: `sink:
  type: hologres
  name: Hologres Sink
  endpoint: ****.hologres.aliyuncs.com:80
  dbname: cdcyaml_test
  username: \${secret_values.holo-username}
  password: \${secret_values.holo-password}
  sink.type-normalize-strategy: BROADEN
`,
        violations: [],
    },
    {
        name: "Alibaba Hologres YAML connector syntax: endpoint placeholder, AccessKey pair from secret_values",
        source: "https://www.alibabacloud.com/help/ja/flink/developer-reference/hologres-yaml-connector",
        cdcYaml: `sink:
  type: hologres
  name: Hologres Sink
  endpoint: <yourEndpoint>
  dbname: <yourDbname>
  username: \${secret_values.ak_id}
  password: \${secret_values.ak_secret}
`,
        violations: [],
    },
    {
        name: "Ververica data ingestion schema overview: secret_values in source, <pass> placeholder in sink",
        source: "https://docs.ververica.com/managed-service/user-guides/admin-operator-guide/data-ingestion",
        cdcYaml: `source:
  type: <connector> # e.g., mysql, postgres, oracle, sqlserver, kafka
  name: <human name>
  hostname: <host or service>
  port: <int>
  username: \${secret_values.mysqlusername}
  password: \${secret_values.mysqlpassword}
  database: <db-name> # optional depending on connector
  tables: <regex or list>
  server-id: <range> # connector-specific; example for MySQL
  snapshot.mode: initial # connector-specific snapshot policy

sink:
  type: <connector> # e.g., mysql, postgres, kafka, iceberg, hudi, jdbc
  name: <human name>
  hostname: <host-or-broker>
  port: <int>
  username: <user>
  password: <pass>
  database: <db>
  table: <table or pattern>
  upsert-key: <col or list> # for upsert sinks
`,
        violations: [],
        covers: ["bracketed redaction"],
    },
    {
        name: "Flink CDC Fluss connector doc: SASL PLAIN password literal in the sink (sink block)",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/connectors/pipeline-connectors/fluss.md)",
        cdcYaml: `sink:
  type: fluss
  name: Fluss Sink
  bootstrap.servers: localhost:9123
  # Security-related properties for the Fluss client
  properties.client.security.protocol: sasl
  properties.client.security.sasl.mechanism: PLAIN
  properties.client.security.sasl.username: developer
  properties.client.security.sasl.password: developer-pass

pipeline:
  name: MySQL to Fluss Pipeline
  parallelism: 2
  schema.change.behavior: LENIENT
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 9: key "properties.client.security.sasl.password" has a literal value'],
        secrets: ["developer-pass"],
    },
    {
        name: "Flink CDC Postgres connector metadata example: password postgres",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/connectors/pipeline-connectors/postgres.md)",
        cdcYaml: `source:
  type: postgres
  hostname: localhost
  port: 5432
  username: postgres
  password: postgres
  tables: mydb.public.orders
  slot.name: flink_slot
  metadata.list: op_ts,table_name,schema_name

transform:
  - source-table: mydb.public.orders
    projection: order_id, customer_id, op_ts, table_name, schema_name
    description: Include metadata columns in output
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 6: key "password" has a literal value'],
    },
    {
        name: "Flink CDC OceanBase doc: MySQL source block with password mysqlpw",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/connectors/pipeline-connectors/oceanbase.md)",
        cdcYaml: `source:
  type: mysql
  hostname: mysql
  port: 3306
  username: mysqluser
  password: mysqlpw
  tables: mysql_2_oceanbase_test_17l13vc.\\.*
  server-id: 5400-5404
  server-time-zone: UTC

pipeline:
  name: MySQL to OceanBase Pipeline
  parallelism: 1
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 6: key "password" has a literal value'],
        secrets: ["mysqlpw"],
    },
    {
        name: "Flink CDC AI model doc: openai-compatible models with <api-key> placeholders",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/core-concept/ai-model.md)",
        cdcYaml: `transform:
  - source-table: db.\\.*
    projection: >-
      *,
      AI_COMPLETE('completion_model', content, 'Summarize the input') AS summary,
      AI_EMBED('embedding_model', content) AS embedding

pipeline:
  model:
    - name: completion_model
      type: openai-compatible
      options:
        model: gpt-4o-mini
        endpoint: https://api.example.com/v1
        api-key: <api-key>
        system-prompt: You are a concise assistant.
        temperature: 0.2
        max-tokens: 256
    - name: embedding_model
      type: openai-compatible
      options:
        model: text-embedding-3-small
        endpoint: https://api.example.com/v1
        api-key: <api-key>
        dimension: 768
`,
        violations: [],
        covers: ["bracketed redaction"],
    },
    {
        name: "Flink CDC quickstart MySQL to StarRocks: password 123456 in source, empty in sink",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/get-started/quickstart-for-2.2/mysql-to-starrocks.md)",
        cdcYaml: `################################################################################
# Description: Sync MySQL all tables to StarRocks
################################################################################
source:
  type: mysql
  hostname: localhost
  port: 3306
  username: root
  password: 123456
  tables: app_db.\\.*
  server-id: 5400-5404
  server-time-zone: UTC

sink:
  type: starrocks
  name: StarRocks Sink
  jdbc-url: jdbc:mysql://127.0.0.1:9030
  load-url: 127.0.0.1:8080
  username: root
  password: ""
  table.create.properties.replication_num: 1

pipeline:
  name: Sync MySQL Database to StarRocks
  parallelism: 2
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 9: key "password" has a literal value'],
        secrets: ["123456"],
    },
    {
        name: "Flink CDC SQL Server connector doc: password 123456 in both source and Doris sink",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/connectors/pipeline-connectors/sqlserver.md)",
        cdcYaml: `source:
   type: sqlserver
   name: SQL Server Source
   hostname: 127.0.0.1
   port: 1433
   username: root
   password: 123456
   # The database must be a single fixed name; schema and table support regex to match multiple tables.
   tables: inventory.dbo.\\.*
   schema-change.enabled: true

sink:
  type: doris
  name: Doris Sink
  fenodes: 127.0.0.1:8030
  username: root
  password: 123456

pipeline:
   name: SQL Server to Doris Pipeline
   parallelism: 4
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 7: key "password" has a literal value', 'cdcYamlArtifact.cdcYaml, line 17: key "password" has a literal value'],
        secrets: ["123456"],
    },
    {
        name: "Flink CDC transform doc: metadata columns example with password testpwd",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/core-concept/transform.md)",
        cdcYaml: `source:
  type: mysql
  hostname: localhost
  port: 3306
  username: testuser
  password: testpwd
  tables: testdb.customer
  server-id: 5400-5404
  server-time-zone: UTC
  metadata.list: op_ts

transform:
  - source-table: testdb.customer
    projection: \\*, __namespace_name__ || '.' || __schema_name__ || '.' || __table_name__ AS identifier_name, __data_event_type__ AS type, op_ts AS opts

sink:
  type: values
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 6: key "password" has a literal value'],
        secrets: ["testpwd"],
    },
    {
        name: "Flink CDC Iceberg doc: Glue catalog sink with S3FileIO and region, no credentials (sink block)",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/connectors/pipeline-connectors/iceberg.md)",
        cdcYaml: `sink:
  type: iceberg
  name: Iceberg Sink
  catalog.properties.type: glue
  catalog.properties.warehouse: s3://my-bucket/warehouse
  catalog.properties.io-impl: org.apache.iceberg.aws.s3.S3FileIO
  catalog.properties.client.region: us-east-1
  catalog.properties.glue.skip-archive: true

pipeline:
  name: MySQL to Iceberg via Glue Pipeline
  parallelism: 2
`,
        violations: [],
    },
    {
        name: "Flink CDC Kafka doc: Kafka sink with PLAINTEXT bootstrap servers (sink block)",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/connectors/pipeline-connectors/kafka.md)",
        cdcYaml: `sink:
  type: kafka
  name: Kafka Sink
  properties.bootstrap.servers: PLAINTEXT://localhost:62510

pipeline:
  name: MySQL to Kafka Pipeline
  parallelism: 2
`,
        violations: [],
    },
    {
        name: "Flink CDC Elasticsearch doc: sink hosts and route to default index (sink block)",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/connectors/pipeline-connectors/elasticsearch.md)",
        cdcYaml: `sink:
  type: elasticsearch
  name: Elasticsearch Sink
  hosts: http://127.0.0.1:9092,http://127.0.0.1:9093

route:
  - source-table: adb.\\.*
    sink-table: default_index
    description: sync adb.\\.* table to default_index

pipeline:
  name: MySQL to Elasticsearch Pipeline
  parallelism: 2
`,
        violations: [],
    },
    {
        name: "Flink CDC quickstart MySQL to Kafka: source password 123456",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/get-started/quickstart-for-2.2/mysql-to-kafka.md)",
        cdcYaml: `################################################################################
# Description: Sync MySQL all tables to Kafka
################################################################################
source:
  type: mysql
  hostname: 0.0.0.0
  port: 3306
  username: root
  password: 123456
  tables: app_db.\\.*
  server-id: 5400-5404
  server-time-zone: UTC

sink:
  type: kafka
  name: Kafka Sink
  properties.bootstrap.servers: PLAINTEXT://127.0.0.1:9092

pipeline:
  name: MySQL to Kafka Pipeline
  parallelism: 2
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 9: key "password" has a literal value'],
        secrets: ["123456"],
    },
    {
        name: "Flink CDC Hudi connector doc: Hudi sink with table options set by transform (sink, transform, pipeline blocks)",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/connectors/pipeline-connectors/hudi.md)",
        cdcYaml: `sink:
  type: hudi 
  name: Hudi Sink
  path: /path/warehouse
  hoodie.table.type: MERGE_ON_READ

transform:
  - source-table: adb.\\.*
    table-options: ordering.fields=ts1
  - source-table: bdb.user_table_[0-9]+
    table-options: ordering.fields=ts2

pipeline:
  name: MySQL to Hudi Pipeline
  parallelism: 4
`,
        violations: [],
    },
    {
        name: "Flink CDC Paimon connector doc: filesystem catalog sink (sink and pipeline blocks)",
        source: "https://github.com/apache/flink-cdc (docs/content/docs/connectors/pipeline-connectors/paimon.md)",
        cdcYaml: `sink:
  type: paimon
  name: Paimon Sink
  catalog.properties.metastore: filesystem
  catalog.properties.warehouse: /path/warehouse

pipeline:
  name: MySQL to Paimon Pipeline
  parallelism: 2
`,
        violations: [],
    },
    {
        name: "Flow-style source mapping with an inline literal password",
        source: "adversarial (flow-style YAML mapping on one line)",
        cdcYaml: `source: {type: mysql, hostname: rm-bp1x.mysql.rds.aliyuncs.com, port: 3306, username: cdc_reader, password: Fk9xQ2mLp7, tables: "orders\\\\..*"}
sink: {type: paimon, catalog.properties.metastore: filesystem, catalog.properties.warehouse: "oss://lake/warehouse"}
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 1: key "password" has a literal value'],
        secrets: ["Fk9xQ2mLp7"],
    },
    {
        name: "Flow-style source mapping whose password is a quoted secret_values reference",
        source: "adversarial (benign look-alike of the flow-style case)",
        cdcYaml: `source: {type: mysql, hostname: rm-bp1x.mysql.rds.aliyuncs.com, port: 3306, username: cdc_reader, password: "\${secret_values.mysql_pw}", tables: "orders\\\\..*"}
sink: {type: paimon, catalog.properties.metastore: filesystem, catalog.properties.warehouse: "oss://lake/warehouse"}
`,
        violations: [],
    },
    {
        name: "YAML anchor on a neutral key, alias used as the source password",
        source: "adversarial (the literal sits under x-defaults and reaches password only through *pw)",
        cdcYaml: `x-defaults:
  common-value: &pw Zr7vLq2WmT
source:
  type: mysql
  hostname: 10.0.3.17
  port: 3306
  username: cdc_reader
  password: *pw
  tables: shop.\\.*
sink:
  type: starrocks
  jdbc-url: jdbc:mysql://fe.internal:9030
  load-url: fe.internal:8030
  username: loader
  password: \${secret_values.sr_pw}
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 8: key "password" has a literal value'],
        secrets: ["Zr7vLq2WmT"],
    },
    {
        name: "YAML anchor holding a secret_values reference, aliased into the password",
        source: "adversarial (benign look-alike of the anchor case)",
        cdcYaml: `x-defaults:
  common-value: &pw \${secret_values.mysql_pw}
source:
  type: mysql
  hostname: 10.0.3.17
  port: 3306
  username: cdc_reader
  password: *pw
  tables: shop.\\.*
sink:
  type: print
`,
        violations: [],
    },
    {
        name: "Multi-document YAML: harmless first document, literal password in the second",
        source: "adversarial (the secret is only in the document after ---)",
        cdcYaml: `# defaults
pipeline:
  name: orders-sync
  parallelism: 2
---
source:
  type: postgres
  hostname: pg.internal
  port: 5432
  username: replicator
  password: 9hQx2LmZkW
  tables: app.public.orders
  slot.name: flink_orders
sink:
  type: print
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 11: key "password" has a literal value'],
        secrets: ["9hQx2LmZkW"],
    },
    {
        name: "Multi-document YAML with references only",
        source: "adversarial (benign look-alike of the multi-document case)",
        cdcYaml: `pipeline:
  name: orders-sync
---
source:
  type: postgres
  hostname: pg.internal
  port: 5432
  username: replicator
  password: \${secret_values.pg_pw}
  tables: app.public.orders
  slot.name: flink_orders
sink:
  type: print
`,
        violations: [],
    },
    {
        name: "Kafka source JAAS config in a literal block scalar with an inline password",
        source: "adversarial (JAAS line broken over several lines inside a | block)",
        cdcYaml: `source:
  type: kafka
  properties.bootstrap.servers: alikafka-post-cn-7mz2.alikafka.aliyuncs.com:9094
  topic: orders
  value.format: debezium-json
  properties.security.protocol: SASL_SSL
  properties.sasl.mechanism: PLAIN
  properties.sasl.jaas.config: |
    org.apache.kafka.common.security.plain.PlainLoginModule required
    username="alikafka_post-cn-7mz2"
    password="Kq8Zt3WnYp1";
sink:
  type: paimon
  catalog.properties.metastore: filesystem
  catalog.properties.warehouse: oss://lake/warehouse
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 8: key "properties.sasl.jaas.config" holds "password" as literal text'],
        secrets: ["Kq8Zt3WnYp1"],
        covers: ["JAAS line break"],
    },
    {
        name: "Kafka source JAAS block scalar whose password is a secret_values reference",
        source: "adversarial (benign look-alike of the JAAS block case)",
        cdcYaml: `source:
  type: kafka
  properties.bootstrap.servers: alikafka-post-cn-7mz2.alikafka.aliyuncs.com:9094
  topic: orders
  value.format: debezium-json
  properties.security.protocol: SASL_SSL
  properties.sasl.mechanism: PLAIN
  properties.sasl.jaas.config: >-
    org.apache.kafka.common.security.plain.PlainLoginModule required
    username="alikafka_post-cn-7mz2"
    password="\${secret_values.kafka_pw}";
sink:
  type: print
`,
        violations: [],
        covers: ["JAAS line break"],
    },
    {
        name: "Quoted numeric password '123456'",
        source: "adversarial (single-quoted digits must still count as a literal password)",
        cdcYaml: `source:
  type: mysql
  hostname: 10.0.0.8
  port: 3306
  username: root
  password: '123456'
  tables: app_db.\\.*
sink:
  type: print
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 6: key "password" has a literal value'],
        secrets: ["123456"],
    },
    {
        name: "Empty quoted password '' and a null password",
        source: "adversarial (empty and null values carry no secret)",
        cdcYaml: `source:
  type: mysql
  hostname: 10.0.0.8
  port: 3306
  username: readonly
  password: ''
  tables: app_db.\\.*
sink:
  type: doris
  fenodes: 10.0.0.9:8030
  username: root
  password: ~
`,
        violations: [],
    },
    {
        name: "password-file and TLS key paths, no inline material",
        source: "adversarial (option names contain password/key but values are file paths)",
        cdcYaml: `source:
  type: postgres
  hostname: pg.internal
  port: 5432
  username: replicator
  password-file: /run/secrets/pg_password
  tables: app.public.\\.*
  slot.name: flink_app
  debezium.database.sslmode: verify-full
  debezium.database.sslrootcert: /etc/ssl/certs/pg-ca.pem
  debezium.database.sslkey: /etc/keys/client.key
sink:
  type: print
`,
        violations: [],
    },
    {
        name: "Inline PEM private key under an sslkey option",
        source: "adversarial (key material pasted into the YAML instead of a path)",
        cdcYaml: `source:
  type: postgres
  hostname: pg.internal
  port: 5432
  username: replicator
  password: \${secret_values.pg_pw}
  tables: app.public.\\.*
  slot.name: flink_app
  debezium.database.sslkey: |
    -----BEGIN PRIVATE KEY-----
    MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7FAKEFAKEFAKE
    Qm9ndXNLZXlNYXRlcmlhbEZvclRlc3RpbmdPbmx5Tm90UmVhbEF0QWxsWFhYWFhY
    -----END PRIVATE KEY-----
sink:
  type: print
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 9: key "debezium.database.sslkey" holds a private key in PEM form'],
        secrets: ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7FAKEFAKEFAKE"],
        covers: ["key material"],
    },
    {
        name: "a plain ${MYSQL_PASSWORD} variable and an ${env:STARROCKS_PASSWORD} reference for the passwords",
        source: "adversarial (a plain ${MYSQL_PASSWORD} that is no local variable is a Ververica variable kept in plain text; ${env:...} is a reference to a value kept outside the draft)",
        cdcYaml: `source:
  type: mysql
  hostname: 10.0.0.8
  port: 3306
  username: \${MYSQL_USER}
  password: \${MYSQL_PASSWORD}
  tables: app_db.\\.*
sink:
  type: starrocks
  jdbc-url: jdbc:mysql://fe.internal:9030
  load-url: fe.internal:8030
  username: loader
  password: \${env:STARROCKS_PASSWORD}
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 6: key "password" is the plain variable ${MYSQL_PASSWORD}, whose value Ververica keeps in plain text'],
        covers: ["config-provider reference"],
    },
    {
        name: "Placeholders: ******, <your_password>, Chinese prose",
        source: "adversarial (redaction, bracketed and prose placeholders)",
        cdcYaml: `source:
  type: mysql
  hostname: <mysql_host>
  port: 3306
  username: <your_user>
  password: <your_password>
  tables: app_db.\\.*
sink:
  type: hologres
  endpoint: hgpostcn-cn-xxx-cn-hangzhou-vpc.hologres.aliyuncs.com:80
  dbname: ods
  username: 你的AccessKey ID
  password: 你的密码
route:
  - source-table: app_db.orders
    sink-table: ods.orders
    description: password "******" kept in the console
`,
        violations: [],
        covers: ["bracketed redaction","prose placeholder"],
    },
    {
        name: "MaxCompute sink with a literal AccessKey id and secret",
        source: "adversarial (the id is an identifier, the secret is a credential)",
        cdcYaml: `sink:
  type: maxcompute
  name: MaxCompute Sink
  access-id: LTAI5tKq3Zr8WmXp2Nv7Yc4B
  access-key: pSYwKqVT2iAISrlwINRw1H0ffoTz3B
  endpoint: http://service.cn-hangzhou.maxcompute.aliyun.com/api
  project: flink_cdc
  buckets-num: 8
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 5: key "access-key" has a literal value'],
        secrets: ["pSYwKqVT2iAISrlwINRw1H0ffoTz3B"],
        covers: ["access key id"],
    },
    {
        name: "MaxCompute sink with a literal AccessKey id and the secret from secret_values",
        source: "adversarial (an access key id alone is not a secret)",
        cdcYaml: `sink:
  type: maxcompute
  name: MaxCompute Sink
  access-id: LTAI5tKq3Zr8WmXp2Nv7Yc4B
  access-key: \${secret_values.odps_ak_secret}
  endpoint: http://service.cn-hangzhou.maxcompute.aliyun.com/api
  project: flink_cdc
`,
        violations: [],
        covers: ["access key id"],
    },
    {
        name: "Paimon sink with DLF ECS token loader and an OSS key id only",
        source: "adversarial (token/key words in option names without any secret value)",
        cdcYaml: `sink:
  type: paimon
  catalog.properties.metastore: rest
  catalog.properties.uri: http://cn-hangzhou-vpc.dlf.aliyuncs.com
  catalog.properties.warehouse: lake_catalog
  catalog.properties.token.provider: dlf
  catalog.properties.dlf.token-loader: ecs
  catalog.properties.fs.oss.accessKeyId: LTAI5tKq3Zr8WmXp2Nv7Yc4B
  table.properties.bucket: 4
`,
        violations: [],
        covers: ["access key id"],
    },
    {
        name: "Paimon sink with a literal OSS accessKeySecret in catalog properties",
        source: "adversarial (nested catalog.properties.* secret)",
        cdcYaml: `sink:
  type: paimon
  catalog.properties.metastore: filesystem
  catalog.properties.warehouse: oss://lake-bucket/warehouse
  catalog.properties.fs.oss.endpoint: oss-cn-hangzhou-internal.aliyuncs.com
  catalog.properties.fs.oss.accessKeyId: LTAI5tKq3Zr8WmXp2Nv7Yc4B
  catalog.properties.fs.oss.accessKeySecret: pSYwKqVT2iAISrlwINRw1H0ffoTz3B
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 7: key "catalog.properties.fs.oss.accessKeySecret" has a literal value'],
        secrets: ["pSYwKqVT2iAISrlwINRw1H0ffoTz3B"],
    },
    {
        name: "Kafka source SSL keystore: literal keystore password, location is a path",
        source: "adversarial (only the password among ssl.* options is a secret)",
        cdcYaml: `source:
  type: kafka
  properties.bootstrap.servers: kafka-1.internal:9093
  topic: orders
  value.format: canal-json
  properties.security.protocol: SSL
  properties.ssl.truststore.location: /flink/usrlib/kafka.client.truststore.jks
  properties.ssl.keystore.location: /flink/usrlib/kafka.client.keystore.jks
  properties.ssl.keystore.password: Ks7pQw9Lz
sink:
  type: print
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 9: key "properties.ssl.keystore.password" has a literal value'],
        secrets: ["Ks7pQw9Lz"],
    },
    {
        name: "Pipeline AI model with a literal OpenAI-style API key",
        source: "adversarial (api-key nested under pipeline.model[].options)",
        cdcYaml: `pipeline:
  name: enrich-orders
  model:
    - name: summarizer
      type: openai-compatible
      options:
        model: gpt-4o-mini
        endpoint: https://api.openai.com/v1
        api-key: sk-proj-pe4yRToPfQWFU35oxI2mQpXw10RQoAA0QmP0
        max-tokens: 256
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 9: key "api-key" has a literal value'],
        secrets: ["sk-proj-pe4yRToPfQWFU35oxI2mQpXw10RQoAA0QmP0"],
    },
    {
        name: "Elasticsearch sink with username elastic and a literal password",
        source: "adversarial (sink-side basic auth)",
        cdcYaml: `sink:
  type: elasticsearch
  hosts: https://es-cn-abc.elasticsearch.aliyuncs.com:9200
  username: elastic
  password: Es9vQ2xRt4
  batch.size.max.bytes: 5242880
`,
        violations: ['cdcYamlArtifact.cdcYaml, line 5: key "password" has a literal value'],
        secrets: ["Es9vQ2xRt4"],
    },
    {
        name: "Benign secret-looking words: server-id range, token-free transform, secret table names",
        source: "adversarial (key words in values and table names, no credential)",
        cdcYaml: `source:
  type: mysql
  hostname: 10.0.0.8
  port: 3306
  username: cdc
  password: \${secret_values.cdc_pw}
  tables: auth.user_tokens, auth.password_resets, vault.secrets_meta
  server-id: 5400-5404
transform:
  - source-table: auth.user_tokens
    projection: id, user_id, token_type, expires_at
    description: drop the token hash column
sink:
  type: print
`,
        violations: [],
    },
];
