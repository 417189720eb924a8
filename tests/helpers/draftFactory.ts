/**
 * Builds drafts for tests: a complete, compliant draft by default, with just the attributes a
 * test cares about changed.
 */
import {
    CdcYamlArtifact,
    DeploymentDraftAttributes,
    JarArtifact,
    PythonArtifact,
    SqlArtifact,
} from "../../provider/core/model";

/** The id, workspace, namespace and name every built draft has unless overridden. */
export const draftIdentity = {
    deploymentDraftId: "5c1b2e7a-0d44-4f4e-9a51-6f0e3c2d9b10",
    workspace: "ws-7f3a",
    namespace: "prod",
    name: "orders-enrichment",
} as const;

/** The label every built draft prints as in messages: `workspace/namespace/name (id)`. */
export const draftLabel = `${draftIdentity.workspace}/${draftIdentity.namespace}/${draftIdentity.name} (${draftIdentity.deploymentDraftId})`;

/** A small SQL job that every default rule accepts. */
export const compliantSql = [
    "CREATE TEMPORARY TABLE orders (id BIGINT, amount DECIMAL(10, 2)) WITH (",
    "  'connector' = 'kafka',",
    "  'topic' = 'orders',",
    "  'properties.bootstrap.servers' = 'kafka:9092'",
    ");",
    "INSERT INTO enriched SELECT id, amount FROM orders;",
].join("\n");

/** A compliant SQL draft, with `overrides` applied on top. */
export function makeDraft(overrides: Partial<DeploymentDraftAttributes> = {}): DeploymentDraftAttributes {
    return {
        ...draftIdentity,
        executionMode: "STREAMING",
        engineVersion: "vvr-8.0.9-flink-1.17",
        artifact: {
            kind: "SQLSCRIPT",
            sqlArtifact: { sqlScript: compliantSql, additionalDependencies: ["oss://flink-artifacts/udf/udfs-1.2.jar"] },
        },
        labels: { owner: "data-platform", env: "prod" },
        localVariables: [{ name: "topic", value: "orders" }],
        createdAt: 1723537978,
        modifiedAt: 1723537978,
        ...overrides,
    };
}

/** A compliant draft running the given SQL script. */
export function sqlDraft(sqlScript: string, sqlArtifact: Omit<SqlArtifact, "sqlScript"> = {}): DeploymentDraftAttributes {
    return makeDraft({ artifact: { kind: "SQLSCRIPT", sqlArtifact: { ...sqlArtifact, sqlScript } } });
}

/** A compliant JAR draft with the given JAR artifact. */
export function jarDraft(jarArtifact: JarArtifact): DeploymentDraftAttributes {
    return makeDraft({ artifact: { kind: "JAR", jarArtifact: { entryClass: "com.example.Job", ...jarArtifact } } });
}

/** A compliant Python draft with the given Python artifact. */
export function pythonDraft(pythonArtifact: PythonArtifact): DeploymentDraftAttributes {
    return makeDraft({ artifact: { kind: "PYTHON", pythonArtifact: { entryModule: "job.main", ...pythonArtifact } } });
}

/** A compliant CDC YAML draft with the given pipeline. */
export function cdcYamlDraft(cdcYaml: string, cdcYamlArtifact: Omit<CdcYamlArtifact, "cdcYaml"> = {}): DeploymentDraftAttributes {
    return makeDraft({ artifact: { kind: "CDCYAML", cdcYamlArtifact: { ...cdcYamlArtifact, cdcYaml } } });
}
