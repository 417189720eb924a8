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
    readonly sqlScript?: string;
    readonly additionalDependencies?: readonly string[];
}

/** A JAR job. */
export interface JarArtifact {
    readonly jarUri?: string;
    readonly entryClass?: string;
    readonly mainArgs?: string;
    readonly additionalDependencies?: readonly string[];
}

/** A PyFlink job. */
export interface PythonArtifact {
    readonly pythonArtifactUri?: string;
    readonly entryModule?: string;
    readonly mainArgs?: string;
    readonly additionalDependencies?: readonly string[];
    readonly additionalPythonLibraries?: readonly string[];
    readonly additionalPythonArchives?: readonly string[];
}

/** A Flink CDC YAML pipeline. */
export interface CdcYamlArtifact {
    readonly cdcYaml?: string;
    readonly additionalDependencies?: readonly string[];
}

/**
 * The API may send more than the part `kind` selects (the documented example carries SQL,
 * JAR and Python parts with kind SQLSCRIPT); those extra parts are kept as sent.
 */
interface ArtifactParts {
    readonly sqlArtifact?: SqlArtifact;
    readonly jarArtifact?: JarArtifact;
    readonly pythonArtifact?: PythonArtifact;
    readonly cdcYamlArtifact?: CdcYamlArtifact;
}

/** An SQL draft's artifact: `sqlArtifact` is always present. */
export interface SqlScriptDraftArtifact extends ArtifactParts {
    readonly kind: "SQLSCRIPT";
    readonly sqlArtifact: SqlArtifact;
}

/** A JAR draft's artifact: `jarArtifact` is always present. */
export interface JarDraftArtifact extends ArtifactParts {
    readonly kind: "JAR";
    readonly jarArtifact: JarArtifact;
}

/** A Python draft's artifact: `pythonArtifact` is always present. */
export interface PythonDraftArtifact extends ArtifactParts {
    readonly kind: "PYTHON";
    readonly pythonArtifact: PythonArtifact;
}

/** A CDC YAML draft's artifact: `cdcYamlArtifact` is always present. */
export interface CdcYamlDraftArtifact extends ArtifactParts {
    readonly kind: "CDCYAML";
    readonly cdcYamlArtifact: CdcYamlArtifact;
}

/**
 * An artifact whose `kind` is none of the four known ones: a kind added to the API later, a
 * value in another case, or no kind at all (`kind` is then absent). The API types `kind` as a
 * plain string; such a draft is read as sent, with whatever parts came with it.
 */
export interface UnrecognizedDraftArtifact extends ArtifactParts {
    readonly kind?: string;
}

/**
 * A draft's artifact, discriminated by `kind`. Since an unrecognized kind is kept as a string,
 * a narrowed artifact's part may still be absent:
 *
 * ```ts
 * if (draft.artifact?.kind === "SQLSCRIPT") {
 *     console.log(draft.artifact.sqlArtifact?.sqlScript);
 * }
 * ```
 */
export type DraftArtifact = SqlScriptDraftArtifact | JarDraftArtifact | PythonDraftArtifact | CdcYamlDraftArtifact | UnrecognizedDraftArtifact;

/** A lock someone holds on a draft while editing it. */
export interface DraftLock {
    readonly id?: string;
    readonly workspace?: string;
    readonly namespace?: string;
    readonly holderId?: string;
    readonly holderName?: string;
}

/** A draft-level variable (`${name}` in SQL). */
export interface LocalVariable {
    readonly name?: string;
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
    readonly executionMode?: ExecutionMode;
    readonly artifact?: DraftArtifact;
    /** The Ververica Runtime engine, e.g. `vvr-8.0.9-flink-1.17`. */
    readonly engineVersion?: string;
    readonly localVariables?: readonly LocalVariable[];
    /** Labels exactly as the API sent them: values are not only strings. */
    readonly labels?: { readonly [key: string]: JsonValue };
    readonly lock?: DraftLock;
    /** The workspace id the draft lives in. */
    readonly workspace: string;
    readonly namespace: string;
    readonly creator?: string;
    readonly creatorName?: string;
    readonly modifier?: string;
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
