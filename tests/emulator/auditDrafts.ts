/**
 * Drafts for auditing a workspace: numbered drafts spread over namespaces, each of a known
 * kind (compliant, or breaking one rule under the rules' default settings), so the findings an
 * audit must report are known in advance.
 */
import type { WireDeploymentDraft } from "../../provider/core/wireTypes";

/** What a generated draft breaks. `unlabelled` breaks only a configured `requiredLabels: ["owner"]`. */
export type AuditDraftKind =
    | "compliant"
    | "oldEngine"
    | "sqlPassword"
    | "mainArgsSecret"
    | "cdcYamlSecret"
    | "testConnector"
    | "batchMode"
    | "locked"
    | "httpDependency"
    | "unlabelled";

/** Kinds in the order draft numbers cycle through them (draft n has kind n mod 10). */
export const auditDraftKinds: readonly AuditDraftKind[] = [
    "compliant",
    "oldEngine",
    "sqlPassword",
    "mainArgsSecret",
    "cdcYamlSecret",
    "testConnector",
    "batchMode",
    "locked",
    "httpDependency",
    "unlabelled",
];

/** The rule each kind breaks under the default settings. */
export const ruleBrokenBy: { readonly [kind in AuditDraftKind]: string | undefined } = {
    compliant: undefined,
    oldEngine: "ververica-engine-version",
    sqlPassword: "ververica-no-plaintext-secrets",
    mainArgsSecret: "ververica-no-plaintext-secrets",
    cdcYamlSecret: "ververica-no-plaintext-secrets",
    testConnector: "ververica-test-connectors",
    batchMode: "ververica-execution-mode",
    locked: "ververica-draft-lock",
    httpDependency: "ververica-artifact-sources",
    unlabelled: undefined,
};

/** The secret written into a draft of a secret-holding kind; it must never be printed. */
export function plantedSecret(kind: AuditDraftKind, n: number): string | undefined {
    switch (kind) {
        case "sqlPassword":
            return `sqlpw-${n}-x9`;
        case "mainArgsSecret":
            return `jarpw-${n}-x9`;
        case "cdcYamlSecret":
            return `cdcpw-${n}-x9`;
        default:
            return undefined;
    }
}

/** A generated draft and what it is. */
export interface AuditDraft {
    readonly draft: WireDeploymentDraft;
    readonly kind: AuditDraftKind;
}

/**
 * Generates `counts[namespace]` drafts per namespace, numbered across all of them from 1, draft
 * n of kind `kinds[n mod kinds.length]` (default: every kind in turn). Pass `["compliant"]` for
 * a workspace without findings.
 *
 * ```ts
 * generateAuditDrafts("ws-audit", { "ns-a": 334, "ns-b": 333, "ns-c": 333 });
 * ```
 */
export function generateAuditDrafts(
    workspace: string,
    counts: { readonly [namespace: string]: number },
    kinds: readonly AuditDraftKind[] = auditDraftKinds,
): AuditDraft[] {
    const result: AuditDraft[] = [];
    let n = 0;
    for (const [namespace, count] of Object.entries(counts)) {
        for (let i = 0; i < count; i++) {
            n++;
            const kind = kinds[n % kinds.length];
            result.push({ kind, draft: auditDraft(workspace, namespace, n, kind) });
        }
    }
    return result;
}

const compliantSql = (n: number) =>
    [
        `CREATE TEMPORARY TABLE orders_${n} (id BIGINT) WITH (`,
        "  'connector' = 'kafka',",
        "  'topic' = 'orders',",
        "  'properties.bootstrap.servers' = 'kafka:9092'",
        ");",
        `INSERT INTO enriched SELECT id FROM orders_${n};`,
    ].join("\n");

function auditDraft(workspace: string, namespace: string, n: number, kind: AuditDraftKind): WireDeploymentDraft {
    const secret = plantedSecret(kind, n) ?? "";
    const dependencies = [kind === "httpDependency" ? `http://downloads.example.com/udf-${n}.jar` : `oss://flink-artifacts/udf/udf-${n}.jar`];
    const sql =
        kind === "sqlPassword"
            ? `CREATE TEMPORARY TABLE users_${n} (id BIGINT) WITH (\n  'connector' = 'mysql-cdc',\n  'hostname' = 'db',\n  'password' = '${secret}'\n);\nINSERT INTO enriched SELECT id FROM users_${n};`
            : kind === "testConnector"
              ? `CREATE TEMPORARY TABLE gen_${n} (id BIGINT) WITH (\n  'connector' = 'datagen'\n);\nINSERT INTO enriched SELECT id FROM gen_${n};`
              : compliantSql(n);
    const artifact: WireDeploymentDraft["artifact"] =
        kind === "mainArgsSecret"
            ? { kind: "JAR", jarArtifact: { jarUri: `oss://flink-artifacts/jobs/job-${n}.jar`, entryClass: "com.example.Job", mainArgs: `--input orders --password ${secret}`, additionalDependencies: dependencies } }
            : kind === "cdcYamlSecret"
              ? { kind: "CDCYAML", cdcYamlArtifact: { cdcYaml: `source:\n  type: mysql\n  hostname: db\n  password: ${secret}\nsink:\n  type: paimon\n`, additionalDependencies: dependencies } }
              : { kind: "SQLSCRIPT", sqlArtifact: { sqlScript: sql, additionalDependencies: dependencies } };
    return {
        deploymentDraftId: `a0d17000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
        name: `audit-${String(n).padStart(4, "0")}`,
        executionMode: kind === "batchMode" ? "BATCH" : "STREAMING",
        artifact,
        engineVersion: kind === "oldEngine" ? "vvr-6.0.7-flink-1.15" : "vvr-8.0.9-flink-1.17",
        localVariables: [],
        labels: kind === "unlabelled" ? { env: "prod" } : { owner: `team-${n % 7}`, env: "prod" },
        ...(kind === "locked" ? { lock: { id: `lock-${n}`, workspace, namespace, holderId: "u-4711", holderName: "alice" } } : {}),
        workspace,
        namespace,
        creator: "emulator",
        createdAt: 1723537978 + n,
        modifiedAt: 1723537978 + n,
    };
}
