/**
 * Drafts that each break rules through a different part of the draft's shape: every known artifact
 * kind, an unknown kind and a missing one that still carry parts, an unknown execution mode, an old
 * engine and a lock. The same drafts must get the same verdict from every path that judges them.
 */
import type { WireDeploymentDraft } from "../../provider/core/wireTypes";

/** The workspace and namespace the drafts live in. */
export const verdictWorkspace = "ws-verdict";
export const verdictNamespace = "ns-verdict";

const id = (n: number) => `0d5c1f2e-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A draft with its short name, usable as a resource name. */
export interface VerdictDraft {
    readonly key: string;
    readonly draft: WireDeploymentDraft;
}

function draft(n: number, key: string, fields: WireDeploymentDraft): VerdictDraft {
    return {
        key,
        draft: {
            deploymentDraftId: id(n),
            name: `verdict-${key}`,
            workspace: verdictWorkspace,
            namespace: verdictNamespace,
            executionMode: "STREAMING",
            engineVersion: "vvr-8.0.9-flink-1.17",
            labels: { owner: "data" },
            ...fields,
        },
    };
}

const sqlWithPassword = (secret: string) => `CREATE TEMPORARY TABLE s (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db:3306/x', 'password' = '${secret}');`;
const datagenSql = "CREATE TEMPORARY TABLE g (id INT) WITH ('connector' = 'datagen');";

/** Every verdict draft. */
export const verdictDrafts: readonly VerdictDraft[] = [
    draft(1, "sql", { artifact: { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: `${sqlWithPassword("pw-sql-1a")} ${datagenSql}`, additionalDependencies: ["http://repo/udf.jar"] } } }),
    draft(2, "jar", { artifact: { kind: "JAR", jarArtifact: { jarUri: "http://repo/job.jar", entryClass: "com.acme.Job", mainArgs: "--password pw-jar-2b" } } }),
    draft(3, "python", { executionMode: "BATCH", artifact: { kind: "PYTHON", pythonArtifact: { pythonArtifactUri: "oss://b/job.py", mainArgs: "--db-password=pw-py-3c" } } }),
    draft(4, "cdc", { artifact: { kind: "CDCYAML", cdcYamlArtifact: { cdcYaml: "source:\n  type: mysql\n  hostname: db\n  username: flink\n  password: pw-cdc-4d\n" } } }),
    draft(5, "unknownkind", { artifact: { kind: "FLINKML", sqlArtifact: { sqlScript: `${sqlWithPassword("pw-ml-5e")} ${datagenSql}` }, jarArtifact: { jarUri: "ftp://repo/model.jar" } } }),
    draft(6, "nokind", { artifact: { jarArtifact: { jarUri: "oss://b/job.jar", mainArgs: "--password pw-nokind-6f" } } }),
    draft(7, "unknownmode", { executionMode: "CONTINUOUS", artifact: { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: "SELECT 1;" } } }),
    draft(8, "oldlocked", { engineVersion: "vvr-6.0.7-flink-1.15", lock: { id: "lock-8", holderId: "1234", holderName: "alice" }, artifact: { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: "SELECT 1;" } } }),
];

/** The planted secrets, which no verdict may print. */
export const verdictSecrets = ["pw-sql-1a", "pw-jar-2b", "pw-py-3c", "pw-cdc-4d", "pw-ml-5e", "pw-nokind-6f"];
