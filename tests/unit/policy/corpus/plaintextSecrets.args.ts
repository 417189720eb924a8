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
];
