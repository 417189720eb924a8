/**
 * Flink SQL snippets for the no-plaintext-secrets rule, taken from public documentation and
 * repositories (each names its source) or written against the rule on purpose
 * (`adversarial`). Every credential is a fake of the real one's shape.
 */
import { SecretsCorpusCase } from "./secretsCorpusCase";

export const sqlCases: readonly SecretsCorpusCase[] = [
    {
        name: "mysql-cdc source with the password in a secret variable",
        source: "https://www.alibabacloud.com/help/en/flink/developer-reference/mysql-connector (example DDL)",
        sql: `CREATE TEMPORARY TABLE mysql_source (
  order_id INT, customer_name STRING, PRIMARY KEY (order_id) NOT ENFORCED
) WITH (
  'connector' = 'mysql',
  'hostname' = 'rm-bp1xxxx.mysql.rds.aliyuncs.com',
  'port' = '3306',
  'username' = '\${secret_values.mysqlusername}',
  'password' = '\${secret_values.mysqlpassword}',
  'database-name' = 'orders_db',
  'table-name' = 'orders',
  'server-id' = '5400-5404'
);`,
        violations: [],
    },
    {
        name: "mysql-cdc source and Doris sink with literal passwords",
        source: "https://blog.csdn.net/a9486/article/details/134893149 (Flink CDC MySQL to Doris)",
        sql: `CREATE TABLE mysql_cdc_base (
  id INT NOT NULL, name VARCHAR(255), PRIMARY KEY(id) NOT ENFORCED
) WITH (
  'connector' = 'mysql-cdc',
  'hostname' = '192.168.10.177',
  'port' = '3306',
  'username' = 'root',
  'password' = '-7xkQaudt&R].',
  'database-name' = 'mysql_cdc_database',
  'table-name' = 'mysql_cdc_prove'
);
CREATE TABLE mysql_mapping (id INT, name VARCHAR) WITH (
  'connector' = 'doris',
  'fenodes' = '192.168.10.1:8030',
  'table.identifier' = 'test.mysql_source',
  'username' = 'root',
  'password' = 'Q#n7Fkzts@13',
  'sink.label-prefix' = 'mysql_mapping'
);`,
        violations: ['statement 1 (CREATE TABLE mysql_cdc_base), line 8: option "password" in a WITH list has a literal value', 'statement 2 (CREATE TABLE mysql_mapping), line 17: option "password"'],
        secrets: ["-7xkQaudt&R].", "Q#n7Fkzts@13"],
    },
    {
        name: "postgres-cdc source with a secret variable and its slot and plugin settings",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/flink-sources/postgres-cdc/ (SQL client example)",
        sql: `CREATE TABLE shipments (
  shipment_id INT, order_id INT, origin STRING, PRIMARY KEY (shipment_id) NOT ENFORCED
) WITH (
  'connector' = 'postgres-cdc',
  'hostname' = 'localhost',
  'port' = '5432',
  'username' = 'postgres',
  'password' = '\${secret_values.pg_password}',
  'database-name' = 'postgres',
  'schema-name' = 'public',
  'table-name' = 'shipments',
  'slot.name' = 'flink',
  'decoding.plugin.name' = 'pgoutput',
  'scan.incremental.snapshot.enabled' = 'true'
);`,
        violations: [],
    },
    {
        name: "Kafka SASL/PLAIN with a literal JAAS password",
        source: "https://developer.aliyun.com/ask/476470 (Kafka source table with SASL authentication)",
        sql: `CREATE TABLE kafkaTable (id BIGINT) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'alikafka-pre-cn-xxx-1-vpc.alikafka.aliyuncs.com:9094',
  'properties.security.protocol' = 'SASL_PLAINTEXT',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.flink.kafka.shaded.org.apache.kafka.common.security.plain.PlainLoginModule required username="alikafka_user" password="Fk8Kafka!pw";'
);`,
        violations: ['line 7: option "properties.sasl.jaas.config" in a WITH list holds "password" as literal text'],
        secrets: ["Fk8Kafka!pw"],
    },
    {
        name: "Kafka SCRAM JAAS with a referenced user name and a literal password",
        source: "adversarial (one reference must not excuse the JAAS string)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.mechanism' = 'SCRAM-SHA-256',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="\${secret_values.kafka_user}" password="Fk-scram-77";'
);`,
        violations: ['option "properties.sasl.jaas.config"'],
        secrets: ["Fk-scram-77"],
    },
    {
        name: "Kafka SCRAM JAAS with a literal user name and a referenced password",
        source: "https://www.alibabacloud.com/help/en/flink/developer-reference/kafka-connector (SASL_SSL with variables)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'kafka',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'SCRAM-SHA-256',
  'properties.ssl.truststore.location' = '/flink/usrlib/only.4096.client.truststore.jks',
  'properties.ssl.endpoint.identification.algorithm' = '',
  'properties.sasl.jaas.config' = 'org.apache.flink.kafka.shaded.org.apache.kafka.common.security.scram.ScramLoginModule required username="flink_user" password="\${secret_values.kafka_password}";'
);`,
        violations: [],
    },
    {
        name: "MSK IAM authentication: a JAAS config without credentials",
        source: "https://github.com/aws/aws-msk-iam-auth (README, configuring a Kafka client)",
        sql: `CREATE TABLE msk (id INT) WITH (
  'connector' = 'kafka',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'AWS_MSK_IAM',
  'properties.sasl.jaas.config' = 'software.amazon.msk.auth.iam.IAMLoginModule required;',
  'properties.sasl.client.callback.handler.class' = 'software.amazon.msk.auth.iam.IAMClientCallbackHandler'
);`,
        violations: [],
    },
    {
        name: "Kafka SSL with a literal truststore password",
        source: "https://www.alibabacloud.com/help/en/apsaramq-for-kafka (SSL endpoint client settings)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'kafka',
  'properties.security.protocol' = 'SSL',
  'properties.ssl.truststore.location' = '/flink/usrlib/kafka.client.truststore.jks',
  'properties.ssl.truststore.password' = 'KafkaOnsClient',
  'properties.ssl.endpoint.identification.algorithm' = ''
);`,
        violations: ['option "properties.ssl.truststore.password" in a WITH list has a literal value'],
        secrets: ["KafkaOnsClient"],
    },
    {
        name: "Kafka PEM keystore with the private key inline",
        source: "https://kafka.apache.org/documentation/#security_ssl (PEM key and certificate options)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'kafka',
  'properties.security.protocol' = 'SSL',
  'properties.ssl.keystore.type' = 'PEM',
  'properties.ssl.keystore.certificate.chain' = '-----BEGIN CERTIFICATE-----
MIIDFkeCertificateBody==
-----END CERTIFICATE-----',
  'properties.ssl.keystore.key' = '-----BEGIN PRIVATE KEY-----
MIIEvFkePrivateKeyBody==
-----END PRIVATE KEY-----'
);`,
        violations: ['option "properties.ssl.keystore.key" in a WITH list has a literal value'],
        secrets: ["MIIEvFkePrivateKeyBody=="],
    },
    {
        name: "Confluent schema registry user info in plain text",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/formats/avro-confluent/ (format options)",
        sql: `CREATE TABLE user_created (id STRING, name STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'user_events',
  'properties.bootstrap.servers' = 'localhost:9092',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = 'https://psrc-xxxx.europe-west3.gcp.confluent.cloud',
  'value.avro-confluent.basic-auth.credentials-source' = 'USER_INFO',
  'value.avro-confluent.basic-auth.user-info' = 'SRKEYFK7XQ:FkSrSecret+abc/123'
);`,
        violations: ['option "value.avro-confluent.basic-auth.user-info" in a WITH list has a literal value'],
        secrets: ["FkSrSecret+abc/123"],
    },
    {
        name: "schema registry user info: the reference must stand in the password part",
        source: "adversarial",
        sql: `CREATE TABLE a (id STRING) WITH (
  'value.format' = 'avro-confluent',
  'value.avro-confluent.basic-auth.user-info' = 'SRKEYFK7XQ:\${secret_values.sr_secret}'
);
CREATE TABLE b (id STRING) WITH (
  'value.format' = 'avro-confluent',
  'value.avro-confluent.basic-auth.user-info' = '\${secret_values.sr_key}:FkSrLiteral99'
);`,
        violations: ['statement 2 (CREATE TABLE b), line 7: option "value.avro-confluent.basic-auth.user-info" in a WITH list has a literal password after the user name'],
        secrets: ["FkSrLiteral99"],
    },
    {
        name: "schema registry bearer token and its credentials source",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/formats/avro-confluent/ (bearer-auth options)",
        sql: `CREATE TABLE t (id STRING) WITH (
  'value.format' = 'avro-confluent',
  'value.avro-confluent.bearer-auth.credentials-source' = 'STATIC_TOKEN',
  'value.avro-confluent.bearer-auth.token' = 'FkBearerToken0123456789'
);`,
        violations: ['option "value.avro-confluent.bearer-auth.token"'],
        secrets: ["FkBearerToken0123456789"],
    },
    {
        name: "Pulsar token authentication with the token inline",
        source: "https://github.com/apache/flink-connector-pulsar (docs/content/docs/connectors/table/pulsar.md, authentication)",
        sql: `CREATE TABLE pulsar_src (id INT) WITH (
  'connector' = 'pulsar',
  'topics' = 'persistent://public/default/orders',
  'service-url' = 'pulsar+ssl://pulsar.example.com:6651',
  'pulsar.client.authPluginClassName' = 'org.apache.pulsar.client.impl.auth.AuthenticationToken',
  'pulsar.client.authParams' = 'token:eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJma2UtY2xpZW50In0.Fk-signature-part_123'
);`,
        violations: ['option "pulsar.client.authParams" in a WITH list has a literal value'],
        secrets: ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJma2UtY2xpZW50In0.Fk-signature-part_123"],
    },
    {
        name: "Pulsar token authentication through a secret variable",
        source: "https://github.com/apache/flink-connector-pulsar (table options) with a Ververica variable",
        sql: `CREATE TABLE pulsar_src (id INT) WITH (
  'connector' = 'pulsar',
  'pulsar.client.authPluginClassName' = 'org.apache.pulsar.client.impl.auth.AuthenticationToken',
  'pulsar.client.authParams' = 'token:\${secret_values.pulsar_token}'
);`,
        violations: [],
    },
    {
        name: "MongoDB CDC with a literal password",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/flink-sources/mongodb-cdc/ (SQL example)",
        sql: `CREATE TABLE products (
  _id STRING, name STRING, PRIMARY KEY(_id) NOT ENFORCED
) WITH (
  'connector' = 'mongodb-cdc',
  'hosts' = 'localhost:27017,localhost:27018',
  'username' = 'flinkuser',
  'password' = 'FkMongoPw1',
  'database' = 'inventory',
  'collection' = 'products'
);`,
        violations: ['option "password"'],
        secrets: ["FkMongoPw1"],
    },
    {
        name: "MongoDB sink with the password in its connection URI",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/mongodb/ (uri option)",
        sql: `CREATE TABLE mongo_sink (id STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'mongodb',
  'uri' = 'mongodb+srv://app_user:FkAtlasPw42@cluster0.abcde.mongodb.net/?retryWrites=true&w=majority',
  'database' = 'shop',
  'collection' = 'orders'
);`,
        violations: ['option "uri" in a WITH list holds a password in a URL (user:password@host)'],
        secrets: ["FkAtlasPw42"],
    },
    {
        name: "JDBC URLs carrying passwords: query string, SQL Server properties, Oracle thin",
        source: "https://dev.mysql.com/doc/connector-j/en/connector-j-reference-jdbc-url-format.html, https://learn.microsoft.com/sql/connect/jdbc/building-the-connection-url, https://docs.oracle.com/en/database/oracle/oracle-database/19/jjdbc/data-sources-and-URLs.html",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db:3306/shop?user=root&password=FkMyPw7&useSSL=false', 'table-name' = 'a');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:sqlserver://db:1433;databaseName=shop;user=sa;password=FkSqlPw8;encrypt=false', 'table-name' = 'b');
CREATE TABLE c (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:oracle:thin:scott/FkTiger9@//db:1521/ORCL', 'table-name' = 'c');`,
        violations: ['statement 1 (CREATE TABLE a), line 1: option "url" in a WITH list holds "password" as literal text', 'statement 2 (CREATE TABLE b)', 'statement 3 (CREATE TABLE c), line 3: option "url" in a WITH list holds a password in an Oracle JDBC URL'],
        secrets: ["FkMyPw7", "FkSqlPw8", "FkTiger9"],
    },
    {
        name: "JDBC sink with a clean URL and a secret variable",
        source: "https://www.alibabacloud.com/help/en/flink/developer-reference/jdbc-connector (example)",
        sql: `CREATE TEMPORARY TABLE jdbc_sink (a INT, b STRING) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://rm-xxx.mysql.rds.aliyuncs.com:3306/db?useSSL=false&serverTimezone=Asia/Shanghai',
  'table-name' = 'sink',
  'username' = 'flink',
  'password' = '\${secret_values.jdbc_pw}'
);`,
        violations: [],
    },
    {
        name: "Redis URI with a password and an empty user",
        source: "adversarial (redis://:password@host form of https://www.iana.org/assignments/uri-schemes/prov/redis)",
        sql: `CREATE TABLE dim_redis (k STRING, v STRING) WITH ('connector' = 'redis', 'url' = 'redis://:FkRedisPw3@redis.internal:6379/0');`,
        violations: ['option "url" in a WITH list holds a password in a URL'],
        secrets: ["FkRedisPw3"],
    },
    {
        name: "HTTP lookup with a Basic Authorization header",
        source: "https://github.com/getindata/flink-http-connector (README, HTTP headers)",
        sql: `CREATE TABLE Customers (id STRING, msg STRING) WITH (
  'connector' = 'rest-lookup',
  'format' = 'json',
  'url' = 'http://localhost:8080/client',
  'asyncPolling' = 'true',
  'gid.connector.http.source.lookup.header.Content-Type' = 'application/json',
  'gid.connector.http.source.lookup.header.Authorization' = 'Basic dXNlcjpGa0h0dHBQdw=='
);`,
        violations: ['option "gid.connector.http.source.lookup.header.Authorization" in a WITH list has a literal value'],
        secrets: ["dXNlcjpGa0h0dHBQdw=="],
    },
    {
        name: "HTTP lookup with OIDC: the client secret sits in the token request",
        source: "https://github.com/getindata/flink-http-connector (README, OIDC Bearer Authentication)",
        sql: `CREATE TABLE api (id STRING) WITH (
  'connector' = 'rest-lookup',
  'url' = 'https://api.example.com/v1/customers',
  'gid.connector.http.security.oidc.token.endpoint.url' = 'https://login.example.com/oauth2/token',
  'gid.connector.http.security.oidc.token.request' = 'grant_type=client_credentials&client_id=flink-app&client_secret=FkOidcSecret55',
  'gid.connector.http.security.oidc.token.expiry.reduction' = 'PT5S',
  'gid.connector.http.security.key.client' = '/opt/flink/certs/client.key',
  'gid.connector.http.source.lookup.use-raw-authorization-header' = 'true'
);`,
        violations: ['option "gid.connector.http.security.oidc.token.request" in a WITH list holds "client_secret" as literal text'],
        secrets: ["FkOidcSecret55"],
    },
    {
        name: "HTTP lookup with OIDC and an API key header through secret variables",
        source: "https://github.com/getindata/flink-http-connector (README) with Ververica variables",
        sql: `CREATE TABLE api (id STRING) WITH (
  'connector' = 'rest-lookup',
  'gid.connector.http.security.oidc.token.request' = 'grant_type=client_credentials&client_id=flink-app&client_secret=\${secret_values.oidc_secret}',
  'gid.connector.http.source.lookup.header.X-Api-Key' = '\${secret_values.api_key}',
  'gid.connector.http.source.lookup.header.Authorization' = 'Bearer \${secret_values.api_token}'
);`,
        violations: [],
    },
    {
        name: "HTTP lookup with an API key header in plain text",
        source: "https://github.com/getindata/flink-http-connector (README, header options) with a vendor API key",
        sql: `CREATE TABLE api (id STRING) WITH ('connector' = 'rest-lookup', 'gid.connector.http.source.lookup.header.X-Api-Key' = 'fk_live_4eC39HqLyjWDarjtT1zdp7dc');`,
        violations: ['option "gid.connector.http.source.lookup.header.X-Api-Key"'],
        secrets: ["fk_live_4eC39HqLyjWDarjtT1zdp7dc"],
    },
    {
        name: "model DDL with an OpenAI key (Confluent Manager for Apache Flink)",
        source: "https://docs.confluent.io/cp-flink/current/jobs/sql-statements/ai/model-inference.html (CREATE MODEL sentiment)",
        sql: `CREATE MODEL sentiment INPUT (review STRING) OUTPUT (label STRING) WITH (
  'provider' = 'openai',
  'endpoint' = 'https://api.openai.com/v1/chat/completions',
  'model' = 'gpt-4o-mini',
  'api-key' = 'sk-proj-FkOpenAiKey0123456789abcdef',
  'system-prompt' = 'Classify the review as positive or negative. Output only the label.'
);`,
        violations: ['option "api-key" in a WITH list has a literal value'],
        secrets: ["sk-proj-FkOpenAiKey0123456789abcdef"],
    },
    {
        name: "model DDL with a provider-prefixed key (FLIP-437 discussion)",
        source: "https://issues.apache.org/jira/browse/FLINK-34992 (comment with CREATE MODEL my_remote_model)",
        sql: `CREATE MODEL my_remote_model INPUT (f1 INT, f2 STRING) OUTPUT (label STRING, probs ARRAY<FLOAT>) WITH (
  'task' = 'classification',
  'type' = 'remote',
  'provider' = 'openai',
  'openai.endpoint' = 'https://api.openai.com/v1/llm/v1/chat',
  'openai.api_key' = 'fkabcdefg'
);`,
        violations: ['option "openai.api_key"'],
        secrets: ["fkabcdefg"],
    },
    {
        name: "Ververica model DDL with the key in a secret variable",
        source: "https://www.alibabacloud.com/help/en/flink/realtime-flink/developer-reference/model-ddl (register a model)",
        sql: `CREATE TEMPORARY MODEL general_model
INPUT (input STRING)
OUTPUT (content STRING)
WITH (
  'provider' = 'openai-compat',
  'endpoint' = 'https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions',
  'api-key' = '\${secret_values.dashscope_api_key}',
  'model' = 'qwen-turbo'
);`,
        violations: [],
    },
    {
        name: "SET statements: an unquoted secret reference, mechanism keys, and a literal",
        source: "adversarial (Flink SQL SET syntax, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/set/)",
        sql: `SET 'table.exec.sink.not-null-enforcer' = 'DROP';
SET 'fs.oss.accessKeySecret' = \${secret_values.oss_secret};
SET 'security.delegation.tokens.enabled' = 'false';
SET 'fs.oss.credentials.provider' = 'com.aliyun.oss.common.auth.EnvironmentVariableCredentialsProvider';
SET 'fs.s3a.aws.credentials.provider' = 'org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider';
SET 'fs.s3a.session.token' = 'FkSessionToken//abc+def==';`,
        violations: ['SQL statement 6 (SET), line 6: option "fs.s3a.session.token" in a SET has a literal value'],
        secrets: ["FkSessionToken//abc+def=="],
    },
    {
        name: "Kinesis: role-based credentials are not secrets, basic secret keys are",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/kinesis/ (authentication options)",
        sql: `CREATE TABLE a (id INT) WITH (
  'connector' = 'kinesis',
  'stream' = 'orders',
  'aws.region' = 'us-east-2',
  'aws.credentials.provider' = 'ASSUME_ROLE',
  'aws.credentials.role.arn' = 'arn:aws:iam::123456789012:role/flink',
  'aws.credentials.role.sessionName' = 'flink-session'
);
CREATE TABLE b (id INT) WITH (
  'connector' = 'kinesis',
  'aws.credentials.provider' = 'BASIC',
  'aws.credentials.basic.accesskeyid' = 'AKIAFKEEXAMPLE7Q2XYZ',
  'aws.credentials.basic.secretkey' = 'FkSecretKey/K7MDENG/bPxRfiCYEXAMPLEKEY'
);`,
        violations: ['statement 2 (CREATE TABLE b), line 13: option "aws.credentials.basic.secretkey"'],
        secrets: ["FkSecretKey/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    },
    {
        name: "Paimon catalog on OSS with a literal AccessKey secret",
        source: "https://www.alibabacloud.com/help/en/flink/developer-reference/manage-paimon-catalogs (CREATE CATALOG on OSS)",
        sql: `CREATE CATALOG paimon_catalog WITH (
  'type' = 'paimon',
  'metastore' = 'filesystem',
  'warehouse' = 'oss://my-bucket/warehouse',
  'fs.oss.endpoint' = 'oss-cn-hangzhou-internal.aliyuncs.com',
  'fs.oss.accessKeyId' = 'LTAI5tFkExampleKeyId01',
  'fs.oss.accessKeySecret' = 'FkOssSecretA1b2C3d4E5f6G7h8I9j0'
);`,
        violations: ['statement 1 (CREATE CATALOG paimon_catalog), line 7: option "fs.oss.accessKeySecret"'],
        secrets: ["FkOssSecretA1b2C3d4E5f6G7h8I9j0"],
    },
    {
        name: "SLS source with accessId/accessKey as secret variables, and a literal variant",
        source: "https://www.alibabacloud.com/help/en/flink/developer-reference/log-service-connector (example DDL)",
        sql: `CREATE TEMPORARY TABLE sls_input (content STRING) WITH (
  'connector' = 'sls',
  'endpoint' = 'cn-hangzhou-intranet.log.aliyuncs.com',
  'accessId' = '\${secret_values.ak_id}',
  'accessKey' = '\${secret_values.ak_secret}',
  'project' = 'my-project',
  'logStore' = 'my-logstore'
);
CREATE TEMPORARY TABLE sls_output (content STRING) WITH (
  'connector' = 'sls',
  'accessId' = 'LTAI5tFkExampleKeyId02',
  'accessKey' = 'FkSlsSecretZ9y8X7w6V5u4T3s2R1q0'
);`,
        violations: ['statement 2 (CREATE TEMPORARY TABLE sls_output), line 12: option "accessKey"'],
        secrets: ["FkSlsSecretZ9y8X7w6V5u4T3s2R1q0"],
    },
    {
        name: "Elasticsearch sink with a literal password; StarRocks sink with an empty one",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/elasticsearch/ and https://docs.starrocks.io/docs/loading/Flink-connector-starrocks/",
        sql: `CREATE TABLE es_sink (user_id STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://localhost:9200',
  'index' = 'users',
  'username' = 'elastic',
  'password' = 'FkElasticPw6'
);
CREATE TABLE sr_sink (id INT) WITH (
  'connector' = 'starrocks',
  'jdbc-url' = 'jdbc:mysql://fe:9030',
  'load-url' = 'fe:8030',
  'database-name' = 'test',
  'table-name' = 'score_board',
  'username' = 'root',
  'password' = ''
);`,
        violations: ['statement 1 (CREATE TABLE es_sink), line 6: option "password"'],
        secrets: ["FkElasticPw6"],
    },
    {
        name: "secret words in comments, strings, column names and an OPTIONS hint with a reference",
        source: "adversarial",
        sql: `-- 'password' = 'FkInComment1'
/* SET 'token' = 'FkInComment2'; */
CREATE TABLE users (password_hash STRING, api_token_id BIGINT) WITH ('connector' = 'kafka', 'topic' = 'password-resets', 'password.encrypted' = 'true');
INSERT INTO sink SELECT 'token=abc' AS note, password_hash FROM users /*+ OPTIONS('password' = '\${secret_values.pw}') */;`,
        violations: [],
    },
    {
        name: "ALTER TABLE SET and an OPTIONS hint with literal secrets",
        source: "adversarial (https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/hints/)",
        sql: `ALTER TABLE orders SET ('properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="FkAlterPw";');
INSERT INTO sink SELECT * FROM src /*+ OPTIONS('password' = 'FkHintPw') */;`,
        violations: ['statement 1 (ALTER TABLE orders), line 1: option "properties.sasl.jaas.config" in a SET holds "password" as literal text', 'statement 2 (INSERT), line 2: option "password" in an OPTIONS hint has a literal value'],
        secrets: ["FkAlterPw", "FkHintPw"],
    },
    {
        name: "a plain ${variable} is not a secret reference",
        source: "https://www.alibabacloud.com/help/en/flink/user-guide/manage-variables (plain and secret variables)",
        sql: `CREATE TABLE t (id INT) WITH ('connector' = 'jdbc', 'password' = '\${db_password}');`,
        violations: ['option "password" in a WITH list is the plain variable ${db_password}, whose value Ververica keeps in plain text'],
    },
    {
        name: "JARs added from URLs: one with a password in its user info, one with a referenced one",
        source: "adversarial (ADD JAR and CREATE FUNCTION ... USING JAR, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/jar/)",
        sql: `ADD JAR 'https://deployer:FkAddJar1@nexus.example.com/repository/udf/udf-1.0.jar';
CREATE TEMPORARY FUNCTION parse_ua AS 'com.example.ParseUa' USING JAR 'https://\${secret_values.nexus_user}:\${secret_values.nexus_pw}@nexus.example.com/ua.jar';
INSERT INTO audit SELECT 'password=not-a-setting' AS note, 'https://docs.example.com/?page=token' AS link FROM src;`,
        violations: ['SQL statement 1 (ADD), line 1: a string holds a password in a URL (user:password@host)'],
        secrets: ["FkAddJar1"],
    },
    {
        name: "Alibaba Cloud connectors with AccessKey pairs: Hologres, MaxCompute, DataHub, Tablestore",
        source: "https://www.alibabacloud.com/help/en/flink/developer-reference/ (Hologres, MaxCompute, DataHub and Tablestore connector examples)",
        sql: `CREATE TEMPORARY TABLE holo_sink (id INT) WITH (
  'connector' = 'hologres',
  'dbname' = 'flink_db',
  'tablename' = 'orders',
  'username' = '\${secret_values.ak_id}',
  'password' = '\${secret_values.ak_secret}',
  'endpoint' = 'hgpostcn-cn-xxx-cn-hangzhou-vpc.hologres.aliyuncs.com:80'
);
CREATE TEMPORARY TABLE odps_source (id INT) WITH (
  'connector' = 'odps',
  'endpoint' = 'http://service.cn-hangzhou.maxcompute.aliyun.com/api',
  'project' = 'flink_project',
  'tableName' = 'orders',
  'accessId' = 'LTAI5tFkExampleKeyId06',
  'accessKey' = 'FkOdpsSecretQ1w2E3r4T5y6U7i8O9p0'
);
CREATE TEMPORARY TABLE datahub_source (id INT) WITH (
  'connector' = 'datahub',
  'subId' = '1620373987234567fFk',
  'endPoint' = 'https://dh-cn-hangzhou.aliyuncs.com',
  'project' = 'flink_project',
  'topic' = 'orders',
  'accessId' = '\${secret_values.ak_id}',
  'accessKey' = '\${secret_values.ak_secret}'
);
CREATE TEMPORARY TABLE ots_sink (id INT) WITH (
  'connector' = 'ots',
  'instanceName' = 'flink-ots',
  'tableName' = 'orders',
  'endPoint' = 'https://flink-ots.cn-hangzhou.vpc.tablestore.aliyuncs.com',
  'accessId' = 'LTAI5tFkExampleKeyId07',
  'accessKey' = 'FkOtsSecretA9s8D7f6G5h4J3k2L1z0'
);`,
        violations: ['statement 2 (CREATE TEMPORARY TABLE odps_source), line 15: option "accessKey"', 'statement 4 (CREATE TEMPORARY TABLE ots_sink), line 32: option "accessKey"'],
        secrets: ["FkOdpsSecretQ1w2E3r4T5y6U7i8O9p0", "FkOtsSecretA9s8D7f6G5h4J3k2L1z0"],
    },
    {
        name: "RocketMQ and Redis sinks with literal credentials",
        source: "https://www.alibabacloud.com/help/en/flink/developer-reference/apsaramq-for-rocketmq-connector and .../apsaradb-for-redis-connector (example DDL)",
        sql: `CREATE TEMPORARY TABLE rocketmq_sink (id INT) WITH (
  'connector' = 'mq5',
  'topic' = 'orders',
  'endpoint' = 'rmq-cn-xxx-vpc.cn-hangzhou.rmq.aliyuncs.com:8080',
  'accessKey' = 'FkRmqUser01',
  'secretKey' = 'FkRmqSecret02'
);
CREATE TEMPORARY TABLE redis_dim (k STRING, v STRING) WITH (
  'connector' = 'redis',
  'host' = 'r-xxx.redis.rds.aliyuncs.com',
  'port' = '6379',
  'password' = 'FkRedis03',
  'dbNum' = '0'
);`,
        // `accessKey` beside `secretKey` is the identifier half of the pair (the RocketMQ user), not a secret.
        violations: ['line 6: option "secretKey"', 'statement 2 (CREATE TEMPORARY TABLE redis_dim), line 12: option "password"'],
        secrets: ["FkRmqSecret02", "FkRedis03"],
    },
    {
        name: "SQL Server and Oracle CDC sources with secret variables",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/flink-sources/sqlserver-cdc/ and .../oracle-cdc/ (SQL examples)",
        sql: `CREATE TABLE products (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'sqlserver-cdc',
  'hostname' = 'localhost',
  'port' = '1433',
  'username' = 'sa',
  'password' = '\${secret_values.mssql_pw}',
  'database-name' = 'inventory',
  'table-name' = 'dbo.products'
);
CREATE TABLE oracle_products (ID INT, NAME STRING, PRIMARY KEY (ID) NOT ENFORCED) WITH (
  'connector' = 'oracle-cdc',
  'hostname' = 'localhost',
  'port' = '1521',
  'username' = 'flinkuser',
  'password' = '\${secret_values.oracle_pw}',
  'database-name' = 'ORCLCDB',
  'schema-name' = 'inventory',
  'table-name' = 'products',
  'debezium.log.mining.strategy' = 'online_catalog'
);`,
        violations: [],
    },
    {
        name: "Iceberg REST catalog with an OAuth credential, and a Hudi table on OSS",
        source: "https://iceberg.apache.org/docs/latest/flink/ (REST catalog, credential option) and https://hudi.apache.org/docs/oss_hoodie/",
        sql: `CREATE CATALOG rest_catalog WITH (
  'type' = 'iceberg',
  'catalog-type' = 'rest',
  'uri' = 'https://catalog.example.com/api/catalog',
  'warehouse' = 'analytics',
  'credential' = 'flink-client:FkIcebergClientSecret1',
  'oauth2-server-uri' = 'https://catalog.example.com/api/catalog/v1/oauth/tokens',
  'scope' = 'PRINCIPAL_ROLE:ALL'
);
CREATE TABLE hudi_orders (id INT, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'hudi',
  'path' = 'oss://bucket/hudi/orders',
  'hadoop.fs.oss.endpoint' = 'oss-cn-hangzhou-internal.aliyuncs.com',
  'hadoop.fs.oss.accessKeyId' = 'LTAI5tFkExampleKeyId08',
  'hadoop.fs.oss.accessKeySecret' = '\${secret_values.oss_secret}'
);`,
        violations: ['statement 1 (CREATE CATALOG rest_catalog), line 6: option "credential" in a WITH list has a literal value'],
        secrets: ["FkIcebergClientSecret1"],
    },
    {
        name: "Pulsar token read from a file and TLS authentication by certificate paths",
        source: "https://pulsar.apache.org/docs/next/security-jwt/ (authParams=file:///path/to/token.txt) and https://pulsar.apache.org/docs/next/security-tls-authentication/ (authParams=tlsCertFile:...,tlsKeyFile:...)",
        sql: `CREATE TABLE orders_token (id INT) WITH (
  'connector' = 'pulsar',
  'topics' = 'persistent://public/default/orders',
  'service-url' = 'pulsar+ssl://pulsar:6651',
  'pulsar.client.authPluginClassName' = 'org.apache.pulsar.client.impl.auth.AuthenticationToken',
  'pulsar.client.authParams' = 'file:///opt/flink/usrlib/pulsar-token.txt'
);
CREATE TABLE orders_tls (id INT) WITH (
  'connector' = 'pulsar',
  'topics' = 'persistent://public/default/orders',
  'pulsar.client.authPluginClassName' = 'org.apache.pulsar.client.impl.auth.AuthenticationTls',
  'pulsar.client.authParams' = 'tlsCertFile:/opt/flink/usrlib/my-role.cert.pem,tlsKeyFile:/opt/flink/usrlib/my-role.key-pk8.pem',
  'pulsar.client.tlsTrustCertsFilePath' = '/opt/flink/usrlib/ca.cert.pem'
);`,
        violations: [],
    },
    {
        name: "Pulsar basic authentication in JSON with a literal password; OAuth2 with a key file",
        source: "https://pulsar.apache.org/docs/next/security-basic-auth/ (authParams JSON) and https://pulsar.apache.org/docs/next/security-oauth2/ (privateKey as a file URL)",
        sql: `CREATE TABLE basic_auth (id INT) WITH (
  'connector' = 'pulsar',
  'pulsar.client.authPluginClassName' = 'org.apache.pulsar.client.impl.auth.AuthenticationBasic',
  'pulsar.client.authParams' = '{"userId":"superuser","password":"FkPulsarBasic1"}'
);
CREATE TABLE oauth2 (id INT) WITH (
  'connector' = 'pulsar',
  'pulsar.client.authPluginClassName' = 'org.apache.pulsar.client.impl.auth.oauth2.AuthenticationOAuth2',
  'pulsar.client.authParams' = '{"type":"client_credentials","privateKey":"file:///opt/flink/usrlib/credentials.json","issuerUrl":"https://auth.streamnative.cloud/","audience":"urn:sn:pulsar:o-fk:instance"}'
);`,
        violations: ['statement 1 (CREATE TABLE basic_auth), line 4: option "pulsar.client.authParams" in a WITH list holds "password" as literal text'],
        secrets: ["FkPulsarBasic1"],
    },
    {
        name: "Pulsar authParamMap in Flink map syntax, and the key/value list form with a password",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/datastream/pulsar/ (pulsar.client.authParamMap) and adversarial (the Pulsar 1.x key:value parameter string)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'pulsar', 'pulsar.client.authParamMap' = 'token:FkParamMapToken1');
CREATE TABLE b (id INT) WITH ('connector' = 'pulsar', 'pulsar.client.authParams' = 'userId:superuser,password:FkParamList2');
CREATE TABLE c (id INT) WITH ('connector' = 'pulsar', 'pulsar.client.authParamMap' = 'token:\${secret_values.pulsar_token}');`,
        violations: ['statement 1 (CREATE TABLE a), line 1: option "pulsar.client.authParamMap" in a WITH list has a literal value', 'statement 2 (CREATE TABLE b), line 2: option "pulsar.client.authParams" in a WITH list holds "password" as literal text'],
        secrets: ["FkParamMapToken1", "FkParamList2"],
    },
    {
        name: "masked and template placeholders are not literal credentials",
        source: "adversarial (redacted copies and documentation templates: '******', '<password>', '<yourAccessKeySecret>', a masked URL password, a JAAS and an Authorization header with placeholders)",
        sql: `CREATE TEMPORARY TABLE redacted (id INT) WITH (
  'connector' = 'mysql',
  'hostname' = 'rm-bp1xxxx.mysql.rds.aliyuncs.com',
  'username' = 'flink',
  'password' = '******'
);
CREATE TEMPORARY TABLE templated (id INT) WITH (
  'connector' = 'sls',
  'accessId' = '<yourAccessKeyId>',
  'accessKey' = '<yourAccessKeySecret>'
);
CREATE TABLE masked_url (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://etl:****@db:3306/shop', 'password' = 'xxxxxx');
CREATE TABLE kafka_template (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="<username>" password="<password>";'
);
CREATE TABLE http_template (id INT) WITH ('connector' = 'http', 'http.source.lookup.header.Authorization' = 'Bearer <token>');`,
        violations: [],
    },
    {
        name: "weak or odd literals are still literals",
        source: "https://github.com/zihjiang/filling-book (Component/source/mysqlcdc.md, a mysql-cdc example with a keyboard-walk password) and adversarial (values that resemble placeholders but are real text)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'mysql-cdc', 'hostname' = '192.168.100.141', 'username' = 'root', 'password' = '1qaz@WSX');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = '123456');
CREATE TABLE c (id INT) WITH ('connector' = 'jdbc', 'password' = 'changeme');
CREATE TABLE d (id INT) WITH ('connector' = 'jdbc', 'password' = '<FkNotAPlaceholder');`,
        violations: ["statement 1 (CREATE TABLE a)", "statement 2 (CREATE TABLE b)", "statement 3 (CREATE TABLE c)", "statement 4 (CREATE TABLE d)"],
        secrets: ["1qaz@WSX", "123456", "changeme", "<FkNotAPlaceholder"],
    },
    {
        name: "HTTP connector: proxy password, subscription key and cookie headers; paths and switches are not secrets",
        source: "https://github.com/getindata/flink-http-connector (README: proxy, security.cert/key paths, use-raw-authorization-header, header.* options)",
        sql: `CREATE TABLE http_lookup (id STRING, msg STRING) WITH (
  'connector' = 'rest-lookup',
  'format' = 'json',
  'url' = 'https://api.example.com/client',
  'gid.connector.http.source.lookup.use-raw-authorization-header' = 'true',
  'gid.connector.http.source.lookup.proxy.host' = 'proxy.example.com',
  'gid.connector.http.source.lookup.proxy.username' = 'svc-flink',
  'gid.connector.http.source.lookup.proxy.password' = 'FkProxyPw1',
  'gid.connector.http.source.lookup.header.Ocp-Apim-Subscription-Key' = 'fk0123456789abcdef0123456789abcd',
  'gid.connector.http.source.lookup.header.Cookie' = 'SESSION=FkSessionCookie2',
  'gid.connector.http.security.cert.client' = '/opt/flink/usrlib/client.crt',
  'gid.connector.http.security.key.client' = '/opt/flink/usrlib/client.pk8',
  'gid.connector.http.security.cert.server.allowSelfSigned' = 'true'
);`,
        violations: ['line 8: option "gid.connector.http.source.lookup.proxy.password"', 'line 9: option "gid.connector.http.source.lookup.header.Ocp-Apim-Subscription-Key"', 'line 10: option "gid.connector.http.source.lookup.header.Cookie"'],
        secrets: ["FkProxyPw1", "fk0123456789abcdef0123456789abcd", "FkSessionCookie2"],
    },
    {
        name: "job parameters in Flink map syntax and JVM options carrying passwords",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/ (pipeline.global-job-parameters as a map, env.java.opts) with adversarial values",
        sql: `SET 'pipeline.global-job-parameters' = 'env:prod,db.password:FkJobParam1,region:cn-hangzhou';
SET 'env.java.opts' = '-Dfile.encoding=UTF-8 -Dlegacy.db.password=FkJvmOpt2';
SET 'pipeline.global-job-parameters' = 'env:prod,db.password:\${secret_values.db_password}';
CREATE TABLE k (id INT) WITH ('connector' = 'kafka', 'scan.startup.specific-offsets' = 'partition:0,offset:42;partition:1,offset:300');`,
        violations: ['SQL statement 1 (SET), line 1: option "pipeline.global-job-parameters" in a SET holds "db.password" as literal text', 'SQL statement 2 (SET), line 2: option "env.java.opts" in a SET holds'],
        secrets: ["FkJobParam1", "FkJvmOpt2"],
    },
    {
        name: "Kafka JAAS variants: an Event Hubs connection string, an OAuth client secret, Kerberos and escaped quotes",
        source: "https://github.com/Azure/azure-event-hubs-for-kafka (quickstart: username=\"$ConnectionString\" password=\"Endpoint=sb://...\"), https://kafka.apache.org/documentation/#security_sasl_oauthbearer_clientconfig and https://kafka.apache.org/documentation/#security_sasl_kerberos_clientconfig",
        sql: `CREATE TABLE eventhubs (id INT) WITH (
  'connector' = 'kafka',
  'properties.bootstrap.servers' = 'fk-namespace.servicebus.windows.net:9093',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString" password="Endpoint=sb://fk-namespace.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=FkEventHubsKey1=";'
);
CREATE TABLE oauth (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.mechanism' = 'OAUTHBEARER',
  'properties.sasl.oauthbearer.token.endpoint.url' = 'https://login.example.com/oauth2/token',
  'properties.sasl.login.callback.handler.class' = 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId="flink" clientSecret="FkOauthClient2" scope="kafka";'
);
CREATE TABLE kerberos (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.mechanism' = 'GSSAPI',
  'properties.sasl.kerberos.service.name' = 'kafka',
  'properties.sasl.jaas.config' = 'com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true storeKey=true keyTab="/opt/flink/usrlib/flink.keytab" principal="flink@EXAMPLE.COM";'
);
CREATE TABLE quoted (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username=''u'' password=''FkEscaped3'';'
);`,
        violations: ['statement 1 (CREATE TABLE eventhubs), line 6', 'statement 2 (CREATE TABLE oauth), line 13: option "properties.sasl.jaas.config" in a WITH list holds "clientSecret" as literal text', "statement 4 (CREATE TABLE quoted)"],
        secrets: ["FkEventHubsKey1", "FkOauthClient2", "FkEscaped3"],
    },
    {
        name: "Paimon catalog on S3 and model DDL with several providers",
        source: "https://paimon.apache.org/docs/master/filesystems/s3/ (s3.access-key / s3.secret-key) and https://docs.confluent.io/cloud/current/flink/reference/statements/create-model.html (provider options)",
        sql: `CREATE CATALOG paimon_s3 WITH (
  'type' = 'paimon',
  'warehouse' = 's3://fk-bucket/warehouse',
  's3.endpoint' = 'https://s3.us-east-1.amazonaws.com',
  's3.access-key' = '\${secret_values.s3_access_key}',
  's3.secret-key' = 'FkS3SecretKey/wJalrXUtnFEMI/K7MDENG'
);
CREATE MODEL sentiment INPUT (text STRING) OUTPUT (label STRING) WITH (
  'provider' = 'openai',
  'task' = 'classification',
  'openai.endpoint' = 'https://api.openai.com/v1/chat/completions',
  'openai.api_key' = 'sk-FkOpenAi0123456789',
  'openai.max_tokens' = '512',
  'openai.model_version' = 'gpt-4o-mini'
);
CREATE MODEL summarizer INPUT (text STRING) OUTPUT (summary STRING) WITH (
  'provider' = 'bedrock',
  'bedrock.endpoint' = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/fk/invoke',
  'bedrock.aws_access_key_id' = 'AKIAFKEXAMPLE0000000',
  'bedrock.aws_secret_access_key' = 'FkBedrockSecret3',
  'bedrock.aws_session_token' = ''
);`,
        violations: ['statement 1 (CREATE CATALOG paimon_s3), line 6: option "s3.secret-key"', 'statement 2 (CREATE MODEL sentiment), line 12: option "openai.api_key"', 'statement 3 (CREATE MODEL summarizer), line 20: option "bedrock.aws_secret_access_key"'],
        secrets: ["FkS3SecretKey/wJalrXUtnFEMI/K7MDENG", "sk-FkOpenAi0123456789", "FkBedrockSecret3"],
    },
    {
        name: "keys in mixed case, a comment between key and value, and options that name mechanisms",
        source: "adversarial (Flink option keys are matched as written; comments are not values)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'jdbc',
  'PassWord' = /* rotated quarterly */ 'FkMixedCase1',
  'Properties.SSL.Truststore.Password' = 'FkUpper2',
  'password.encrypted' = 'false',
  'use-secret' = 'yes',
  'token' = 'disabled',
  'properties.ssl.truststore.location' = '/opt/flink/usrlib/truststore.jks',
  'properties.ssl.keystore.type' = 'PEM',
  'debezium.database.sslkey' = '/opt/flink/usrlib/client.key',
  'aws.credentials.profile.name' = 'default',
  'aws.credentials.web-identity-token-file' = '/var/run/secrets/eks.amazonaws.com/serviceaccount/token'
);`,
        violations: ['line 3: option "PassWord"', 'line 4: option "Properties.SSL.Truststore.Password"'],
        secrets: ["FkMixedCase1", "FkUpper2"],
    },
    {
        name: "a bearer token passed to an HTTP function in a query; prose that names schemes",
        source: "adversarial (a scalar HTTP UDF called with its Authorization value, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/functions/udfs/)",
        sql: `INSERT INTO enriched
SELECT id, http_get(CONCAT('https://api.example.com/users/', id), 'Bearer sk-FkUdfToken0123456789') AS profile,
       'Basic authentication is disabled' AS note
FROM users;`,
        violations: ["SQL statement 1 (INSERT), line 2: a string holds an HTTP Authorization credential"],
        secrets: ["sk-FkUdfToken0123456789"],
    },
    {
        name: "Iceberg REST credential: the reference must stand in the client secret part",
        source: "https://iceberg.apache.org/docs/latest/flink/ (REST catalog credential as <client_id>:<client_secret>) and adversarial (a referenced client id beside a literal secret)",
        sql: `CREATE CATALOG a WITH ('type' = 'iceberg', 'catalog-type' = 'rest', 'uri' = 'https://polaris.example.com/api/catalog', 'credential' = '\${secret_values.client_id}:FkIcebergSecret2');
CREATE CATALOG b WITH ('type' = 'iceberg', 'catalog-type' = 'rest', 'uri' = 'https://polaris.example.com/api/catalog', 'credential' = 'flink-client:\${secret_values.client_secret}');`,
        violations: ['statement 1 (CREATE CATALOG a), line 1: option "credential" in a WITH list has a literal password after the user name'],
        secrets: ["FkIcebergSecret2"],
    },
    {
        name: "Google credentials JSON under a credentials key: a workload identity configuration and a service account key",
        source: "https://cloud.google.com/iam/docs/workload-identity-federation-with-other-providers (credential configuration file) and https://cloud.google.com/iam/docs/keys-create-delete (service account key file), inlined as connector options",
        sql: `CREATE TABLE federated (id INT) WITH (
  'connector' = 'acme-pubsub',
  'gcp.credentials' = '{"type":"external_account","audience":"//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/flink/providers/aliyun","subject_token_type":"urn:ietf:params:oauth:token-type:jwt","token_url":"https://sts.googleapis.com/v1/token","credential_source":{"file":"/var/run/secrets/tokens/gcp-token"}}'
);
CREATE TABLE keyed (id INT) WITH (
  'connector' = 'acme-pubsub',
  'gcp.credentials' = '{"type":"service_account","project_id":"fk-project","private_key_id":"fk0123456789abcdef","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvFkFkFk\\n-----END PRIVATE KEY-----\\n","client_email":"flink@fk-project.iam.gserviceaccount.com","token_uri":"https://oauth2.googleapis.com/token"}'
);`,
        violations: ['statement 2 (CREATE TABLE keyed), line 7: option "gcp.credentials" in a WITH list holds "private_key" as literal text, a private key in PEM form'],
        secrets: ["MIIEvFkFkFk"],
    },
    {
        name: "API tokens under keys no pattern covers: a DashScope key in model options, and look-alikes that are not tokens",
        source: "https://help.aliyun.com/zh/model-studio/first-api-call-to-qwen (DashScope sk- API keys) and adversarial (an option named only 'key', names that merely start with sk-)",
        sql: `CREATE MODEL qwen INPUT (text STRING) OUTPUT (answer STRING) WITH (
  'provider' = 'openai-compat',
  'endpoint' = 'https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions',
  'dashscope.key' = 'sk-Fk0123456789abcdef0123',
  'model' = 'qwen-plus'
);
CREATE TABLE features (id INT) WITH ('connector' = 'acme-ml', 'model' = 'sk-learn', 'task-id' = 'task-0123456789abcdefghijkl');`,
        violations: ['statement 1 (CREATE MODEL qwen), line 4: option "dashscope.key" in a WITH list holds an API token'],
        secrets: ["sk-Fk0123456789abcdef0123"],
    },
    {
        name: "published Kafka DDL templates: placeholders in JAAS configs, a GCP managed Kafka login and Kerberos",
        source: "public Flink SQL examples found by code search (a SCRAM kafka_sink README with <your username>/<your password>, a speed_events table with <<REPLACE>>, a Confluent table with <API_KEY>/<API_SECRET>, a snippets panel with your-user/your-password, a Google managed Kafka sink with GcpLoginCallbackHandler, a StreamX Kerberos source)",
        sql: `CREATE TABLE IF NOT EXISTS kafka_sink (entry STRING) WITH (
  'connector' = 'kafka',
  'properties.bootstrap.servers' = '<kafka-bootstrap-servers>',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'SCRAM-SHA-512',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="<your username>" password="<your password>";'
);
CREATE TABLE speed_events (driverId BIGINT) WITH (
  'properties.bootstrap.servers' = '<<REPLACE>>',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="<<REPLACE>>" password="<<REPLACE>>";',
  'connector' = 'kafka'
);
CREATE TABLE user_behavior (user_id BIGINT) WITH (
  'connector' = 'kafka',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="<API_KEY>" password="<API_SECRET>";'
);
CREATE TABLE kafka_setup (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="your-user" password="your-password";'
);
CREATE TABLE write_to_kafka (word STRING) WITH (
  'connector' = 'kafka',
  'properties.sasl.mechanism' = 'OAUTHBEARER',
  'properties.sasl.login.callback.handler.class' = 'com.google.cloud.hosted.kafka.auth.GcpLoginCallbackHandler',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;'
);
CREATE TABLE kafka_kerberos (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.mechanism' = 'GSSAPI',
  'properties.sasl.kerberos.service.name' = 'kafka',
  'properties.sasl.jaas.config' = 'com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true refreshKrb5Config=true storeKey=true serviceName=kafka keyTab="/home/work/work.keytab" principal="work@EXAMPLE.COM";'
);`,
        violations: [],
    },
    {
        name: "a JAAS config templated with plain variables that the draft does not define",
        source: "public Flink SQL example found by code search (payments_suspicious sink with username=\"${KAFKA_API_KEY}\" password=\"${KAFKA_API_SECRET}\"); a plain ${variable} is no secret reference",
        sql: `CREATE TABLE payments_suspicious (payment_id STRING) WITH (
  'connector' = 'kafka',
  'properties.bootstrap.servers' = '\${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="\${KAFKA_API_KEY}" password="\${KAFKA_API_SECRET}";'
);`,
        violations: ['option "properties.sasl.jaas.config" in a WITH list holds "password" as the plain variable ${KAFKA_API_SECRET}, kept in plain text'],
    },
    {
        name: "a connector pointed at a secret manager entry and a role by their resource names",
        source: "adversarial (Kinesis role options, https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/kinesis/, and an in-house option naming an AWS Secrets Manager secret by ARN)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'acme-db',
  'secret' = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-FkSuffix',
  'credentials' = 'acs:ram::123456789012:role/flink-reader',
  'password' = 'arn-like-FkLiteral1'
);`,
        violations: ['line 5: option "password" in a WITH list has a literal value'],
        secrets: ["arn-like-FkLiteral1"],
    },
    {
        name: "the JDBC catalog as documented, every credential an ellipsis",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/jdbc/ (JDBC Catalog, Usage of JDBC Catalog)",
        sql: `CREATE CATALOG my_catalog WITH(
    'type' = 'jdbc',
    'default-database' = '...',
    'username' = '...',
    'password' = '...',
    'base-url' = '...'
);
USE CATALOG my_catalog;`,
        violations: [],
        covers: ["ellipsis"],
    },
    {
        name: "ellipses and truncated keys beside a literal that merely contains dots",
        source: "adversarial (an elided sk-... key and a JAAS password written as \"...\", next to a password with single dots)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'mysql-cdc', 'username' = 'flink', 'password' = '…');
CREATE MODEL m INPUT (t STRING) OUTPUT (c STRING) WITH ('provider' = 'openai', 'openai.api_key' = 'sk-...');
CREATE TABLE k (id INT) WITH ('connector' = 'kafka', 'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="..." password="...";');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = 'Fk.dot.ted.9');`,
        violations: ['statement 4 (CREATE TABLE b), line 4: option "password" in a WITH list has a literal value'],
        secrets: ["Fk.dot.ted.9"],
        covers: ["ellipsis"],
    },
    {
        name: "a Kinesis table with prose where the access key pair belongs",
        source: "public Flink SQL example found by code search (netflix_video_stream Kinesis table with 'Your AWS Access Key ID' / 'Your AWS Secret Access Key') and https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/kinesis/ (aws.credentials.basic.* options)",
        sql: `CREATE TABLE netflix_video_stream (
    chunk_id INT,
    video_id STRING,
    proc_time AS PROCTIME()
) WITH (
    'connector' = 'kinesis',
    'stream' = 'netflix_video_stream',
    'aws.region' = 'us-east-1',
    'aws.credentials.provider' = 'BASIC',
    'aws.credentials.basic.accesskeyid' = 'Your AWS Access Key ID',
    'aws.credentials.basic.secretkey' = 'Your AWS Secret Access Key',
    'format' = 'json',
    'scan.stream.initpos' = 'TRIM_HORIZON'
);`,
        violations: [],
        covers: ["prose placeholder"],
    },
    {
        name: "prose placeholders, and a passphrase of plain words that is a literal",
        source: "adversarial (documentation wording such as 'enter your password here' and 'the secret key', beside a real passphrase made of words)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'kinesis', 'aws.credentials.basic.accesskeyid' = 'AKIAFKEXAMPLE0000007', 'aws.credentials.basic.secretkey' = 'the secret access key of the role');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = 'enter your password here', 'url' = 'jdbc:postgresql://db:5432/shop');
CREATE TABLE c (id INT) WITH ('connector' = 'jdbc', 'password' = 'correct horse battery staple');`,
        violations: ['statement 3 (CREATE TABLE c), line 3: option "password" in a WITH list has a literal value'],
        secrets: ["correct horse battery staple"],
        covers: ["prose placeholder"],
    },
    {
        name: "filler pairs and masked copies where credentials belong",
        source: "adversarial (the xxx/yyy pairs, XXXX runs and masked AccessKeys of redacted support tickets and tutorials)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'mysql-cdc', 'hostname' = 'rm-bp1xxxx.mysql.rds.aliyuncs.com', 'username' = 'xxx', 'password' = 'yyy');
CREATE TEMPORARY TABLE sls (id INT) WITH ('connector' = 'sls', 'accessId' = 'LTAI5t************', 'accessKey' = 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX');
CREATE MODEL m INPUT (t STRING) OUTPUT (c STRING) WITH ('provider' = 'openai', 'openai.api_key' = 'sk-xxxxxxxxxxxxxxxxxxxxxxxx');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = 'Fkxxx2024!q');`,
        violations: ['statement 4 (CREATE TABLE b), line 4: option "password" in a WITH list has a literal value'],
        secrets: ["Fkxxx2024!q"],
        covers: ["filler placeholder"],
    },
    {
        name: "bracketed redactions where credentials belong, beside a literal in brackets of symbols",
        source: "adversarial (a draft copied from a redacted log or ticket: [REDACTED], [hidden], <redacted>)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'jdbc', 'username' = 'etl', 'password' = '[REDACTED]');
CREATE TABLE k (id INT) WITH ('connector' = 'kafka', 'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="etl" password="[hidden]";', 'properties.ssl.truststore.password' = '<redacted>');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = '[Fk#9!]');`,
        violations: ['statement 3 (CREATE TABLE b), line 3: option "password" in a WITH list has a literal value'],
        secrets: ["[Fk#9!]", "Fk#9!"],
        covers: ["bracketed redaction"],
    },
    {
        name: "secret references of a Flink SQL workbench, resolved from Kubernetes secrets",
        source: "https://github.com/giulio1979/flink-sql-workbench-vsce (docs on secret references: ${secrets://namespace:secretname/key})",
        sql: `CREATE TABLE source_table (
    id INT,
    name STRING,
    email STRING
) WITH (
    'connector' = 'jdbc',
    'url' = 'jdbc:postgresql://localhost:5432/mydb',
    'table-name' = 'users',
    'username' = '\${secrets://default:db-credentials/username}',
    'password' = '\${secrets://default:db-credentials/password}'
);
CREATE TABLE api_sink (
    user_id INT,
    processed_data STRING
) WITH (
    'connector' = 'http',
    'url' = 'https://api.example.com/data',
    'headers.authorization' = 'Bearer \${secrets://api-namespace:api-tokens/bearer-token}'
);`,
        violations: [],
        covers: ["secret-store URI"],
    },
    {
        name: "secret-store URIs and secret references of other tools",
        source: "https://docs.slingdata.io/concepts/secrets (ref+vault://, ref+awssecrets://), https://developer.1password.com/docs/cli/secret-reference-syntax (op://vault/item/field) and https://docs.feldera.com/connectors/secret-references/ (${secret:kubernetes:name/key})",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'postgres-cdc', 'username' = 'etl', 'password' = 'ref+vault://secret/data/postgres#/password');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = 'op://Production/Postgres/password');
CREATE TABLE c (id INT) WITH ('connector' = 'kafka', 'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="etl" password="\${secret:kubernetes:kafka-creds/password}";');
CREATE TABLE d (id INT) WITH ('connector' = 'jdbc', 'password' = 'vaultFk://not-a-store/Fk9');`,
        violations: ['statement 4 (CREATE TABLE d), line 4: option "password" in a WITH list has a literal value'],
        secrets: ["vaultFk://not-a-store/Fk9"],
        covers: ["secret-store URI"],
    },
    {
        name: "Kafka config-provider references in a JAAS config and in S3 keys",
        source: "https://kafka.apache.org/44/configuration/configuration-providers/ (FileConfigProvider, ${file:path:key}) and https://docs.tigergraph.com/tigergraph-server/current/data-loading/externalizing-kafka-configs (\"access.key\":\"${file:/tmp/secret.properties:S3_ACCESS_KEY}\")",
        sql: `CREATE TABLE k (id INT) WITH (
  'connector' = 'kafka',
  'properties.config.providers' = 'file',
  'properties.config.providers.file.class' = 'org.apache.kafka.common.config.provider.FileConfigProvider',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="\${file:/opt/flink/secrets/kafka.properties:username}" password="\${file:/opt/flink/secrets/kafka.properties:password}";'
);
CREATE TABLE s3 (id INT) WITH (
  'connector' = 'filesystem',
  'path' = 's3://bucket/events',
  'access.key' = '\${file:/tmp/secret.properties:S3_ACCESS_KEY}',
  'secret.key' = '\${file:/tmp/secret.properties:S3_SECRET_KEY}'
);`,
        violations: [],
        covers: ["config-provider reference", "access key id"],
    },
    {
        name: "environment references as connectors resolve them",
        source: "https://docs.lenses.io/connectors/secret-providers/environment (${env::MY_ENV_VAR_PASSWORD}), https://docs.feldera.com/connectors/secret-references/ (${env:<name>}) and adversarial ($NAME, %NAME%, $(NAME), a literal that starts with a dollar sign)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'jdbc', 'username' = '\${env::MY_ENV_VAR_USERNAME}', 'password' = '\${env::MY_ENV_VAR_PASSWORD}');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = '\${env:PG_PASSWORD}');
CREATE TABLE c (id INT) WITH ('connector' = 'kafka', 'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="$KAFKA_USER" password="$KAFKA_PASSWORD";');
CREATE TABLE d (id INT) WITH ('connector' = 'jdbc', 'password' = '%PG_PASSWORD%', 'token' = '$(API_TOKEN)');
CREATE TABLE e (id INT) WITH ('connector' = 'jdbc', 'password' = '$ecret99');`,
        violations: ['statement 5 (CREATE TABLE e), line 5: option "password" in a WITH list has a literal value'],
        secrets: ["$ecret99"],
        covers: ["environment reference"],
    },
    {
        name: "DDL in a PyFlink script whose template fields were never rendered",
        source: "public PyFlink scripts found by code search (a kafka_clickouts source with '{sasl_jaas}' and '{SR_API_KEY}:{SR_API_SECRET}', a sink with '{os.environ.get('KAFKA_URL')}' and '{sasl_config}')",
        sql: `CREATE TABLE kafka_clickouts (
  clickout_id STRING,
  amount DOUBLE,
  proc_time AS PROCTIME()
) WITH (
  'connector' = 'kafka',
  'topic' = 'clickouts',
  'properties.bootstrap.servers' = '{KAFKA_BOOTSTRAP}',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = '{sasl_jaas}',
  'format' = 'avro-confluent',
  'avro-confluent.schema-registry.url' = '{SR_URL}',
  'avro-confluent.basic-auth.credentials-source' = 'USER_INFO',
  'avro-confluent.basic-auth.user-info' = '{SR_API_KEY}:{SR_API_SECRET}'
);
CREATE TABLE processed_events_kafka (ip VARCHAR) WITH (
  'connector' = 'kafka',
  'properties.bootstrap.servers' = '{os.environ.get('KAFKA_URL')}',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.jaas.config' = '{sasl_config}',
  'format' = 'json'
);`,
        violations: [],
        covers: ["template field"],
    },
    {
        name: "host-language template fields of several languages, and a word in braces that is a literal",
        source: "adversarial (str.format, %-format and f-string fields, Maven filtering, Spring expressions and GitHub Actions expressions left unrendered; an ODBC-style braced literal)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'jdbc', 'username' = '{user}', 'password' = '{password}');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = '{os.environ["PG_PASSWORD"]}', 'url' = 'jdbc:postgresql://{host}:5432/{db}');
CREATE TABLE c (id INT) WITH ('connector' = 'jdbc', 'password' = '%(db_password)s', 'token' = '{}');
CREATE TABLE d (id INT) WITH ('connector' = 'jdbc', 'password' = '@db.password@', 'secret' = '#{dbSecret}', 'api-key' = '\${{ secrets.API_KEY }}');
CREATE TABLE e (id INT) WITH ('connector' = 'jdbc', 'password' = '{Fk7rQ2}');`,
        violations: ['statement 5 (CREATE TABLE e), line 5: option "password" in a WITH list has a literal value'],
        secrets: ["{Fk7rQ2}", "Fk7rQ2"],
        covers: ["template field"],
    },
    {
        name: "a Paimon catalog on S3 whose access key id is literal and whose secret key is a reference",
        source: "https://paimon.apache.org/docs/master/filesystems/s3/ (s3.access-key / s3.secret-key) with a Ververica variable for the secret half",
        sql: `CREATE CATALOG paimon_s3 WITH (
  'type' = 'paimon',
  'warehouse' = 's3://fk-bucket/warehouse',
  's3.endpoint' = 'https://s3.us-east-1.amazonaws.com',
  's3.access-key' = 'AKIAFKEXAMPLE0000001',
  's3.secret-key' = '\${secret_values.s3_secret_key}'
);
CREATE CATALOG hadoop_s3 WITH (
  'type' = 'iceberg',
  'catalog-type' = 'hadoop',
  'warehouse' = 's3a://fk-bucket/iceberg',
  'fs.s3a.access.key' = 'AKIAFKEXAMPLE0000002',
  'fs.s3a.secret.key' = '\${secret_values.s3a_secret_key}'
);`,
        violations: [],
        covers: ["access key id"],
    },
    {
        name: "an access key alone, or beside an access id, is the secret half",
        source: "https://alibabacloud.com/help/en/flink/developer-reference/log-service-connector (accessId / accessKey) and adversarial (an access.key with no secret sibling)",
        sql: `CREATE TEMPORARY TABLE sls_source (id INT) WITH (
  'connector' = 'sls',
  'endpoint' = 'cn-hangzhou-intranet.log.aliyuncs.com',
  'accessId' = 'LTAI5tFkExampleKeyId11',
  'accessKey' = 'FkSlsAccessKey11',
  'project' = 'fk-project',
  'logStore' = 'fk-logstore'
);
CREATE TABLE obs (id INT) WITH ('connector' = 'acme-obs', 'obs.access.key' = 'FkObsSecret12');`,
        violations: ['statement 1 (CREATE TEMPORARY TABLE sls_source), line 5: option "accessKey"', 'statement 2 (CREATE TABLE obs), line 9: option "obs.access.key"'],
        secrets: ["FkSlsAccessKey11", "FkObsSecret12"],
        covers: ["access key id"],
    },
    {
        name: "ADLS Gen2 OAuth settings per account: the client secret's key goes on with the account's host",
        source: "https://docs.cloudera.com/cloudera-manager/7.9.5/managing-clusters/topics/cm-configuring-oauth-with-core-site-xml.html (fs.azure.account.oauth2.client.secret, account-specific suffix .<Account>.dfs.core.windows.net) as Paimon catalog options",
        sql: `CREATE CATALOG paimon_adls WITH (
  'type' = 'paimon',
  'warehouse' = 'abfss://lake@fkaccount.dfs.core.windows.net/warehouse',
  'fs.azure.account.auth.type.fkaccount.dfs.core.windows.net' = 'OAuth',
  'fs.azure.account.oauth.provider.type.fkaccount.dfs.core.windows.net' = 'org.apache.hadoop.fs.azurebfs.oauth2.ClientCredsTokenProvider',
  'fs.azure.account.oauth2.client.id.fkaccount.dfs.core.windows.net' = '00000000-0000-0000-0000-00000000f00d',
  'fs.azure.account.oauth2.client.secret.fkaccount.dfs.core.windows.net' = 'Fk8Q~AdlsClientSecret.0123456789',
  'fs.azure.account.oauth2.client.endpoint.fkaccount.dfs.core.windows.net' = 'https://login.microsoftonline.com/00000000-0000-0000-0000-0000000000aa/oauth2/token'
);`,
        violations: ['line 7: option "fs.azure.account.oauth2.client.secret.fkaccount.dfs.core.windows.net" in a WITH list has a literal value'],
        secrets: ["Fk8Q~AdlsClientSecret.0123456789"],
        covers: ["secret word inside the key"],
    },
    {
        name: "secret words in the middle of keys, and keys whose later words say they are about the secret",
        source: "adversarial (a base64 private key option, a per-environment password, a password kept in a key store, beside rotation, owner and scan settings)",
        sql: `CREATE TABLE snow (id INT) WITH (
  'connector' = 'acme-snowflake',
  'snowflake.private_key_base64' = 'TUlJRXZGa2VQcml2YXRlS2V5Qm9keQ==',
  'snowflake.private_key_passphrase_prod' = 'FkPassphrase13',
  'ssl.key.store.password' = 'FkKeyStore14',
  'password.rotation.days' = '90',
  'secret.owner' = 'data-platform',
  'token.refresh.interval' = '10 min',
  'primary-keys' = 'id'
);`,
        violations: ['line 3: option "snowflake.private_key_base64"', 'line 4: option "snowflake.private_key_passphrase_prod"', 'line 5: option "ssl.key.store.password"'],
        secrets: ["TUlJRXZGa2VQcml2YXRlS2V5Qm9keQ==", "FkPassphrase13", "FkKeyStore14"],
        covers: ["secret word inside the key"],
    },
    {
        name: "Iceberg server-side encryption: a customer key in base64 is key material, a KMS key id is not",
        source: "https://dev.materialize.com/api/rust/iceberg/io/constant.S3_SSE_KEY.html (Iceberg's s3.sse.key: \"a KMS Key ID\" for kms, \"a custom base-64 AES256 symmetric key\" for custom)",
        sql: `CREATE CATALOG iceberg_custom WITH (
  'type' = 'iceberg',
  'catalog-impl' = 'org.apache.iceberg.aws.glue.GlueCatalog',
  'io-impl' = 'org.apache.iceberg.aws.s3.S3FileIO',
  'warehouse' = 's3://fk-bucket/warehouse',
  's3.sse.type' = 'custom',
  's3.sse.key' = 'RmtBZXNLZXktMzItYnl0ZXMtZm9yLXMzLXNzZS1jISE=',
  's3.sse.md5' = 'RmtNZDVkaWdlc3QxNmJ5dA=='
);
CREATE CATALOG iceberg_kms WITH (
  'type' = 'iceberg',
  'catalog-impl' = 'org.apache.iceberg.aws.glue.GlueCatalog',
  's3.sse.type' = 'kms',
  's3.sse.key' = '1234abcd-12ab-34cd-56ef-1234567890ab'
);`,
        violations: ['statement 1 (CREATE CATALOG iceberg_custom), line 7: option "s3.sse.key" in a WITH list holds key material'],
        secrets: ["RmtBZXNLZXktMzItYnl0ZXMtZm9yLXMzLXNzZS1jISE="],
        covers: ["key material"],
    },
    {
        name: "encryption keys under names without a secret word: hex and base64 material, aliases, ARNs and key ids",
        source: "adversarial (column encryption and sink encryption options of in-house connectors)",
        sql: `CREATE TABLE a (id INT) WITH (
  'connector' = 'acme-sink',
  'sink.encrypt.key' = 'f00123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd',
  'column.encryption.aes' = 'RmtBZXNLZXkxMjM0NTY3OA==',
  'encryption.kms.key' = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'encryption.key' = 'alias/flink-sink',
  'encryption.key.id' = 'f00123456789abcdef0123456789abcd',
  'key.fields' = 'id',
  'public.key' = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAFk'
);`,
        violations: ['line 3: option "sink.encrypt.key" in a WITH list holds key material', 'line 4: option "column.encryption.aes" in a WITH list holds key material'],
        secrets: ["f00123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd", "RmtBZXNLZXkxMjM0NTY3OA=="],
        covers: ["key material"],
    },
    {
        name: "an HTTP lookup against the Geocoding API with the API key in the URL",
        source: "https://developers.google.com/maps/documentation/geocoding/requests-geocoding (...geocode/json?address=...&key=YOUR_API_KEY) and https://github.com/getindata/flink-http-connector (url option)",
        sql: `CREATE TABLE geocode (address STRING, body STRING) WITH (
  'connector' = 'rest-lookup',
  'format' = 'json',
  'url' = 'https://maps.googleapis.com/maps/api/geocode/json?address=1600+Amphitheatre+Parkway&key=AIzaSyFk0123456789abcdefghijklmnopqrs'
);
CREATE TABLE documented (address STRING, body STRING) WITH (
  'connector' = 'rest-lookup',
  'url' = 'https://maps.googleapis.com/maps/api/geocode/json?address=1600+Amphitheatre+Parkway,+Mountain+View,+CA&key=YOUR_API_KEY'
);`,
        violations: ['statement 1 (CREATE TABLE geocode), line 4: option "url" in a WITH list holds an API key in a URL query (key=)'],
        secrets: ["AIzaSyFk0123456789abcdefghijklmnopqrs"],
        covers: ["API key in a URL query"],
    },
    {
        name: "key query parameters that name no API key",
        source: "adversarial (an object key, a cache key and a sort key in URLs, and an API key in a script URL of an ADD JAR)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'rest-lookup', 'url' = 'https://storage.example.com/get?bucket=fk&key=events/2024/01/part-0.parquet');
CREATE TABLE b (id INT) WITH ('connector' = 'rest-lookup', 'url' = 'https://api.example.com/v1/items?sort=asc&key=created_at');
ADD JAR 'https://generativelanguage.googleapis.com/v1beta/files/udf.jar?alt=media&key=AIzaSyFkAddJar0123456789abcdefghijklm';`,
        violations: ['SQL statement 3 (ADD), line 3: a string holds an API key in a URL query (key=)'],
        secrets: ["AIzaSyFkAddJar0123456789abcdefghijklm"],
        covers: ["API key in a URL query"],
    },
    {
        name: "an ODBC connection string with a braced password",
        source: "https://docs.rs/odbc-api/latest/odbc_api/fn.escape_attribute_value.html (Driver={ODBC Driver 18 for SQL Server};Server=localhost;UID=SA;PWD={abc;123}}};) as an in-house ODBC connector option",
        sql: `CREATE TABLE mssql (id INT) WITH (
  'connector' = 'acme-odbc',
  'connection-string' = 'Driver={ODBC Driver 18 for SQL Server};Server=localhost;UID=SA;PWD={Fk;123}}};'
);
CREATE TABLE masked (id INT) WITH (
  'connector' = 'acme-odbc',
  'connection-string' = 'Driver={ODBC Driver 18 for SQL Server};Server=db;UID=etl;PWD={******};'
);
CREATE TABLE referenced (id INT) WITH (
  'connector' = 'acme-odbc',
  'connection-string' = 'Driver={ODBC Driver 18 for SQL Server};Server=db;UID=etl;PWD={\${secret_values.sql_pw}};'
);`,
        violations: ['statement 1 (CREATE TABLE mssql), line 3: option "connection-string" in a WITH list holds "PWD" as literal text'],
        secrets: ["Fk;123}}", "Fk;123}"],
        covers: ["ODBC braced value"],
    },
    {
        name: "a JAAS config pasted from a properties file, continuation backslashes and all",
        source: "https://kafka.apache.org/42/security/authentication-using-sasl (listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=... required \\ username=\"admin\" \\ password=\"admin-secret\";)",
        sql: `CREATE TABLE k (id INT) WITH (
  'connector' = 'kafka',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'SCRAM-SHA-256',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.scram.ScramLoginModule required \\
            username="admin" \\
            password="Fk-admin-secret";'
);`,
        violations: ['line 5: option "properties.sasl.jaas.config" in a WITH list holds "password" as literal text'],
        secrets: ["Fk-admin-secret"],
        covers: ["JAAS line break"],
    },
    {
        name: "JAAS configs broken over lines between a name and its =",
        source: "adversarial (a JAAS option name on one line and = \"value\" on the next; the PLAIN module's user_<name> passwords; the same with references)",
        sql: `CREATE TABLE a (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required
    username="etl"
    password
      = "FkBroken15";'
);
CREATE TABLE b (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="\${secret_values.kafka_admin}" user_admin="\${secret_values.kafka_admin}" user_alice="FkAlice16";'
);
CREATE TABLE c (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required
    username="etl"
    password
      = "\${secret_values.kafka_pw}";'
);`,
        violations: ['statement 1 (CREATE TABLE a), line 3: option "properties.sasl.jaas.config" in a WITH list holds "password" as literal text', 'statement 2 (CREATE TABLE b), line 10: option "properties.sasl.jaas.config" in a WITH list holds "user_alice" as literal text'],
        secrets: ["FkBroken15", "FkAlice16"],
        covers: ["JAAS line break"],
    },
    {
        name: "S3 URLs whose secret key holds an unencoded slash",
        source: "https://github.com/fnproject/fn/issues/1124 (s3://myaccesskey:mysec/retkey@s3host/us-east-1/fn-log-bucket?ssl=true) and https://github.com/grafana/loki/issues/1607 (s3://<key id>:<secret with />@region/bucket_name) as sink paths",
        sql: `CREATE TABLE logs (line STRING) WITH ('connector' = 'filesystem', 'format' = 'raw', 'path' = 's3://FKACCESSKEY01:Fkmysec/retkey@s3host/us-east-1/fn-log-bucket?ssl=true');
CREATE TABLE loki (line STRING) WITH ('connector' = 'filesystem', 'format' = 'raw', 'path' = 's3://FKACCESSKEY02:Fkasduahdkjh213kj1h31+lkjaflkjzvKASDOasofhjafaKFAF/GoQd@region/bucket_name');`,
        violations: ['statement 1 (CREATE TABLE logs), line 1: option "path" in a WITH list holds a password in a URL', 'statement 2 (CREATE TABLE loki), line 2: option "path" in a WITH list holds a password in a URL'],
        secrets: ["Fkmysec/retkey", "Fkasduahdkjh213kj1h31+lkjaflkjzvKASDOasofhjafaKFAF/GoQd"],
        covers: ["URL user info with /"],
    },
    {
        name: "URLs with a port, a path and an @ after them carry no user info",
        source: "adversarial (an e-mail address in a query after a port and a path, a container@account ABFS URL, a masked secret with a slash)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'rest-lookup', 'url' = 'https://api.example.com:8443/v1/lookup?notify=ops@example.com');
CREATE TABLE b (id INT) WITH ('connector' = 'filesystem', 'path' = 'abfss://lake@fkaccount.dfs.core.windows.net/raw/events');
CREATE TABLE c (id INT) WITH ('connector' = 'filesystem', 'path' = 's3://FKACCESSKEY03:****/****@s3host/bucket');`,
        violations: [],
        covers: ["URL user info with /"],
    },
    {
        name: "Kubernetes secrets mounted and referenced by Flink configuration, and key files by path",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/native_kubernetes/ (Using Secrets: kubernetes.secrets, kubernetes.env.secretKeyRef) and adversarial (private keys and keystores given by path)",
        sql: `SET 'kubernetes.secrets' = 'foo:/opt/foo';
SET 'kubernetes.env.secretKeyRef' = 'env:SECRET_USERNAME,secret:foo,key:username;env:SECRET_PASSWORD,secret:foo,key:password';
CREATE TABLE snow (id INT) WITH ('connector' = 'acme-snowflake', 'private-key' = '/opt/flink/usrlib/keys/rsa_key.p8', 'ssl.keystore.key' = '/opt/flink/usrlib/client.key');
CREATE TABLE pw (id INT) WITH ('connector' = 'jdbc', 'password' = '/Fk/not-a-file');`,
        violations: ['SQL statement 4 (CREATE TABLE pw), line 4: option "password" in a WITH list has a literal value'],
        secrets: ["/Fk/not-a-file"],
        covers: ["environment reference"],
    },
    {
        name: "access key ids in their published form are identifiers wherever they stand",
        source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html (AKIA/ASIA prefixes of access key ids) and adversarial (an id written under accessKey, beside a literal secret)",
        sql: `CREATE TEMPORARY TABLE a (id INT) WITH ('connector' = 'acme-s3', 'accessKey' = 'AKIAFKEXAMPLE0000005', 'secret' = '\${secret_values.s3_secret}');
CREATE TEMPORARY TABLE b (id INT) WITH ('connector' = 'acme-oss', 'oss.accessKey' = 'LTAI5tFkExampleKeyId29');
CREATE TEMPORARY TABLE c (id INT) WITH ('connector' = 'acme-oss', 'oss.accessKey' = 'LTAI5tFkExampleKeyId30', 'oss.accessKeySecret' = 'FkOssSecret31');`,
        violations: ['statement 3 (CREATE TEMPORARY TABLE c), line 3: option "oss.accessKeySecret" in a WITH list has a literal value'],
        secrets: ["FkOssSecret31"],
        covers: ["access key id"],
    },
    {
        name: "values that say there is none, and a rate limit named after tokens",
        source: "adversarial (null and none written where an optional credential is left unset; a token-bucket rate limit of an HTTP sink)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'jdbc', 'username' = 'etl', 'password' = 'null', 'token' = 'none');
CREATE TABLE b (id INT) WITH ('connector' = 'http-sink', 'sink.token-bucket.rate' = '100', 'sink.token-bucket.capacity' = '200', 'sink.token' = 'Fk-none-of-it');`,
        violations: ['statement 2 (CREATE TABLE b), line 2: option "sink.token" in a WITH list has a literal value'],
        secrets: ["Fk-none-of-it"],
        covers: ["filler placeholder"],
    },
    {
        name: "legacy Elasticsearch descriptor with connector.enable-auth and a literal connector.password",
        source: "https://mail-archive.com/issues@flink.apache.org/msg334145.html (FLINK-16788, user_behavior_es)",
        sql: `CREATE TABLE user_behavior_es (
    user_id BIGINT,
    item_id BIGINT
) WITH (
    'connector.type'='elasticsearch',
    'connector.version'='7',
    'connector.hosts'='http://localhost:9200',
    'connector.index'='user_behavior_es',
    'connector.document-type'='user_behavior_es',
    'connector.enable-auth'='true',
    'connector.username'='zhisheng',
    'connector.password'='Fk123456',
    'format.type'='json',
    'update-mode'='append',
    'connector.bulk-flush.max-actions'='10'
)`,
        violations: ["SQL statement 1 (CREATE TABLE user_behavior_es), line 12: option \"connector.password\" in a WITH list has a literal value"],
        secrets: ["Fk123456"],
    },
    {
        name: "mysql-cdc to Doris with the same literal password on both sides",
        source: "https://github.com/charlist8324/Flink-SQL-Manger (backend/sql_jobs/9671b1a9aa66c93271a05cada091129c.sql)",
        sql: `SET 'parallelism.default' = '1';
SET 'execution.checkpointing.interval' = '30000ms';
CREATE TABLE db_source_user (
    id INT, name STRING, sex STRING, PRIMARY KEY (id) NOT ENFORCED
) WITH (
    'connector' = 'mysql-cdc',
    'hostname' = '192.168.31.251',
    'port' = '3306',
    'database-name' = 'db_source',
    'table-name' = 'user',
    'username' = 'root',
    'password' = 'Fk@dmin900',
    'server-time-zone' = 'Asia/Shanghai',
    'scan.incremental.snapshot.enabled' = 'true',
    'debezium.snapshot.locking.mode' = 'none'
);
CREATE TABLE db_source_user_sink (
    id INT, name STRING, sex STRING, PRIMARY KEY (id) NOT ENFORCED
) WITH (
    'connector' = 'doris',
    'fenodes' = '192.168.31.234:8030',
    'table.identifier' = 'testdb.db_source_user_sink',
    'username' = 'root',
    'password' = 'Fk@dmin900',
    'sink.properties.format' = 'json',
    'sink.properties.strip_outer_array' = 'false'
);`,
        violations: ["SQL statement 3 (CREATE TABLE db_source_user), line 12: option \"password\" in a WITH list has a literal value", "SQL statement 4 (CREATE TABLE db_source_user_sink), line 24: option \"password\" in a WITH list has a literal value"],
        secrets: ["Fk@dmin900"],
    },
    {
        name: "ClickHouse sink with empty credentials and batch options",
        source: "https://github.com/liekkassmile/flink-connector-clickhouse (README.md)",
        sql: `CREATE TABLE ck_sink (
    name VARCHAR, grade BIGINT, rate FLOAT, more VARCHAR
) WITH (
    'connector' = 'clickhouse',
    'url' = 'clickhouse://192.168.8.94:8123',
    'username' = '',
    'password' = '',
    'database-name' = 'glab',        /* ClickHouse database */
    'table-name' = 'ck_test',
    'sink.batch-size' = '1000',
    'sink.flush-interval' = '1000',
    'sink.max-retries' = '1',
    'sink.partition-strategy' = 'balanced',
    'sink.write-local' = 'true',
    'sink.ignore-delete' = 'true'
)`,
        violations: [],
    },
    {
        name: "Redis sink templates with <password> and a masked ****** password",
        source: "https://github.com/jeff-zou/flink-connector-redis (README.md, 'password'='******') and Tencent Oceanus Redis connector docs found by code search ('password' = '<password>')",
        sql: `CREATE TABLE \`redis_set_sink_table\` (
 \`key\` STRING,
 \`value\` STRING
) WITH (
  'connector' = 'redis',
  'command' = 'set',
  'nodes' = '<host>:<port>',
  'password' = '<password>',
  'database' = '<database>'
);
create table sink_redis(username VARCHAR, passport VARCHAR) with ( 'connector'='redis',
'host'='10.11.80.147','port'='7001', 'redis-mode'='single','password'='******','command'='set');`,
        violations: [],
        covers: ["bracketed redaction", "filler placeholder"],
    },
    {
        name: "Iceberg catalog template with YOUR_AWS_* placeholders",
        source: "public Flink SQL found by code search ('-- Test Iceberg Catalog Creation (Template)', s3.access-key = 'YOUR_AWS_ACCESS_KEY')",
        sql: `-- Replace AWS credentials with your own values
CREATE CATALOG iceberg_catalog WITH (
    'type'='iceberg',
    'warehouse'='s3a://your-iceberg-warehouse',
    's3.endpoint'='https://s3.amazonaws.com',
    's3.access-key'='YOUR_AWS_ACCESS_KEY',
    's3.secret-key'='YOUR_AWS_SECRET_KEY',
    's3.region'='your-region'
);
USE CATALOG iceberg_catalog;`,
        violations: [],
        covers: ["prose placeholder"],
    },
    {
        name: "Iceberg Hadoop catalog on MinIO with the default minioadmin pair",
        source: "public Flink SQL found by code search ('Pipeline 04: Flink SQL - Iceberg Catalog', s3.access-key-id / s3.secret-access-key on MinIO)",
        sql: `CREATE CATALOG iceberg_catalog WITH (
    'type' = 'iceberg',
    'catalog-type' = 'hadoop',
    'warehouse' = 's3a://warehouse/',
    'io-impl' = 'org.apache.iceberg.aws.s3.S3FileIO',
    's3.endpoint' = 'http://minio:9000',
    's3.access-key-id' = 'minioadmin',
    's3.secret-access-key' = 'minioadmin',
    's3.path-style-access' = 'true'
);`,
        violations: ["SQL statement 1 (CREATE CATALOG iceberg_catalog), line 8: option \"s3.secret-access-key\" in a WITH list has a literal value"],
        covers: ["access key id"],
    },
    {
        name: "Iceberg catalog templated with environment-style placeholders and no credential",
        source: "https://github.com/weyseing/lakehouse_flink (catalogs/catalog_lakehouse.sql)",
        sql: `CREATE CATALOG catalog_lakehouse WITH (
  'type'='iceberg',
  'catalog-impl'='\${CATALOG_IMPL}',
  'warehouse'='s3://\${ICEBERG_S3_BUCKET}/\${ICEBERG_S3_WAREHOUSE}',
  'client.region'='\${ICEBERG_S3_REGION}',
  'uri'='\${CATALOG_URI}',
  's3.endpoint'='\${S3_ENDPOINT}',
  's3.path-style-access'='\${S3_PATH_STYLE}'
);`,
        violations: [],
    },
    {
        name: "StarRocks sink with xxx filler credentials",
        source: "https://help.aliyun.com/document_detail/406741.htm (StarRocksSinkOptions with username/password xxx) as SQL options",
        sql: `CREATE TABLE sr_sink (score INT, name STRING) WITH (
  'connector' = 'starrocks',
  'jdbc-url' = 'jdbc:mysql://fe1_ip:query_port,fe2_ip:query_port,fe3_ip:query_port?xxxxx',
  'load-url' = 'fe1_ip:http_port;fe2_ip:http_port;fe3_ip:http_port',
  'username' = 'xxx',
  'password' = 'xxx',
  'table-name' = 'xxx',
  'database-name' = 'xxx',
  'sink.properties.format' = 'json',
  'sink.properties.strip_outer_array' = 'true'
);`,
        violations: [],
        covers: ["filler placeholder"],
    },
    {
        name: "Hologres sink with an AccessKey id as user name and its secret in plain text",
        source: "https://www.alibabacloud.com/help/en/hologres/user-guide/write-data-from-open-source-apache-flink-1-11-or-later-to-hologres-in-real-time (sample code)",
        sql: `create table sink(user_id bigint, user_name string, price decimal(38,2)) with (
  'connector'='hologres',
  'dbname'='test_db',
  'tablename'='order_details',
  'username'='LTAI5tFkHoloUser01',
  'password'='FkHoloSecretQ8mZ2nW4xR6tY1uI3oP5',
  'endpoint'='hgprecn-cn-fk0000.hologres.aliyuncs.com:80'
);`,
        violations: ["SQL statement 1 (CREATE TABLE sink), line 6: option \"password\" in a WITH list has a literal value"],
        secrets: ["FkHoloSecretQ8mZ2nW4xR6tY1uI3oP5"],
    },
    {
        name: "avro-confluent with schema registry user info in plain text",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/formats/avro-confluent/ (basic-auth options)",
        sql: `CREATE TABLE user_created (the_kafka_key STRING, id STRING, name STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'user_events_example1',
  'properties.bootstrap.servers' = 'localhost:9092',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = 'https://psrc-fk000.us-east-2.aws.confluent.cloud',
  'value.avro-confluent.basic-auth.credentials-source' = 'USER_INFO',
  'value.avro-confluent.basic-auth.user-info' = 'FKSRKEY7QX2ABCDE:Fk+SrSecret/9LmNoPqRsTuVw',
  'value.fields-include' = 'EXCEPT_KEY'
);`,
        violations: ["SQL statement 1 (CREATE TABLE user_created), line 8: option \"value.avro-confluent.basic-auth.user-info\" in a WITH list has a literal value"],
        secrets: ["Fk+SrSecret/9LmNoPqRsTuVw"],
    },
    {
        name: "MongoDB Atlas URI with a password in its user info",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/mongodb/ (uri option) with an Atlas SRV connection string",
        sql: `CREATE TABLE users (_id STRING, name STRING, PRIMARY KEY (_id) NOT ENFORCED) WITH (
  'connector' = 'mongodb',
  'uri' = 'mongodb+srv://flink_user:FkMongoPw9x@cluster0.fk1ab.mongodb.net/?retryWrites=true&w=majority',
  'database' = 'my_db',
  'collection' = 'users'
);`,
        violations: ["SQL statement 1 (CREATE TABLE users), line 3: option \"uri\" in a WITH list holds a password in a URL (user:password@host)"],
        secrets: ["FkMongoPw9x"],
    },
    {
        name: "JDBC URL with the key store password as pgjdbc's sslpassword parameter",
        source: "https://jdbc.postgresql.org/documentation/use/ (connection parameters: sslpassword) in a Flink JDBC table",
        sql: `CREATE TABLE pg_sink (id BIGINT, v STRING) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://pg.internal:5432/orders?sslmode=verify-full&sslkey=/opt/flink/usrlib/client.pk8&sslpassword=FkSslKeyPw1',
  'table-name' = 'orders',
  'username' = 'etl',
  'password' = '\${secret_values.pg_pw}'
);`,
        violations: ["SQL statement 1 (CREATE TABLE pg_sink), line 3: option \"url\" in a WITH list holds \"sslpassword\" as literal text"],
        secrets: ["FkSslKeyPw1"],
    },
    {
        name: "MySQL JDBC URL whose parameters mention public keys and SSL but carry no credential",
        source: "https://dev.mysql.com/doc/connector-j/en/connector-j-connp-props-security.html (allowPublicKeyRetrieval, serverRSAPublicKeyFile)",
        sql: `CREATE TABLE mysql_dim (id BIGINT, name STRING) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://rm-bp1fk.mysql.rds.aliyuncs.com:3306/dim?useSSL=true&allowPublicKeyRetrieval=true&serverRSAPublicKeyFile=/opt/keys/mysql.pub&serverTimezone=UTC',
  'table-name' = 'dim_users',
  'username' = 'reader',
  'password' = '\${secret_values.dim_pw}',
  'lookup.cache' = 'PARTIAL',
  'lookup.partial-cache.expire-after-write' = '10min'
);`,
        violations: [],
    },
    {
        name: "OSS filesystem configured by SET with a literal AccessKey secret",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/filesystems/oss/ (fs.oss.endpoint, fs.oss.accessKeyId, fs.oss.accessKeySecret) as SET statements",
        sql: `SET 'fs.oss.endpoint' = 'oss-cn-hangzhou-internal.aliyuncs.com';
SET 'fs.oss.accessKeyId' = 'LTAI5tFkOssKeyId07';
SET 'fs.oss.accessKeySecret' = 'FkOssSecret7aB2cD4eF6gH8iJ0kL1mN';
CREATE TABLE oss_sink (id INT, v STRING) WITH ('connector' = 'filesystem', 'path' = 'oss://flink-out/orders/', 'format' = 'parquet');`,
        violations: ["SQL statement 3 (SET), line 3: option \"fs.oss.accessKeySecret\" in a SET has a literal value"],
        secrets: ["FkOssSecret7aB2cD4eF6gH8iJ0kL1mN"],
        covers: ["access key id"],
    },
    {
        name: "mysql-cdc with an SSL key store password passed through to Debezium",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/flink-sources/mysql-cdc/ (debezium.* pass-through) and https://debezium.io/documentation/reference/stable/connectors/mysql.html (database.ssl.keystore.password)",
        sql: `CREATE TABLE orders (order_id INT, PRIMARY KEY (order_id) NOT ENFORCED) WITH (
  'connector' = 'mysql-cdc',
  'hostname' = 'mysql.internal',
  'port' = '3306',
  'username' = 'cdc',
  'password' = '\${secret_values.mysql_pw}',
  'database-name' = 'shop',
  'table-name' = 'orders',
  'debezium.database.ssl.mode' = 'required',
  'debezium.database.ssl.keystore' = '/opt/flink/usrlib/mysql-client.p12',
  'debezium.database.ssl.keystore.password' = 'FkKeystorePw5'
);`,
        violations: ["SQL statement 1 (CREATE TABLE orders), line 11: option \"debezium.database.ssl.keystore.password\" in a WITH list has a literal value"],
        secrets: ["FkKeystorePw5"],
    },
    {
        name: "Debezium history consumer over MSK IAM: a JAAS line without credentials and an empty password",
        source: "https://gist.github.com/romanbonapart/81da1b04cff553fd7911f2b2709dfb31 (Debezium MySQL connector with MSK IAM) as mysql-cdc debezium.* options",
        sql: `CREATE TABLE ds (id INT, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'mysql-cdc',
  'hostname' = 'mysql.internal',
  'username' = 'admin',
  'password' = '',
  'database-name' = 'dataset',
  'table-name' = '.*',
  'debezium.database.history.consumer.security.protocol' = 'SASL_SSL',
  'debezium.database.history.consumer.sasl.mechanism' = 'AWS_MSK_IAM',
  'debezium.database.history.consumer.sasl.jaas.config' = 'software.amazon.msk.auth.iam.IAMLoginModule required;',
  'debezium.database.history.consumer.sasl.client.callback.handler.class' = 'software.amazon.msk.auth.iam.IAMClientCallbackHandler'
);`,
        violations: [],
    },
    {
        name: "internal SSL settings with a literal key store password beside switches and paths",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/security/security-ssl/ (security.ssl.internal.* options)",
        sql: `SET 'security.ssl.internal.enabled' = 'true';
SET 'security.ssl.internal.keystore' = '/path/to/flink/conf/internal.keystore';
SET 'security.ssl.internal.truststore' = '/path/to/flink/conf/internal.keystore';
SET 'security.ssl.internal.keystore-password' = 'FkInternalKsPw';
SET 'security.ssl.internal.key-password' = '\${secret_values.internal_key_pw}';
SET 'security.ssl.rest.authentication-enabled' = 'false';
SET 'security.ssl.algorithms' = 'TLS_RSA_WITH_AES_128_CBC_SHA';`,
        violations: ["SQL statement 4 (SET), line 4: option \"security.ssl.internal.keystore-password\" in a SET has a literal value"],
        secrets: ["FkInternalKsPw"],
    },
    {
        name: "Hive catalog with Kerberos principal and keytab path",
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/hive/hive_catalog/ and https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/security/security-kerberos/",
        sql: `SET 'security.kerberos.login.keytab' = '/etc/security/keytabs/flink.keytab';
SET 'security.kerberos.login.principal' = 'flink/_HOST@EXAMPLE.COM';
SET 'security.kerberos.login.use-ticket-cache' = 'false';
CREATE CATALOG myhive WITH (
  'type' = 'hive',
  'default-database' = 'mydatabase',
  'hive-conf-dir' = '/opt/hive-conf',
  'hadoop-conf-dir' = '/opt/hadoop-conf'
);`,
        violations: [],
    },
    {
        name: "Azure Blob connection string with an AccountKey",
        source: "https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string (DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...) as an in-house connector option",
        sql: `CREATE TABLE blob_sink (id INT) WITH (
  'connector' = 'acme-azure-blob',
  'connection-string' = 'DefaultEndpointsProtocol=https;AccountName=flinkdata;AccountKey=FkAccountKey0123456789abcdefghijABCDEFGHIJklmnopqrstuvwxyz0123456789ABCDEFGHIJKLmnopqrstuv==;EndpointSuffix=core.windows.net',
  'container' = 'out'
);`,
        violations: ["SQL statement 1 (CREATE TABLE blob_sink), line 3: option \"connection-string\" in a WITH list holds \"AccountKey\" as literal text"],
        secrets: ["FkAccountKey0123456789abcdefghijABCDEFGHIJklmnopqrstuvwxyz0123456789ABCDEFGHIJKLmnopqrstuv=="],
    },
    {
        name: "bracketed redactions of several shapes",
        source: "adversarial (redactions in tickets: [REDACTED], <hidden>, (removed), {masked})",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'jdbc', 'password' = '[REDACTED]');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = '<hidden>');
CREATE TABLE c (id INT) WITH ('connector' = 'jdbc', 'password' = '(removed)');
CREATE TABLE d (id INT) WITH ('connector' = 'jdbc', 'password' = '[secret]');`,
        violations: [],
        covers: ["bracketed redaction"],
    },
    {
        name: "prose where the secret belongs",
        source: "adversarial (prose placeholders copied from setup guides)",
        sql: `CREATE TABLE oss_dim (id INT) WITH (
  'connector' = 'odps',
  'accessId' = 'Your AccessKey ID',
  'accessKey' = 'Your AccessKey Secret',
  'project' = 'your project name'
);
CREATE TABLE pg (id INT) WITH ('connector' = 'jdbc', 'password' = 'the password of the RDS account');`,
        violations: [],
        covers: ["prose placeholder"],
    },
    {
        name: "secret-store and config-provider references in options",
        source: "adversarial (Kafka's ${file:path:key} and ${directory:path:key} config providers, a vault provider, a secrets:// URI)",
        sql: `CREATE TABLE k (id INT) WITH (
  'connector' = 'kafka',
  'properties.ssl.keystore.password' = '\${file:/opt/flink/secrets/kafka.properties:keystore.password}',
  'properties.ssl.key.password' = '\${directory:/mnt/secrets:ssl-key-password}',
  'properties.ssl.truststore.password' = '\${vault:secret/data/kafka:truststore}',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="\${secrets://kafka:creds/user}" password="\${secrets://kafka:creds/password}";'
);`,
        violations: [],
        covers: ["secret-store URI", "config-provider reference"],
    },
    {
        name: "host-language template fields in a rendered script: Jinja, %-format and Spring",
        source: "adversarial (template fields left unrendered: {{ var }}, %(name)s, #{expr}, @maven.property@)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'jdbc', 'password' = '{{ db_password }}');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = '%(db_password)s');
CREATE TABLE c (id INT) WITH ('connector' = 'jdbc', 'password' = '#{dbProps.password}');
CREATE TABLE d (id INT) WITH ('connector' = 'jdbc', 'password' = '@db.password@');`,
        violations: [],
        covers: ["template field"],
    },
    {
        name: "template and placeholder shapes: Helm, ERB, Azure token replace, UPPER_SNAKE",
        source: "adversarial ({{ .Values.x }}, <%= %>, #{x}#, REPLACE_WITH_...)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'jdbc', 'password' = '{{ .Values.mysql.password }}');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = '<%= ENV["DB_PASSWORD"] %>');
CREATE TABLE c (id INT) WITH ('connector' = 'jdbc', 'password' = '#{DbPassword}#');
CREATE TABLE d (id INT) WITH ('connector' = 'jdbc', 'password' = 'REPLACE_WITH_YOUR_PASSWORD');`,
        violations: [],
        covers: ["template field", "prose placeholder"],
    },
    {
        name: "option names about secrets that hold none: switches, lifetimes, file paths, names",
        source: "adversarial (password.enabled, secret.ttl, password.file, token.expiry, secret.name, credentials.provider)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'acme-db',
  'password.enabled' = 'true',
  'password.file' = '/opt/flink/secrets/db.pw',
  'secret.ttl' = '3600',
  'secret.name' = 'prod/flink/orders-db',
  'token.expiry' = '15min',
  'token.refresh-interval' = '5min',
  'credentials.provider' = 'com.amazonaws.auth.DefaultAWSCredentialsProviderChain',
  'password.min-length' = '12',
  'api-key.header' = 'X-API-Key'
);`,
        violations: [],
        covers: ["secret word inside the key"],
    },
    {
        name: "options about passwords that hold a method, a URL or a switch",
        source: "adversarial (authentication.method = password, password.reset.url, passwordless, password.encoder)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'acme-db',
  'authentication.method' = 'password',
  'password.reset.url' = 'https://iam.example.com/reset',
  'passwordless' = 'true',
  'password.encoder' = 'bcrypt',
  'password-policy' = 'strong'
);`,
        violations: [],
        covers: ["secret word inside the key"],
    },
    {
        name: "joined lower-case secret words: clientsecret, accesskeysecret, secretkey, keypass, storepass",
        source: "adversarial (compound words without separators, keytool-style keypass/storepass)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'acme-db',
  'oauth.clientsecret' = 'FkJoined1',
  'oss.accesskeysecret' = 'FkJoined2',
  'secretkey' = 'FkJoined3',
  'ssl.keypass' = 'FkJoined4',
  'ssl.storepass' = 'FkJoined5'
);`,
        violations: ["SQL statement 1 (CREATE TABLE t), line 3: option \"oauth.clientsecret\" in a WITH list has a literal value", "SQL statement 1 (CREATE TABLE t), line 4: option \"oss.accesskeysecret\" in a WITH list has a literal value", "SQL statement 1 (CREATE TABLE t), line 5: option \"secretkey\" in a WITH list has a literal value", "SQL statement 1 (CREATE TABLE t), line 6: option \"ssl.keypass\" in a WITH list has a literal value", "SQL statement 1 (CREATE TABLE t), line 7: option \"ssl.storepass\" in a WITH list has a literal value"],
        secrets: ["FkJoined1", "FkJoined2", "FkJoined3", "FkJoined4", "FkJoined5"],
        covers: ["secret word inside the key"],
    },
    {
        name: "option names ending in key that name fields, formats and KMS keys",
        source: "adversarial (key.fields, partition.key, primary-key, message.key.format, KMS ARN and alias, chunk key column)",
        sql: `CREATE TABLE t (id INT, user_id STRING) WITH (
  'connector' = 'kafka',
  'key.fields' = 'user_id',
  'key.format' = 'json',
  'sink.partition.key' = 'user_id',
  'scan.incremental.snapshot.chunk.key-column' = 'id',
  'encryption.kms.key' = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'sse.key' = 'alias/flink-output',
  'kms.key-id' = 'key-hzz62b8f1c9d0e1f2a3b4c'
);`,
        violations: [],
        covers: ["key material"],
    },
    {
        name: "key options that name routing, sorting and caching keys",
        source: "adversarial (routing.key, sort.key, rowkey, cache.key.prefix, lookup.key)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'acme-mq',
  'routing.key' = 'orders.created.v2',
  'sink.sort.key' = 'event_time',
  'rowkey' = 'user_id',
  'cache.key.prefix' = 'flink:orders:',
  'lookup.key' = 'order_id',
  'dedup.key' = 'event_id'
);`,
        violations: [],
        covers: ["key material"],
    },
    {
        name: "a public key for signature checks, in base64 and PEM",
        source: "adversarial (public keys are no secret: verify.public-key and a PEM public key)",
        sql: `CREATE TABLE t (id INT) WITH (
  'connector' = 'acme-webhook',
  'verify.public-key' = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEFkPublicKeyMaterial0123456789abcdefghijklmnopqrstuvwxyzABCDEF==',
  'jwt.public.key' = '-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEFkPublicKeyMaterial0123456789abcdef
-----END PUBLIC KEY-----'
);`,
        violations: [],
        covers: ["key material"],
    },
    {
        name: "an API key in a URL query parameter named key",
        source: "adversarial (a lookup URL against a key-authenticated API)",
        sql: `CREATE TABLE geo (address STRING, lat DOUBLE) WITH (
  'connector' = 'rest-lookup',
  'format' = 'json',
  'url' = 'https://maps.example.com/maps/api/geocode/json?region=cn&key=AIzaSyFkExampleKey0123456789abcdefghij'
);`,
        violations: ["SQL statement 1 (CREATE TABLE geo), line 4: option \"url\" in a WITH list holds an API key in a URL query (key=)"],
        secrets: ["AIzaSyFkExampleKey0123456789abcdefghij"],
        covers: ["API key in a URL query"],
    },
    {
        name: "URL user info with / and + in the secret, in a sink path",
        source: "adversarial (s3a://id:secret@bucket with an unencoded AWS-style secret)",
        sql: `CREATE TABLE s (id INT) WITH (
  'connector' = 'filesystem',
  'path' = 's3a://AKIAFKEXAMPLE0000066:FkUrl/Secret+Key/66abc@flink-bucket/out/',
  'format' = 'parquet'
);`,
        violations: ["SQL statement 1 (CREATE TABLE s), line 3: option \"path\" in a WITH list holds a password in a URL (user:password@host)"],
        secrets: ["FkUrl/Secret+Key/66abc"],
        covers: ["URL user info with /"],
    },
    {
        name: "model options counting tokens and naming a tokenizer",
        source: "adversarial (AI model options: max_tokens, tokenizer, token budget)",
        sql: `CREATE MODEL summarizer INPUT (txt STRING) OUTPUT (summary STRING) WITH (
  'provider' = 'openai',
  'endpoint' = 'https://api.openai.com/v1/chat/completions',
  'api-key' = '\${secret_values.openai_key}',
  'model' = 'gpt-4o-mini',
  'max_tokens' = '1024',
  'tokenizer' = 'cl100k_base',
  'token-budget.per-minute' = '90000'
);`,
        violations: [],
    },
    {
        name: "OceanBase CDC source with the documented pswd and a config URL with xxx ids",
        source: "https://github.com/apache/flink-cdc (docs/content/connectors/oceanbase-cdc(ZH).md, OceanBase Oracle mode example)",
        sql: `CREATE TABLE orders (
    order_id     INT,
    order_date   TIMESTAMP(0),
    PRIMARY KEY (order_id) NOT ENFORCED
) WITH (
    'connector' = 'oceanbase-cdc',
    'scan.startup.mode' = 'initial',
    'username' = 'user@test_tenant#cluster_name',
    'password' = 'pswd',
    'tenant-name' = 'test_tenant',
    'database-name' = '^test_db$',
    'table-name' = '^orders$',
    'hostname' = '127.0.0.1',
    'port' = '2881',
    'compatible-mode' = 'oracle',
    'jdbc.driver' = 'com.oceanbase.jdbc.Driver',
    'config-url' = 'http://127.0.0.1:8080/services?Action=ObRootServiceInfo&User_ID=xxx&UID=xxx&ObRegion=xxx',
    'logproxy.host' = '127.0.0.1',
    'logproxy.port' = '2983',
    'working-mode' = 'memory'
);`,
        violations: ["SQL statement 1 (CREATE TABLE orders), line 9: option \"password\" in a WITH list has a literal value"],
        secrets: ["pswd"],
        covers: ["filler placeholder"],
    },
    {
        name: "Tablestore sink as documented with plain variables for the AccessKey pair",
        source: "https://help.aliyun.com/en/flink/realtime-flink/developer-reference/tablestore-connector (sink table syntax)",
        sql: `CREATE TABLE ots_sink (
  name VARCHAR, age BIGINT, birthday BIGINT,
  PRIMARY KEY (name, age) NOT ENFORCED
) WITH (
  'connector'='ots',
  'instanceName'='<yourInstanceName>',
  'tableName'='<yourTableName>',
  'accessId'='\${ak_id}',
  'accessKey'='\${ak_secret}',
  'endPoint'='<yourEndpoint>',
  'valueColumns'='birthday'
);`,
        // A plain ${ak_secret} is a Ververica variable, kept in plain text: the secret half needs ${secret_values.<name>}.
        violations: ["SQL statement 1 (CREATE TABLE ots_sink), line 9: option \"accessKey\" in a WITH list is the plain variable ${ak_secret}, whose value Ververica keeps in plain text"],
        covers: ["access key id"],
    },
    {
        name: "Tablestore source with a tunnel and the pair defined as local variables, the secret one literal",
        source: "https://help.aliyun.com/document_detail/177654.htm (source table syntax) with the draft's variables",
        sql: `CREATE TABLE tablestore_stream(
  \`order\` VARCHAR, orderid VARCHAR, customerid VARCHAR, customername VARCHAR
) WITH (
  'connector'='ots',
  'endPoint' ='https://flink-source.cn-hangzhou.vpc.tablestore.aliyuncs.com',
  'instanceName' = 'flink-source',
  'tableName' ='flink_source_table',
  'tunnelName' = 'flinksourcestream',
  'accessId' ='\${ak_id}',
  'accessKey' ='\${ak_secret}',
  'ignoreDelete' = 'false'
);`,
        localVariables: [{ name: "ak_id", value: "LTAI5tFkOtsId0031" }, { name: "ak_secret", value: "FkOtsSecret31aB2cD4eF6gH8iJ0kL1m" }],
        violations: ["SQL statement 1 (CREATE TABLE tablestore_stream), line 10: option \"accessKey\" in a WITH list has a literal value (through local variable \"ak_secret\")", "local variable \"ak_secret\" has a literal value"],
        secrets: ["FkOtsSecret31aB2cD4eF6gH8iJ0kL1m"],
        covers: ["access key id"],
    },
    {
        name: "InfluxDB metrics reporter settings with a literal password and a retention policy",
        source: "https://blog.csdn.net/qq_37095882/article/details/102629095 (flink-conf.yaml reporters: metrics.reporter.influxdb.password: qwerty) as SET statements",
        sql: `SET 'metrics.reporter.influxdb.host' = 'localhost';
SET 'metrics.reporter.influxdb.port' = '8086';
SET 'metrics.reporter.influxdb.db' = 'flink';
SET 'metrics.reporter.influxdb.username' = 'flink-metrics';
SET 'metrics.reporter.influxdb.password' = 'qwerty';
SET 'metrics.reporter.influxdb.retentionPolicy' = 'one_hour';`,
        violations: ["SQL statement 5 (SET), line 5: option \"metrics.reporter.influxdb.password\" in a SET has a literal value"],
        secrets: ["qwerty"],
    },
    {
        name: "Datadog reporter API key as a placeholder, and as a literal",
        source: "https://docs.datadoghq.com/integrations/flink/ (metrics.reporter.dghttp.apikey: <DATADOG_API_KEY>)",
        sql: `SET 'metrics.reporter.dghttp.factory.class' = 'org.apache.flink.metrics.datadog.DatadogHttpReporterFactory';
SET 'metrics.reporter.dghttp.apikey' = '<DATADOG_API_KEY>';
SET 'metrics.reporter.dghttp.dataCenter' = 'US';
SET 'metrics.reporter.dghttp2.apikey' = 'fk0a1b2c3d4e5f60718293a4b5c6d7e8';`,
        violations: ["SQL statement 4 (SET), line 4: option \"metrics.reporter.dghttp2.apikey\" in a SET has a literal value"],
        secrets: ["fk0a1b2c3d4e5f60718293a4b5c6d7e8"],
        covers: ["bracketed redaction"],
    },
    {
        name: "Azure Blob account key per account, placeholder and literal",
        source: "https://github.com/apache/flink (docs/content/docs/deployment/filesystems/azure.md: fs.azure.account.key.<account_name>.blob.core.windows.net: <azure_storage_key>)",
        sql: `SET 'fs.azure.account.key.youraccount.blob.core.windows.net' = '<azure_storage_key>';
SET 'fs.azure.account.key.flinkprod.dfs.core.windows.net' = 'FkAzureStorageKey0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV0123456789+/==';`,
        violations: ["SQL statement 2 (SET), line 2: option \"fs.azure.account.key.flinkprod.dfs.core.windows.net\" in a SET has a literal value"],
        secrets: ["FkAzureStorageKey0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV0123456789+/=="],
        covers: ["secret word inside the key"],
    },
    {
        name: "Azure path with the container and account, no credential",
        source: "https://github.com/apache/flink (docs/content/docs/deployment/filesystems/azure.md, wasbs:// and abfss:// paths)",
        sql: `CREATE TABLE az (id INT) WITH ('connector' = 'filesystem', 'path' = 'abfss://flink-out@flinkprod.dfs.core.windows.net/orders/', 'format' = 'parquet');
CREATE TABLE az2 (id INT) WITH ('connector' = 'filesystem', 'path' = 'wasbs://flink-out@flinkprod.blob.core.windows.net/orders/', 'format' = 'csv');`,
        violations: [],
    },
    {
        name: "Oracle CDC source with a password like the tutorial's flinkpw",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/flink-sources/oracle-cdc/ (SQL client example: 'password' = 'flinkpw')",
        sql: `CREATE TABLE products (
    ID INT NOT NULL, NAME STRING, PRIMARY KEY(ID) NOT ENFORCED
) WITH (
    'connector' = 'oracle-cdc',
    'hostname' = 'localhost',
    'port' = '1521',
    'username' = 'flinkuser',
    'password' = 'flinkpw',
    'database-name' = 'ORCLCDB',
    'schema-name' = 'inventory',
    'table-name' = 'products',
    'debezium.log.mining.strategy' = 'online_catalog',
    'debezium.log.mining.continuous.mine' = 'true'
);`,
        violations: ["SQL statement 1 (CREATE TABLE products), line 8: option \"password\" in a WITH list has a literal value"],
        secrets: ["flinkpw"],
    },
    {
        name: "TiDB CDC source without credentials, PD addresses only",
        source: "https://nightlies.apache.org/flink/flink-cdc-docs-stable/docs/connectors/flink-sources/tidb-cdc/ (SQL client example)",
        sql: `CREATE TABLE orders (
     order_id INT, order_date TIMESTAMP(3), PRIMARY KEY(order_id) NOT ENFORCED
) WITH (
     'connector' = 'tidb-cdc',
     'tikv.grpc.timeout_in_ms' = '20000',
     'pd-addresses' = 'localhost:2379',
     'database-name' = 'mydb',
     'table-name' = 'orders'
);`,
        violations: [],
    },
    {
        name: "Kafka table on Confluent Cloud with the API key pair in its JAAS config, quotes doubled",
        source: "https://docs.confluent.io/cloud/current/client-apps/config-client.html (sasl.jaas.config with API key and secret) in a Flink Kafka table",
        sql: `CREATE TABLE cc (id STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'pkc-fk000.us-west-2.aws.confluent.cloud:9092',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username=''FKCCAPIKEY7QX2AB'' password=''FkCcApiSecret+0123456789abcdefABCDEF/ghij'';',
  'properties.client.dns.lookup' = 'use_all_dns_ips',
  'properties.session.timeout.ms' = '45000',
  'format' = 'json'
);`,
        violations: ["SQL statement 1 (CREATE TABLE cc), line 7: option \"properties.sasl.jaas.config\" in a WITH list holds \"password\" as literal text"],
        secrets: ["FkCcApiSecret+0123456789abcdefABCDEF/ghij"],
    },
    {
        name: "Kafka consumer group and client ids that look random",
        source: "https://kafka.apache.org/documentation/#consumerconfigs (group.id, client.id, group.instance.id) in a Flink Kafka table",
        sql: `CREATE TABLE k (id STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'flink-orders-7f3c9a1e5b2d',
  'properties.client.id' = 'orders-consumer-3f2b8c1e',
  'properties.group.instance.id' = 'tm-0a1b2c3d4e5f',
  'properties.transactional.id' = 'orders-sink-txn',
  'sink.transactional-id-prefix' = 'orders-8d7c6b5a',
  'format' = 'json'
);`,
        violations: [],
    },
    {
        name: "Hudi table on S3 with an explicit hoodie AWS secret key",
        source: "https://hudi.apache.org/docs/s3_hoodie/ (fs.s3a.access.key / fs.s3a.secret.key) and https://hudi.apache.org/docs/configurations/ (hoodie.aws.secret.key) in a Flink Hudi table",
        sql: `CREATE TABLE hudi_t (uuid VARCHAR(20) PRIMARY KEY NOT ENFORCED, name VARCHAR(10)) WITH (
  'connector' = 'hudi',
  'path' = 's3a://lake/hudi/t1',
  'table.type' = 'MERGE_ON_READ',
  'hoodie.aws.access.key' = 'AKIAFKEXAMPLE0000081',
  'hoodie.aws.secret.key' = 'FkHudiSecret81/abcdefghijklmnopqrstuvwx',
  'hoodie.aws.session.token' = ''
);`,
        violations: ["SQL statement 1 (CREATE TABLE hudi_t), line 6: option \"hoodie.aws.secret.key\" in a WITH list has a literal value"],
        secrets: ["FkHudiSecret81/abcdefghijklmnopqrstuvwx"],
        covers: ["access key id"],
    },
    {
        name: "Lindorm wide table sink with a literal password",
        source: "https://www.alibabacloud.com/help/en/flink/developer-reference/lindorm-connector (syntax: seedServer, userName, password)",
        sql: `CREATE TEMPORARY TABLE lindorm_sink (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'lindorm',
  'seedServer' = 'ld-bp1fk-proxy-lindorm.lindorm.rds.aliyuncs.com:30020',
  'namespace' = 'default',
  'tableName' = 'flink_sink',
  'userName' = 'root',
  'password' = 'FkLindormPw91'
);`,
        violations: ["SQL statement 1 (CREATE TEMPORARY TABLE lindorm_sink), line 7: option \"password\" in a WITH list has a literal value"],
        secrets: ["FkLindormPw91"],
    },
    {
        name: "a MySQL catalog whose password is a local variable holding a secret reference",
        source: "https://www.alibabacloud.com/help/en/flink/user-guide/manage-mysql-catalogs (CREATE CATALOG ... 'password' = '${secret_values.mysqlpw}') with the draft's variable",
        sql: `CREATE CATALOG mysql_cat WITH (
  'type' = 'mysql',
  'hostname' = 'pxc-fk0000.polarx.rds.aliyuncs.com',
  'port' = '3306',
  'username' = 'flink',
  'password' = '\${mysql_pw}',
  'default-database' = 'app'
);`,
        localVariables: [{ name: "mysql_pw", value: "${secret_values.mysqlpw}" }],
        violations: [],
    },
    {
        name: "an option holding a JAAS config in base64",
        source: "adversarial (a credential blob passed base64-encoded to an in-house connector)",
        sql: `CREATE TABLE t (id INT) WITH ('connector' = 'acme', 'auth.blob.b64' = 'b3JnLmFwYWNoZS5rYWZrYS5jb21tb24uc2VjdXJpdHkucGxhaW4uUGxhaW5Mb2dpbk1vZHVsZSByZXF1aXJlZCB1c2VybmFtZT0iZXRsIiBwYXNzd29yZD0iRmtCNjRKYWFzMjMiOw==');`,
        violations: ["SQL statement 1 (CREATE TABLE t), line 1: option \"auth.blob.b64\" in a WITH list holds \"password\" as literal text (base64-encoded)"],
        secrets: ["FkB64Jaas23"],
        covers: ["base64 text"],
    },
    {
        name: "components that load, bind or generate a credential, named after it, are no credential",
        source: "https://hadoop.apache.org/docs/stable/hadoop-aws/tools/hadoop-aws/delegation_tokens.html (fs.s3a.delegation.token.binding), https://paimon.apache.org/docs/master/concepts/rest/dlf/ (token.provider, dlf.token-loader) and https://github.com/knaufk/flink-faker (fields.<column>.expression)",
        sql: `CREATE CATALOG lake WITH (
  'type' = 'paimon',
  'metastore' = 'rest',
  'uri' = 'http://cn-hangzhou-vpc.dlf.aliyuncs.com',
  'warehouse' = 'lake',
  'token.provider' = 'dlf',
  'dlf.token-loader' = 'ecs'
);
SET 'fs.s3a.delegation.token.binding' = 'org.apache.hadoop.fs.s3a.auth.delegation.SessionTokenBinding';
CREATE TEMPORARY TABLE users (name STRING, api_token STRING) WITH (
  'connector' = 'faker',
  'fields.name.expression' = '#{Name.fullName}',
  'fields.api_token.expression' = '#{regexify ''[a-f0-9]{32}''}'
);`,
        violations: [],
        covers: ["secret word inside the key"],
    },
    {
        name: "placeholders written in Chinese, Japanese and Russian, beside a literal with Chinese characters and digits",
        source: "adversarial (documentation and blog posts in other languages: 'password' = '你的密码', '<数据库密码>', '【AccessKey Secret】'; a literal such as 密码123 is still a literal)",
        sql: `CREATE TABLE a (id INT) WITH ('connector' = 'mysql-cdc', 'username' = '用户名', 'password' = '你的密码');
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://用户名:密码@rm-bp1fk.mysql.rds.aliyuncs.com:3306/app', 'password' = '<数据库密码>');
CREATE TABLE c (id INT) WITH ('connector' = 'sls', 'accessId' = '您的AccessKey ID', 'accessKey' = '【您的AccessKey Secret】');
CREATE TABLE d (id INT) WITH ('connector' = 'jdbc', 'password' = 'パスワード');
CREATE TABLE e (id INT) WITH ('connector' = 'jdbc', 'password' = 'пароль');
CREATE TABLE f (id INT) WITH ('connector' = 'jdbc', 'password' = '密码123');`,
        violations: ['SQL statement 6 (CREATE TABLE f), line 6: option "password" in a WITH list has a literal value'],
        secrets: ["密码123"],
        covers: ["prose placeholder", "bracketed redaction"],
    },
    {
        name: "query parameters and assignments named after a credential that only switch it on or off",
        source: "adversarial (an HTTP lookup whose URL asks for a token to be included, and a driver properties string with a switch, beside a real token in the same query)",
        sql: `CREATE TABLE pods (name STRING) WITH (
  'connector' = 'rest-lookup',
  'url' = 'https://k8s-api.internal:6443/api/v1/namespaces/flink/pods?labelSelector=app%3Dflink&token=true'
);
CREATE TABLE db (id INT) WITH ('connector' = 'acme-db', 'connection.properties' = 'user=etl;password=false;loginTimeout=30');
CREATE TABLE feed (id INT) WITH ('connector' = 'rest-lookup', 'url' = 'https://api.internal/feed?token=FkQueryToken0123456789&debug=on');`,
        violations: ['SQL statement 3 (CREATE TABLE feed), line 6: option "url" in a WITH list holds "token" as literal text'],
        secrets: ["FkQueryToken0123456789"],
    },
    {
        name: "a password that is a connection string is judged by its parts: redacted keys pass, a literal key is named",
        source: "https://learn.microsoft.com/azure/event-hubs/azure-event-hubs-kafka-overview (the Kafka endpoint takes the namespace's connection string as the SASL password) and a PyFlink market-depth job writing to Event Hubs with its keys redacted as XXXXXX; the literal key and the storage connection string are adversarial",
        sql: `CREATE TABLE market_depth (order_id VARCHAR, price BIGINT) WITH (
  'connector' = 'kafka',
  'properties.bootstrap.servers' = 'mynamespace.servicebus.windows.net:9093',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString" password="Endpoint=sb://mynamespace.servicebus.windows.net/;SharedAccessKeyName=XXXXXX;SharedAccessKey=XXXXXX";'
);
CREATE TABLE archive (id INT) WITH ('connector' = 'acme-blob', 'password' = 'DefaultEndpointsProtocol=https;AccountName=archive;AccountKey=<account-key>;EndpointSuffix=core.windows.net');
CREATE TABLE orders (id INT) WITH (
  'connector' = 'kafka',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString" password="Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=FkSasKey0123456789abcdefghijklmnopqrstuvwx=";'
);`,
        violations: ['SQL statement 3 (CREATE TABLE orders), line 11: option "properties.sasl.jaas.config" in a WITH list holds "SharedAccessKey" as literal text'],
        secrets: ["FkSasKey0123456789abcdefghijklmnopqrstuvwx="],
        covers: ["filler placeholder", "bracketed redaction"],
    },
    {
        name: "blog: mysql-cdc source and Doris sink, both with literal passwords",
        source: "https://blog.csdn.net/a9486/article/details/134893149",
        sql: `CREATE TABLE mysql_cdc_base (
id INT NOT NULL,
name VARCHAR(255),
description VARCHAR(255),
PRIMARY KEY(id) NOT ENFORCED
) WITH (
'connector' = 'mysql-cdc',
'hostname' = '192.168.10.177',
'port' = '3306',
'username' = 'root',
'password' = '-3xK9pLaudt&R].',
'database-name' = 'mysql_cdc_database',
'table-name' = 'mysql_cdc_prove'
);
CREATE TABLE mysql_mapping (
id INT,
name VARCHAR,
description VARCHAR
) WITH (
'connector' = 'doris',
'fenodes' = '192.168.10.1:8030',
'table.identifier' = 'test.mysql_source',
'username' = 'root',
'password' = 'Q#n7Hvkwtsz@41',
'sink.label-prefix' = 'mysql_mapping'
);
insert into mysql_mapping select id, name, description from mysql_cdc_base;`,
        violations: ['SQL statement 1 (CREATE TABLE mysql_cdc_base), line 11: option "password" in a WITH list has a literal value', 'SQL statement 2 (CREATE TABLE mysql_mapping), line 24: option "password" in a WITH list has a literal value'],
        secrets: ["-3xK9pLaudt&R].", "Q#n7Hvkwtsz@41"],
    },
    {
        name: "DTStack elasticsearch6 sink sample with unquoted option keys and a literal password",
        source: "https://github.com/DTStack/flinkStreamSQL (docs/elasticsearch6Sink.md)",
        sql: `CREATE TABLE MyResult(
    aa INT,
    bb INT
 )WITH(
    type ='elasticsearch6',
    address ='172.16.10.47:9500',
    cluster='es_47_menghan',
    esType ='type1',
    index ='xc_es_test',
    authMesh = 'true',
    userName = 'elastic',
    password = 'abc123',
    id ='0,1',
    parallelism ='1'
 )`,
        violations: ['SQL statement 1 (CREATE TABLE MyResult), line 12: option "password" in a WITH list has a literal value'],
        secrets: ["abc123"],
    },
    {
        name: "Confluent tutorial: Elasticsearch sink with angle-bracket placeholders for API secret and password",
        source: "https://github.com/confluentinc/kafka-tutorials (_includes/tutorials/omnichannel-commerce/confluent/code/tutorial-steps/dev/sink.sql)",
        sql: `CREATE SINK CONNECTOR IF NOT EXISTS analyzed_clickstream WITH (
  'connector.class'          = 'ElasticsearchSink',
  'name'                     = 'recipe-elasticsearch-analyzed_clickstream',
  'input.data.format'        = 'JSON',
  'kafka.api.key'            = '<my-kafka-api-key>',
  'kafka.api.secret'         = '<my-kafka-api-secret>',
  'topics'                   = 'orders_enriched',
  'connection.url'           = '<elasticsearch-URI>',
  'connection.user'          = '<elasticsearch-username>',
  'connection.password'      = '<elasticsearch-password>',
  'type.name'                = 'type.name=kafkaconnect',
  'key.ignore'               = 'true',
  'schema.ignore'            = 'true'
);`,
        violations: [],
    },
    {
        name: "Alibaba Cloud SLS connector syntax with secret_values AccessKey references",
        source: "https://alibabacloud.com/help/zh/doc-detail/176690.html",
        sql: `CREATE TABLE sls_table(
  a INT,
  b INT,
  c VARCHAR
) WITH (
  'connector' = 'sls',
  'endPoint' = '<yourEndPoint>',
  'project' = '<yourProjectName>',
  'logStore' = '<yourLogStoreName>',
  'accessId' = '\${secret_values.ak_id}',
  'accessKey' = '\${secret_values.ak_secret}'
);`,
        violations: [],
    },
    {
        name: "Alibaba Cloud DataHub connector syntax with secret_values AccessKey references",
        source: "https://www.alibabacloud.com/help/en/flink/realtime-flink/developer-reference/datahub-connector",
        sql: `CREATE TEMPORARY TABLE datahub_input (
  \`time\` BIGINT,
  \`sequence\`  STRING METADATA VIRTUAL,
  \`shard-id\` BIGINT METADATA VIRTUAL,
  \`system-time\` TIMESTAMP METADATA VIRTUAL
) WITH (
  'connector' = 'datahub',
  'subId' = '<yourSubId>',
  'endPoint' = '<yourEndPoint>',
  'project' = '<yourProjectName>',
  'topic' = '<yourTopicName>',
  'accessId' = '\${secret_values.ak_id}',
  'accessKey' = '\${secret_values.ak_secret}'
);`,
        violations: [],
    },
    {
        name: "Tencent Cloud MongoDB CDC DDL with literal password flinkpw",
        source: "https://tencentcloud.com/document/product/1000/55775",
        sql: `CREATE TABLE mongo_cdc_source_table (
_id STRING,
name STRING,
weight DECIMAL(10,3),
tags ARRAY<STRING>, -- array
price ROW<amount DECIMAL(10,2), currency STRING>, -- embedded document
suppliers ARRAY<ROW<name STRING, address STRING>>, -- embedded documents
PRIMARY KEY(_id) NOT ENFORCED
) WITH (
'connector' = 'mongodb-cdc',
'hosts' = 'localhost:27017,localhost:27018,localhost:27019',
'username' = 'flinkuser',
'password' = 'flinkpw',
'database' = 'inventory',
'collection' = 'products'
);`,
        violations: ['SQL statement 1 (CREATE TABLE mongo_cdc_source_table), line 13: option "password" in a WITH list has a literal value'],
        secrets: ["flinkpw"],
    },
    {
        name: "blog: oracle-cdc to Oracle JDBC with 'xxx' placeholder passwords",
        source: "https://blog.csdn.net/u010978399/article/details/132064824",
        sql: `CREATE TABLE TEST_SOURCE_source(
ID STRING
,NAME STRING
,AGE STRING
,PRIMARY KEY(ID) NOT ENFORCED
) WITH (
'connector' = 'oracle-cdc',
'hostname' = '192.168.1.135',
'port' = '1521',
'username' = 'flink',
'password' = 'xxx',
'schema-name' = 'flink',
'database-name' = 'dbc',
'table-name' = 'TEST_SOURCE'
);
CREATE TABLE TEST_SINK_sink(
ID STRING
,NAME STRING
,AGE STRING
,PRIMARY KEY(ID) NOT ENFORCED
) WITH (
'connector' = 'jdbc',
'url' = 'jdbc:oracle:thin:@//192.168.1.135:1521/dbc',
'username' = 'flink',
'password' = 'xxx',
'table-name' = 'TEST_SINK'
);
INSERT INTO TEST_SINK_sink ( ID,NAME,AGE ) SELECT ID,NAME,AGE FROM TEST_SOURCE_source;`,
        violations: [],
    },
    {
        name: "Volcengine Pulsar source with a braced prose placeholder token",
        source: "https://volcengine.com/docs/6581/1141690",
        sql: `CREATE TABLE pulsar_source (
    order_id bigint,
    order_product_id bigint,
    order_customer_id bigint,
    order_status varchar
 ) WITH (
     'connector' = 'pulsar',
     'topic' = 'persistent://public/default/topic82547611',
     'service-url' = 'pulsar://localhost:6650',
     'admin-url' = 'http://localhost:8080',
     'auth-params' = 'token:{topic token}',
     'auth-plugin-classname'='org.apache.pulsar.client.impl.auth.AuthenticationToken',
     'format' = 'json',
     'scan.startup.mode' = 'latest'
 );`,
        violations: [],
    },
    {
        name: "ClickHouse sink without credentials, table name from a variable",
        source: "https://github.com/lzshlzsh/flink-kafka-to-clickhouse (src/main/resources/sql/clickhouse_sink_1.sql)",
        sql: `CREATE TABLE \`\${TABLE_NAME}\` (
  \`f1\` String,
  \`f2\` bigint,
  \`f3\` int
) with (
--   'connector' = 'print'
  'connector' = 'clickhouse',
  'url' = 'clickhouse://127.0.0.1:8123',
  'database-name' = 'default',
  'table-name' = '\${TABLE_NAME}_dist',
  'sink.batch-size' = '2000',
  'sink.backpressure-aware' = 'true'
);`,
        localVariables: [{ name: "TABLE_NAME", value: "ods_click_events" }],
        violations: [],
    },
    {
        name: "ClickHouse connector README with empty username and password",
        source: "https://github.com/liekkassmile/flink-connector-clickhouse (README.md)",
        sql: `CREATE TABLE ck_sink (
    name VARCHAR,
    grade BIGINT,
    rate FLOAT,
    more VARCHAR
) WITH (
    'connector' = 'clickhouse',
    'url' = 'clickhouse://192.168.8.94:8123',
    'username' = '',
    'password' = '',
    'database-name' = 'glab',        /* ClickHouse 数据库名，默认为 default */
    'table-name' = 'ck_test',      /* ClickHouse 数据表名 */
    'sink.batch-size' = '1000',         /* batch 大小 */
    'sink.flush-interval' = '1000',     /* flush 时间间隔 */
    'sink.max-retries' = '1',           /* 最大重试次数 */
    'sink.partition-strategy' = 'balanced', /* hash | shuffle | balanced */
    'sink.write-local' = 'true',        /*如果为ture则默认写入本地表,否则写入集群表*/
    'sink.ignore-delete' = 'true'       /* 忽略 DELETE 并视 UPDATE 为 INSERT */
)`,
        violations: [],
    },
    {
        name: "legacy connector.* JDBC sink with literal connector.password",
        source: "https://github.com/sunjincheng121/enjoyment.code (myPyFlink/enjoyment/cdn/cdn_connector_ddl.py)",
        sql: `CREATE TABLE cdn_access_statistic (
 province VARCHAR,
 access_count BIGINT,
 total_download BIGINT,
 download_speed DOUBLE
) WITH (
 'connector.type' = 'jdbc',
 'connector.url' = 'jdbc:mysql://localhost:3306/flink',
 'connector.table' = 'access_statistic',
 'connector.username' = 'root',
 'connector.password' = 'root',
 'connector.write.flush.interval' = '1s'
)`,
        violations: ['SQL statement 1 (CREATE TABLE cdn_access_statistic), line 11: option "connector.password" in a WITH list has a literal value'],
    },
    {
        name: "plain Kafka source without authentication",
        source: "https://github.com/lee-qinghua/Official-FlinkStudy (flink-1.11/src/main/java/com/otis/test.sql)",
        sql: `create table kafka_ods(
id string, -- 这笔业务的唯一标识，借款还款一样
start_time bigint
)with(
  'connector' = 'kafka',
  'topic' = 'user_behavior',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'testGroup',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
)`,
        violations: [],
    },
    {
        name: "legacy Elasticsearch 6 sink without credentials",
        source: "https://github.com/zhuxiaoshang/flink-be-god (flink-sql/src/main/java/sqlclient/es_connector.sql)",
        sql: `CREATE TABLE buy_cnt_per_hour (
    hour_of_day BIGINT,
    buy_cnt BIGINT
) WITH (
    'connector.type' = 'elasticsearch', -- 使用 elasticsearch connector
    'connector.version' = '6',  -- elasticsearch 版本，6 能支持 es 6+ 以及 7+ 的版本
    'connector.hosts' = 'http://localhost:9200',  -- elasticsearch 地址
    'connector.index' = 'buy_cnt_per_hour',  -- elasticsearch 索引名，相当于数据库的表名
    'connector.document-type' = 'user_behavior', -- elasticsearch 的 type，相当于数据库的库名
    'connector.bulk-flush.max-actions' = '1',  -- 每条数据都刷新
    'format.type' = 'json',  -- 输出数据格式 json
    'update-mode' = 'append'
);`,
        violations: [],
    },
    {
        name: "InLong end-to-end test Kafka to Elasticsearch 7",
        source: "https://github.com/apache/inlong (inlong-sort/sort-end-to-end-tests/sort-end-to-end-tests-v1.18/src/test/resources/flinkSql/kafka_to_elasticsearch.sql)",
        sql: `CREATE TABLE kafka_source (
    \`message\` STRING
) WITH (
    'connector' = 'kafka-inlong',
    'topic' = 'test-topic',
    'properties.bootstrap.servers' = 'kafka:9092',
    'properties.group.id' = 'flink-group',
    'scan.startup.mode' = 'earliest-offset',
    'format' = 'json'
);

CREATE TABLE elasticsearch_sink (
    \`message\` STRING
) WITH (
    'connector' = 'elasticsearch7-inlong',
    'hosts' = 'http://elasticsearch:9200',
    'index' = 'test-index',
    'format' = 'json'
);

INSERT INTO elasticsearch_sink
SELECT * FROM kafka_source;`,
        violations: [],
    },
    {
        name: "Cloudera legacy Kafka source with hostname placeholder",
        source: "https://docs.cloudera.com/csa/1.14.1/how-to-flink/topics/csa-kafka-sql-connector.html",
        sql: `CREATE TABLE source_table (
	id		BIGINT,
	ts		BIGINT,
	itemId	STRING,
	quantity 	INT
) WITH (
	'connector.type'    	 = 'kafka',
	'connector.version' 	 = 'universal',
	'connector.topic'   	 = 'input_topic',
	'connector.startup-mode' = 'latest-offset',
	'connector.properties.bootstrap.servers' = '<hostname>:<port>',
	'connector.properties.group.id' = 'test',
	'format.type' = 'json'
);`,
        violations: [],
    },
    {
        name: "Huawei MRS Kafka source with Kerberos SASL options and prose placeholders",
        source: "https://support.huaweicloud.com/intl/pt-br/cmpntguide-lts-mrs/mrs_01_249308.html",
        sql: `CREATE TABLE KafkaSource ( \`user_id\` VARCHAR, \`user_name\` VARCHAR, \`age\` INT ) WITH ( 'connector' = 'kafka', 'topic' = 'test_source', 'properties.bootstrap.servers' = 'Service IP address of the Kafka Broker instance:Kafka port', 'properties.group.id' = 'testGroup', 'scan.startup.mode' = 'latest-offset', 'format' = 'drs-json', 'properties.sasl.kerberos.service.name' = 'kafka', 'properties.security.protocol' = 'SASL_PLAINTEXT', 'properties.kerberos.domain.name' = 'hadoop.System domain name' ); CREATE TABLE printSink( \`user_id\` VARCHAR, \`user_name\` VARCHAR, \`age\` INT ) WITH ( 'connector' = 'print' ); Insert into printSink select * from KafkaSource;`,
        violations: [],
    },
    {
        name: "Volcengine Confluent Avro table: key.format raw and key.fields (Kafka key options)",
        source: "https://volcengine.com/docs/6581/1335001",
        sql: `CREATE TABLE user_created (

  -- 该列映射到 Kafka 原始的 UTF-8 key
  the_kafka_key STRING,
  
  -- 映射到 Kafka value 中的 Avro 字段的一些列
  id STRING,
  name STRING,
  email STRING

) WITH (

  'connector' = 'kafka',
  'topic' = 'user_events_example1',
  'properties.bootstrap.servers' = 'localhost:9092',

  -- UTF-8 字符串作为 Kafka 的 keys,使用表中的 'the_kafka_key' 列
  'key.format' = 'raw',
  'key.fields' = 'the_kafka_key',

  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = 'http://localhost:8082',
  'value.fields-include' = 'EXCEPT_KEY'
)`,
        violations: [],
    },
    {
        name: "Kinesis table addressed by stream ARN",
        source: "https://www.mail-archive.com/issues%40flink.apache.org/msg768130.html (apache/flink-connector-aws docs/content/docs/connectors/table/kinesis.md)",
        sql: `CREATE TABLE KinesisTable (
  user_id BIGINT,
  item_id BIGINT,
  category_id BIGINT,
  behavior STRING,
  ts TIMESTAMP(3)
)
PARTITIONED BY (user_id, item_id)
WITH (
  'connector' = 'kinesis',
  'stream.arn' = 'arn:aws:kinesis:us-east-1:012345678901:stream/my-stream-name',
  'aws.region' = 'us-east-2',
  'source.init.position' = 'LATEST',
  'format' = 'csv'
);`,
        violations: [],
    },
    {
        name: "Redis sink with masked password and a column called passport",
        source: "https://github.com/jeff-zou/flink-connector-redis (README.md)",
        sql: `create table sink_redis(username VARCHAR, passport VARCHAR) with ( 'connector'='redis', 'host'='10.11.80.147','port'='7001', 'redis-mode'='single','password'='******','command'='set');
insert into sink_redis select * from (values ('test', 'test11'));`,
        violations: [],
    },
    {
        name: "Kafka SASL PLAIN JAAS with your-username / your-password placeholders",
        source: "https://github.com/Azure-Ray/QZ_TDS_ (README.md: the sasl.jaas.config value, from a Spring Kafka YAML, wrapped into a Flink Kafka DDL)",
        sql: `CREATE TABLE orders_in (order_id STRING, amount DOUBLE) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'broker1:9093,broker2:9093,broker3:9093',
  'properties.group.id' = 'my-group',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="your-username" password="your-password";',
  'format' = 'json'
);`,
        violations: [],
    },
    {
        name: "Kafka SASL PLAIN JAAS with parenthesised placeholders",
        source: "https://github.com/rackilea/diplomski (javaFiles/fragment_150725.java: the Kafka client properties, wrapped into a Flink Kafka DDL)",
        sql: `CREATE TABLE events_in (payload STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'events',
  'properties.bootstrap.servers' = '(address)',
  'properties.group.id' = '(group)',
  'properties.security.protocol' = 'SASL_PLAINTEXT',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="(username)" password="(password)";',
  'format' = 'raw'
);`,
        violations: [],
    },
    {
        name: "Paimon catalog on MinIO with literal s3.access-key / s3.secret-key",
        source: "https://github.com/suntectec/paimon-flink (docker/seatunnel/seatunnel.bash)",
        sql: `CREATE CATALOG paimon_catalog WITH (
  'type'='paimon',
  'warehouse'='s3://sqlserver/seatunnel/paimon/zeta',
  's3.endpoint'='http://minio:9000',
  's3.access-key'='minioadmin',
  's3.secret-key'='minioadmin',
  's3.path.style.access'='true'
);

USE CATALOG paimon_catalog;

USE inventory;

SELECT count(*) FROM orders_test;

SET 'execution.checkpointing.interval' = '5 s';`,
        violations: ['SQL statement 1 (CREATE CATALOG paimon_catalog), line 6: option "s3.secret-key" in a WITH list has a literal value'],
    },
    {
        name: "Paimon catalog on S3-compatible storage with real-looking access and secret keys",
        source: "GitHub Java file S3Test.java (package main) holding a Flink SQL CREATE CATALOG, code index; keys replaced by fakes of the same shape",
        sql: `CREATE CATALOG my_catalog WITH (
    'type' = 'paimon',
    'warehouse' = 's3://paimon/test',
    's3.endpoint' = 'http://192.168.85.131:32308/',
    's3.access-key' = 'pRt7Lw2XqZ9cVb4NmK1s',
    's3.secret-key' = '4Jd8Qm2Zp7Lx0Rw5Tn9Vb3Yc6Hk1Gf8Sa2De4Uq'
);`,
        violations: ['SQL statement 1 (CREATE CATALOG my_catalog), line 6: option "s3.secret-key" in a WITH list has a literal value'],
        secrets: ["4Jd8Qm2Zp7Lx0Rw5Tn9Vb3Yc6Hk1Gf8Sa2De4Uq"],
    },
    {
        name: "ChunJun sqlservercdc-x source with a literal password",
        source: "https://github.com/DTStack/chunjun (chunjun-examples/sql/sqlservercdc/sqlservercdc_stream.sql)",
        sql: `CREATE TABLE source
(
    id int,
    name varchar(22),
    day1 date,
    day2 timestamp,
    sale decimal(10,3)

) WITH (
      'connector' = 'sqlservercdc-x'
      ,'username' = 'test'
      ,'password' = 'Abc12345'
      ,'cat' = 'insert,delete,update'
      ,'url' = 'jdbc:sqlserver://localhost:1433;databaseName=db_test'
      ,'table' = 'test.shifang2'
      ,'timestamp-format.standard' = 'SQL'
      ,'database' = 'db_test'
      ,'poll-interval' = '1000'
      );

CREATE TABLE sink
(
     id int,
    name varchar(22),
    day1 date,
    day2 timestamp,
    sale decimal(10,3)
) WITH (
      'connector' = 'stream-x'
      );

insert into sink
select *
from source u;`,
        violations: ['SQL statement 1 (CREATE TABLE source), line 12: option "password" in a WITH list has a literal value'],
        secrets: ["Abc12345"],
    },
    {
        name: "InLong e2e test: SQL Server CDC source and StarRocks sink, both with literal passwords",
        source: "https://github.com/apache/inlong (inlong-sort/sort-end-to-end-tests/sort-end-to-end-tests-v1.15/src/test/resources/flinkSql/sqlserver_test.sql)",
        sql: `CREATE TABLE test_input1 (
    \`id\` INT,
    name STRING,
    description STRING,
    PRIMARY KEY(\`id\`) NOT ENFORCED
) WITH (
    'connector' = 'sqlserver-cdc-inlong',
    'hostname' = 'sqlserver',
    'port' = '1433',
    'username' = 'sa',
    'password' = 'A_Str0ng_Required_Password',
    'database-name' = 'test',
    'table-name' = 'test_input1',
    'schema-name' = 'dbo'
);
CREATE TABLE test_output1 (
    \`id\` INT,
    name STRING,
    description STRING
) WITH (
    'connector' = 'starrocks-inlong',
    'jdbc-url' = 'jdbc:mysql://starrocks:9030',
    'load-url'='starrocks:8030',
    'database-name'='test',
    'table-name' = 'test_output1',
    'username' = 'inlong',
    'password' = 'inlong',
    'sink.buffer-flush.interval-ms' = '5000',
    'sink.properties.column_separator' = '\\x01',
    'sink.properties.row_delimiter' = '\\x02'
);

INSERT INTO test_output1 select * from test_input1;`,
        violations: ['SQL statement 1 (CREATE TABLE test_input1), line 11: option "password" in a WITH list has a literal value', 'SQL statement 2 (CREATE TABLE test_output1), line 27: option "password" in a WITH list has a literal value'],
        secrets: ["A_Str0ng_Required_Password"],
    },
    {
        name: "Dinky EXECUTE CDCSOURCE whole-database sync with password and sink.password",
        source: "https://github.com/DataLinkDC/dinky (docs/docs/practical_guide/cdcsource_practice/cdcsource_mysqlcdc2pg.md)",
        sql: `EXECUTE CDCSOURCE cdc_postgresql WITH (
 'connector' = 'mysql-cdc',
 'hostname' = '127.0.0.1',
 'port' = '3306',
 'username' = 'root',
 'password' = '123456',
 'checkpoint' = '3000',
 'scan.startup.mode' = 'initial',
 'parallelism' = '1',
 'table-name' = 'bigdata\\.products,bigdata\\.orders',
 'sink.connector' = 'jdbc',
 'sink.url' = 'jdbc:postgresql://127.0.0.1:5432/test',
 'sink.username' = 'test',
 'sink.password' = '123456',
 'sink.sink.db' = 'test',
 'sink.table.prefix' = 'test_',
 'sink.table.lower' = 'true',
 'sink.table-name' = '\${tableName}',
 'sink.driver' = 'org.postgresql.Driver',
 'sink.sink.buffer-flush.interval' = '2s',
 'sink.sink.buffer-flush.max-rows' = '100',
 'sink.sink.max-retries' = '5'
)`,
        violations: ['SQL statement 1 (EXECUTE), line 6: option "password" in a WITH list has a literal value', 'SQL statement 1 (EXECUTE), line 14: option "sink.password" in a WITH list has a literal value'],
        secrets: ["123456"],
    },
    {
        name: "legacy JDBC sink with connector.password 123456",
        source: "https://github.com/water8394/flink-simple-tutorial (table/src/main/resources/mysql_sink.sql)",
        sql: `-- sink
CREATE TABLE pvuv_sink (
    dt VARCHAR,
    pv BIGINT,
    uv BIGINT
) WITH (
    'connector.type' = 'jdbc',
    'connector.url' = 'jdbc:mysql://localhost:3306/flink-test',
    'connector.table' = 'pvuv_sink',
    'connector.username' = 'root',
    'connector.password' = '123456',
    'connector.write.flush.max-rows' = '1'
);`,
        violations: ['SQL statement 1 (CREATE TABLE pvuv_sink), line 11: option "connector.password" in a WITH list has a literal value'],
        secrets: ["123456"],
    },
    {
        name: "Hive and Hudi catalogs configured from conf directories, SET statements",
        source: "https://github.com/bronzels/dockerfile (flink/setting.sql)",
        sql: `SET execution.checkpointing.interval = 3s;
  
-- SET table.local-time-zone=Asia/Shanghai;
  
CREATE CATALOG hive WITH (
    'type' = 'hive',
    'default-database' = 'default',
    'hive-conf-dir' = '/opt/flink/hiveconf',
    'hadoop-conf-dir'='/opt/hadoop/conf'
);

CREATE CATALOG hudi_catalog WITH (
    'type' = 'hudi',
    'mode' = 'hms',
    'default-database' = 'default',
    'hive.conf.dir' = '/opt/flink/hiveconf',
    'table.external' = 'true'
);`,
        violations: [],
    },
    {
        name: "HBase 2.2 scan source with a primary key",
        source: "https://github.com/MyLanPangzi/flink-demo (flink-sql-connector/src/main/resources/sql/hbase_scan_source.sql)",
        sql: `-- https://ci.apache.org/projects/flink/flink-docs-release-1.12/dev/table/connectors/elasticsearch.html
CREATE TABLE test (
                      id INT,
                      cf ROW(
                          name STRING,
                          ts BIGINT
                          ),
                      PRIMARY KEY (id) NOT ENFORCED
) WITH (
      'connector' = 'hbase-2.2',
      'table-name' = 'default:test',
      'zookeeper.quorum' = 'yh001:2181'
      );
CREATE TABLE print WITH( 'connector' = 'print' ) LIKE test(EXCLUDING ALL);

INSERT INTO print
SELECT * FROM test;`,
        violations: [],
    },
    {
        name: "Kafka SCRAM JAAS with a literal 32-character password, then a JDBC sink with a literal password",
        source: "https://github.com/fdaluisio/eventprocessing (flink-sql-runner/sql-scripts/postgres.sql: passwords replaced by fakes of the same shape)",
        sql: `CREATE TABLE KafkaTable (
  \`order_number\` INT,
  \`price\` INT
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'svil-es-kafka-kafka-bootstrap.kafka.svc:9092',
  'properties.group.id' = 'ordersGroup',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json',
  'json.ignore-parse-errors' = 'true',
  'properties.sasl.mechanism' = 'SCRAM-SHA-512',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="fd-kafkauser" password="Hq3vTzL8pWm1XcRa6Nk0JsYe4Ub9DgFo";'
);

CREATE TABLE OrdersTable (
  order_number INT,
  price INT
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://postgres.myproject.svc:5432/OrdersTable',
  'username' = 'franco',
  'password' = 'fr4nc0-Pg',
  'table-name' = 'OrdersTable'
);

INSERT INTO OrdersTable SELECT * FROM KafkaTable;`,
        violations: ['SQL statement 1 (CREATE TABLE KafkaTable), line 13: option "properties.sasl.jaas.config" in a WITH list holds "password" as literal text', 'SQL statement 2 (CREATE TABLE OrdersTable), line 23: option "password" in a WITH list has a literal value'],
        secrets: ["Hq3vTzL8pWm1XcRa6Nk0JsYe4Ub9DgFo", "fr4nc0-Pg"],
    },
    {
        name: "Event Hubs Kafka endpoint: JAAS password is a connection string with XXXXXX redactions",
        source: "https://github.com/Euan-McVie/playground (Kafka-And-Flink/Flink/market_depth.py: a PyFlink sink to Azure Event Hubs whose JAAS password is the namespace connection string with SharedAccessKeyName and SharedAccessKey redacted as XXXXXX)",
        sql: `CREATE TABLE market_depth(
        order_id VARCHAR,
        price BIGINT,
        volume BIGINT
    ) WITH (
        'connector' = 'kafka',
        'topic' = 'market-depth',
        'properties.bootstrap.servers' = 'mynamespace.servicebus.windows.net:9093',
        'properties.group.id' = 'market_depth_calculator',
        'properties.client.id' = 'market_depth_calculator',
        'properties.security.protocol' = 'SASL_SSL',
        'properties.sasl.mechanism' = 'PLAIN',
        'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString" password="Endpoint=sb://mynamespace.servicebus.windows.net/;SharedAccessKeyName=XXXXXX;SharedAccessKey=XXXXXX";',
        'scan.startup.mode' = 'latest-offset',
        'format' = 'json'
    )`,
        violations: [],
    },
    {
        name: "Event Hubs Kafka endpoint: JAAS password is a {python f-string} template field",
        source: "https://github.com/Euan-McVie/playground (Kafka-And-Flink/Flink/src/market_depth_sink.py)",
        sql: `CREATE TABLE market_depth(
        tradingVenueId VARCHAR,
        extContractId VARCHAR,
        price BIGINT,
        quantity BIGINT,
        createdAt TIMESTAMP_LTZ(9)
    ) WITH (
        'connector' = 'kafka',
        'topic' = '{topic}',
        'properties.bootstrap.servers' = '{env.event_hub_host}:9093',
        'properties.client.id' = '{env.client_id}',
        'properties.security.protocol' = 'SASL_SSL',
        'properties.sasl.mechanism' = 'PLAIN',
        'properties.sasl.jaas.config' = 'org.apache.flink.kafka.shaded.org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString" password="{event_hub_connection_string}";',
        'format' = 'json',
        'json.timestamp-format.standard' = 'ISO-8601'
    )`,
        violations: [],
    },
    {
        name: "Confluent Cloud Kafka with xxx / yyy fillers in JAAS and schema-registry user-info, key.fields",
        source: "https://github.com/justinrlee/field-notes (confluent/flink/hybrid/readme.md: Debezium composite-key tables on Confluent Cloud with xxx / yyy fillers in the JAAS config and the schema-registry user-info)",
        sql: `CREATE TABLE test (
  \`id\` BIGINT,
  \`first_name\` VARCHAR(2147483647),
  \`last_name\` VARCHAR(2147483647),
  \`email\` VARCHAR(2147483647),
  \`ts\` TIMESTAMP(3) METADATA FROM 'timestamp'
) WITH (
  'connector' = 'kafka',
  'topic' = 'debezium-sql-demo-unwrap-10.demo.dbo.composite',
  'properties.bootstrap.servers' = 'pkc-312o0.ap-southeast-1.aws.confluent.cloud:9092',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="xxx" password="yyy";',
  'properties.group.id' = 'testGroup',
  'scan.startup.mode' = 'earliest-offset',
  'key.format' = 'json',
  'key.fields' = 'id;email',

  'value.avro-confluent.url' = 'https://psrc-7yzmzo.ap-southeast-1.aws.confluent.cloud',
  'value.avro-confluent.basic-auth.credentials-source' = 'USER_INFO',
  'value.avro-confluent.basic-auth.user-info' = 'xxx:yyy',
  'value.format' = 'avro-confluent'
);`,
        violations: [],
    },
    {
        name: "Aiven Kafka whose JAAS password, truststore password and schema-registry user-info are plain ${...} variables",
        source: "https://github.com/stackbox-dev/insights-infra (flink-studio/sql-executor/pipelines/wms-storage-bin-dockdoor-master.sql: an Aiven Kafka source whose JAAS password, truststore password and schema-registry user-info are plain ${...} variables; WITH options as found, column list abbreviated)",
        sql: `CREATE TABLE storage_bin_events (
    id STRING,
    code STRING,
    updatedAt TIMESTAMP(3)
) WITH (
    'connector' = 'kafka',
    'topic' = '\${KAFKA_ENV}.wms.public.storage_bin',
    'properties.bootstrap.servers' = '\${KAFKA_BOOTSTRAP_SERVERS}',
    'properties.security.protocol' = 'SASL_SSL',
    'properties.sasl.mechanism' = 'SCRAM-SHA-512',
    'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="\${KAFKA_USERNAME}" password="\${KAFKA_PASSWORD}";',
    'properties.ssl.truststore.location' = '/etc/kafka/secrets/kafka.truststore.jks',
    'properties.ssl.truststore.password' = '\${TRUSTSTORE_PASSWORD}',
    'properties.ssl.endpoint.identification.algorithm' = 'https',
    'properties.auto.offset.reset' = 'earliest',
    'key.format' = 'avro-confluent',
    'key.avro-confluent.url' = 'https://sbx-stag-kafka-stackbox.e.aivencloud.com:22159',
    'key.avro-confluent.basic-auth.credentials-source' = 'USER_INFO',
    'key.avro-confluent.basic-auth.user-info' = '\${KAFKA_USERNAME}:\${KAFKA_PASSWORD}',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = 'https://sbx-stag-kafka-stackbox.e.aivencloud.com:22159',
    'value.avro-confluent.basic-auth.credentials-source' = 'USER_INFO',
    'value.avro-confluent.basic-auth.user-info' = '\${KAFKA_USERNAME}:\${KAFKA_PASSWORD}'
);`,
        violations: ['SQL statement 1 (CREATE TABLE storage_bin_events), line 11: option "properties.sasl.jaas.config" in a WITH list holds "password" as the plain variable ${KAFKA_PASSWORD}, kept in plain text', 'SQL statement 1 (CREATE TABLE storage_bin_events), line 13: option "properties.ssl.truststore.password" in a WITH list is the plain variable ${TRUSTSTORE_PASSWORD}, whose value Ververica keeps in plain text', 'SQL statement 1 (CREATE TABLE storage_bin_events), line 19: option "key.avro-confluent.basic-auth.user-info" in a WITH list has the plain variable ${KAFKA_PASSWORD} after the user name, whose value Ververica keeps in plain text', 'SQL statement 1 (CREATE TABLE storage_bin_events), line 23: option "value.avro-confluent.basic-auth.user-info" in a WITH list has the plain variable ${KAFKA_PASSWORD} after the user name, whose value Ververica keeps in plain text'],
    },
    {
        name: "Schema registry user-info admin:admin in plain text",
        source: "https://github.com/factorhouse/examples (fh-local-flink-sql-orders-iceberg/README.md: a Kafka orders source with the schema-registry user-info admin:admin in plain text)",
        sql: `CREATE TABLE orders (
  order_id     STRING,
  item         STRING,
  price        DECIMAL(10,2),
  supplier     STRING,
  bid_time     TIMESTAMP(3),
  WATERMARK FOR bid_time AS bid_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'kafka-1:19092',
  'format' = 'avro-confluent',
  'avro-confluent.schema-registry.url' = 'http://schema:8081',
  'avro-confluent.basic-auth.credentials-source' = 'USER_INFO',
  'avro-confluent.basic-auth.user-info' = 'admin:admin',
  'avro-confluent.schema-registry.subject' = 'orders-value',
  'scan.startup.mode' = 'earliest-offset'
);`,
        violations: ['SQL statement 1 (CREATE TABLE orders), line 15: option "avro-confluent.basic-auth.user-info" in a WITH list has a literal value'],
    },
    {
        name: "Paimon docs: OSS catalog with xxx / yyy fillers",
        source: "https://github.com/apache/paimon (docs/content/filesystems/oss.md: the OSS catalog example with xxx / yyy fillers for the AccessKey pair)",
        sql: `CREATE CATALOG my_catalog WITH (
    'type' = 'paimon',
    'warehouse' = 'oss://path/to/warehouse',
    'fs.oss.endpoint' = 'oss-cn-hangzhou.aliyuncs.com',
    'fs.oss.accessKeyId' = 'xxx',
    'fs.oss.accessKeySecret' = 'yyy'
);`,
        violations: [],
    },
    {
        name: "Paimon catalog on OSS whose AccessKey secret is the plain variable ${OSS_ACCESS_KEY_SECRET}, with lookup cache options",
        source: "https://github.com/chainbase-labs/manuscript-core (commands/init_manuscript.go: a Paimon catalog on OSS embedded in Go, its AccessKey pair from plain ${OSS_ACCESS_KEY_ID} / ${OSS_ACCESS_KEY_SECRET} variables)",
        sql: `CREATE CATALOG paimon WITH (
    'type' = 'paimon',
    'warehouse' = 'oss://network-testnet/warehouse',
    'fs.oss.endpoint' = 'network-testnet.chainbasehq.com',
    'fs.oss.accessKeyId' = '\${OSS_ACCESS_KEY_ID}',
    'fs.oss.accessKeySecret' = '\${OSS_ACCESS_KEY_SECRET}',
    'table-default.merge-engine' = 'deduplicate',
    'table-default.changelog-producer' = 'input',
    'table-default.metastore.partitioned-table' = 'false',
    'table-default.lookup.cache-file-retention' = '1 h',
    'table-default.lookup.cache-max-memory-size' = '256 mb',
    'table-default.lookup.cache-max-disk-size' = '10 gb'
);`,
        violations: ['SQL statement 1 (CREATE CATALOG paimon), line 6: option "fs.oss.accessKeySecret" in a WITH list is the plain variable ${OSS_ACCESS_KEY_SECRET}, whose value Ververica keeps in plain text'],
    },
    {
        name: "secret word in the middle of a custom option key",
        source: "adversarial (the key is neither 'password' nor ends with 'secret'; 'secret' sits mid-key)",
        sql: `CREATE TEMPORARY TABLE geo_lookup (ip STRING, country STRING) WITH (
  'connector' = 'http',
  'url' = 'https://auth.eu.example.com/v2/lookup',
  'client_id' = 'flink-eu-prod',
  'oauth_client_secret_prod_eu' = 'Vr8~kP2.qLx9_ZmT4-wNc7Yb'
);`,
        violations: ['SQL statement 1 (CREATE TEMPORARY TABLE geo_lookup), line 5: option "oauth_client_secret_prod_eu" in a WITH list has a literal value'],
        secrets: ["Vr8~kP2.qLx9_ZmT4-wNc7Yb"],
    },
    {
        name: "base64-encoded PEM private key under a ..._private_key_base64 key",
        source: "adversarial ('private_key' mid-key and the value is base64, not PEM)",
        sql: `CREATE TEMPORARY TABLE bq_sink (id BIGINT, v STRING) WITH (
  'connector' = 'bigquery',
  'project' = 'analytics-prod',
  'dataset' = 'events',
  'table' = 'clicks',
  'gcp.service_account_private_key_base64' = 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktjd2dnU2pBZ0VBQW9JQkFRQzd4Ci0tLS0tRU5EIFBSSVZBVEUgS0VZLS0tLS0K'
);`,
        violations: ['SQL statement 1 (CREATE TEMPORARY TABLE bq_sink), line 6: option "gcp.service_account_private_key_base64" in a WITH list has a literal value'],
        secrets: ["LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktjd2dnU2pBZ0VBQW9JQkFRQzd4Ci0tLS0tRU5EIFBSSVZBVEUgS0VZLS0tLS0K"],
    },
    {
        name: "PEM private key inline in Kafka properties.ssl.keystore.key",
        source: "adversarial (key material (PEM block spanning lines) in a Kafka client option)",
        sql: `CREATE TABLE payments (id STRING, amount DECIMAL(12, 2)) WITH (
  'connector' = 'kafka',
  'topic' = 'payments',
  'properties.bootstrap.servers' = 'kafka-1.internal:9093',
  'properties.security.protocol' = 'SSL',
  'properties.ssl.keystore.type' = 'PEM',
  'properties.ssl.keystore.certificate.chain' = '/flink/usrlib/client-chain.pem',
  'properties.ssl.keystore.key' = '-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7xQ9mFz3kLrT2
vW8pN4sHc1bJ6yXeRt0uMa5LgKdZq7oPiE3wYhSfCn9BvUjD2lxTmA0rGk8NsQe=
-----END PRIVATE KEY-----',
  'format' = 'json'
);`,
        violations: ['SQL statement 1 (CREATE TABLE payments), line 8: option "properties.ssl.keystore.key" in a WITH list has a literal value'],
        secrets: ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7xQ9mFz3kLrT2"],
    },
    {
        name: "RSA private key PEM under a neutral option name",
        source: "adversarial (key material without any secret word in the key)",
        sql: `CREATE TEMPORARY TABLE sftp_out (line STRING) WITH (
  'connector' = 'filesystem',
  'path' = 'sftp://drop.partner.example.com/inbox/',
  'format' = 'raw',
  'client.material' = '-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA1x8Kq3Zc9YbT2mLpV7wN4sRfH6dJ0uEaGk5XoQ1yBnCtZr8M
-----END RSA PRIVATE KEY-----'
);`,
        violations: ['SQL statement 1 (CREATE TEMPORARY TABLE sftp_out), line 5: option "client.material" in a WITH list holds a private key in PEM form'],
        secrets: ["MIIEowIBAAKCAQEA1x8Kq3Zc9YbT2mLpV7wN4sRfH6dJ0uEaGk5XoQ1yBnCtZr8M"],
    },
    {
        name: "AES-256 key (base64) under encryption.key",
        source: "adversarial (symmetric key material; 'key' alone is no secret word (cf. key.fields))",
        sql: `CREATE TABLE pii_sink (user_id BIGINT, email_enc BYTES) WITH (
  'connector' = 'filesystem',
  'path' = 'oss://pii-bucket/enc/',
  'format' = 'parquet',
  'sink.encryption.algorithm' = 'AES/GCM/NoPadding',
  'sink.encryption.key' = '4dOb1RfScZ6NhU60zuTOqZDON29DExLrcH+pb0ZTA4g='
);`,
        violations: ['SQL statement 1 (CREATE TABLE pii_sink), line 6: option "sink.encryption.key" in a WITH list holds key material (a base64 or hex encoded key)'],
        secrets: ["4dOb1RfScZ6NhU60zuTOqZDON29DExLrcH+pb0ZTA4g="],
    },
    {
        name: "API key in a ?key= URL query parameter",
        source: "adversarial (credential inside the query string of an otherwise ordinary URL option)",
        sql: `CREATE TEMPORARY TABLE geocode (address STRING, lat DOUBLE, lng DOUBLE) WITH (
  'connector' = 'http',
  'url' = 'https://maps.example.com/maps/api/geocode/json?language=en&key=AIzaMHYFyoMsYPG3ZCeL1LfzO8F5nsD3jEv8zJO',
  'format' = 'json'
);`,
        violations: ['SQL statement 1 (CREATE TEMPORARY TABLE geocode), line 3: option "url" in a WITH list holds an API key in a URL query (key=), an API token (a format that names its issuer: OpenAI, DashScope, Stripe, GitHub, GitLab, Slack, Google)'],
        secrets: ["AIzaMHYFyoMsYPG3ZCeL1LfzO8F5nsD3jEv8zJO"],
    },
    {
        name: "access_token in a URL query parameter",
        source: "adversarial (?access_token= in a webhook URL)",
        sql: `CREATE TEMPORARY TABLE alerts_out (msg STRING) WITH (
  'connector' = 'http-sink',
  'url' = 'https://graph.example.com/v18.0/1029384756/messages?access_token=EAAGm0PX4ZCpsBAKq7bZCZBfQ9zW3xZAjV5hLq2T',
  'format' = 'json'
);`,
        violations: ['SQL statement 1 (CREATE TEMPORARY TABLE alerts_out), line 3: option "url" in a WITH list holds "access_token" as literal text'],
        secrets: ["EAAGm0PX4ZCpsBAKq7bZCZBfQ9zW3xZAjV5hLq2T"],
    },
    {
        name: "ODBC connection string with a braced PWD={...} containing ; and !",
        source: "adversarial (ODBC braces let the password contain the ';' separator)",
        sql: `CREATE TEMPORARY TABLE mssql_dim (id INT, name STRING) WITH (
  'connector' = 'odbc',
  'connection-string' = 'Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql-prod.internal,1433;Database=sales;Uid=etl_reader;PWD={Xy7;q!Lm2#pR};Encrypt=yes;',
  'table-name' = 'dbo.customers'
);`,
        violations: ['SQL statement 1 (CREATE TEMPORARY TABLE mssql_dim), line 3: option "connection-string" in a WITH list holds "PWD" as literal text'],
        secrets: ["Xy7;q!Lm2#pR"],
    },
    {
        name: "JAAS config split across lines",
        source: "adversarial (username and password on separate lines inside the JAAS string)",
        sql: `CREATE TABLE clicks (user_id BIGINT, url STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'alikafka-pre-cn-7pp2.alikafka.aliyuncs.com:9094',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'SCRAM-SHA-256',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.scram.ScramLoginModule required
      username="clicks-consumer"
      password="Tr0ub4dor-9xQ";',
  'format' = 'json'
);`,
        violations: ['SQL statement 1 (CREATE TABLE clicks), line 7: option "properties.sasl.jaas.config" in a WITH list holds "password" as literal text'],
        secrets: ["Tr0ub4dor-9xQ"],
    },
    {
        name: "MongoDB URI whose password contains a raw '/'",
        source: "adversarial (a '/' in the user info makes naive URL parsing stop early)",
        sql: `CREATE TABLE mongo_orders (_id STRING, total DOUBLE, PRIMARY KEY (_id) NOT ENFORCED) WITH (
  'connector' = 'mongodb',
  'uri' = 'mongodb://etl:Zq8/Lp3xW@mongo-1.internal:27017,mongo-2.internal:27017/?replicaSet=rs0',
  'database' = 'shop',
  'collection' = 'orders'
);`,
        violations: ['SQL statement 1 (CREATE TABLE mongo_orders), line 3: option "uri" in a WITH list holds a password in a URL (user:password@host)'],
        secrets: ["Zq8/Lp3xW"],
    },
    {
        name: "Elasticsearch hosts URL with percent-encoded '/' and '@' in the password",
        source: "adversarial (%2F and %40 inside the user info)",
        sql: `CREATE TABLE es_sink (id STRING, body STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'https://ingest:Xk%2F9pL%40mz7@es-prod.internal:9200',
  'index' = 'events'
);`,
        violations: ['SQL statement 1 (CREATE TABLE es_sink), line 3: option "hosts" in a WITH list holds a password in a URL (user:password@host)'],
        secrets: ["Xk%2F9pL%40mz7"],
    },
    {
        name: "bearer JWT in an HTTP header option",
        source: "adversarial (Authorization header carrying a JWT)",
        sql: `CREATE TEMPORARY TABLE risk_score (user_id BIGINT, score DOUBLE) WITH (
  'connector' = 'rest-lookup',
  'url' = 'https://risk.internal/api/score',
  'gid.connector.http.source.lookup.header.Authorization' = 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmbGluay1wcm9kIiwiaWF0IjoxNzMzNDAwMDAwfQ.OECjb6aaUdKHrGe9pEeAEl3Aa7e6nq5FydpdAmCnFIM',
  'format' = 'json'
);`,
        violations: ['SQL statement 1 (CREATE TEMPORARY TABLE risk_score), line 4: option "gid.connector.http.source.lookup.header.Authorization" in a WITH list has a literal value'],
        secrets: ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmbGluay1wcm9kIiwiaWF0IjoxNzMzNDAwMDAwfQ.OECjb6aaUdKHrGe9pEeAEl3Aa7e6nq5FydpdAmCnFIM"],
    },
    {
        name: "Pulsar token auth with a full JWT in authParams",
        source: "adversarial (JWT under an option name with no secret word)",
        sql: `CREATE TABLE pulsar_events (id BIGINT, body STRING) WITH (
  'connector' = 'pulsar',
  'service-url' = 'pulsar://pulsar.internal:6650',
  'admin-url' = 'http://pulsar.internal:8080',
  'topics' = 'persistent://public/default/events',
  'pulsar.client.authPluginClassName' = 'org.apache.pulsar.client.impl.auth.AuthenticationToken',
  'pulsar.client.authParams' = 'token:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmbGluay1wcm9kIiwiaWF0IjoxNzMzNDAwMDAwfQ.OECjb6aaUdKHrGe9pEeAEl3Aa7e6nq5FydpdAmCnFIM',
  'format' = 'json'
);`,
        violations: ['SQL statement 1 (CREATE TABLE pulsar_events), line 7: option "pulsar.client.authParams" in a WITH list has a literal value'],
        secrets: ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmbGluay1wcm9kIiwiaWF0IjoxNzMzNDAwMDAwfQ.OECjb6aaUdKHrGe9pEeAEl3Aa7e6nq5FydpdAmCnFIM"],
    },
    {
        name: "ADO.NET-style connection string with Password=...;",
        source: "adversarial (key=value;key=value string under a neutral option)",
        sql: `CREATE TEMPORARY TABLE pg_dim (id INT, label STRING) WITH (
  'connector' = 'custom-pg',
  'connection' = 'Host=pg.internal;Port=5432;Database=ods;Username=etl;Password=Wq3$z8Lk2;SSL Mode=Require',
  'table' = 'public.labels'
);`,
        violations: ['SQL statement 1 (CREATE TEMPORARY TABLE pg_dim), line 3: option "connection" in a WITH list holds "Password" as literal text'],
        secrets: ["Wq3$z8Lk2"],
    },
    {
        name: "Azure storage connection string with AccountKey=",
        source: "adversarial (AccountKey inside a semicolon-separated connection string)",
        sql: `CREATE TABLE blob_out (line STRING) WITH (
  'connector' = 'filesystem',
  'path' = 'abfss://events@flinkstore.dfs.core.windows.net/out/',
  'format' = 'json',
  'sink.blob.conn' = 'DefaultEndpointsProtocol=https;AccountName=flinkstore;AccountKey=sJQQSBRODiV0F5nsshdrEl/QjzDXuIMx0xbhbWEHYnAWE3sn55GEawVmwatGO/isia96ogBPgK1A/nZ7naYdhQ==;EndpointSuffix=core.windows.net'
);`,
        violations: ['SQL statement 1 (CREATE TABLE blob_out), line 5: option "sink.blob.conn" in a WITH list holds "AccountKey" as literal text'],
        secrets: ["sJQQSBRODiV0F5nsshdrEl/QjzDXuIMx0xbhbWEHYnAWE3sn55GEawVmwatGO/isia96ogBPgK1A/nZ7naYdhQ=="],
    },
    {
        name: "Hudi table with an AWS access key id (fine) and a literal secret key",
        source: "adversarial (only the secret half of the key pair is a credential)",
        sql: `CREATE TABLE hudi_orders (uuid STRING, ts BIGINT, PRIMARY KEY (uuid) NOT ENFORCED) WITH (
  'connector' = 'hudi',
  'path' = 's3a://lake-prod/hudi/orders',
  'table.type' = 'MERGE_ON_READ',
  'hoodie.datasource.write.recordkey.field' = 'uuid',
  'hadoop.fs.s3a.access.key' = 'AKIAZ7QH3TRX5LMB9WPE',
  'hadoop.fs.s3a.secret.key' = 'nY6PmvaPAk6Bk7JfUnsqG2wEsu3WquGYpJIpfIKZ'
);`,
        violations: ['SQL statement 1 (CREATE TABLE hudi_orders), line 7: option "hadoop.fs.s3a.secret.key" in a WITH list has a literal value'],
        secrets: ["nY6PmvaPAk6Bk7JfUnsqG2wEsu3WquGYpJIpfIKZ"],
    },
    {
        name: "password in a JDBC URL query string",
        source: "adversarial (&password= inside the url option, no password option)",
        sql: `CREATE TEMPORARY TABLE pg_sink (id BIGINT, v STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://pg.internal:5432/ods?user=etl&password=Lm4!qZ8wR&sslmode=require',
  'table-name' = 'public.results'
);`,
        violations: ['SQL statement 1 (CREATE TEMPORARY TABLE pg_sink), line 3: option "url" in a WITH list holds "password" as literal text'],
        secrets: ["Lm4!qZ8wR"],
    },
    {
        name: "MaxCompute sink with AccessKey ID (fine) and a literal AccessKey secret under accessKey",
        source: "adversarial (for ODPS/SLS/DataHub 'accessKey' is the secret half and 'accessId' is the identifier)",
        sql: `CREATE TEMPORARY TABLE odps_sink (id BIGINT, v STRING) WITH (
  'connector' = 'odps',
  'endpoint' = 'http://service.cn-hangzhou.maxcompute.aliyun-inc.com/api',
  'project' = 'dw_prod',
  'tableName' = 'ods_events',
  'accessId' = 'LTAI5tQ8bN3rXk7ZpW2mYc4J',
  'accessKey' = 'UBmsAbtJ35Wv86oUNM8KqT4xLr2Zp9'
);`,
        violations: ['SQL statement 1 (CREATE TEMPORARY TABLE odps_sink), line 7: option "accessKey" in a WITH list has a literal value'],
        secrets: ["UBmsAbtJ35Wv86oUNM8KqT4xLr2Zp9"],
    },
    {
        name: "Kinesis basic credentials with a literal secret key",
        source: "adversarial (aws.credentials.basic.secretkey next to an access key id)",
        sql: `CREATE TABLE kinesis_in (id STRING, ts TIMESTAMP(3)) WITH (
  'connector' = 'kinesis',
  'stream' = 'clickstream',
  'aws.region' = 'us-east-1',
  'aws.credentials.provider' = 'BASIC',
  'aws.credentials.basic.accesskeyid' = 'AKIAZ7QH3TRX5LMB9WPE',
  'aws.credentials.basic.secretkey' = 'nY6PmvaPAk6Bk7JfUnsqG2wEsu3WquGYpJIpfIKZ',
  'format' = 'json'
);`,
        violations: ['SQL statement 1 (CREATE TABLE kinesis_in), line 7: option "aws.credentials.basic.secretkey" in a WITH list has a literal value'],
        secrets: ["nY6PmvaPAk6Bk7JfUnsqG2wEsu3WquGYpJIpfIKZ"],
    },
    {
        name: "SET statement with a literal S3 secret key",
        source: "adversarial (the credential is in a SET statement, not in a WITH clause)",
        sql: `SET 'fs.s3a.access.key' = 'AKIAZ7QH3TRX5LMB9WPE';
SET 'fs.s3a.secret.key' = 'nY6PmvaPAk6Bk7JfUnsqG2wEsu3WquGYpJIpfIKZ';
CREATE TEMPORARY TABLE s3_in (line STRING) WITH (
  'connector' = 'filesystem',
  'path' = 's3a://raw-zone/events/',
  'format' = 'raw'
);`,
        violations: ['SQL statement 2 (SET), line 2: option "fs.s3a.secret.key" in a SET has a literal value'],
        secrets: ["nY6PmvaPAk6Bk7JfUnsqG2wEsu3WquGYpJIpfIKZ"],
    },
    {
        name: "MySQL catalog with a literal password",
        source: "adversarial (credential in CREATE CATALOG, not CREATE TABLE)",
        sql: `CREATE CATALOG mysql_shop WITH (
  'type' = 'mysql',
  'hostname' = 'rm-bp1xyz.mysql.rds.aliyuncs.com',
  'port' = '3306',
  'username' = 'catalog_reader',
  'password' = 'C4t@log-pw9',
  'default-database' = 'shop'
);`,
        violations: ['SQL statement 1 (CREATE CATALOG mysql_shop), line 6: option "password" in a WITH list has a literal value'],
        secrets: ["C4t@log-pw9"],
    },
    {
        name: "RabbitMQ AMQP URI with user info",
        source: "adversarial (amqp:// URL with a password)",
        sql: `CREATE TABLE mq_in (body STRING) WITH (
  'connector' = 'rabbitmq',
  'uri' = 'amqp://flink:Rb7!xqM2@mq.internal:5672/%2f',
  'queue' = 'events',
  'format' = 'raw'
);`,
        violations: ['SQL statement 1 (CREATE TABLE mq_in), line 3: option "uri" in a WITH list holds a password in a URL (user:password@host)'],
        secrets: ["Rb7!xqM2"],
    },
    {
        name: "MySQL CDC source and JDBC sink using Ververica ${secret_values.*}",
        source: "adversarial (Ververica's own secret-variable syntax; usernames are not secrets)",
        sql: `CREATE TEMPORARY TABLE orders_src (id BIGINT, amount DECIMAL(10, 2), PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'mysql',
  'hostname' = 'rm-bp1xyz.mysql.rds.aliyuncs.com',
  'port' = '3306',
  'username' = 'flink_cdc_reader',
  'password' = '\${secret_values.mysql_pw}',
  'database-name' = 'shop',
  'table-name' = 'orders'
);
CREATE TEMPORARY TABLE orders_sink (id BIGINT, amount DECIMAL(10, 2), PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://rm-bp2abc.mysql.rds.aliyuncs.com:3306/dw',
  'username' = 'dw_writer',
  'password' = '\${secret_values.dw_pw}',
  'table-name' = 'orders_copy'
);
INSERT INTO orders_sink SELECT * FROM orders_src;`,
        violations: [],
    },
    {
        name: "environment references in SQL and JAR arguments beside a plain ${API_TOKEN} variable",
        source: "adversarial (${env:X} and $X are references; a plain ${API_TOKEN} under a token flag is a Ververica variable kept in plain text)",
        sql: `CREATE TEMPORARY TABLE pg_sink (id BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://pg.internal:5432/ods',
  'username' = 'etl',
  'password' = '\${env:PG_PASSWORD}',
  'table-name' = 'public.t'
);`,
        jarArgs: "--db-user etl --db-password $DB_PASSWORD --api-token ${API_TOKEN}",
        violations: ['jarArtifact.mainArgs, argument 5: "api-token" is the plain variable ${API_TOKEN}, whose value Ververica keeps in plain text'],
    },
    {
        name: "Kafka JAAS password from a Kafka config provider ${file:...:key}",
        source: "adversarial (FileConfigProvider reference inside JAAS)",
        sql: `CREATE TABLE clicks (user_id BIGINT) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'kafka-1.internal:9094',
  'properties.config.providers' = 'file',
  'properties.config.providers.file.class' = 'org.apache.kafka.common.config.provider.FileConfigProvider',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'SCRAM-SHA-512',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="clicks" password="\${file:/opt/flink/secrets/kafka.properties:sasl.password}";',
  'format' = 'json'
);`,
        violations: [],
    },
    {
        name: "template fields and secret-store URIs as password values",
        source: "adversarial ({{ template }}, vault:// and an AWS Secrets Manager ARN are references)",
        sql: `CREATE TEMPORARY TABLE a (id INT) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://db-a.internal:3306/a',
  'username' = 'svc_a',
  'password' = '{{ vault_mysql_a_password }}',
  'table-name' = 'a'
);
CREATE TEMPORARY TABLE b (id INT) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://db-b.internal:3306/b',
  'username' = 'svc_b',
  'password' = 'vault://secret/data/flink/mysql-b#password',
  'table-name' = 'b'
);
CREATE TEMPORARY TABLE c (id INT) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://db-c.internal:3306/c',
  'username' = 'svc_c',
  'password' = 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/flink/mysql-c-Xy12Ab',
  'table-name' = 'c'
);`,
        violations: [],
    },
    {
        name: "KMS key ARN and Alibaba Cloud KMS key id for envelope encryption",
        source: "adversarial (key identifiers, not key material)",
        sql: `CREATE TABLE enc_sink (id BIGINT, payload BYTES) WITH (
  'connector' = 'filesystem',
  'path' = 's3://secure-zone/out/',
  'format' = 'parquet',
  'sink.encryption.kms-key-arn' = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'sink.encryption.key-id' = 'key-hzz62f1cb66fa42qo7x1s'
);`,
        violations: [],
    },
    {
        name: "security-related options whose values are not secrets",
        source: "adversarial (password.enabled=true, sasl.mechanism=PLAIN, truststore type and path, truststore password from secret_values)",
        sql: `CREATE TABLE secured_in (id STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'secured',
  'properties.bootstrap.servers' = 'kafka-1.internal:9093',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="\${secret_values.kafka_user}" password="\${secret_values.kafka_pw}";',
  'properties.ssl.truststore.type' = 'JKS',
  'properties.ssl.truststore.location' = '/flink/usrlib/truststore.jks',
  'properties.ssl.truststore.password' = '\${secret_values.truststore_pw}',
  'properties.ssl.endpoint.identification.algorithm' = 'https',
  'password.enabled' = 'true',
  'format' = 'json'
);`,
        violations: [],
    },
    {
        name: "OAuth bearer options: token endpoint, expiry, client id, secret from secret_values",
        source: "adversarial (token.expiry, token endpoint URL and client id are not secrets)",
        sql: `CREATE TABLE oauth_in (id STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'oauth-topic',
  'properties.bootstrap.servers' = 'kafka-1.internal:9093',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'OAUTHBEARER',
  'properties.sasl.oauthbearer.token.endpoint.url' = 'https://idp.example.com/oauth2/v2.0/token',
  'properties.sasl.login.callback.handler.class' = 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId="3f9a1c2e-7b4d-4e8a-9c1f-2d6b8e0a5f34" clientSecret="\${secret_values.oauth_client_secret}";',
  'token.expiry' = '3600s',
  'format' = 'json'
);`,
        violations: [],
    },
    {
        name: "Kafka key.format / key.fields / value.format and a primary key",
        source: "adversarial (Kafka 'key' options are about message keys, not credentials)",
        sql: `CREATE TABLE user_profile (
  user_id BIGINT,
  region STRING,
  name STRING,
  PRIMARY KEY (user_id, region) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'user-profile',
  'properties.bootstrap.servers' = 'kafka-1.internal:9092',
  'key.format' = 'json',
  'key.json.ignore-parse-errors' = 'true',
  'key.fields-prefix' = 'k_',
  'value.format' = 'json',
  'value.fields-include' = 'EXCEPT_KEY'
);`,
        violations: [],
    },
    {
        name: "lookup join with lookup.cache options, chunk key column and Hudi record key",
        source: "adversarial ('cache', 'key-column', 'recordkey', 'keygenerator' are not secrets)",
        sql: `CREATE TEMPORARY TABLE dim_user (id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://db.internal:3306/dim',
  'table-name' = 'users',
  'username' = 'reader',
  'password' = '\${secret_values.dim_pw}',
  'lookup.cache' = 'PARTIAL',
  'lookup.partial-cache.max-rows' = '10000',
  'lookup.partial-cache.expire-after-write' = '10 min',
  'scan.incremental.snapshot.chunk.key-column' = 'id'
);
CREATE TABLE hudi_t (uuid STRING, ts BIGINT, PRIMARY KEY (uuid) NOT ENFORCED) WITH (
  'connector' = 'hudi',
  'path' = 'oss://lake/hudi/t',
  'hoodie.datasource.write.recordkey.field' = 'uuid',
  'hoodie.datasource.write.keygenerator.class' = 'org.apache.hudi.keygen.SimpleKeyGenerator'
);`,
        violations: [],
    },
    {
        name: "AccessKey ID alone with the secret from secret_values (SLS)",
        source: "adversarial (an access key id is an identifier, not a credential)",
        sql: `CREATE TEMPORARY TABLE sls_in (a STRING) WITH (
  'connector' = 'sls',
  'endPoint' = 'cn-hangzhou-intranet.log.aliyuncs.com',
  'project' = 'app-logs',
  'logStore' = 'access',
  'accessId' = 'LTAI5tQ8bN3rXk7ZpW2mYc4J',
  'accessKey' = '\${secret_values.sls_ak_secret}'
);`,
        violations: [],
    },
    {
        name: "AWS access key id alone for Kinesis, secret from secret_values",
        source: "adversarial (AKIA... key id alone)",
        sql: `CREATE TABLE kinesis_in (id STRING) WITH (
  'connector' = 'kinesis',
  'stream' = 'clickstream',
  'aws.region' = 'us-east-1',
  'aws.credentials.provider' = 'BASIC',
  'aws.credentials.basic.accesskeyid' = 'AKIAZ7QH3TRX5LMB9WPE',
  'aws.credentials.basic.secretkey' = '\${secret_values.kinesis_sk}',
  'format' = 'json'
);`,
        violations: [],
    },
    {
        name: "password as a column name and in SQL comments and string literals",
        source: "adversarial (the word password in data, not a credential)",
        sql: `-- users.password column is hashed upstream with bcrypt; never select the plain password
CREATE TEMPORARY TABLE users_cdc (
  id BIGINT,
  email STRING,
  user_password_hash STRING,
  password_changed_at TIMESTAMP(3),
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'mysql',
  'hostname' = 'rm-bp1xyz.mysql.rds.aliyuncs.com',
  'port' = '3306',
  'username' = 'cdc',
  'password' = '\${secret_values.cdc_pw}',
  'database-name' = 'auth',
  'table-name' = 'users'
);
CREATE TEMPORARY TABLE audit_out (id BIGINT, event_type STRING) WITH ('connector' = 'print');
INSERT INTO audit_out
SELECT id, CASE WHEN password_changed_at IS NOT NULL THEN 'password_reset' ELSE 'login' END AS event_type
FROM users_cdc;`,
        violations: [],
    },
    {
        name: "JDBC URL whose user info is a secret_values reference; ES URL with a user name only; URL query without secrets",
        source: "adversarial (user info present but no literal password)",
        sql: `CREATE TEMPORARY TABLE j (id INT) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://etl:\${secret_values.mysql_pw}@rm-bp1xyz.mysql.rds.aliyuncs.com:3306/ods',
  'table-name' = 'j'
);
CREATE TEMPORARY TABLE e (id STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://elastic@es.internal:9200',
  'index' = 'e'
);
CREATE TEMPORARY TABLE h (q STRING) WITH (
  'connector' = 'http',
  'url' = 'https://api.example.com/v1/geo?format=json&key_type=point&page=1',
  'format' = 'json'
);`,
        violations: [],
    },
    {
        name: "Kerberos-secured Kafka: service name, keytab path and principal",
        source: "adversarial (Kerberos configuration without inline key material)",
        sql: `CREATE TABLE krb_in (v STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'secure-events',
  'properties.bootstrap.servers' = 'kafka-1.internal:21007',
  'properties.security.protocol' = 'SASL_PLAINTEXT',
  'properties.sasl.mechanism' = 'GSSAPI',
  'properties.sasl.kerberos.service.name' = 'kafka',
  'properties.sasl.jaas.config' = 'com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true storeKey=true keyTab="/flink/usrlib/flink.keytab" principal="flink/prod@EXAMPLE.COM";',
  'format' = 'raw'
);`,
        violations: [],
    },
    {
        name: "Paimon REST catalog with bearer token placeholder <token>",
        source: "https://github.com/apache/paimon (docs/docs/concepts/rest/bear.md)",
        sql: `CREATE CATALOG \`paimon-rest-catalog\`
WITH (
    'type' = 'paimon',
    'uri' = '<catalog server url>',
    'metastore' = 'rest',
    'warehouse' = 'my_instance_name',
    'token.provider' = 'bear',
    'token' = '<token>'
);`,
        violations: [],
        covers: ["bracketed redaction"],
    },
    {
        name: "Paimon DLF REST catalog with <access-key-id> / <access-key-secret> placeholders",
        source: "https://github.com/apache/paimon (docs/docs/concepts/rest/dlf.md)",
        sql: `CREATE CATALOG \`paimon-rest-catalog\`
WITH (
    'type' = 'paimon',
    'uri' = '<catalog server url>',
    'metastore' = 'rest',
    'warehouse' = 'my_instance_name',
    'token.provider' = 'dlf',
    'dlf.access-key-id'='<access-key-id>',
    'dlf.access-key-secret'='<access-key-secret>'
);`,
        violations: [],
        covers: ["bracketed redaction"],
    },
    {
        name: "Paimon DLF REST catalog with STS placeholders including <security-token>",
        source: "https://github.com/apache/paimon (docs/docs/concepts/rest/dlf.md)",
        sql: `CREATE CATALOG \`paimon-rest-catalog\`
WITH (
    'type' = 'paimon',
    'uri' = '<catalog server url>',
    'metastore' = 'rest',
    'warehouse' = 'my_instance_name',
    'token.provider' = 'dlf',
    'dlf.access-key-id'='<access-key-id>',
    'dlf.access-key-secret'='<access-key-secret>',
    'dlf.security-token'='<security-token>'
);`,
        violations: [],
        covers: ["bracketed redaction"],
    },
    {
        name: "Paimon DLF REST catalog reading its token from a local file path",
        source: "https://github.com/apache/paimon (docs/docs/concepts/rest/dlf.md)",
        sql: `CREATE CATALOG \`paimon-rest-catalog\`
WITH (
    'type' = 'paimon',
    'uri' = '<catalog server url>',
    'metastore' = 'rest',
    'warehouse' = 'my_instance_name',
    'token.provider' = 'dlf',
    'dlf.token-path' = 'my_token_path_in_disk'
);`,
        violations: [],
    },
    {
        name: "Paimon S3 catalog with xxx / yyy key placeholders",
        source: "https://github.com/apache/paimon (docs/docs/maintenance/filesystems.mdx)",
        sql: `CREATE CATALOG my_catalog WITH (
    'type' = 'paimon',
    'warehouse' = 's3://<bucket>/<path>',
    's3.endpoint' = 'your-endpoint-hostname',
    's3.access-key' = 'xxx',
    's3.secret-key' = 'yyy'
);`,
        violations: [],
        covers: ["filler placeholder"],
    },
    {
        name: "Paimon JDBC catalog with ... for user and password",
        source: "https://github.com/apache/paimon (docs/docs/flink/sql-ddl.md)",
        sql: `CREATE CATALOG my_jdbc WITH (
    'type' = 'paimon',
    'metastore' = 'jdbc',
    'uri' = 'jdbc:mysql://<host>:<port>/<databaseName>',
    'jdbc.user' = '...', 
    'jdbc.password' = '...', 
    'catalog-key'='jdbc',
    'warehouse' = 'hdfs:///path/to/warehouse'
);

USE CATALOG my_jdbc;`,
        violations: [],
        covers: ["ellipsis"],
    },
    {
        name: "Paimon catalog on MinIO with the default minioadmin key pair",
        source: "https://github.com/suntectec/paimon-flink (docker/practice/kafka-seatunnel/docker.bash)",
        sql: `CREATE CATALOG paimon_catalog WITH (
  'type'='paimon',
  'warehouse'='s3://tmp/kafka/seatunnel',
  's3.endpoint'='http://minio:9000',
  's3.access-key'='minioadmin',
  's3.secret-key'='minioadmin',
  's3.path.style.access'='true'
);

USE CATALOG paimon_catalog;`,
        violations: ['SQL statement 1 (CREATE CATALOG paimon_catalog), line 6: option "s3.secret-key" in a WITH list has a literal value'],
    },
    {
        name: "Alibaba community answer: Kafka SASL JAAS config with USERNAME / PASSWORD placeholders (the three quoted options; columns and other options filled in around them)",
        source: "https://developer.aliyun.com/ask/476470",
        sql: `CREATE TEMPORARY TABLE kafkaTable (
  id BIGINT,
  payload STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'alikafka-pre-cn-xxx-1-vpc.alikafka.aliyuncs.com:9094',
  'format' = 'json',
  'properties.security.protocol' = 'SASL_PLAINTEXT',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.flink.kafka.shaded.org.apache.kafka.common.security.plain.PlainLoginModule required username="USERNAME" password="PASSWORD";'
);`,
        violations: [],
        covers: ["prose placeholder"],
    },
    {
        name: "Tencent Cloud Postgres CDC DDL with yourUserName / yourPassWord placeholders",
        source: "https://cloud.tencent.com/document/product/849/60315",
        sql: `CREATE TABLE postgres_cdc_source_table (
  id INT,
  name STRING,
  PRIMARY KEY (\`id\`) NOT ENFORCED -- 如果要同步的数据库表定义了主键, 则这里也需要定义
) WITH (
  'connector' = 'postgres-cdc',      -- 固定值 'postgres-cdc'
  'hostname' = 'yourHostname',       -- 数据库的 IP
  'port' = '5432',                   -- 数据库的访问端口
  'username' = 'yourUserName',       -- 数据库访问的用户名
  'password' = 'yourPassWord',       -- 数据库访问的密码
  'database-name' = 'yourDatabaseName',
  'schema-name' = 'yourSchemaName',
  'table-name' = 'yourTableName',
  'slot.name' = 'customslotname',
  'scan.incremental.snapshot.enabled' = 'true'
);`,
        violations: [],
        covers: ["prose placeholder"],
    },
    {
        name: "CSDN MySQL to Doris blog: Doris sink with a real-looking password (replaced by a fake of the same shape)",
        source: "https://blog.csdn.net/a9486/article/details/134893149",
        sql: `CREATE TABLE mysql_mapping (
  id INT,
  name VARCHAR,
  description VARCHAR
) WITH (
  'connector' = 'doris',
  'fenodes' = '192.168.10.1:8030',
  'table.identifier' = 'test.mysql_source',
  'username' = 'root',
  'password' = 'W#k5Prvtqx@27',
  'sink.label-prefix' = 'mysql_mapping'
);`,
        violations: ['SQL statement 1 (CREATE TABLE mysql_mapping), line 10: option "password" in a WITH list has a literal value'],
        secrets: ["W#k5Prvtqx@27"],
    },
];
