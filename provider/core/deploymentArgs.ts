/**
 * A draft as the arguments of `alicloud.realtimecompute.Deployment` it holds, as plain values,
 * and the refusal of a draft that cannot feed one. This is the one mapping behind both feeds:
 * the TypeScript `deploymentArgsFromDraft` (`pulumi-ververica/alicloud`), which adds Pulumi
 * outputs and secrecy, and the plugin's `ververica:index:getDeploymentArgs`, which returns these
 * values to Python, Go and YAML programs. Both therefore give the same values and refuse the same
 * drafts with the same {@link DraftNotDeployableError}.
 *
 * Nothing here loads `@pulumi/pulumi` or `@pulumi/alicloud`: the shapes below are alicloud's
 * (`realtimecompute.Deployment`'s `artifact`, `localVariables` and `labels`), written out.
 */
import type { DraftReference } from "./errors";
import { DraftNotDeployableError } from "./errors";
import type { DeploymentDraftAttributes, DraftArtifact, ExecutionMode, JsonValue, LocalVariable } from "./model";

/** `artifact.sqlArtifact` of `alicloud.realtimecompute.Deployment`. */
export interface DeploymentSqlArtifact {
    sqlScript?: string;
    additionalDependencies?: string[];
}

/** `artifact.jarArtifact` of `alicloud.realtimecompute.Deployment`. */
export interface DeploymentJarArtifact {
    jarUri?: string;
    entryClass?: string;
    mainArgs?: string;
    additionalDependencies?: string[];
}

/** `artifact.pythonArtifact` of `alicloud.realtimecompute.Deployment`. */
export interface DeploymentPythonArtifact {
    pythonArtifactUri?: string;
    entryModule?: string;
    mainArgs?: string;
    additionalDependencies?: string[];
    additionalPythonLibraries?: string[];
    additionalPythonArchives?: string[];
}

/** `artifact` of `alicloud.realtimecompute.Deployment`: the kind and only the part it selects. */
export type DeploymentArtifact =
    | { kind: "SQLSCRIPT"; sqlArtifact: DeploymentSqlArtifact }
    | { kind: "JAR"; jarArtifact: DeploymentJarArtifact }
    | { kind: "PYTHON"; pythonArtifact: DeploymentPythonArtifact };

/** One of `localVariables` of `alicloud.realtimecompute.Deployment`. */
export interface DeploymentLocalVariable {
    name?: string;
    value?: string;
}

/**
 * The arguments of `alicloud.realtimecompute.Deployment` a draft holds. Optional ones the draft
 * does not have are absent, never `undefined` entries. `Name` is the type of a `deploymentName`
 * given instead of the draft's name (a Pulumi input in TypeScript).
 */
export interface DraftDeploymentArgs<Name = string> {
    /** The draft's workspace. */
    resourceId: string;
    namespace: string;
    /** The name given, else the draft's name. */
    deploymentName: Name | string;
    executionMode: ExecutionMode;
    engineVersion?: string;
    artifact: DeploymentArtifact;
    localVariables?: DeploymentLocalVariable[];
    /** The draft's labels as strings: strings as they are, anything else as its JSON text. */
    labels?: { [key: string]: string };
}

/**
 * The deployment arguments `draft` holds, `deploymentName` instead of its name when given.
 * Throws {@link DraftNotDeployableError} for a draft without a name (and none given), without an
 * execution mode, without an artifact or with one the resource does not take (CDCYAML, an
 * unknown kind, none), in that order.
 */
export function deploymentArgsOf<Name = string>(draft: DeploymentDraftAttributes, deploymentName?: Name): DraftDeploymentArgs<Name> {
    const reference = draftReferenceOf(draft);
    const args: DraftDeploymentArgs<Name> = {
        resourceId: draft.workspace,
        namespace: draft.namespace,
        deploymentName: deploymentName ?? requireDeploymentName(draft.name, reference),
        executionMode: requireExecutionMode(draft.executionMode, reference),
        artifact: deploymentArtifactOf(draft.artifact, reference),
        engineVersion: draft.engineVersion,
        localVariables: deploymentLocalVariablesOf(draft.localVariables),
        labels: deploymentLabelsOf(draft.labels),
    };
    return withoutUndefined(args);
}

/** How a draft is named in a {@link DraftNotDeployableError}. */
export function draftReferenceOf(draft: Pick<DeploymentDraftAttributes, "workspace" | "namespace" | "deploymentDraftId" | "name">): DraftReference {
    const { workspace, namespace, deploymentDraftId, name } = draft;
    return name === undefined ? { workspace, namespace, deploymentDraftId } : { workspace, namespace, deploymentDraftId, name };
}

/** The draft's name, which the deployment takes when no other is given. */
export function requireDeploymentName(name: string | undefined, draft: DraftReference): string {
    return required(name, "name", draft);
}

/** The draft's execution mode, which the deployment requires. */
export function requireExecutionMode(mode: ExecutionMode | undefined, draft: DraftReference): ExecutionMode {
    return required(mode, "execution mode", draft);
}

/** The deployment's `artifact`: the kind and the part it selects, copied; the API may send other parts alongside it. */
export function deploymentArtifactOf(artifact: DraftArtifact | undefined, draft: DraftReference): DeploymentArtifact {
    if (artifact === undefined) {
        throw new DraftNotDeployableError(draft, "it has no artifact");
    }
    switch (artifact.kind) {
        case "SQLSCRIPT": {
            const { sqlScript, additionalDependencies } = artifact.sqlArtifact ?? {};
            return { kind: artifact.kind, sqlArtifact: withoutUndefined({ sqlScript, additionalDependencies: copy(additionalDependencies) }) };
        }
        case "JAR": {
            const { jarUri, entryClass, mainArgs, additionalDependencies } = artifact.jarArtifact ?? {};
            return { kind: artifact.kind, jarArtifact: withoutUndefined({ jarUri, entryClass, mainArgs, additionalDependencies: copy(additionalDependencies) }) };
        }
        case "PYTHON": {
            const p = artifact.pythonArtifact ?? {};
            return {
                kind: artifact.kind,
                pythonArtifact: withoutUndefined({
                    pythonArtifactUri: p.pythonArtifactUri,
                    entryModule: p.entryModule,
                    mainArgs: p.mainArgs,
                    additionalDependencies: copy(p.additionalDependencies),
                    additionalPythonLibraries: copy(p.additionalPythonLibraries),
                    additionalPythonArchives: copy(p.additionalPythonArchives),
                }),
            };
        }
        case "CDCYAML":
            throw new DraftNotDeployableError(
                draft,
                "its artifact is CDCYAML (a Flink CDC YAML pipeline), which realtimecompute.Deployment does not take; it takes SQLSCRIPT, JAR and PYTHON artifacts",
            );
        default:
            throw new DraftNotDeployableError(
                draft,
                artifact.kind === undefined
                    ? "its artifact has no kind; realtimecompute.Deployment takes SQLSCRIPT, JAR and PYTHON artifacts"
                    : `its artifact kind ${JSON.stringify(artifact.kind)} is not one of SQLSCRIPT, JAR and PYTHON`,
            );
    }
}

/** The deployment's `localVariables`, copied. */
export function deploymentLocalVariablesOf(variables: readonly LocalVariable[] | undefined): DeploymentLocalVariable[] | undefined {
    return variables?.map((v) => withoutUndefined({ name: v.name, value: v.value }));
}

/**
 * The deployment's `labels`: the resource takes string labels only, while a draft's are any JSON
 * value. Strings stay as they are, anything else becomes its JSON text (`1` → `"1"`,
 * `true` → `"true"`, `null` → `"null"`).
 */
export function deploymentLabelsOf(labels: { readonly [key: string]: JsonValue } | undefined): { [key: string]: string } | undefined {
    return labels && Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]));
}

function required<T>(value: T | undefined, what: string, draft: DraftReference): T {
    if (value === undefined) {
        throw new DraftNotDeployableError(draft, `it has no ${what}, which the deployment requires`);
    }
    return value;
}

// The deployment never shares arrays with the draft.
function copy(values: readonly string[] | undefined): string[] | undefined {
    return values && [...values];
}

// Absent attributes stay absent rather than becoming `undefined` entries.
function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
