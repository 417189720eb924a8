import * as assert from "node:assert/strict";
import { accessKeyIdHalves, defaultExcludedKeyPatterns, defaultSecretKeyPatterns, secretKeyTest, secretKeyWordForm } from "../../../sdk/nodejs/policy/rules/secretKeys";
import { judgeAuthParams } from "../../../sdk/nodejs/policy/text/authParams";
import { decodedTexts } from "../../../sdk/nodejs/policy/text/base64Text";
import { findAssignments, findEmbeddedSecrets } from "../../../sdk/nodejs/policy/text/embeddedSecrets";
import { isKeyMaterial, isKeyMaterialName } from "../../../sdk/nodejs/policy/text/keyMaterial";
import { keyWords } from "../../../sdk/nodejs/policy/text/keyWords";
import { classifyCredential, isLiteralSecret } from "../../../sdk/nodejs/policy/text/literalSecret";
import { findMainArgSettings, splitArguments } from "../../../sdk/nodejs/policy/text/mainArgs";
import { urlSecrets } from "../../../sdk/nodejs/policy/text/urls";
import { findYamlScalars } from "../../../sdk/nodejs/policy/text/yamlKeys";

describe("main-argument scanner", () => {
    it("splits like a shell: quotes group, backslashes escape", () => {
        assert.deepEqual(splitArguments(`a  'b c' "d \\"e\\"" f\\ g ''`), ["a", "b c", 'd "e"', "f g", ""]);
    });

    it("keeps an unrendered template field one argument, spaces and all", () => {
        assert.deepEqual(splitArguments("--token {{ api_token }} --mode {% raw %}x{% endraw %} --brace { a }"), ["--token", "{{ api_token }}", "--mode", "{% raw %}x{% endraw %}", "--brace", "{", "a", "}"]);
    });

    it("joins lines ended by a backslash, as a shell script does", () => {
        assert.deepEqual(splitArguments("mysql_sync_table \\\n--mysql-conf password=p1 \\\r\n--table t"), ["mysql_sync_table", "--mysql-conf", "password=p1", "--table", "t"]);
    });

    it("reads --key value, --key=value, -Dkey=value, key=value and -key:value, and keeps positional arguments", () => {
        assert.deepEqual(findMainArgSettings("--a 1 --flag --b=2 -Dc.d=3 e=4 -f:5 positional -- --g"), [
            { key: "a", value: "1", position: 1 },
            { value: "--flag", position: 3 },
            { key: "b", value: "2", position: 4 },
            { key: "c.d", value: "3", position: 5 },
            { key: "e", value: "4", position: 6 },
            { key: "f", value: "5", position: 7 },
            { value: "positional", position: 8 },
            { value: "--", position: 9 },
            { value: "--g", position: 10 },
        ]);
    });

    it("gives a flag that always takes a value the next argument even when it starts with one dash", () => {
        const takesValue = (key: string): boolean => key === "password";
        assert.deepEqual(findMainArgSettings("--password -x9! --user u", takesValue), [
            { key: "password", value: "-x9!", position: 1 },
            { key: "user", value: "u", position: 3 },
        ]);
        assert.deepEqual(findMainArgSettings("--password --user u", takesValue), [
            { value: "--password", position: 1 },
            { key: "user", value: "u", position: 2 },
        ]);
    });
});

describe("YAML reader", () => {
    it("reads block and flow mappings, lists, quoted values and comments as YAML", () => {
        const yaml = [
            "source:",
            "  type: mysql   # the source",
            "  'quoted key': \"v # not a comment\"",
            "  tables:",
            "    - name: a",
            "      url: jdbc:mysql://h:3306/db",
            "sink: {type: doris, password: x}",
            "# key: commented",
            "list:",
            "  - one",
        ].join("\n");
        assert.deepEqual(
            findYamlScalars(yaml).map((s) => [s.key, s.value, s.line]),
            [
                ["type", "mysql", 2],
                ["quoted key", "v # not a comment", 3],
                ["name", "a", 5],
                ["url", "jdbc:mysql://h:3306/db", 6],
                ["type", "doris", 7],
                ["password", "x", 7],
                ["list", "one", 10],
            ],
        );
    });

    it("reads block scalars, multi-line plain values, JSON, aliases and several documents", () => {
        assert.deepEqual(findYamlScalars("a: |\n  one\n\n  two\nb: x\n  y").map((s) => [s.key, s.value, s.line]), [
            ["a", "one\n\ntwo\n", 1],
            ["b", "x y", 5],
        ]);
        assert.deepEqual(findYamlScalars('{"source": {"password": "p"}}\n---\nx: &v s\npassword: *v').map((s) => [s.key, s.value, s.line]), [
            ["password", "p", 1],
            ["x", "s", 3],
            ["password", "s", 4],
        ]);
    });

    it("keeps ${...} references intact, even where YAML would not allow their braces", () => {
        assert.deepEqual(
            findYamlScalars("source: {type: mysql, password: ${secret_values.pw}}").map((s) => [s.key, s.value]),
            [
                ["type", "mysql"],
                ["password", "${secret_values.pw}"],
            ],
        );
    });
});

describe("embedded secrets", () => {
    const isSecret = (name: string): boolean => /password|token|authorization/i.test(name);

    it("reads assignments in query strings, connection strings, JAAS, JSON and headers", () => {
        assert.deepEqual(
            findAssignments(`a=1&password=p2;x: y {"token":"t3"} Authorization: Bearer b4 jdbc:mysql://h user="u" pwd='p5'`).map((a) => [a.name, a.text]),
            [
                ["a", "1"],
                ["password", "p2"],
                ["x", "y"],
                ["token", "t3"],
                ["Authorization", "b4"],
                ["user", "u"],
                ["pwd", "p5"],
            ],
        );
    });

    it("describes each literal credential without its value, and accepts references", () => {
        assert.deepEqual(findEmbeddedSecrets("mongodb://app:p4ss@h:27017/db?authSource=admin&password=p5", isSecret), [
            "a password in a URL (user:password@host)",
            '"password" as literal text',
        ]);
        assert.deepEqual(findEmbeddedSecrets("jdbc:oracle:thin:scott/tiger@//db:1521/orcl", isSecret), ["a password in an Oracle JDBC URL (user/password@host)"]);
        assert.deepEqual(findEmbeddedSecrets("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB", isSecret), ["a private key in PEM form"]);
        assert.deepEqual(findEmbeddedSecrets("https://h/a.jar?Expires=1&Signature=abc", isSecret), ['"Signature" as literal text']);
        assert.deepEqual(findEmbeddedSecrets("-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOY", isSecret), ["a private key in PEM form"]);
        assert.deepEqual(findEmbeddedSecrets("env:prod,db.password:p6", isSecret), ['"db.password" as literal text']);
        assert.deepEqual(findEmbeddedSecrets("Bearer sk-p7p7p7p7", isSecret), ["an HTTP Authorization credential (Bearer or Basic)"]);
        assert.deepEqual(findEmbeddedSecrets("Basic authentication", isSecret), []);
        assert.deepEqual(findEmbeddedSecrets("key sk-p8p8p8p8p8p8p8p8p8p8p8p8", isSecret), ["an API token (a format that names its issuer: OpenAI, DashScope, Stripe, GitHub, GitLab, Slack, Google)"]);
        assert.deepEqual(findEmbeddedSecrets("model sk-learn, task-p8p8p8p8p8p8p8p8p8p8p8p8", isSecret), []);
        assert.equal(findEmbeddedSecrets("maps AIzaSyFk0123456789abcdefghijklmnopqrstu", isSecret).length, 1);
        assert.deepEqual(findEmbeddedSecrets("jdbc:mysql://etl:******@h/db", isSecret), []);
        assert.deepEqual(
            findEmbeddedSecrets("mongodb://${secret_values.u}:${secret_values.p}@h/db?password=${secret_values.p}&Authorization: Bearer ${secret_values.t}", isSecret),
            [],
        );
    });
});

describe("literal credentials", () => {
    it("takes references, masked and template placeholders and file: URIs for no credential", () => {
        for (const text of ["${secret_values.pw}", "******", "xxxxxx", "<password>", "<yourAccessKeySecret>", "<<REPLACE>>", "{{ db_password }}", "yourPassword", "YOUR_API_KEY", "your-password", "file:///opt/token.txt", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db", "acs:ram::123456789012:role/flink", "Bearer <token>", "Basic ******", " "]) {
            assert.equal(isLiteralSecret(text), false, text);
        }
    });

    it("takes any other text for a literal credential, however weak", () => {
        for (const text of ["p4ss", "123456", "password", "changeme", "yours1ncerely!", "<p4ss", "Pass_Word", "db_pw_2024!", "{p4ss}", "Bearer b4", "/etc/password-like"]) {
            assert.equal(isLiteralSecret(text), true, text);
        }
    });
});

describe("Pulsar authParams", () => {
    const isSecret = (name: string): boolean => /password|token/i.test(name) && !/file$/i.test(name);

    it("judges a token, a file, JSON and a key:value list by the credentials they hold", () => {
        assert.equal(judgeAuthParams("token:t1", isSecret), "has a literal value");
        assert.equal(judgeAuthParams("eyJhbGciOiJIUzI1NiJ9.e30.sig", isSecret), "has a literal value");
        assert.equal(judgeAuthParams('{"userId":"u","password":"p2"}', isSecret), 'holds "password" as literal text');
        assert.equal(judgeAuthParams("userId:u,password:p3", isSecret), 'holds "password" as literal text');
    });

    it("passes references, token files and parameters that are paths", () => {
        assert.equal(judgeAuthParams("token:${secret_values.t}", isSecret), undefined);
        assert.equal(judgeAuthParams("file:///opt/pulsar/token.txt", isSecret), undefined);
        assert.equal(judgeAuthParams("tlsCertFile:/opt/c.pem,tlsKeyFile:/opt/k.pem", isSecret), undefined);
        assert.equal(judgeAuthParams('{"privateKey":"file:///opt/creds.json","issuerUrl":"https://auth"}', (name) => /key$/i.test(name)), undefined);
    });
});

describe("key words", () => {
    it("splits keys on separators, camel case and joined vocabulary words", () => {
        assert.deepEqual(keyWords("fs.oss.accessKeySecret"), ["fs", "oss", "access", "key", "secret"]);
        assert.deepEqual(keyWords("DB_PASSWORD_PROD"), ["db", "password", "prod"]);
        assert.deepEqual(keyWords("OAuthClientSecret"), ["o", "auth", "client", "secret"]);
        assert.equal(secretKeyWordForm("aws.credentials.basic.accesskeyid"), "aws.credentials.basic.access.key.id");
        assert.equal(secretKeyWordForm("tokenizer"), "tokenizer");
        assert.equal(secretKeyWordForm("dbpassword"), "dbpassword");
    });

    it("reads a secret word wherever it stands, unless a later word says the value is about it", () => {
        const isSecret = secretKeyTest({ secretKeyPatterns: defaultSecretKeyPatterns, excludedKeyPatterns: defaultExcludedKeyPatterns, additionalSecretKeys: [] });
        for (const key of ["fs.azure.account.oauth2.client.secret.acct.dfs.core.windows.net", "snowflake_private_key_base64", "orders_db_password_prod", "source.password", "key.store.password", "vault.token", "id_token", "dbPassword", "db_psw", "mysql.pswd", "openai.apikey", "account.key", "Ocp-Apim-Subscription-Key", "basic.auth.user.info", "authParamMap", "db_pass"]) {
            assert.ok(isSecret(key), key);
        }
        for (const key of ["kubernetes.secrets", "kubernetes.env.secretKeyRef", "security.delegation.tokens", "session.key", "password.encrypted", "token.endpoint.url", "aws.credentials.provider", "accessKeyId", "aws.credentials.basic.accesskeyid", "--password-file", "--secret-name", "--max-tokens", "api-key-env", "primary-keys", "key.fields", "s3.sse.key", "pass.through", "password_rotated_at", "secret-scan", "tokenizer", "sink.token-bucket.rate", "password.encoder", "password.length", "password-sha256", "token.claims", "token.validity", "secret.namespace", "password.retries", "dlf.token-loader", "fs.s3a.delegation.token.binding", "fields.token.expression"]) {
            assert.ok(!isSecret(key), key);
        }
    });

    it("reads an access key beside a secret key with the same leading words as the pair's identifier", () => {
        assert.deepEqual([...accessKeyIdHalves(["s3.access-key", "s3.secret-key", "accessId", "accessKey", "fs.s3a.access.key", "fs.s3a.secret.key", "minio.accessKey", "other.secretKey"])], ["s3.access-key", "fs.s3a.access.key"]);
    });
});

describe("references and placeholders", () => {
    it("reads references to secrets kept elsewhere", () => {
        for (const text of ["${file:/opt/kafka.properties:password}", "${env:PG_PASSWORD}", "${env::PG_PASSWORD}", "${secrets://default:db/password}", "${secret:kubernetes:db/password}", "$PG_PASSWORD", "$dbPassword", "%PG_PASSWORD%", "$(PG_PASSWORD)", 'os.environ["PG_PASSWORD"]', "System.getenv(\"PW\")", "vault://secret/db#password", "ref+awssecrets://prod/rds", "op://Production/Postgres/password"]) {
            assert.equal(classifyCredential(text), "reference", text);
        }
        for (const text of ["/opt/flink/usrlib/keys/rsa_key.p8", "C:\\keys\\client.jks", "env:DB_USER,secret:db-creds,key:username;env:DB_PW,secret:db-creds,key:password"]) {
            assert.equal(classifyCredential(text), "reference", text);
        }
        assert.equal(classifyCredential("AKIAFKEXAMPLE0000009"), "identifier");
        assert.equal(classifyCredential("LTAI5tFkExampleKeyId09"), "identifier");
        assert.equal(classifyCredential("org.apache.hadoop.fs.s3a.auth.delegation.SessionTokenBinding"), "identifier");
        assert.equal(classifyCredential("com.example.Outer$Inner"), "identifier");
        for (const text of ["$ecret99", "${PG_PASSWORD}", "vaultFk://x/y", "s3://bucket/key", "/etc/password-like", "ABIAFKEXAMPLE0000009", "com.Example"]) {
            assert.equal(classifyCredential(text), "literal", text);
        }
    });

    it("reads command substitutions, store schemes without // and paths through a secrets segment as references", () => {
        for (const text of ["$db_pw", "$(cat /run/secrets/db_password)", "vault:secret/data/flink#password", "projects/etl-prod/secrets/db-pw/versions/latest", "secret/data/flink/db", "/run/secrets/db_password"]) {
            assert.equal(classifyCredential(text), "reference", text);
        }
        for (const text of ["secret:Fk12", "Fk/secret/abc", "$db_user_fk"]) {
            assert.equal(classifyCredential(text), "literal", text);
        }
    });

    it("reads placeholders in the forms documentation, templates and redacted copies write", () => {
        for (const text of ["xxx", "yyy", "XXXX-XXXX", "sk-xxxxxxxxxxxxxxxx", "LTAI5t****", "...", "…", "sk-...", "[REDACTED]", "<redacted>", "{password}", "{sasl_jaas}", "{os.environ.get('PW')}", "{}", "{0}", "%(db_password)s", "%s", "@db.password@", "#{dbSecret}", "${{ secrets.API_KEY }}", "Your AWS Secret Access Key", "enter your password here", "REPLACE_ME", "${your_accessKey}",
            "(removed)", "((password))", "[[password]]", "@@DB_PASSWORD@@", "__DB_PASSWORD__", "#{DbPassword}#", "{pw}", "PUT_PASSWORD_HERE", "masked",
            "你的密码", "<数据库密码>", "【密码】", "您的AccessKey Secret", "${您的密码}", "パスワード", "пароль",
            "xx", "mysql_pass", "s3_sk", "PASSWORD", "API_SECRET"]) {
            assert.equal(classifyCredential(text), "placeholder", text);
        }
        for (const text of ["{p4ss}", "{Fk7rQ2}", "[Fk#9!]", "(Fk#9!)", "correct horse battery staple", "Fk.dot.ted.9", "aa", "_Fk_", "'changeme'", "密码123", "Passwörter"]) {
            assert.equal(classifyCredential(text), "literal", text);
        }
    });

    it("reads text that says there is no value as empty", () => {
        for (const text of ["", " ", "null", "None", "n/a", "''", '""', "true", "Disabled", "no"]) {
            assert.equal(classifyCredential(text), "empty", text);
        }
    });

    it("reads an ODBC braced value by what the braces quote", () => {
        assert.equal(classifyCredential("{abc;123}}}"), "literal");
        assert.equal(classifyCredential("{******}"), "placeholder");
        assert.equal(classifyCredential("{${secret_values.pw}}"), "reference");
    });
});

describe("value formats", () => {
    const isSecret = (name: string): boolean => /password|pwd|token/i.test(name);

    it("reads JAAS options with line breaks around =, ODBC braced values and PLAIN user_ passwords", () => {
        assert.deepEqual(findAssignments('PlainLoginModule required username="u"\n  password\n  = "p1";').map((a) => [a.name, a.text]), [
            ["username", "u"],
            ["password", "p1"],
        ]);
        assert.deepEqual(findAssignments("Driver={ODBC Driver 18};UID=SA;PWD={a;b}}c};").map((a) => [a.name, a.text]), [
            ["Driver", "{ODBC Driver 18}"],
            ["UID", "SA"],
            ["PWD", "{a;b}}c}"],
        ]);
        assert.deepEqual(findEmbeddedSecrets('PlainLoginModule required user_alice="p2";', isSecret), ['"user_alice" as literal text']);
    });

    it("reads URL user info with a / in the secret, and API keys in a key= query parameter", () => {
        assert.deepEqual(urlSecrets("s3://AKID:sec/ret+x@bucket/path"), ["a password in a URL (user:password@host)"]);
        assert.deepEqual(urlSecrets("https://h:8443/a/b?to=ops@example.com"), []);
        assert.deepEqual(urlSecrets("https://maps.googleapis.com/maps/api/geocode/json?address=x&key=AIzaSyFk0123456789abcdefghij"), ["an API key in a URL query (key=)"]);
        assert.deepEqual(urlSecrets("https://s.example.com/get?key=events/2024/part-0.parquet&x=1"), []);
        assert.deepEqual(urlSecrets("https://h/x?key=YOUR_API_KEY"), []);
    });

    it("decodes base64 that holds text, and reads the credentials inside", () => {
        const encoded = Buffer.from('{"user": "etl", "password": "p3"}').toString("base64");
        assert.deepEqual(decodedTexts(`--config ${encoded}`), ['{"user": "etl", "password": "p3"}']);
        assert.deepEqual(findEmbeddedSecrets(encoded, isSecret), ['"password" as literal text (base64-encoded)']);
        assert.deepEqual(decodedTexts("orders_enrichment_pipeline PlainLoginModule"), []);
    });

    it("tells key material from key ids, aliases and ARNs", () => {
        assert.ok(isKeyMaterial(Buffer.from("0123456789abcdef0123456789ABCDEF").toString("base64")));
        assert.ok(isKeyMaterial("f0" + "0123456789abcdef".repeat(3) + "0123456789abcd"));
        for (const value of ["1234abcd-12ab-34cd-56ef-1234567890ab", "alias/flink", "arn:aws:kms:us-east-1:123456789012:key/1234abcd", "user_profile_embedding"]) {
            assert.ok(!isKeyMaterial(value), value);
        }
        assert.ok(isKeyMaterialName("s3.sse.key") && isKeyMaterialName("column.encryption.aes"));
        assert.ok(!isKeyMaterialName("encryption.key.id") && !isKeyMaterialName("public.key") && !isKeyMaterialName("key.fields"));
    });
});
