/**
 * Turns what a policy is handed into the draft model the rules check: the outputs of a
 * `DeploymentDraft` resource (stack policies) and the inputs of an
 * `alicloud.realtimecompute.Deployment` (resource policies).
 */
import {
    CdcYamlArtifact,
    DeploymentDraftAttributes,
    draftAttributeNames,
    DraftArtifact,
    DraftLock,
    ExecutionMode,
    JarArtifact,
    JsonValue,
    LocalVariable,
    PythonArtifact,
    SqlArtifact,
} from "../../../../provider/core/model";

/** A resource's properties as a policy receives them. */
export type ResourceProperties = { readonly [key: string]: unknown };

// What a program passes to look a draft up; everything else only a lookup fills in.
const identifyingAttributes: ReadonlySet<string> = new Set(["deploymentDraftId", "name", "workspace", "namespace"]);
const lookedUpAttributes = draftAttributeNames.filter((name) => !identifyingAttributes.has(name));

/**
 * Reads a `DeploymentDraft` resource's outputs as a draft.
 *
 * Returns undefined when the outputs hold none of the attributes a lookup fills in. That is what
 * a preview shows for a draft resource being created or updated: dynamic providers do not take
 * part in previews, so the engine reports such a resource's inputs as its outputs until the
 * update has run. Such a draft cannot be checked yet.
 *
 * Every property is read (and so copied out of the policy SDK's unknown-checking proxy) here,
 * so an output that is unknown during a preview throws the SDK's `UnknownValueError` from this
 * function rather than from inside a rule.
 */
export function draftFromOutputs(outputs: ResourceProperties): DeploymentDraftAttributes | undefined {
    if (!lookedUpAttributes.some((name) => outputs[name] !== undefined)) {
        return undefined;
    }
    return {
        deploymentDraftId: text(outputs.deploymentDraftId) ?? "",
        name: text(outputs.name),
        parentId: text(outputs.parentId),
        referencedDeploymentId: text(outputs.referencedDeploymentId),
        executionMode: executionMode(outputs.executionMode),
        artifact: artifact(outputs.artifact),
        engineVersion: text(outputs.engineVersion),
        localVariables: list(outputs.localVariables, localVariable),
        labels: jsonObject(outputs.labels),
        lock: lock(outputs.lock),
        workspace: text(outputs.workspace) ?? "",
        namespace: text(outputs.namespace) ?? "",
        creator: text(outputs.creator),
        creatorName: text(outputs.creatorName),
        modifier: text(outputs.modifier),
        modifierName: text(outputs.modifierName),
        createdAt: number(outputs.createdAt),
        modifiedAt: number(outputs.modifiedAt),
    };
}

/**
 * The inputs of an `alicloud.realtimecompute.Deployment` that map onto a draft: a subset of
 * `Unwrap<DeploymentArgs>`, written out here so that this module does not depend on
 * `@pulumi/alicloud`.
 */
export interface AlicloudDeploymentInputs {
    /** The workspace id; the draft's `workspace`. */
    readonly resourceId?: string;
    /** The draft's `namespace`. */
    readonly namespace?: string;
    /** The draft's `name`. */
    readonly deploymentName?: string;
    /** The draft's `engineVersion`. */
    readonly engineVersion?: string;
    /** `STREAMING` or `BATCH`; any other value reads as no execution mode. */
    readonly executionMode?: string;
    /** The draft's `labels` (a deployment's labels are all strings). */
    readonly labels?: { readonly [key: string]: string };
    /** The draft's `localVariables`. */
    readonly localVariables?: readonly LocalVariable[];
    /** The draft's `artifact`: the same parts, without CDC YAML; an unknown `kind` reads as no artifact. */
    readonly artifact?: {
        /** `SQLSCRIPT`, `JAR` or `PYTHON`. */
        readonly kind?: string;
        /** The SQL part, for `SQLSCRIPT`. */
        readonly sqlArtifact?: SqlArtifact;
        /** The JAR part, for `JAR`. */
        readonly jarArtifact?: JarArtifact;
        /** The Python part, for `PYTHON`. */
        readonly pythonArtifact?: PythonArtifact;
    };
}

/**
 * Presents a Deployment's inputs as a draft (without id or lock, which deployments do not have).
 *
 * Each attribute is read from the inputs only when a rule asks for it. During a preview, inputs
 * that come from resources not created yet (often `resourceId` and `namespace`) are unknown and
 * the policy SDK throws when one is read; reading lazily means that only a rule that needs an
 * unknown input (or finds a violation and names the deployment) reports that it cannot run yet,
 * while the others still check what is known.
 */
export function draftFromDeploymentInputs(inputs: AlicloudDeploymentInputs): DeploymentDraftAttributes {
    return {
        deploymentDraftId: "",
        get workspace() {
            return inputs.resourceId ?? "";
        },
        get namespace() {
            return inputs.namespace ?? "";
        },
        get name() {
            return inputs.deploymentName;
        },
        get engineVersion() {
            return inputs.engineVersion;
        },
        get executionMode() {
            return executionMode(inputs.executionMode);
        },
        get labels() {
            return inputs.labels;
        },
        get localVariables() {
            return inputs.localVariables;
        },
        get artifact() {
            return deploymentArtifact(inputs.artifact);
        },
    };
}

function deploymentArtifact(artifact: AlicloudDeploymentInputs["artifact"]): DraftArtifact | undefined {
    if (artifact === undefined) {
        return undefined;
    }
    // The parts are passed on as they are (still behind the SDK's proxy), so a rule that reads
    // the job's URI does not stumble over an SQL script that is unknown, and the other way round.
    const parts = { sqlArtifact: artifact.sqlArtifact, jarArtifact: artifact.jarArtifact, pythonArtifact: artifact.pythonArtifact };
    switch (artifact.kind) {
        case "SQLSCRIPT":
            return { ...parts, kind: "SQLSCRIPT", sqlArtifact: parts.sqlArtifact ?? {} };
        case "JAR":
            return { ...parts, kind: "JAR", jarArtifact: parts.jarArtifact ?? {} };
        case "PYTHON":
            return { ...parts, kind: "PYTHON", pythonArtifact: parts.pythonArtifact ?? {} };
        default:
            return undefined;
    }
}

function isRecord(value: unknown): value is ResourceProperties {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

function number(value: unknown): number | undefined {
    return typeof value === "number" ? value : undefined;
}

function executionMode(value: unknown): ExecutionMode | undefined {
    return value === "STREAMING" || value === "BATCH" ? value : undefined;
}

// Arrays are walked by index: the SDK's proxy checks each element as it is read.
function list<T>(value: unknown, read: (element: unknown) => T | undefined): T[] | undefined {
    if (!Array.isArray(value)) {
        return undefined;
    }
    const result: T[] = [];
    for (let i = 0; i < value.length; i++) {
        const element = read(value[i]);
        if (element !== undefined) {
            result.push(element);
        }
    }
    return result;
}

function strings(value: unknown): string[] | undefined {
    return list(value, text);
}

function json(value: unknown): JsonValue | undefined {
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        return value;
    }
    if (Array.isArray(value)) {
        return list(value, json);
    }
    return isRecord(value) ? jsonObject(value) : undefined;
}

function jsonObject(value: unknown): { [key: string]: JsonValue } | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    const result: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value)) {
        const element = json(value[key]);
        if (element !== undefined) {
            result[key] = element;
        }
    }
    return result;
}

function localVariable(value: unknown): LocalVariable | undefined {
    return isRecord(value) ? { name: text(value.name), value: text(value.value) } : undefined;
}

function lock(value: unknown): DraftLock | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    return {
        id: text(value.id),
        workspace: text(value.workspace),
        namespace: text(value.namespace),
        holderId: text(value.holderId),
        holderName: text(value.holderName),
    };
}

function artifact(value: unknown): DraftArtifact | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    const parts = {
        sqlArtifact: sqlArtifact(value.sqlArtifact),
        jarArtifact: jarArtifact(value.jarArtifact),
        pythonArtifact: pythonArtifact(value.pythonArtifact),
        cdcYamlArtifact: cdcYamlArtifact(value.cdcYamlArtifact),
    };
    switch (value.kind) {
        case "SQLSCRIPT":
            return { ...parts, kind: "SQLSCRIPT", sqlArtifact: parts.sqlArtifact ?? {} };
        case "JAR":
            return { ...parts, kind: "JAR", jarArtifact: parts.jarArtifact ?? {} };
        case "PYTHON":
            return { ...parts, kind: "PYTHON", pythonArtifact: parts.pythonArtifact ?? {} };
        case "CDCYAML":
            return { ...parts, kind: "CDCYAML", cdcYamlArtifact: parts.cdcYamlArtifact ?? {} };
        default:
            return undefined;
    }
}

function sqlArtifact(value: unknown): SqlArtifact | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    return { sqlScript: text(value.sqlScript), additionalDependencies: strings(value.additionalDependencies) };
}

function jarArtifact(value: unknown): JarArtifact | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    return {
        jarUri: text(value.jarUri),
        entryClass: text(value.entryClass),
        mainArgs: text(value.mainArgs),
        additionalDependencies: strings(value.additionalDependencies),
    };
}

function pythonArtifact(value: unknown): PythonArtifact | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    return {
        pythonArtifactUri: text(value.pythonArtifactUri),
        entryModule: text(value.entryModule),
        mainArgs: text(value.mainArgs),
        additionalDependencies: strings(value.additionalDependencies),
        additionalPythonLibraries: strings(value.additionalPythonLibraries),
        additionalPythonArchives: strings(value.additionalPythonArchives),
    };
}

function cdcYamlArtifact(value: unknown): CdcYamlArtifact | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    return { cdcYaml: text(value.cdcYaml), additionalDependencies: strings(value.additionalDependencies) };
}
