/**
 * JAR and Python main arguments for the no-plaintext-secrets rule: Paimon and Doris CDC sync
 * jobs, which pass connector settings as `key=value` inside flag values, and the argument forms
 * jobs use. Sources are named; credentials are fakes of the real ones' shape.
 */
import { SecretsCorpusCase } from "./secretsCorpusCase";

export const argumentCases: readonly SecretsCorpusCase[] = [
    {
        name: "Paimon mysql_sync_table with the MySQL password in --mysql-conf",
        source: "https://github.com/dufangwei-yyds/bigdata-learn (bin/mysql-cdc-paimon-table-chinese-code.sh)",
        jarArgs: `mysql_sync_table --warehouse hdfs://localhost:8020/paimon --database default --table chinese_code --primary-keys id
  --mysql-conf hostname=localhost --mysql-conf port=3306 --mysql-conf username=root --mysql-conf password=FkDfw9201,
  --mysql-conf database-name='data_ingestion' --mysql-conf table-name='chinese_code' --mysql-conf jdbc.properties.useSSL=false
  --catalog-conf type=paimon --table-conf bucket=2 --table-conf changelog-producer=input`,
        violations: ['jarArtifact.mainArgs, argument 16: "mysql-conf" holds "password" as literal text'],
        secrets: ["FkDfw9201"],
    },
    {
        name: "Paimon mysql_sync_database on OSS with secret variables",
        source: "https://paimon.apache.org/docs/master/cdc-ingestion/mysql-cdc/ (Synchronizing Databases) with Ververica variables",
        jarArgs: `mysql_sync_database --warehouse oss://bucket/warehouse --database ods
  --mysql_conf hostname=rm-xxx.mysql.rds.aliyuncs.com --mysql_conf username=flink --mysql_conf password=\${secret_values.mysql_pw}
  --catalog_conf fs.oss.endpoint=oss-cn-hangzhou-internal.aliyuncs.com --catalog_conf fs.oss.accessKeyId=LTAI5tFkExampleKeyId03
  --catalog_conf fs.oss.accessKeySecret=\${secret_values.oss_secret} --table_conf bucket=4 --including_tables 'user.*|orders'`,
        violations: [],
    },
    {
        name: "Paimon kafka_sync_database with a SASL JAAS config inside --kafka_conf",
        source: "https://paimon.apache.org/docs/master/cdc-ingestion/kafka-cdc/ (kafka_sync_database) with SASL properties",
        jarArgs: `kafka_sync_database --warehouse oss://bucket/warehouse --database ods
  --kafka_conf properties.bootstrap.servers=kafka:9092 --kafka_conf topic=orders --kafka_conf value.format=canal-json
  --kafka_conf properties.security.protocol=SASL_PLAINTEXT --kafka_conf properties.sasl.mechanism=PLAIN
  --kafka_conf 'properties.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="FkKafkaConf1";'`,
        violations: ['argument 16: "kafka_conf" holds "password" as literal text'],
        secrets: ["FkKafkaConf1"],
    },
    {
        name: "Doris mysql-sync-database with literal source and sink passwords",
        source: "https://github.com/su-yh/suyh-notes (24-selectdb-doris/doris-sync-mysql.md) and https://doris.apache.org/docs/ecosystem/flink-doris-connector (whole database sync)",
        jarArgs: `mysql-sync-database --database suyh_cdap_doris
  --mysql-conf hostname=192.168.8.10 --mysql-conf port=3308 --mysql-conf username=repl --mysql-conf password=FkRepl1
  --mysql-conf database-name=cdap --including-tables "tbl.*"
  --sink-conf fenodes=192.168.8.10:8030 --sink-conf username=root --sink-conf password=FkDorisRoot2
  --sink-conf jdbc-url=jdbc:mysql://192.168.8.10:9030 --sink-conf sink.label-prefix=label --table-conf replication_num=1`,
        violations: ['argument 10: "mysql-conf" holds "password"', 'argument 20: "sink-conf" holds "password"'],
        secrets: ["FkRepl1", "FkDorisRoot2"],
    },
    {
        name: "argument forms: a password starting with a dash, -key:value, JSON, and --key=value",
        source: "adversarial",
        jarArgs: `--password -Fk9dash --user alice -dbPassword:FkColon7 --conf '{"jdbc.url": "jdbc:mysql://db/shop", "password": "FkJson8"}' --auth.token=FkInline9`,
        violations: ['argument 1: "password" has a literal value', 'argument 5: "dbPassword" has a literal value', 'argument 6: "conf" holds "password" as literal text', 'argument 8: "auth.token" has a literal value'],
        secrets: ["-Fk9dash", "Fk9dash", "FkColon7", "FkJson8", "FkInline9"],
    },
    {
        name: "flags that name a path, a name, a count or a switch are not secrets",
        source: "adversarial (arguments of LLM, secret-manager and GCP jobs)",
        pythonArgs: `--max-tokens 512 --tokenizer cl100k_base --password-file /etc/flink/db.pw --secret-name prod/db/password --credentials-path /opt/flink/sa.json --use-token-auth --token-endpoint https://login.example.com/token --num-tokens 4`,
        violations: [],
    },
    {
        name: "positional arguments: a JDBC URL with a password and a key=value",
        source: "adversarial",
        jarArgs: `com.example.Sync jdbc:postgresql://db:5432/shop?user=etl&password=FkPositional1 target=ods password=FkPositional2`,
        violations: ['jarArtifact.mainArgs, argument 2 holds "password" as literal text', 'argument 4: "password" has a literal value'],
        secrets: ["FkPositional1", "FkPositional2"],
    },
    {
        name: "a PyFlink job given an OpenAI key and a system property with an OSS secret",
        source: "adversarial (PyFlink job arguments, https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/cli/#submitting-pyflink-jobs)",
        pythonArgs: `--openai_api_key sk-FkPython0123456789abcdef -Dfs.oss.accessKeySecret=FkSysProp3 --model gpt-4o-mini`,
        violations: ['pythonArtifact.mainArgs, argument 1: "openai_api_key" has a literal value', 'argument 3: "fs.oss.accessKeySecret" has a literal value'],
        secrets: ["sk-FkPython0123456789abcdef", "FkSysProp3"],
    },
    {
        name: "empty values and secret references in every argument form",
        source: "adversarial",
        jarArgs: `--mysql-conf password= --password \${secret_values.pw} --conf '{"password": "\${secret_values.pw}"}' -token:\${secret_values.t} --sink-conf password=\${secret_values.doris}`,
        violations: [],
    },
    {
        name: "a Paimon sync command pasted from a shell script, line continuations included",
        source: "https://github.com/dufangwei-yyds/bigdata-learn (bin/mysql-cdc-paimon-table-datatype-mapping.sh, the arguments after the action JAR)",
        jarArgs: `mysql_sync_table \\
--warehouse hdfs://localhost:8020/paimon \\
--database default \\
--table data_type_mapping \\
--primary-keys id \\
--type-mapping tinyint1-not-bool \\
--mysql-conf hostname=localhost \\
--mysql-conf username=root \\
--mysql-conf password=FkDfw2024Q520, \\
--mysql-conf database-name='data_ingestion' \\
--catalog-conf type=paimon \\
--table-conf bucket=2`,
        violations: ['jarArtifact.mainArgs, argument 16: "mysql-conf" holds "password" as literal text'],
        secrets: ["FkDfw2024Q520"],
    },
    {
        name: "Paimon postgres_sync_table and mongodb_sync_database with literal passwords",
        source: "https://paimon.apache.org/docs/master/cdc-ingestion/postgres-cdc/ (Synchronizing Tables) and https://paimon.apache.org/docs/master/cdc-ingestion/mongo-cdc/ (Synchronizing Databases)",
        jarArgs: `postgres_sync_table --warehouse hdfs:///path/to/warehouse --database test_db --table test_table
  --partition_keys pt --primary_keys pt,uid --computed_column '_year=year(age)'
  --postgres_conf hostname=127.0.0.1 --postgres_conf username=root --postgres_conf password=FkPgSync1
  --postgres_conf database-name='source_db' --postgres_conf schema-name='public' --postgres_conf slot.name='flink_replication_slot'
  --catalog_conf metastore=hive --catalog_conf uri=thrift://hive-metastore:9083 --table_conf bucket=4`,
        pythonArgs: `mongodb_sync_database --warehouse hdfs:///path/to/warehouse --database test_db
  --mongodb_conf hosts=127.0.0.1:27017 --mongodb_conf username=root --mongodb_conf password=FkMongoSync2 --mongodb_conf database=source_db`,
        violations: ['jarArtifact.mainArgs, argument 18: "postgres_conf" holds "password"', 'pythonArtifact.mainArgs, argument 10: "mongodb_conf" holds "password"'],
        secrets: ["FkPgSync1", "FkMongoSync2"],
    },
    {
        name: "placeholders in arguments are not literal credentials",
        source: "adversarial (a redacted sync command and a documentation template)",
        jarArgs: `mysql-sync-database --database ods --mysql-conf password=****** --sink-conf password=<password> --api-key '<your-api-key>' jdbc:mysql://etl:****@db:3306/shop`,
        violations: [],
    },
    {
        name: "flags that name a file or an environment variable, next to a literal client secret",
        source: "adversarial (argument names of OAuth and secret-manager clients)",
        pythonArgs: `--token-file /var/run/secrets/token --keytab /etc/security/flink.keytab --principal flink@EXAMPLE.COM --api-key-env OPENAI_API_KEY --client-id flink --client-secret FkClientSecret3`,
        violations: ['pythonArtifact.mainArgs, argument 11: "client-secret" has a literal value'],
        secrets: ["FkClientSecret3"],
    },
    {
        name: "JSON configuration whose secret-named entries hold objects, lists and null, beside a numeric password",
        source: "adversarial (nested JSON is judged entry by entry; a number is a literal, null is no value)",
        jarArgs: `--conf '{"token": {"type": "file", "path": "/opt/flink/usrlib/token"}, "credentials": ["default"], "password": null}' --legacy '{"password": 123456}'`,
        violations: ['jarArtifact.mainArgs, argument 3: "legacy" holds "password" as literal text'],
        secrets: ["123456"],
    },
    {
        name: "a BigQuery job given its service account key as base64, as the Spark connector's credentials option takes it",
        source: "https://github.com/GoogleCloudDataproc/spark-bigquery-connector/issues/249 (the credentials option given a service account JSON converted to a Base64 string) as a Flink job argument",
        jarArgs: `--project fk-project --dataset ods --credentials eyJ0eXBlIjoic2VydmljZV9hY2NvdW50IiwicHJvamVjdF9pZCI6ImZrLXByb2plY3QiLCJwcml2YXRlX2tleV9pZCI6ImYwMDEyMzQ1Njc4OWFiY2RlZiIsInByaXZhdGVfa2V5IjoiLS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tXG5NSUlFdkZrQmFzZTY0U2VydmljZUFjY291bnRcbi0tLS0tRU5EIFBSSVZBVEUgS0VZLS0tLS1cbiIsImNsaWVudF9lbWFpbCI6ImZsaW5rQGZrLXByb2plY3QuaWFtLmdzZXJ2aWNlYWNjb3VudC5jb20iLCJ0b2tlbl91cmkiOiJodHRwczovL29hdXRoMi5nb29nbGVhcGlzLmNvbS90b2tlbiJ9`,
        violations: ['jarArtifact.mainArgs, argument 5: "credentials" has a literal value'],
        secrets: ["MIIEvFkBase64ServiceAccount"],
        covers: ["base64 text"],
    },
    {
        name: "configuration passed as base64 JSON: one with a password, one with a reference, one without credentials",
        source: "adversarial (jobs that take their configuration as a base64 argument; https://docs.redhat.com/zh_hans/documentation/red_hat_build_of_apache_camel/4.4/html/red_hat_build_of_apache_camel_for_spring_boot_reference/authentication_configuration (serviceAccountKey=base64:<base64 encoded>) for the base64: prefix; URL-safe base64 nested twice)",
        jarArgs: `--config eyJqZGJjVXJsIjoiamRiYzpteXNxbDovL2RiOjMzMDYvc2hvcCIsInVzZXIiOiJldGwiLCJwYXNzd29yZCI6IkZrQjY0Q29uZjE3In0= --safe eyJ1c2VyIjoiZXRsIiwicGFzc3dvcmQiOiIke3NlY3JldF92YWx1ZXMuZGJfcHd9In0= --settings eyJyZWdpb24iOiJjbi1oYW5nemhvdSIsInBhcmFsbGVsaXNtIjo0LCJjaGVja3BvaW50IjoiNjBzIn0=`,
        pythonArgs: `--job-spec base64:eyJrYWZrYSI6eyJib290c3RyYXAiOiJrYWZrYTo5MDkyIiwic2FzbCI6eyJqYWFzIjoib3JnLmFwYWNoZS5rYWZrYS5jb21tb24uc2VjdXJpdHkucGxhaW4uUGxhaW5Mb2dpbk1vZHVsZSByZXF1aXJlZCB1c2VybmFtZT1cInVcIiBwYXNzd29yZD1cIkZrTmVzdGVkMThcIjsifX19 --tag orders_enrichment_pipeline`,
        violations: ['jarArtifact.mainArgs, argument 1: "config" holds "password" as literal text (base64-encoded)', 'pythonArtifact.mainArgs, argument 1: "job-spec" holds "password" as literal text (base64-encoded)'],
        secrets: ["FkB64Conf17", "FkNested18"],
        covers: ["base64 text"],
    },
    {
        name: "sync arguments that reference secrets through config providers and the environment",
        source: "https://docs.lenses.io/connectors/secret-providers/environment (password=${env::MY_ENV_VAR_PASSWORD}) and https://paimon.apache.org/docs/master/cdc-ingestion/kafka-cdc/ (--kafka_conf key=value)",
        jarArgs: `kafka_sync_database --warehouse oss://bucket/warehouse --database ods
  --kafka_conf properties.bootstrap.servers=kafka:9092 --kafka_conf topic=orders
  --kafka_conf 'properties.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="\${env::KAFKA_USER}" password="\${env::KAFKA_PASSWORD}";'
  --catalog_conf 's3.secret-key=\${file:/opt/flink/secrets/s3.properties:secret}' --catalog_conf s3.access-key=AKIAFKEXAMPLE0000003`,
        violations: [],
        covers: ["environment reference", "config-provider reference", "access key id"],
    },
    {
        name: "arguments with secret words inside the flag, placeholders, and a warehouse URL with a slash in its secret",
        source: "adversarial (per-environment flags, a redacted command line, an S3 warehouse URL with user info)",
        jarArgs: `--orders-db-password-prod FkMidFlag19 --db-password-rotation-days 90 --api-key [REDACTED] --token xxx --secret '...'
  --warehouse s3://FKACCESSKEY04:Fk/slash+secret20@fk-bucket/warehouse`,
        violations: ['jarArtifact.mainArgs, argument 1: "orders-db-password-prod" has a literal value', "jarArtifact.mainArgs, argument 11: \"warehouse\" holds a password in a URL"],
        secrets: ["FkMidFlag19", "Fk/slash+secret20"],
        covers: ["secret word inside the key", "bracketed redaction", "filler placeholder", "ellipsis", "URL user info with /"],
    },
    {
        name: "secret-store URIs in a pipeline, beside a store's own token written in plain text",
        source: "adversarial (store URIs as whole values; a Vault token, whose key names the store before the secret word, is a secret)",
        cdcYaml: `source:
  type: mysql
  username: ref+vault://secret/data/mysql#/username
  password: ref+vault://secret/data/mysql#/password
sink:
  type: doris
  password: vault://secret/doris#password
  vault.token: hvs.FkVaultToken32
  secrets.manager.arn: arn:aws:secretsmanager:us-east-1:123456789012:secret:doris-FkSuffix`,
        violations: ['line 8: key "vault.token" has a literal value'],
        secrets: ["hvs.FkVaultToken32"],
        covers: ["secret-store URI", "secret word inside the key"],
    },
    {
        name: "ODBC connection strings in arguments: braces that quote a password, a driver, a template and a mask",
        source: "adversarial (an ODBC sink job given its connection string as an argument)",
        pythonArgs: `--odbc 'Driver={PostgreSQL Unicode};Server=db;Uid=etl;Pwd={Fk;p@ss}}word33};' --odbc-masked 'Driver={PostgreSQL Unicode};Uid=etl;Pwd={****};' --odbc-template 'Driver={PostgreSQL Unicode};Uid=etl;Pwd={{ pg_password }};'`,
        violations: ['pythonArtifact.mainArgs, argument 1: "odbc" holds "Pwd" as literal text'],
        secrets: ["Fk;p@ss}}word33", "Fk;p@ss}word33"],
        covers: ["ODBC braced value", "template field"],
    },
    {
        name: "an access key pair in arguments: the id half literal, the secret half referenced; a lone access key literal",
        source: "adversarial (a JAR job taking --access-key and --secret-key, and another taking only --access_key)",
        jarArgs: `--access-key FKACCESSKEYID34 --secret-key \${secret_values.s3_secret} --bucket fk-bucket`,
        pythonArgs: `--access_key FkLoneAccessKey35 --endpoint oss-cn-hangzhou.aliyuncs.com`,
        violations: ['pythonArtifact.mainArgs, argument 1: "access_key" has a literal value'],
        secrets: ["FkLoneAccessKey35"],
        covers: ["access key id"],
    },
    {
        name: "JDBC job arguments taken from environment variables",
        source: "public flink run script found by code search (--jdbc-url $JDBC_URL --jdbc-username $JDBC_USERNAME --jdbc-password $JDBC_PASSWORD)",
        jarArgs: `--jdbc-driver $JDBC_DRIVER --jdbc-url $JDBC_URL --jdbc-username $JDBC_USERNAME --jdbc-password $JDBC_PASSWORD --save-point-path $SAVE_POINT_PATH`,
        violations: [],
        covers: ["environment reference"],
    },
    {
        name: "the same JDBC job with the password typed in",
        source: "public flink run script found by code search (--jdbc-password), with a literal value",
        jarArgs: `--bootstrap write --jdbc-driver org.postgresql.Driver --jdbc-url jdbc:postgresql://pg:5432/app --jdbc-username app --jdbc-password 'Fk#JdbcPw1' --save-point-path /tmp/sp`,
        violations: ["jarArtifact.mainArgs, argument 9: \"jdbc-password\" has a literal value"],
        secrets: ["Fk#JdbcPw1"],
    },
    {
        name: "Event Hubs Kafka job arguments naming the SASL mechanism and protocol",
        source: "https://github.com/Azure-Samples/streaming-at-scale (eventhubskafka-flink-eventhubskafka/localtest/testcontainers/02-process/run02.sh)",
        jarArgs: `--kafka.in.topic "$KAFKA_INPUT_TOPIC" --kafka.in.bootstrap.servers "$KAFKA_BOOTSTRAP_SERVERS" --kafka.in.request.timeout.ms "15000" --kafka.in.sasl.mechanism PLAIN --kafka.in.security.protocol PLAINTEXT --kafka.out.topic "$KAFKA_OUTPUT_TOPIC" --kafka.out.sasl.mechanism PLAIN --kafka.out.security.protocol PLAINTEXT`,
        violations: [],
    },
    {
        name: "environment references in JAR arguments",
        source: "adversarial (environment references: ${env:NAME}, $NAME, ${NAME:-default} in arguments)",
        jarArgs: `--db.password \${env:ORDERS_DB_PASSWORD} --kafka.password $KAFKA_PASSWORD --oss.secret \${OSS_SECRET:-}`,
        violations: [],
        covers: ["environment reference"],
    },
    {
        name: "flags naming secrets, headers and environment variables, not holding them",
        source: "adversarial (--secret-name, --secret-region, --api-key-header, --api-key-env, --password-file)",
        pythonArgs: `--secret-name prod/flink/mysql --secret-region cn-hangzhou --use-secret-manager true --api-key-header X-API-Key --api-key-env OPENAI_API_KEY --password-file /opt/flink/secrets/pw`,
        violations: [],
        covers: ["secret word inside the key"],
    },
    {
        name: "Python args with a password hashed for comparison and a key name argument",
        source: "adversarial (--password-sha256 and --key-name)",
        pythonArgs: `--key-name orders-signing --password-sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 --salt-length 16`,
        violations: [],
        covers: ["secret word inside the key"],
    },
    {
        name: "identifiers that look random: UUIDs, checksums and a jar with a version",
        source: "adversarial (tenant and client UUIDs, a sha256 checksum, a Maven jar URL)",
        jarArgs: `--tenant-id 72f988bf-86f1-41af-91ab-2d7cd011db47 --client-id 3f2b8c1e-9d4a-4e7b-8f6c-2a1b0c9d8e7f --checksum sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 --udf-jar https://repo1.maven.org/maven2/org/apache/flink/flink-connector-jdbc/3.1.2-1.18/flink-connector-jdbc-3.1.2-1.18.jar`,
        violations: [],
    },
    {
        name: "an ODBC string with a braced password that holds ; and }",
        source: "adversarial (ODBC brace quoting: Pwd={...;...}}...})",
        jarArgs: `--odbc "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql.internal,1433;Uid=flink;Pwd={Fk;Brace}}Pw9};Encrypt=yes"`,
        violations: ["jarArtifact.mainArgs, argument 1: \"odbc\" holds \"Pwd\" as literal text"],
        secrets: ["Fk;Brace}}Pw9", "Fk;Brace}Pw9"],
        covers: ["ODBC braced value"],
    },
    {
        name: "a base64 JSON configuration argument carrying a password",
        source: "adversarial (job configuration passed as base64 JSON)",
        pythonArgs: `--job-config eyJkYiI6eyJ1cmwiOiJqZGJjOm15c3FsOi8vcm0tYnAxZmsubXlzcWwucmRzLmFsaXl1bmNzLmNvbTozMzA2L29yZGVycyIsInVzZXIiOiJldGwiLCJwYXNzd29yZCI6IkZrQjY0UHczISJ9fQ== --parallelism 4`,
        violations: ["pythonArtifact.mainArgs, argument 1: \"job-config\" holds \"password\" as literal text (base64-encoded)"],
        secrets: ["FkB64Pw3!"],
        covers: ["base64 text"],
    },
    {
        name: "base64 of configuration without credentials, and an Avro schema in base64",
        source: "adversarial (base64 arguments that decode to harmless JSON)",
        pythonArgs: `--job-config eyJjaGVja3BvaW50RGlyIjoib3NzOi8vZmxpbmstY2twdC9qb2JzL29yZGVycyIsInBhcmFsbGVsaXNtIjo0LCJyZWdpb24iOiJjbi1oYW5nemhvdSJ9 --schema eyJ0eXBlIjoicmVjb3JkIiwibmFtZSI6Ik9yZGVyIn0=`,
        violations: [],
        covers: ["base64 text"],
    },
    {
        name: "Oracle CDC DataStream arguments passed to a JAR job",
        source: "https://github.com/BigDataMao/FlinkCDC-Test (src/main/java/cn/chatdoge/flink117/TestOracle.java, builder settings) as program arguments",
        jarArgs: `--hostname localhost --port 31521 --database XE --username flinkuser --password flinkpw --schema-list flinkuser --table-list flinkuser.products --startup-mode initial`,
        violations: ["jarArtifact.mainArgs, argument 9: \"password\" has a literal value"],
        secrets: ["flinkpw"],
    },
    {
        name: "Doris sync job with --sink-conf password and a referenced source password",
        source: "https://doris.apache.org/docs/ecosystem/flink-doris-connector (mysql-sync-database: --mysql-conf, --sink-conf)",
        jarArgs: `mysql-sync-database --database test_db --mysql-conf hostname=127.0.0.1 --mysql-conf port=3306 --mysql-conf username=root --mysql-conf password=\${secret_values.mysql_pw} --mysql-conf database-name=mysql_db --including-tables "tbl1|test.*" --sink-conf fenodes=127.0.0.1:8030 --sink-conf username=root --sink-conf password=FkDorisSink41 --sink-conf jdbc-url=jdbc:mysql://127.0.0.1:9030 --sink-conf sink.label-prefix=label --table-conf replication_num=1`,
        violations: ["jarArtifact.mainArgs, argument 20: \"sink-conf\" holds \"password\" as literal text"],
        secrets: ["FkDorisSink41"],
    },
    {
        name: "PyFlink job arguments with an env-var-named flag and a config path",
        source: "public PyFlink Kafka job found by code search (load_dotenv, KAFKA_PASSWORD from the environment) as arguments",
        pythonArgs: `--env-file /opt/flink/usrlib/.env --kafka-password-env PROD_KAFKA_PASSWORD --sasl-mechanisms SCRAM-SHA-256 --security-protocol SASL_PLAINTEXT --input-topic events`,
        violations: [],
        covers: ["environment reference"],
    },
    {
        name: "Paimon action on OSS with catalog keys for OSS and a referenced secret",
        source: "https://paimon.apache.org/docs/master/filesystems/oss/ (fs.oss.endpoint, fs.oss.accessKeyId, fs.oss.accessKeySecret) in a mysql_sync_database action",
        jarArgs: `mysql_sync_database --warehouse oss://paimon-lake/warehouse --database ods --catalog_conf fs.oss.endpoint=oss-cn-hangzhou-internal.aliyuncs.com --catalog_conf fs.oss.accessKeyId=LTAI5tFkPaimonId71 --catalog_conf fs.oss.accessKeySecret=\${secret_values.oss_secret} --mysql_conf hostname=rm-bp1fk.mysql.rds.aliyuncs.com --mysql_conf username=cdc --mysql_conf password=\${secret_values.mysql_pw} --mysql_conf database-name=app`,
        violations: [],
        covers: ["access key id"],
    },
    {
        name: "template fields in arguments, one of them unquoted with spaces",
        source: "adversarial (a job's arguments templated by a deployment script and left unrendered)",
        jarArgs: `--password {password} --token {{ api_token }} --secret %(secret)s`,
        violations: [],
        covers: ["template field"],
    },
    {
        name: "a warehouse URL whose secret holds / and + in an argument",
        source: "adversarial (s3://id:secret@bucket with an unencoded secret, as an argument)",
        jarArgs: `--warehouse s3://AKIAFKEXAMPLE0000014:Fk/Args+Sec/ret14@bucket/wh`,
        violations: ["jarArtifact.mainArgs, argument 1: \"warehouse\" holds a password in a URL (user:password@host)"],
        secrets: ["Fk/Args+Sec/ret14"],
        covers: ["URL user info with /"],
    },
    {
        name: "flags whose secret word sits in the middle",
        source: "adversarial (--oauth-client-secret-prod-eu, --db-password-staging)",
        jarArgs: `--oauth-client-secret-prod-eu FkMidArg16 --db-password-staging FkMidArg17`,
        violations: ["jarArtifact.mainArgs, argument 1: \"oauth-client-secret-prod-eu\" has a literal value", "jarArtifact.mainArgs, argument 3: \"db-password-staging\" has a literal value"],
        secrets: ["FkMidArg16", "FkMidArg17"],
        covers: ["secret word inside the key"],
    },
    {
        name: "a JAAS config in an argument with line breaks around =",
        source: "adversarial (a JAAS config pasted from a properties file into a quoted argument)",
        jarArgs: `--jaas 'org.apache.kafka.common.security.plain.PlainLoginModule required
username
="etl"
password
="FkArgJaas18";'`,
        violations: ["jarArtifact.mainArgs, argument 1: \"jaas\" holds \"password\" as literal text"],
        secrets: ["FkArgJaas18"],
        covers: ["JAAS line break"],
    },
    {
        name: "Debezium Postgres connector JSON passed as a job argument, literal database.password",
        source: "https://github.com/jianjustin/tutorial (demos/cdc/README.md: the Debezium connector JSON, passed as one job argument)",
        jarArgs: `--connector-config '{"name": "pg-demo-connector", "config": {"connector.class": "io.debezium.connector.postgresql.PostgresConnector", "tasks.max": "1", "database.hostname": "postgres", "database.port": "5432", "database.user": "postgres", "database.password": "postgres", "database.dbname": "demo", "database.server.name": "pgserver1", "plugin.name": "pgoutput", "slot.name": "debezium_slot", "publication.name": "debezium_pub", "table.include.list": "public.orders", "snapshot.mode": "initial", "topic.prefix": "pgdemo"}}'`,
        violations: ['jarArtifact.mainArgs, argument 1: "connector-config" holds "database.password" as literal text'],
        secrets: [],
    },
    {
        name: "Debezium connector JSON template with ${database_password} passed as a job argument",
        source: "https://github.com/arconsis/Eshop-EDA (v2/terraform/common/templates/debezium/connector.json.tpl: the template JSON, passed as the job arguments)",
        jarArgs: `{"name": "database-connector", "config": {"connector.class": "io.debezium.connector.postgresql.PostgresConnector", "plugin.name": "pgoutput", "database.hostname": "\${database_hostname}", "database.port": "5432", "database.user": "\${database_user}", "database.password": "\${database_password}", "database.dbname" : "inventory", "database.server.name": "\${database_name}", "table.whitelist": "public.inventory"}}`,
        violations: [],
    },
    {
        name: "job arguments with Kafka servers, group id and data set id, no credentials",
        source: "https://github.com/ReformSun/flink (LearnFlink/flink_waf_sp.sh)",
        jarArgs: "--bootstrap.servers 192.168.223.100:9092,192.168.223.101:9092,192.168.223.102:9092 --group.id separator_waf --dataSetId 285",
        violations: [],
    },
    {
        name: "job arguments taken from shell variables, sasl.mechanism PLAIN",
        source: "https://github.com/Azure-Samples/streaming-at-scale (eventhubskafka-flink-eventhubskafka/localtest/testcontainers/02-process/run02.sh)",
        jarArgs: `--kafka.in.topic "$KAFKA_INPUT_TOPIC" --kafka.in.bootstrap.servers "$KAFKA_BOOTSTRAP_SERVERS" --kafka.in.request.timeout.ms "15000" --kafka.in.sasl.mechanism PLAIN --kafka.in.security.protocol PLAINTEXT --kafka.out.topic "$KAFKA_OUTPUT_TOPIC" --kafka.out.bootstrap.servers "$KAFKA_BOOTSTRAP_SERVERS" --kafka.out.request.timeout.ms "15000" --kafka.out.sasl.mechanism PLAIN --kafka.out.security.protocol PLAINTEXT`,
        violations: [],
    },
    {
        name: "job argument is a properties file path",
        source: "https://github.com/nagarajjayakumar/flink-playground (README.md)",
        jarArgs: "config/job.properties",
        violations: [],
    },
    {
        name: "main arguments with --password=<value> literal and an algorithm option",
        source: "https://github.com/aochoae/passwordencoding (README.md: usage java -jar passwordencoding.jar --password=\"qwerty\" --algorithm=bcrypt)",
        jarArgs: `--password="qwerty" --algorithm=bcrypt`,
        violations: ['jarArtifact.mainArgs, argument 1: "password" has a literal value'],
        secrets: ["qwerty"],
    },
    {
        name: "main arguments with --password taken from a shell variable",
        source: "https://github.com/serical/pop3-api (startup.sh: java -jar ... --password=\"$password\", the password taken from a shell variable)",
        jarArgs: `--password="$password"`,
        violations: [],
    },
    {
        name: "main arguments: --password is a bare flag followed by another flag",
        source: "https://github.com/luis3908/google-drive-ftp-adapter-online (README.md: java -jar ... --password --ftps, a bare flag followed by another flag)",
        jarArgs: "--password --ftps",
        violations: [],
    },
    {
        name: "Debezium MySQL connector JSON as a Python job argument, literal database.password",
        source: "https://github.com/dunithd/edu-samples (pinot-upserts/debezium/register_mysql.sh: the connector config JSON, passed as one job argument)",
        pythonArgs: `--connector-json '{"connector.class": "io.debezium.connector.mysql.MySqlConnector", "database.hostname": "mysql", "database.port": 3306, "database.user": "debezium", "database.password": "dbz", "database.server.name": "mysql", "database.server.id": "223344", "database.allowPublicKeyRetrieval": true, "database.history.kafka.bootstrap.servers": "kafka:9092", "database.history.kafka.topic": "mysql-history", "database.include.list": "fakeshop", "time.precision.mode": "connect", "include.schema.changes": false, "transforms":"unwrap", "transforms.unwrap.type":"io.debezium.transforms.ExtractNewRecordState", "transforms.unwrap.drop.tombstones":false, "transforms.unwrap.delete.handling.mode":"rewrite"}'`,
        violations: ['pythonArtifact.mainArgs, argument 1: "connector-json" holds "database.password" as literal text'],
        secrets: ["dbz"],
    },
    {
        name: "JAR arguments embedding whole DDL strings, Hologres sink with empty credentials",
        source: "https://github.com/aliyun/alibabacloud-hologres-connectors (hologres-connector-examples/hologres-connector-flink-examples/README.md: FlinkToHoloRePartitionExample run with whole DDL strings as arguments, the Hologres sink's username and password empty; column lists abbreviated)",
        jarArgs: `--sourceDDL="create table source_table(c_custkey BIGINT, c_name STRING) with ('connector' = 'datagen', 'rows-per-second' = '10000', 'number-of-rows' = '1000000' )" --sourceDQL="select *, cast('2024-04-21' as DATE) from source_table" --sinkDDL="create table sink_table (c_custkey BIGINT, c_name STRING, \\\`date\\\` STRING) with ( 'connector' = 'hologres', 'dbname' = 'test_db', 'tablename' = 'test_sink_customer', 'username' = '', 'password' = '', 'endpoint' = '', 'jdbccopywritemode' = 'true', 'bulkload' = 'true' )"`,
        violations: [],
    },
    {
        name: "JAR argument carrying base64-encoded JSON with a password",
        source: "adversarial (the password is only visible after base64 decoding)",
        jarArgs: "--job-name orders-enricher --config eyJ1c2VyIjoiZXRsIiwicGFzc3dvcmQiOiJTM2NyZXQtOTl4In0= --parallelism 4",
        violations: ['jarArtifact.mainArgs, argument 3: "config" holds "password" as literal text (base64-encoded)'],
        secrets: ["eyJ1c2VyIjoiZXRsIiwicGFzc3dvcmQiOiJTM2NyZXQtOTl4In0=", "S3cret-99x"],
    },
    {
        name: "GitHub personal access token as a JAR argument under a neutral name",
        source: "adversarial (ghp_ token shape, option name says nothing about secrets)",
        jarArgs: "--repo https://github.com/acme/rules.git --repo-auth ghp_iqYVuiHUEc2upDhgeLf7Q5EvkVFMkiAgbVBE --branch main",
        violations: ['jarArtifact.mainArgs, argument 3: "repo-auth" holds an API token (a format that names its issuer: OpenAI, DashScope, Stripe, GitHub, GitLab, Slack, Google)'],
        secrets: ["ghp_iqYVuiHUEc2upDhgeLf7Q5EvkVFMkiAgbVBE"],
    },
    {
        name: "Slack bot token as a Python job argument",
        source: "adversarial (xoxb- token shape under --notify-with)",
        pythonArgs: "--input oss://logs/app/ --notify-channel '#flink-alerts' --notify-with xoxb-2741583920-5830192746-Qm7vT2kLp9XrZc4NwB8sHd1F",
        violations: ['pythonArtifact.mainArgs, argument 5: "notify-with" holds an API token (a format that names its issuer: OpenAI, DashScope, Stripe, GitHub, GitLab, Slack, Google)'],
        secrets: ["xoxb-2741583920-5830192746-Qm7vT2kLp9XrZc4NwB8sHd1F"],
    },
    {
        name: "JAR argument --db-password with a literal",
        source: "adversarial (space-separated option and value)",
        jarArgs: "--db-host rm-bp1xyz.mysql.rds.aliyuncs.com --db-user etl --db-password Qx81!mwzP --db-name shop",
        violations: ['jarArtifact.mainArgs, argument 5: "db-password" has a literal value'],
        secrets: ["Qx81!mwzP"],
    },
    {
        name: "JAR argument as a -D system property with a literal password",
        source: "adversarial (-Dkey=value form)",
        jarArgs: "-Dparallelism=4 -Dsource.password=Tn4%rW8qZ -Dsource.user=reader",
        violations: ['jarArtifact.mainArgs, argument 2: "source.password" has a literal value'],
        secrets: ["Tn4%rW8qZ"],
    },
    {
        name: "Python job argument: JSON config with a nested password",
        source: "adversarial (password nested two levels deep in a JSON argument)",
        pythonArgs: `--config '{"source": {"type": "kafka", "topic": "orders"}, "sink": {"type": "doris", "fenodes": "doris-fe:8030", "username": "loader", "password": "Dr1s-8vYq"}}'`,
        violations: ['pythonArtifact.mainArgs, argument 1: "config" holds "password" as literal text'],
        secrets: ["Dr1s-8vYq"],
    },
    {
        name: "JAR argument: JDBC URL with percent-encoded password in the user info",
        source: "adversarial (user info in a URL passed as a job argument)",
        jarArgs: "--sink-url jdbc:postgresql://etl:Pg7%23xQ2z@pg.internal:5432/ods --batch-size 500",
        violations: ['jarArtifact.mainArgs, argument 1: "sink-url" holds a password in a URL (user:password@host)'],
        secrets: ["Pg7%23xQ2z"],
    },
    {
        name: "Elasticsearch API key (base64 id:key) as a Python job argument",
        source: "adversarial (base64 of id:api_key under --es-api-key)",
        pythonArgs: "--es-hosts https://es-prod.internal:9200 --es-api-key azNQcVo4dk4yclR4VzV5TDpYYTdtUTJzVjlkTHA0UnRLMXdaYzhl --index events",
        violations: ['pythonArtifact.mainArgs, argument 3: "es-api-key" has a literal value'],
        secrets: ["azNQcVo4dk4yclR4VzV5TDpYYTdtUTJzVjlkTHA0UnRLMXdaYzhl"],
    },
    {
        name: "JAR checksum, versioned jar URLs and UUIDs in arguments and dependencies",
        source: "adversarial (a 64-hex SHA-256 under 'checksum', versioned jar URLs and UUIDs are identifiers)",
        sql: "SELECT 1",
        dependencies: [
            "https://repo1.maven.org/maven2/org/apache/flink/flink-sql-connector-kafka/3.2.0-1.19/flink-sql-connector-kafka-3.2.0-1.19.jar",
            "oss://flink-artifacts/udfs/hash-udf-1.4.2.jar",
        ],
        jarArgs: "--udf-jar oss://flink-artifacts/udfs/hash-udf-1.4.2.jar --udf-checksum sha256:3fd3e411f371c031edaf157bbc648c0ecd4d48b7c17b5a1c688d43141a1bc5e8 --run-id 16308a1e-1055-419d-af7a-12808c63bdb4",
        violations: [],
    },
    {
        name: "base64 of harmless text and of a harmless JSON config as Python arguments",
        source: "adversarial (base64 that decodes to 'Hello, Flink!' and {\"parallelism\":4,\"topic\":\"orders\"})",
        pythonArgs: "--banner SGVsbG8sIEZsaW5rIQ== --config eyJwYXJhbGxlbGlzbSI6NCwidG9waWMiOiJvcmRlcnMifQ==",
        violations: [],
    },
    {
        name: "arguments naming a password file, a secret name and an env var name",
        source: "adversarial (paths and names of secrets are not secrets)",
        jarArgs: "--password-file /opt/flink/secrets/db.pw --secret-name prod/flink/mysql --token-env GITHUB_TOKEN",
        violations: [],
    },
    {
        name: "-D system properties referencing secret_values and a Kerberos keytab path",
        source: "adversarial (references and file paths in JAR arguments)",
        jarArgs: "-Dsource.password=${secret_values.src_pw} -Dsecurity.kerberos.login.keytab=/flink/usrlib/flink.keytab -Dsecurity.kerberos.login.principal=flink/prod@EXAMPLE.COM",
        violations: [],
    },
    {
        name: "Python arguments with an OAuth token endpoint and a client id only",
        source: "adversarial (a client id (UUID) is public; no client secret present)",
        pythonArgs: "--token-endpoint https://login.example.com/oauth2/v2.0/token --client-id 3f9a1c2e-7b4d-4e8a-9c1f-2d6b8e0a5f34 --scope api://flink/.default",
        violations: [],
    },
    {
        name: "Paimon mysql_sync_table action: --mysql_conf password=123456, Hive catalog",
        source: "https://github.com/apache/paimon (docs/docs/cdc-ingestion/mysql-cdc.md)",
        jarArgs:
            "mysql_sync_table --warehouse hdfs:///path/to/warehouse --database test_db --table test_table --partition_keys pt --primary_keys pt,uid " +
            "--computed_column '_year=year(age)' --mysql_conf hostname=127.0.0.1 --mysql_conf username=root --mysql_conf password=123456 --mysql_conf database-name='source_db' " +
            "--mysql_conf table-name='source_table1|source_table2' --catalog_conf metastore=hive --catalog_conf uri=thrift://hive-metastore:9083 " +
            "--table_conf bucket=4 --table_conf changelog-producer=input --table_conf sink.parallelism=4",
        violations: ['jarArtifact.mainArgs, argument 18: "mysql_conf" holds "password" as literal text'],
        secrets: ["123456"],
    },
    {
        name: "Paimon mongodb_sync_table action: --mongodb_conf password=123456",
        source: "https://github.com/apache/paimon (docs/docs/cdc-ingestion/mongo-cdc.md)",
        jarArgs:
            "mongodb_sync_table --warehouse hdfs:///path/to/warehouse --database test_db --table test_table --partition_keys pt --computed_column '_year=year(age)' " +
            "--mongodb_conf hosts=127.0.0.1:27017 --mongodb_conf username=root --mongodb_conf password=123456 --mongodb_conf database=source_db " +
            "--mongodb_conf collection=source_table1 --catalog_conf metastore=hive --catalog_conf uri=thrift://hive-metastore:9083 " +
            "--table_conf bucket=4 --table_conf changelog-producer=input --table_conf sink.parallelism=4",
        violations: ['jarArtifact.mainArgs, argument 16: "mongodb_conf" holds "password" as literal text'],
        secrets: ["123456"],
    },
    {
        name: "Paimon postgres_sync_table action: --postgres_conf password=123456 with slot.name",
        source: "https://github.com/apache/paimon (docs/docs/cdc-ingestion/postgres-cdc.md)",
        jarArgs:
            "postgres_sync_table --warehouse hdfs:///path/to/warehouse --database test_db --table test_table --partition_keys pt --primary_keys pt,uid " +
            "--computed_column '_year=year(age)' --postgres_conf hostname=127.0.0.1 --postgres_conf username=root --postgres_conf password=123456 --postgres_conf database-name='source_db' " +
            "--postgres_conf schema-name='public' --postgres_conf table-name='source_table1|source_table2' --postgres_conf slot.name='paimon_cdc' " +
            "--catalog_conf metastore=hive --catalog_conf uri=thrift://hive-metastore:9083 --table_conf bucket=4 --table_conf changelog-producer=input --table_conf sink.parallelism=4",
        violations: ['jarArtifact.mainArgs, argument 18: "postgres_conf" holds "password" as literal text'],
        secrets: ["123456"],
    },
    {
        name: "Paimon kafka_sync_database action: properties.group.id=123456 is a consumer group, not a secret",
        source: "https://github.com/apache/paimon (docs/docs/cdc-ingestion/kafka-cdc.mdx)",
        jarArgs:
            "kafka_sync_database --warehouse hdfs:///path/to/warehouse --database test_db --kafka_conf properties.bootstrap.servers=127.0.0.1:9020 " +
            "--kafka_conf topic=order --kafka_conf properties.group.id=123456 --kafka_conf value.format=canal-json " +
            "--catalog_conf metastore=hive --catalog_conf uri=thrift://hive-metastore:9083 --table_conf bucket=4 --table_conf changelog-producer=input --table_conf sink.parallelism=4 --computed_column 'pt=date_format(event_tm, yyyyMMdd)'",
        violations: [],
    },
    {
        name: "Paimon pulsar_sync_table action: service and admin URLs, subscription name",
        source: "https://github.com/apache/paimon (docs/docs/cdc-ingestion/pulsar-cdc.md)",
        jarArgs:
            "pulsar_sync_table --warehouse hdfs:///path/to/warehouse --database test_db --table test_table --partition_keys pt --primary_keys pt,uid " +
            "--computed_column '_year=year(age)' --pulsar_conf topic=order --pulsar_conf value.format=canal-json " +
            "--pulsar_conf pulsar.client.serviceUrl=pulsar://127.0.0.1:6650 --pulsar_conf pulsar.admin.adminUrl=http://127.0.0.1:8080 " +
            "--pulsar_conf pulsar.consumer.subscriptionName=paimon-tests --catalog_conf metastore=hive --catalog_conf uri=thrift://hive-metastore:9083 " +
            "--table_conf bucket=4 --table_conf changelog-producer=input --table_conf sink.parallelism=4",
        violations: [],
    },
    {
        name: "Personal Paimon sync script: real-looking MySQL password with trailing comma (value replaced by a fake of the same shape)",
        source: "https://github.com/dufangwei-yyds/bigdata-learn (bin/mysql-cdc-paimon-table-chinese-code.sh)",
        jarArgs:
            "mysql_sync_table --warehouse hdfs://localhost:8020/paimon --database default --table chinese_code --primary-keys id " +
            "--mysql-conf hostname=localhost --mysql-conf port=3306 --mysql-conf username=root --mysql-conf password=Qkz730418X615, " +
            "--mysql-conf database-name='data_ingestion' --mysql-conf table-name='chinese_code' --mysql-conf server-time-zone=Asia/Shanghai " +
            "--mysql-conf jdbc.properties.useSSL=false --catalog-conf type=paimon --table-conf bucket=2 --table-conf changelog-producer=input --table-conf sink.parallelism=2",
        violations: ['jarArtifact.mainArgs, argument 16: "mysql-conf" holds "password" as literal text'],
        secrets: ["Qkz730418X615"],
    },
    {
        name: "Paimon issue report: mysql_pass, s3_ak, s3_sk stand-ins for the real values",
        source: "https://github.com/apache/paimon/issues/7617",
        jarArgs:
            "mysql_sync_database --mode combined --warehouse s3://bucket/path --database test_db --mysql_conf hostname=mysql_host " +
            "--mysql_conf username=mysql_user --mysql_conf password=mysql_pass --mysql_conf database-name=test_database " +
            "--catalog_conf metastore=filesystem --catalog_conf s3.endpoint=s3_endpoint --catalog_conf s3.access-key=s3_ak " +
            "--catalog_conf s3.secret-key=s3_sk --catalog_conf s3.region=s3_region --excluding_tables test_table_1.*",
        violations: [],
        covers: ["prose placeholder"],
    },
    {
        name: "Paimon dedicated compaction doc: S3 keys redacted as *****",
        source: "https://github.com/apache/paimon (docs/docs/maintenance/dedicated-compaction.mdx)",
        jarArgs:
            "compact_database --warehouse s3:///path/to/warehouse --including_databases test_db " +
            "--catalog_conf s3.endpoint=https://****.com --catalog_conf s3.access-key=***** --catalog_conf s3.secret-key=*****",
        violations: [],
        covers: ["filler placeholder"],
    },
    {
        name: "cnblogs Paimon whole-database sync with xx placeholders",
        source: "https://www.cnblogs.com/huft/p/18426256",
        jarArgs:
            "mysql-sync-database --warehouse hdfs://xx:8020/paimon/hive --database test --mysql-conf hostname=xx --mysql-conf username=xx " +
            "--mysql-conf password=xx --mysql-conf database-name=source_cdc --catalog-conf metastore=hive --catalog-conf uri=thrift://xx:9083 " +
            "--table-conf bucket=2 --table-conf changelog-producer=input --table-conf sink.parallelism=2 --including-tables 'user1|user2'",
        violations: [],
        covers: ["filler placeholder"],
    },
    {
        name: "Doris CdcTools notes: replication user password and Doris root password (Doris value replaced by a fake)",
        source: "https://github.com/su-yh/suyh-notes (24-selectdb-doris/doris-sync-mysql.md)",
        jarArgs:
            "mysql-sync-database --database suyh_cdap_doris --mysql-conf hostname=192.168.8.10 --mysql-conf port=3308 --mysql-conf username=repl " +
            "--mysql-conf password=repl --mysql-conf database-name=suyh_cem --including-tables \"scheduling_transfer_record|remittance_recharge_record\" " +
            "--sink-conf fenodes=192.168.8.237:8030 --sink-conf username=root --sink-conf password=kylo@2027 " +
            "--sink-conf jdbc-url=jdbc:mysql://192.168.8.237:9030 --sink-conf sink.label-prefix=label --table-conf replication_num=1",
        violations: [
            'jarArtifact.mainArgs, argument 10: "mysql-conf" holds "password" as literal text',
            'jarArtifact.mainArgs, argument 20: "sink-conf" holds "password" as literal text',
        ],
        secrets: ["kylo@2027"],
    },
    {
        name: "Doris connector doc: MySQL whole-database sync with 123456 for both MySQL and Doris",
        source: "https://github.com/apache/doris-website (docs/ecosystem/flink-doris-connector.md)",
        jarArgs:
            "mysql-sync-database --database test_db --mysql-conf hostname=127.0.0.1 --mysql-conf port=3306 --mysql-conf username=root " +
            "--mysql-conf password=123456 --mysql-conf database-name=mysql_db --including-tables \"tbl1|test.*\" --sink-conf fenodes=127.0.0.1:8030 " +
            "--sink-conf username=root --sink-conf password=123456 --sink-conf jdbc-url=jdbc:mysql://127.0.0.1:9030 --sink-conf sink.label-prefix=label --table-conf replication_num=1",
        violations: [
            'jarArtifact.mainArgs, argument 10: "mysql-conf" holds "password" as literal text',
            'jarArtifact.mainArgs, argument 20: "sink-conf" holds "password" as literal text',
        ],
        secrets: ["123456"],
    },
    {
        name: "Doris connector doc: Postgres sync, quoted password \"123456\", empty Doris sink password",
        source: "https://github.com/apache/doris-website (docs/ecosystem/flink-doris-connector.md)",
        jarArgs:
            "postgres-sync-database --database db1 --postgres-conf hostname=127.0.0.1 --postgres-conf port=5432 --postgres-conf username=postgres " +
            "--postgres-conf password=\"123456\" --postgres-conf database-name=postgres --postgres-conf schema-name=public --postgres-conf slot.name=test " +
            "--postgres-conf decoding.plugin.name=pgoutput --including-tables \"tbl1|tbl2\" --sink-conf fenodes=127.0.0.1:8030 --sink-conf username=root " +
            "--sink-conf password= --sink-conf jdbc-url=jdbc:mysql://127.0.0.1:9030 --sink-conf sink.label-prefix=label --table-conf replication_num=1",
        violations: ['jarArtifact.mainArgs, argument 10: "postgres-conf" holds "password" as literal text'],
        secrets: ["123456"],
    },
    {
        name: "Doris connector doc: SQL Server sync, quoted password \"123456\", empty Doris sink password",
        source: "https://github.com/apache/doris-website (docs/ecosystem/flink-doris-connector.md)",
        jarArgs:
            "sqlserver-sync-database --database db1 --sqlserver-conf hostname=127.0.0.1 --sqlserver-conf port=1433 --sqlserver-conf username=sa " +
            "--sqlserver-conf password=\"123456\" --sqlserver-conf database-name=CDC_DB --sqlserver-conf schema-name=dbo --including-tables \"tbl1|tbl2\" " +
            "--sink-conf fenodes=127.0.0.1:8030 --sink-conf username=root --sink-conf password= --sink-conf jdbc-url=jdbc:mysql://127.0.0.1:9030 " +
            "--sink-conf sink.label-prefix=label --table-conf replication_num=1",
        violations: ['jarArtifact.mainArgs, argument 10: "sqlserver-conf" holds "password" as literal text'],
        secrets: ["123456"],
    },
    {
        name: "Alibaba community answer: SelectDB sync with literal Postgres password and **** sink password",
        source: "https://developer.aliyun.com/ask/557955",
        jarArgs:
            "postgres-sync-database -database db1 -postgres-conf hostname=127.0.0.1 -postgres-conf port=5432 -postgres-conf username=postgres " +
            "-postgres-conf password=\"123456\" -postgres-conf database-name=postgres -postgres-conf schema-name=public -postgres-conf slot.name=test " +
            "-postgres-conf decoding.plugin.name=pgoutput -including-tables \"tbl1|test.*\" -sink-conf fenodes=selectdb-cn-****.selectdbfe.rds.aliyuncs.com:8080 " +
            "-sink-conf username=admin -sink-conf password=****",
        violations: ['jarArtifact.mainArgs, argument 10: "postgres-conf" holds "password" as literal text'],
        secrets: ["123456"],
        covers: ["filler placeholder"],
    },
    {
        name: "Paimon filesystems doc: Spark pass-through --conf with xxx / yyy OSS key placeholders",
        source: "https://github.com/apache/paimon (docs/docs/maintenance/filesystems.mdx)",
        jarArgs:
            "--conf spark.sql.catalog.paimon=org.apache.paimon.spark.SparkCatalog --conf spark.sql.catalog.paimon.warehouse=oss://<bucket>/<path> " +
            "--conf spark.sql.catalog.paimon.fs.oss.endpoint=oss-cn-hangzhou.aliyuncs.com --conf spark.sql.catalog.paimon.fs.oss.accessKeyId=xxx " +
            "--conf spark.sql.catalog.paimon.fs.oss.accessKeySecret=yyy",
        violations: [],
        covers: ["filler placeholder"],
    },
    {
        name: "Paimon Spark DDL doc: JDBC catalog user and password given as ...",
        source: "https://github.com/apache/paimon (docs/docs/spark/sql-ddl.md)",
        jarArgs:
            "--conf spark.sql.catalog.paimon=org.apache.paimon.spark.SparkCatalog --conf spark.sql.catalog.paimon.warehouse=hdfs:///path/to/warehouse " +
            "--conf spark.sql.catalog.paimon.metastore=jdbc --conf spark.sql.catalog.paimon.uri=jdbc:mysql://<host>:<port>/<databaseName> " +
            "--conf spark.sql.catalog.paimon.jdbc.user=... --conf spark.sql.catalog.paimon.jdbc.password=...",
        violations: [],
        covers: ["ellipsis"],
    },
    {
        name: "Flink joiner job: MSK bootstrap servers and topic names",
        source: "https://github.com/reva-compass/fink-joiner (run_code.sh)",
        jarArgs:
            "--bootstrap-server b-1.listings-pipeline-beta.jlg1k0.c1.kafka.us-east-1.amazonaws.com:9092,b-2.listings-pipeline-beta.jlg1k0.c1.kafka.us-east-1.amazonaws.com:9092 " +
            "--listings-topic poc_test_listing --agents-topic poc_test_agent --sink-topic joined",
        violations: [],
    },
    {
        name: "Analytics job launched from a Python client: AMQP URL host, queue names, parallelism",
        source: "https://github.com/ant-louis/big-data-platform (assignment-3-784915/code/client/toggle.py)",
        jarArgs: "--amqpurl rabbit --iqueue in1 --oqueue out1 --parallelism 1",
        violations: [],
    },
    {
        name: "Rasa Kafka SASL env-var listing passed as positional KEY=VALUE arguments, <username> / <password> placeholders",
        source: "https://www.rasa.com/docs/reference/integrations/analytics-event-broker-config/kafka-sasl-plaintext-env-vars",
        jarArgs:
            "KAFKA_BROKER_ADDRESS=localhost:9092 KAFKA_TOPIC=<topic name> KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT KAFKA_SASL_MECHANISM=PLAIN " +
            "KAFKA_SASL_USERNAME=<username> KAFKA_SASL_PASSWORD=<password>",
        violations: [],
        covers: ["bracketed redaction"],
    },
    {
        name: "--password= with an empty value",
        source: "adversarial (empty equals form)",
        jarArgs: "--host db.internal --port 3306 --user flink --password= --database orders",
        violations: [],
    },
    {
        name: "--password followed directly by another flag",
        source: "adversarial (flag without a value (prompt mode))",
        jarArgs: "--host db.internal --password --user flink --database orders",
        violations: [],
    },
    {
        name: "--passwd with a literal",
        source: "adversarial (abbreviated option name)",
        jarArgs: "--jdbc-url jdbc:postgresql://pg.internal:5432/app --user etl --passwd Rt5kq82Zw",
        violations: ['jarArtifact.mainArgs, argument 5: "passwd" has a literal value'],
        secrets: ["Rt5kq82Zw"],
    },
    {
        name: "--secret-key with a 40-character S3 secret",
        source: "adversarial (S3-style key pair as flags)",
        jarArgs: "--endpoint https://s3.us-east-1.amazonaws.com --access-key AKIAQX7VFAKE3EXAMPL2 --secret-key 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 --bucket events",
        violations: ['jarArtifact.mainArgs, argument 5: "secret-key" has a literal value'],
        secrets: ["QO6uIrjOjaqmmDFwqTW15ulFyniAORhhd5MpS3O8"],
        covers: ["access key id"],
    },
    {
        name: "--ak id with --sk secret (Alibaba Cloud abbreviations)",
        source: "adversarial (--ak is an identifier, --sk is the secret)",
        jarArgs: "--endpoint oss-cn-hangzhou-internal.aliyuncs.com --ak LTAI5tKq3Zr8WmXp2Nv7Yc4B --sk pSYwKqVT2iAISrlwINRw1H0ffoTz3B --bucket lake",
        violations: ['jarArtifact.mainArgs, argument 5: "sk" has a literal value'],
        secrets: ["pSYwKqVT2iAISrlwINRw1H0ffoTz3B"],
        covers: ["access key id"],
    },
    {
        name: "--ak id with --sk from a plain Ververica variable",
        source: "adversarial (--ak is an identifier; a plain ${oss_sk} that is no local variable is a Ververica variable kept in plain text)",
        jarArgs: "--endpoint oss-cn-hangzhou-internal.aliyuncs.com --ak LTAI5tKq3Zr8WmXp2Nv7Yc4B --sk ${oss_sk} --bucket lake",
        violations: ['jarArtifact.mainArgs, argument 5: "sk" is the plain variable ${oss_sk}, whose value Ververica keeps in plain text'],
        covers: ["access key id"],
    },
    {
        name: "--password-file pointing to a mounted secret",
        source: "adversarial (path, not a password)",
        jarArgs: "--user etl --password-file /flink/usrlib/secrets/db_password --database orders",
        violations: [],
    },
    {
        name: "--kafka.sasl.jaas.config with an escaped inline password",
        source: "adversarial (JAAS string quoted as one argument with escaped quotes)",
        jarArgs:
            "--kafka.bootstrap.servers broker-1.internal:9093 --kafka.security.protocol SASL_SSL --kafka.sasl.mechanism SCRAM-SHA-512 " +
            "--kafka.sasl.jaas.config \"org.apache.kafka.common.security.scram.ScramLoginModule required username=\\\"svc-orders\\\" password=\\\"Fk7qPz2xWm\\\";\"",
        violations: ['jarArtifact.mainArgs, argument 7: "kafka.sasl.jaas.config" holds "password" as literal text'],
        secrets: ["Fk7qPz2xWm"],
    },
    {
        name: "Environment-style DB_PASSWORD=... as a positional argument",
        source: "adversarial (KEY=VALUE positional form)",
        jarArgs: "run-sync DB_HOST=10.0.0.8 DB_USER=etl DB_PASSWORD=Fk3mQ9zxLp",
        violations: ['jarArtifact.mainArgs, argument 4: "DB_PASSWORD" has a literal value'],
        secrets: ["Fk3mQ9zxLp"],
    },
    {
        name: "Connection URL with user:password userinfo",
        source: "adversarial (credential inside a URL value)",
        jarArgs: "--source-url mysql://etl:Fk8pLq2zVn@db.internal:3306/orders --sink-topic orders_cdc",
        violations: ['jarArtifact.mainArgs, argument 1: "source-url" holds a password in a URL (user:password@host)'],
        secrets: ["Fk8pLq2zVn"],
    },
    {
        name: "Connection URL with user only and no password",
        source: "adversarial (benign look-alike of the userinfo URL case)",
        jarArgs: "--source-url mysql://etl@db.internal:3306/orders --sink-topic orders_cdc",
        violations: [],
    },
    {
        name: "S3 URI with an access key id and secret as userinfo",
        source: "adversarial (key pair embedded in an s3:// URI)",
        jarArgs: "--warehouse s3://AKIAQX7VFAKE3EXAMPL2:QO6uIrjOjaqmmDFwqTW15ulFyniAORhhd5MpS3O8@lake-bucket/warehouse --database ods",
        violations: ['jarArtifact.mainArgs, argument 1: "warehouse" holds a password in a URL (user:password@host)'],
        secrets: ["QO6uIrjOjaqmmDFwqTW15ulFyniAORhhd5MpS3O8"],
    },
    {
        name: "--auth with a signed JWT",
        source: "adversarial (bearer JWT passed as a flag value)",
        jarArgs:
            "--api https://gateway.internal/v1/events --auth eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmbGluay1qb2IiLCJpc3MiOiJldGwiLCJleHAiOjE5MjQ5OTIwMDB9.Xq9fK2mN8pL4vR7tY1wZ3cB6hJ0dS5gE2aU8iO4kM",
        violations: ['jarArtifact.mainArgs, argument 3: "auth" holds a JSON Web Token'],
        secrets: ["Xq9fK2mN8pL4vR7tY1wZ3cB6hJ0dS5gE2aU8iO4kM"],
    },
    {
        name: "--token with a GitHub personal access token",
        source: "adversarial (prefixed token shape)",
        jarArgs: "--repo data-platform/schemas --token ghp_7Hq2Lm9XzR4vK8pT1wN6cY3bJ5dF0gS2aU4e --ref main",
        violations: ['jarArtifact.mainArgs, argument 3: "token" has a literal value'],
        secrets: ["ghp_7Hq2Lm9XzR4vK8pT1wN6cY3bJ5dF0gS2aU4e"],
    },
    {
        name: "Benign flags: --password-policy, --token-ttl, --secret-name, --key-by",
        source: "adversarial (secret words in flag names with non-secret values)",
        jarArgs: "--password-policy strict --token-ttl 3600 --secret-name db-creds --key-by user_id --max-keys 1000",
        violations: [],
    },
    {
        name: "Kerberos keytab path and principal",
        source: "adversarial (keytab is a path, principal is an identity)",
        jarArgs: "--keytab /etc/krb5.keytab --principal flink@EXAMPLE.COM --krb5-conf /etc/krb5.conf --hive-metastore thrift://hms.internal:9083",
        violations: [],
    },
    {
        name: "Checksum, UUID job id and version strings",
        source: "adversarial (high-entropy values that are not secrets)",
        jarArgs:
            "--artifact-sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 --job-id 3f2b8c1e-7d4a-4e9b-a6c5-0f1e2d3c4b5a " +
            "--connector-version 3.2.1 --flink-version 1.20.1",
        violations: [],
    },
    {
        name: "--config carrying base64 of harmless JSON",
        source: "adversarial (base64 text that decodes to non-secret settings)",
        jarArgs: "--config eyJwYXJhbGxlbGlzbSI6NCwidG9waWMiOiJvcmRlcnMiLCJzdGFydHVwIjoibGF0ZXN0In0=",
        violations: [],
        covers: ["base64 text"],
    },
    {
        name: "--config carrying base64 of JSON with a password",
        source: "adversarial (base64 text that decodes to a credential)",
        jarArgs: "--config eyJ1c2VyIjoiZXRsX3dyaXRlciIsInBhc3N3b3JkIjoiVnE3THoyUnA5S3gifQ==",
        violations: ['jarArtifact.mainArgs, argument 1: "config" holds "password" as literal text (base64-encoded)'],
        secrets: ["Vq7Lz2Rp9Kx", "eyJ1c2VyIjoiZXRsX3dyaXRlciIsInBhc3N3b3JkIjoiVnE3THoyUnA5S3gifQ=="],
        covers: ["base64 text"],
    },
    {
        name: "JSON passed as one argument with a literal sasl.password",
        source: "adversarial (JSON object as a single quoted argument)",
        jarArgs: "--kafka-props '{\"bootstrap.servers\":\"broker-1.internal:9092\",\"sasl.mechanism\":\"PLAIN\",\"sasl.username\":\"orders\",\"sasl.password\":\"Fk0zq8WnRt\"}'",
        violations: ['jarArtifact.mainArgs, argument 1: "kafka-props" holds "sasl.password" as literal text'],
        secrets: ["Fk0zq8WnRt"],
    },
    {
        name: "JSON passed as one argument with sasl.password from secret_values",
        source: "adversarial (benign look-alike of the JSON-argument case)",
        jarArgs: "--kafka-props '{\"bootstrap.servers\":\"broker-1.internal:9092\",\"sasl.mechanism\":\"PLAIN\",\"sasl.username\":\"orders\",\"sasl.password\":\"${secret_values.kafka_pw}\"}'",
        violations: [],
    },
    {
        name: "Spark-style --conf pass-through with a literal fs.s3a.secret.key",
        source: "adversarial (Hadoop S3A secret inside a --conf key=value)",
        jarArgs:
            "--conf spark.hadoop.fs.s3a.endpoint=http://minio.internal:9000 --conf spark.hadoop.fs.s3a.access.key=lakeuser " +
            "--conf spark.hadoop.fs.s3a.secret.key=QO6uIrjOjaqmmDFwqTW15ulFyniAORhhd5MpS3O8",
        violations: ['jarArtifact.mainArgs, argument 5: "conf" holds "spark.hadoop.fs.s3a.secret.key" as literal text'],
        secrets: ["QO6uIrjOjaqmmDFwqTW15ulFyniAORhhd5MpS3O8"],
    },
    {
        name: "-D system property with a literal fs.s3a.secret.key",
        source: "adversarial (-Dkey=value form in main arguments)",
        jarArgs: "-Dfs.s3a.endpoint=http://minio.internal:9000 -Dfs.s3a.access.key=lakeuser -Dfs.s3a.secret.key=minio-Fk-2031x --input s3a://raw/events",
        violations: ['jarArtifact.mainArgs, argument 3: "fs.s3a.secret.key" has a literal value'],
        secrets: ["minio-Fk-2031x"],
    },
    {
        name: "-D system properties taking the S3A keys from environment references",
        source: "adversarial (benign look-alike of the -D case)",
        jarArgs: "-Dfs.s3a.endpoint=${MINIO_ENDPOINT} -Dfs.s3a.access.key=${MINIO_ROOT_USER} -Dfs.s3a.secret.key=${env:MINIO_ROOT_PASSWORD} --input s3a://raw/events",
        violations: [],
        covers: ["config-provider reference"],
    },
    {
        name: "--password with a quoted value containing spaces",
        source: "adversarial (quoted multi-word literal)",
        jarArgs: "--user reporting --password \"Fk 7q zP 42\" --database bi",
        violations: ['jarArtifact.mainArgs, argument 3: "password" has a literal value'],
        secrets: ["Fk 7q zP 42"],
    },
    {
        name: "--db-password='...' single-quoted equals form",
        source: "adversarial (equals with single quotes and shell metacharacters)",
        jarArgs: "--db-user=etl --db-password='Fk!9$zQ#w' --db-name=orders",
        violations: ['jarArtifact.mainArgs, argument 2: "db-password" has a literal value'],
        secrets: ["Fk!9$zQ#w"],
    },
    {
        name: "--password ****** and --token <token> placeholders",
        source: "adversarial (redaction and bracketed placeholder)",
        jarArgs: "--user etl --password ****** --token <token> --database orders",
        violations: [],
        covers: ["filler placeholder","bracketed redaction"],
    },
    {
        name: "PyFlink argparse job with a literal --api-key",
        source: "adversarial (Python job main arguments)",
        pythonArgs: "--input-topic reviews --output-topic reviews_scored --model gpt-4o-mini --api-key sk-proj-pe4yRToPfQWFU35oxI2mQpXw10RQoAA0QmP0",
        violations: ['pythonArtifact.mainArgs, argument 7: "api-key" has a literal value'],
        secrets: ["sk-proj-pe4yRToPfQWFU35oxI2mQpXw10RQoAA0QmP0"],
    },
    {
        name: "PyFlink argparse job with --api-key from secret_values and --token from an environment reference",
        source: "adversarial (benign look-alike of the Python --api-key case)",
        pythonArgs: "--input-topic reviews --api-key ${secret_values.openai_key} --hf-token $HF_TOKEN --batch-size 32",
        violations: [],
        covers: ["environment reference"],
    },
    {
        name: "PyFlink job with --password ${env:DB_PASSWORD} and --max-tokens",
        source: "adversarial (environment reference and a token-count flag)",
        pythonArgs: "--db-user etl --password ${env:DB_PASSWORD} --max-tokens 512 --secret-scope prod",
        violations: [],
        covers: ["config-provider reference"],
    },
];
