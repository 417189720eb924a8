import { DraftReference, InvalidResponseError } from "./errors";
import {
    ArtifactKind,
    CdcYamlArtifact,
    DeploymentDraftAttributes,
    DraftArtifact,
    DraftLock,
    JarArtifact,
    JsonValue,
    LocalVariable,
    PythonArtifact,
    SqlArtifact,
} from "./model";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Json = { [key: string]: unknown };

// The part each known kind selects; any other kind selects none.
const selectedParts: { readonly [K in ArtifactKind]: "sqlArtifact" | "jarArtifact" | "pythonArtifact" | "cdcYamlArtifact" } = {
    SQLSCRIPT: "sqlArtifact",
    JAR: "jarArtifact",
    PYTHON: "pythonArtifact",
    CDCYAML: "cdcYamlArtifact",
};

/**
 * Turns the `data` of a GetDeploymentDraft response into the typed model. Fields the API
 * did not send stay absent (never `"undefined"`); everything it sent is kept as sent, values
 * the API types as open strings (`executionMode`, `artifact.kind`) included. A field of the
 * wrong type is an {@link InvalidResponseError}: a typed result must not lie.
 */
export function normalizeDraft(data: unknown, requested: DraftReference & { workspace: string; namespace: string }): DeploymentDraftAttributes {
    const where = new FieldReader(requested);
    const raw = where.object(data, "data");
    const id = where.optionalString(raw, "deploymentDraftId") ?? requested.deploymentDraftId;
    if (id === undefined) {
        throw new InvalidResponseError("the draft has no deploymentDraftId", requested);
    }
    const draft: Mutable<DeploymentDraftAttributes> = {
        deploymentDraftId: id,
        workspace: requested.workspace,
        namespace: requested.namespace,
    };
    assign(draft, "name", where.optionalString(raw, "name"));
    assign(draft, "parentId", where.optionalString(raw, "parentId"));
    assign(draft, "referencedDeploymentId", where.optionalString(raw, "referencedDeploymentId"));
    assign(draft, "executionMode", where.optionalString(raw, "executionMode"));
    assign(draft, "artifact", raw.artifact === undefined || raw.artifact === null ? undefined : where.artifact(raw.artifact));
    assign(draft, "engineVersion", where.optionalString(raw, "engineVersion"));
    assign(draft, "localVariables", where.optionalArray(raw, "localVariables", (v, path) => where.localVariable(v, path)));
    // Labels are the one part handed on as sent rather than rebuilt field by field, so they are
    // the one part copied: the result must never share objects with the response.
    assign(draft, "labels", raw.labels === undefined || raw.labels === null ? undefined : (structuredClone(where.object(raw.labels, "labels")) as { [key: string]: JsonValue }));
    assign(draft, "lock", raw.lock === undefined || raw.lock === null ? undefined : where.lock(raw.lock));
    draft.workspace = where.optionalString(raw, "workspace") ?? requested.workspace;
    draft.namespace = where.optionalString(raw, "namespace") ?? requested.namespace;
    assign(draft, "creator", where.optionalString(raw, "creator"));
    assign(draft, "creatorName", where.optionalString(raw, "creatorName"));
    assign(draft, "modifier", where.optionalString(raw, "modifier"));
    assign(draft, "modifierName", where.optionalString(raw, "modifierName"));
    assign(draft, "createdAt", where.optionalTimestamp(raw, "createdAt"));
    assign(draft, "modifiedAt", where.optionalTimestamp(raw, "modifiedAt"));
    return draft;
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
    if (value !== undefined) {
        target[key] = value;
    }
}

/** Reads typed fields and reports the path of a field that has the wrong type. */
class FieldReader {
    constructor(private readonly draft: DraftReference) {}

    fail(path: string, expected: string, got: unknown): never {
        const actual = got === null ? "null" : Array.isArray(got) ? "array" : typeof got;
        throw new InvalidResponseError(`field "${path}" should be ${expected} but is ${actual}`, this.draft);
    }

    /** `value` itself, checked to be an object; read from, never returned as part of the result. */
    object(value: unknown, path: string): Json {
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
            this.fail(path, "an object", value);
        }
        return value as Json;
    }

    optionalString(obj: Json, key: string, path = key): string | undefined {
        const v = obj[key];
        if (v === undefined || v === null) {
            return undefined;
        }
        return typeof v === "string" ? v : this.fail(path, "a string", v);
    }

    optionalTimestamp(obj: Json, key: string): number | undefined {
        const v = obj[key];
        if (v === undefined || v === null) {
            return undefined;
        }
        // Some gateways stringify longs; a numeric string is still a timestamp.
        const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
        return typeof n === "number" && Number.isFinite(n) ? n : this.fail(key, "a number (unix seconds)", v);
    }

    optionalArray<T>(obj: Json, key: string, item: (v: unknown, path: string) => T, path = key): T[] | undefined {
        const v = obj[key];
        if (v === undefined || v === null) {
            return undefined;
        }
        if (!Array.isArray(v)) {
            this.fail(path, "an array", v);
        }
        return v.map((x, i) => item(x, `${path}[${i}]`));
    }

    stringArray(obj: Json, key: string, path: string): string[] | undefined {
        return this.optionalArray(obj, key, (v, p) => (typeof v === "string" ? v : this.fail(p, "a string", v)), path);
    }

    localVariable(value: unknown, path: string): LocalVariable {
        const o = this.object(value, path);
        const variable: Mutable<LocalVariable> = {};
        assign(variable, "name", this.optionalString(o, "name", `${path}.name`));
        assign(variable, "value", this.optionalString(o, "value", `${path}.value`));
        return variable;
    }

    lock(value: unknown): DraftLock {
        const o = this.object(value, "lock");
        const lock: Mutable<DraftLock> = {};
        for (const key of ["id", "workspace", "namespace", "holderId", "holderName"] as const) {
            assign(lock, key, this.optionalString(o, key, `lock.${key}`));
        }
        return lock;
    }

    artifact(value: unknown): DraftArtifact {
        const o = this.object(value, "artifact");
        const kind = this.optionalString(o, "kind", "artifact.kind");
        const parts = {
            sqlArtifact: o.sqlArtifact == null ? undefined : this.sqlArtifact(o.sqlArtifact),
            jarArtifact: o.jarArtifact == null ? undefined : this.jarArtifact(o.jarArtifact),
            pythonArtifact: o.pythonArtifact == null ? undefined : this.pythonArtifact(o.pythonArtifact),
            cdcYamlArtifact: o.cdcYamlArtifact == null ? undefined : this.cdcYamlArtifact(o.cdcYamlArtifact),
        };
        // The part a known `kind` selects is always present (empty when the API sent none), so
        // code that narrows on a known kind finds it.
        const artifact: { [key: string]: unknown } = {};
        for (const key of Object.keys(o)) {
            if (key === "kind") {
                if (kind !== undefined) artifact.kind = kind;
            } else if (key in parts && parts[key as keyof typeof parts] !== undefined) {
                artifact[key] = parts[key as keyof typeof parts];
            }
        }
        const selected = kind !== undefined && Object.hasOwn(selectedParts, kind) ? selectedParts[kind as ArtifactKind] : undefined;
        if (selected !== undefined && artifact[selected] === undefined) {
            artifact[selected] = {};
        }
        return artifact as DraftArtifact;
    }

    sqlArtifact(value: unknown): SqlArtifact {
        const o = this.object(value, "artifact.sqlArtifact");
        const a: Mutable<SqlArtifact> = {};
        assign(a, "sqlScript", this.optionalString(o, "sqlScript", "artifact.sqlArtifact.sqlScript"));
        assign(a, "additionalDependencies", this.stringArray(o, "additionalDependencies", "artifact.sqlArtifact.additionalDependencies"));
        return a;
    }

    jarArtifact(value: unknown): JarArtifact {
        const o = this.object(value, "artifact.jarArtifact");
        const a: Mutable<JarArtifact> = {};
        for (const key of ["jarUri", "entryClass", "mainArgs"] as const) {
            assign(a, key, this.optionalString(o, key, `artifact.jarArtifact.${key}`));
        }
        assign(a, "additionalDependencies", this.stringArray(o, "additionalDependencies", "artifact.jarArtifact.additionalDependencies"));
        return a;
    }

    pythonArtifact(value: unknown): PythonArtifact {
        const o = this.object(value, "artifact.pythonArtifact");
        const a: Mutable<PythonArtifact> = {};
        for (const key of ["pythonArtifactUri", "entryModule", "mainArgs"] as const) {
            assign(a, key, this.optionalString(o, key, `artifact.pythonArtifact.${key}`));
        }
        for (const key of ["additionalDependencies", "additionalPythonLibraries", "additionalPythonArchives"] as const) {
            assign(a, key, this.stringArray(o, key, `artifact.pythonArtifact.${key}`));
        }
        return a;
    }

    cdcYamlArtifact(value: unknown): CdcYamlArtifact {
        const o = this.object(value, "artifact.cdcYamlArtifact");
        const a: Mutable<CdcYamlArtifact> = {};
        assign(a, "cdcYaml", this.optionalString(o, "cdcYaml", "artifact.cdcYamlArtifact.cdcYaml"));
        assign(a, "additionalDependencies", this.stringArray(o, "additionalDependencies", "artifact.cdcYamlArtifact.additionalDependencies"));
        return a;
    }
}
