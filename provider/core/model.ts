/**
 * The typed model of a deployment draft, shared by `getDeploymentDraft` and the
 * `DeploymentDraft` resource. Optional fields the API did not send are `undefined`.
 */
import { JsonValue } from "./wireTypes";

export { JsonValue };

/**
 * How a draft's job runs: `STREAMING` or `BATCH` today. The API types it as a plain string, so
 * any other value it sends is kept as sent rather than refused.
 */
export type ExecutionMode = "STREAMING" | "BATCH" | (string & {});

/** The four artifact kinds this package knows; see {@link UnrecognizedDraftArtifact} for others. */
export type ArtifactKind = "SQLSCRIPT" | "JAR" | "PYTHON" | "CDCYAML";

/** A Flink SQL script and the JARs it needs. */
export interface SqlArtifact {
    /** The Flink SQL script's text. May hold connector passwords: kept secret (see the README's Secrets). */
    readonly sqlScript?: string;
    /** URIs of extra files the job needs (JARs of connectors and UDFs), e.g. `oss://bucket/udf.jar`. */
    readonly additionalDependencies?: readonly string[];
}

/** A JAR job. */
export interface JarArtifact {
    /** The URI of the job's JAR, e.g. `oss://bucket/job.jar`. */
    readonly jarUri?: string;
    /** The fully qualified class with the job's `main` method. */
    readonly entryClass?: string;
    /** The arguments passed to `main`, as one string. May hold passwords. */
    readonly mainArgs?: string;
    /** URIs of extra files the job needs (JARs, resources). */
    readonly additionalDependencies?: readonly string[];
}

/** A PyFlink job. */
export interface PythonArtifact {
    /** The URI of the job's Python file or package, e.g. `oss://bucket/job.py`. */
    readonly pythonArtifactUri?: string;
    /** The module the job starts from (for a package). */
    readonly entryModule?: string;
    /** The arguments passed to the job, as one string. May hold passwords. */
    readonly mainArgs?: string;
    /** URIs of extra files the job needs (JARs of connectors, resources). */
    readonly additionalDependencies?: readonly string[];
    /** URIs of extra Python libraries (`.whl`, `.zip`, `.py`). */
    readonly additionalPythonLibraries?: readonly string[];
    /** URIs of archives unpacked for the job, e.g. a virtual environment. */
    readonly additionalPythonArchives?: readonly string[];
}

/** A Flink CDC YAML pipeline. */
export interface CdcYamlArtifact {
    /** The pipeline's YAML text (source, sink, routes). May hold database passwords. */
    readonly cdcYaml?: string;
    /** URIs of extra files the pipeline needs (connector JARs). */
    readonly additionalDependencies?: readonly string[];
}

/**
 * The API may send more than the part `kind` selects (the documented example carries SQL,
 * JAR and Python parts with kind SQLSCRIPT); those extra parts are kept as sent.
 */
interface ArtifactParts {
    /** The SQL part, present when `kind` is `SQLSCRIPT` (and kept when the API sent it with another kind). */
    readonly sqlArtifact?: SqlArtifact;
    /** The JAR part, present when `kind` is `JAR` (and kept when the API sent it with another kind). */
    readonly jarArtifact?: JarArtifact;
    /** The Python part, present when `kind` is `PYTHON` (and kept when the API sent it with another kind). */
    readonly pythonArtifact?: PythonArtifact;
    /** The CDC YAML part, present when `kind` is `CDCYAML` (and kept when the API sent it with another kind). */
    readonly cdcYamlArtifact?: CdcYamlArtifact;
}

/** An SQL draft's artifact: `sqlArtifact` is always present. */
export interface SqlScriptDraftArtifact extends ArtifactParts {
    /** A Flink SQL script. */
    readonly kind: "SQLSCRIPT";
    /** The script and its dependencies. */
    readonly sqlArtifact: SqlArtifact;
}

/** A JAR draft's artifact: `jarArtifact` is always present. */
export interface JarDraftArtifact extends ArtifactParts {
    /** A Java or Scala job in a JAR. */
    readonly kind: "JAR";
    /** The JAR, its entry class and arguments. */
    readonly jarArtifact: JarArtifact;
}

/** A Python draft's artifact: `pythonArtifact` is always present. */
export interface PythonDraftArtifact extends ArtifactParts {
    /** A PyFlink job. */
    readonly kind: "PYTHON";
    /** The Python file or package, its entry module and arguments. */
    readonly pythonArtifact: PythonArtifact;
}

/** A CDC YAML draft's artifact: `cdcYamlArtifact` is always present. */
export interface CdcYamlDraftArtifact extends ArtifactParts {
    /** A Flink CDC YAML pipeline. */
    readonly kind: "CDCYAML";
    /** The pipeline's YAML and dependencies. */
    readonly cdcYamlArtifact: CdcYamlArtifact;
}

/**
 * An artifact whose `kind` is none of the four known ones: a kind added to the API later, a
 * value in another case, or no kind at all (`kind` is then absent). The API types `kind` as a
 * plain string; such a draft is read as sent, with whatever parts came with it.
 */
export interface UnrecognizedDraftArtifact extends ArtifactParts {
    /** The kind as the API sent it (a kind added after this package, or none). */
    readonly kind?: string;
}

/**
 * A draft's artifact, discriminated by `kind`. Since an unrecognized kind is kept as a string,
 * a narrowed artifact's part may still be absent:
 *
 * ```ts
 * const draft = await ververica.getDeploymentDraft(args);
 * if (draft.artifact?.kind === "SQLSCRIPT") {
 *     console.log(draft.artifact.sqlArtifact?.sqlScript);
 * }
 * ```
 */
export type DraftArtifact = SqlScriptDraftArtifact | JarDraftArtifact | PythonDraftArtifact | CdcYamlDraftArtifact | UnrecognizedDraftArtifact;

/** A lock someone holds on a draft while editing it. */
export interface DraftLock {
    /** The lock's id; a new id means the lock was taken again. */
    readonly id?: string;
    /** The workspace id of the locked draft. */
    readonly workspace?: string;
    /** The namespace of the locked draft. */
    readonly namespace?: string;
    /** The id of the account holding the lock. */
    readonly holderId?: string;
    /** The name of the account holding the lock, as the console shows it. */
    readonly holderName?: string;
}

/** A draft-level variable (`${name}` in SQL). */
export interface LocalVariable {
    /** The variable's name, written `${name}` in the SQL. */
    readonly name?: string;
    /** The text that replaces `${name}`. */
    readonly value?: string;
}

/** Every attribute of a deployment draft, as GetDeploymentDraft returns it. */
export interface DeploymentDraftAttributes {
    /** The draft's id (a UUID). */
    readonly deploymentDraftId: string;
    /** The draft's name, unique within its namespace. */
    readonly name?: string;
    /** The id of the draft this one was copied from. */
    readonly parentId?: string;
    /** The id of the deployment created from this draft, if any. */
    readonly referencedDeploymentId?: string;
    /** Whether the job runs as a stream or a batch (`STREAMING` or `BATCH`). */
    readonly executionMode?: ExecutionMode;
    /**
     * What the job runs, by `kind`: SQL, JAR, Python or CDC YAML. Secret by default wherever it
     * reaches Pulumi state, since it may hold passwords.
     */
    readonly artifact?: DraftArtifact;
    /** The Ververica Runtime engine, e.g. `vvr-8.0.9-flink-1.17`. */
    readonly engineVersion?: string;
    /** Draft-level variables, substituted for `${name}` in the SQL. */
    readonly localVariables?: readonly LocalVariable[];
    /** Labels exactly as the API sent them: values are not only strings. */
    readonly labels?: { readonly [key: string]: JsonValue };
    /** Who is editing the draft in the console, if anyone. */
    readonly lock?: DraftLock;
    /** The workspace id the draft lives in. */
    readonly workspace: string;
    /** The namespace the draft lives in. */
    readonly namespace: string;
    /** The id of the account that created the draft. */
    readonly creator?: string;
    /** The name of the account that created the draft. */
    readonly creatorName?: string;
    /** The id of the account that last changed the draft. */
    readonly modifier?: string;
    /** The name of the account that last changed the draft. */
    readonly modifierName?: string;
    /** Creation time, unix seconds. */
    readonly createdAt?: number;
    /** Last modification time, unix seconds. */
    readonly modifiedAt?: number;
}

/** The attribute names of a draft, in the API's order. */
export const draftAttributeNames = [
    "deploymentDraftId",
    "name",
    "parentId",
    "referencedDeploymentId",
    "executionMode",
    "artifact",
    "engineVersion",
    "localVariables",
    "labels",
    "lock",
    "workspace",
    "namespace",
    "creator",
    "creatorName",
    "modifier",
    "modifierName",
    "createdAt",
    "modifiedAt",
] as const satisfies readonly (keyof DeploymentDraftAttributes)[];
