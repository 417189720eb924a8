import * as pulumi from "@pulumi/pulumi";
// Types only: loading this package must never load @pulumi/alicloud, an optional peer.
import type { DeploymentArgs } from "@pulumi/alicloud/realtimecompute";
import type { DraftReference } from "../../provider/core/errors";
import type { DeploymentDraftAttributes, DraftArtifact, ExecutionMode, JsonValue, LocalVariable } from "../../provider/core/model";
import { DraftNotDeployableError } from "../../provider/core/errors";
import { withoutArtifactSecrecy } from "./artifactSecrecy";

/**
 * A draft as one output per attribute, the way a `DeploymentDraft` resource exposes it. Only
 * the attributes a deployment is fed from are needed.
 *
 * ```ts
 * import type { DraftAttributeOutputs } from "pulumi-ververica/alicloud";
 *
 * const draft = new ververica.DeploymentDraft("orders-etl", { workspace, namespace, name: "orders-etl" });
 * const fromResource: DraftAttributeOutputs = draft;
 * ```
 */
export interface DraftAttributeOutputs {
    /** The draft's id; names the draft in errors. */
    readonly deploymentDraftId: pulumi.Output<string>;
    /** Becomes `deploymentName` unless another is given. */
    readonly name: pulumi.Output<string | undefined>;
    /** Becomes `executionMode`. */
    readonly executionMode: pulumi.Output<ExecutionMode | undefined>;
    /** Becomes `artifact`. */
    readonly artifact: pulumi.Output<DraftArtifact | undefined>;
    /** Becomes `engineVersion`. */
    readonly engineVersion: pulumi.Output<string | undefined>;
    /** Become `localVariables`. */
    readonly localVariables: pulumi.Output<readonly LocalVariable[] | undefined>;
    /** Become `labels`, as strings. */
    readonly labels: pulumi.Output<{ readonly [key: string]: JsonValue } | undefined>;
    /** Becomes `resourceId`. */
    readonly workspace: pulumi.Output<string>;
    /** Becomes `namespace`. */
    readonly namespace: pulumi.Output<string>;
}

/**
 * Whatever {@link deploymentArgsFromDraft} reads a draft from: the result of
 * `getDeploymentDraft` (or a promise of it), the output of `getDeploymentDraftOutput`, or a
 * `DeploymentDraft` resource.
 *
 * ```ts
 * import type { DraftSource } from "pulumi-ververica/alicloud";
 *
 * const source: DraftSource = ververica.getDeploymentDraftOutput({ workspace, namespace, name: "orders-etl" });
 * ```
 */
export type DraftSource = pulumi.Input<DeploymentDraftAttributes> | DraftAttributeOutputs;

/**
 * What the caller adds to a draft's attributes: every argument of
 * `alicloud.realtimecompute.Deployment` a draft does not hold (`deploymentTarget`, which is
 * required, `flinkConf`, `streamingResourceSetting`, `batchResourceSetting`, `logging`,
 * `description`), and optionally a `deploymentName` other than the draft's name.
 *
 * ```ts
 * import type { DeploymentArgsOverrides } from "pulumi-ververica/alicloud";
 *
 * const overrides: DeploymentArgsOverrides = {
 *     deploymentTarget: { mode: "PER_JOB", name: "default-queue" },
 *     flinkConf: { "execution.checkpointing.interval": "60s" },
 * };
 * ```
 */
export interface DeploymentArgsOverrides
    extends Readonly<
        Omit<DeploymentArgs, "resourceId" | "namespace" | "deploymentName" | "executionMode" | "engineVersion" | "artifact" | "localVariables" | "labels">
    > {
    /** The deployment's name; the draft's name when not given. */
    readonly deploymentName?: pulumi.Input<string>;
}

/**
 * How {@link deploymentArgsFromDraft} treats the draft's artifact.
 *
 * ```ts
 * import type { DeploymentArgsFromDraftOptions } from "pulumi-ververica/alicloud";
 *
 * const options: DeploymentArgsFromDraftOptions = { storeArtifactAsSecret: false };
 * ```
 */
export interface DeploymentArgsFromDraftOptions {
    /**
     * Make the deployment's `artifact` argument a Pulumi secret (default `true`), whatever the
     * draft came from: the SQL script or main args (places where passwords hide) then reach the
     * deployment's state as ciphertext. Set `false` only for drafts known to hold no secret; a
     * draft that is already secret stays secret either way.
     */
    readonly storeArtifactAsSecret?: boolean;
}

type DeploymentArtifact = pulumi.Unwrap<DeploymentArgs["artifact"]>;
type FedArgs = Pick<DeploymentArgs, "resourceId" | "namespace" | "deploymentName" | "executionMode" | "engineVersion" | "artifact" | "localVariables" | "labels">;

/**
 * Turns a deployment draft into the arguments of an `alicloud.realtimecompute.Deployment`,
 * so that the deployment runs exactly what the draft holds:
 *
 * | `DeploymentArgs` | from the draft |
 * |---|---|
 * | `resourceId` | `workspace` |
 * | `namespace` | `namespace` |
 * | `deploymentName` | `name`, unless `overrides.deploymentName` is given |
 * | `executionMode`, `engineVersion` | the same attributes |
 * | `artifact` | `artifact`: `kind` and the part it selects (`sqlArtifact`, `jarArtifact` or `pythonArtifact`) |
 * | `localVariables` | `localVariables` |
 * | `labels` | `labels`: strings as they are, any other value as its JSON text (`1` → `"1"`, `true` → `"true"`, `null` → `"null"`, `{"a":1}` → `'{"a":1}'`), since the resource takes string labels only |
 *
 * Everything else (`deploymentTarget`, `flinkConf`, resource settings, `logging`,
 * `description`) comes from `overrides`.
 *
 * The `artifact` argument is always a Pulumi secret, unless `options.storeArtifactAsSecret`
 * is `false` and the draft's source did not make it secret. Other arguments keep the secrecy
 * of what they come from: a plain result (of `getDeploymentDraft`) gives plain values; an
 * output or a promise (of `getDeploymentDraftOutput`), or a `DeploymentDraft` resource, gives
 * outputs that keep the draft's dependencies and the secrecy of its inputs (the result of
 * `getDeploymentDraftOutput`, secret because of its artifact, does not make the deployment's
 * name secret).
 *
 * `@pulumi/alicloud` is needed only by the program that creates the deployment; this package
 * does not load it.
 *
 * ```ts
 * import * as alicloud from "@pulumi/alicloud";
 * import * as ververica from "pulumi-ververica";
 * import { deploymentArgsFromDraft } from "pulumi-ververica/alicloud";
 *
 * const draft = ververica.getDeploymentDraftOutput({ workspace, namespace, name: "orders-etl" });
 * const deployment = new alicloud.realtimecompute.Deployment("orders-etl", deploymentArgsFromDraft(draft, {
 *     deploymentTarget: { mode: "PER_JOB", name: "default-queue" },
 *     streamingResourceSetting: { resourceSettingMode: "BASIC", basicResourceSetting: { parallelism: 2 } },
 * }));
 * ```
 *
 * Throws (or, for outputs, rejects with) a {@link DraftNotDeployableError} when the draft's
 * artifact is CDC YAML, which `realtimecompute.Deployment` does not take, or when the draft
 * has no artifact, no execution mode, or no name and none is given.
 */
export function deploymentArgsFromDraft(draft: DraftSource, overrides: DeploymentArgsOverrides, options?: DeploymentArgsFromDraftOptions): DeploymentArgs {
    // A data source result secret only for its artifact's sake feeds the other arguments as
    // readable as its inputs; its artifact stays secret whatever the options say.
    const declassified = pulumi.Output.isInstance(draft) ? withoutArtifactSecrecy(draft as pulumi.Output<DeploymentDraftAttributes>) : undefined;
    const fed = isAttributeOutputs(draft)
        ? argsFromOutputs(draft, overrides.deploymentName)
        : pulumi.Output.isInstance(draft) || draft instanceof Promise
          ? argsFromOutputs(attributeOutputsOf(pulumi.output(declassified ?? draft)), overrides.deploymentName)
          : argsFromAttributes(draft, overrides.deploymentName);
    const keepSecret = options?.storeArtifactAsSecret !== false || declassified !== undefined;
    const artifact = keepSecret ? pulumi.secret(fed.artifact) : fed.artifact;
    return { ...overrides, ...fed, artifact };
}

function isAttributeOutputs(draft: DraftSource): draft is DraftAttributeOutputs {
    // An output of a draft has lifted `workspace` output too: it is recognised by being an output.
    return !pulumi.Output.isInstance(draft) && typeof draft === "object" && draft !== null && pulumi.Output.isInstance((draft as { workspace?: unknown }).workspace);
}

function attributeOutputsOf(draft: pulumi.Output<DeploymentDraftAttributes>): DraftAttributeOutputs {
    return {
        deploymentDraftId: draft.apply((d) => d.deploymentDraftId),
        name: draft.apply((d) => d.name),
        executionMode: draft.apply((d) => d.executionMode),
        artifact: draft.apply((d) => d.artifact),
        engineVersion: draft.apply((d) => d.engineVersion),
        localVariables: draft.apply((d) => d.localVariables),
        labels: draft.apply((d) => d.labels),
        workspace: draft.apply((d) => d.workspace),
        namespace: draft.apply((d) => d.namespace),
    };
}

function argsFromAttributes(draft: DeploymentDraftAttributes, deploymentName: pulumi.Input<string> | undefined): FedArgs {
    const reference = referenceOf(draft.workspace, draft.namespace, draft.deploymentDraftId, draft.name);
    const args: FedArgs = {
        resourceId: draft.workspace,
        namespace: draft.namespace,
        deploymentName: deploymentName ?? required(draft.name, "name", reference),
        executionMode: required(draft.executionMode, "execution mode", reference),
        artifact: deploymentArtifact(draft.artifact, reference),
        engineVersion: draft.engineVersion,
        localVariables: deploymentLocalVariables(draft.localVariables),
        labels: deploymentLabels(draft.labels),
    };
    return withoutUndefined(args);
}

// Field by field, so that each argument keeps the secrecy of the attribute it comes from: a
// resource's secret artifact does not make the deployment's name secret.
function argsFromOutputs(draft: DraftAttributeOutputs, deploymentName: pulumi.Input<string> | undefined): FedArgs {
    const reference = pulumi.all([draft.workspace, draft.namespace, draft.deploymentDraftId, draft.name]).apply(([w, n, id, name]) => referenceOf(w, n, id, name));
    return {
        resourceId: draft.workspace,
        namespace: draft.namespace,
        deploymentName: deploymentName ?? pulumi.all([draft.name, reference]).apply(([name, r]) => required(name, "name", r)),
        executionMode: pulumi.all([draft.executionMode, reference]).apply(([mode, r]) => required(mode, "execution mode", r)),
        artifact: pulumi.all([draft.artifact, reference]).apply(([artifact, r]) => deploymentArtifact(artifact, r)),
        engineVersion: draft.engineVersion,
        localVariables: draft.localVariables.apply(deploymentLocalVariables),
        labels: draft.labels.apply(deploymentLabels),
    };
}

function deploymentArtifact(artifact: DraftArtifact | undefined, draft: DraftReference): DeploymentArtifact {
    if (artifact === undefined) {
        throw new DraftNotDeployableError(draft, "it has no artifact");
    }
    // Only the part `kind` selects: the API may send other parts alongside it.
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

function deploymentLocalVariables(variables: readonly LocalVariable[] | undefined): { name?: string; value?: string }[] | undefined {
    return variables?.map((v) => withoutUndefined({ name: v.name, value: v.value }));
}

// The resource takes string labels only, while draft labels are any JSON value.
function deploymentLabels(labels: { readonly [key: string]: JsonValue } | undefined): { [key: string]: string } | undefined {
    return labels && Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]));
}

function required<T>(value: T | undefined, what: string, draft: DraftReference): T {
    if (value === undefined) {
        throw new DraftNotDeployableError(draft, `it has no ${what}, which the deployment requires`);
    }
    return value;
}

function referenceOf(workspace: string, namespace: string, deploymentDraftId: string, name: string | undefined): DraftReference {
    return name === undefined ? { workspace, namespace, deploymentDraftId } : { workspace, namespace, deploymentDraftId, name };
}

// alicloud's input types take mutable arrays; the draft's are read-only.
function copy(values: readonly string[] | undefined): string[] | undefined {
    return values && [...values];
}

// Absent attributes stay absent in the arguments rather than becoming `undefined` entries.
function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
