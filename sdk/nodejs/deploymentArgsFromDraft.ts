import * as pulumi from "@pulumi/pulumi";
// Types only: loading this package must never load @pulumi/alicloud, an optional peer.
import type { DeploymentArgs } from "@pulumi/alicloud/realtimecompute";
import {
    deploymentArgsOf,
    deploymentArtifactOf,
    deploymentLabelsOf,
    deploymentLocalVariablesOf,
    draftReferenceOf,
    requireDeploymentName,
    requireExecutionMode,
} from "../../provider/core/deploymentArgs";
import type { DeploymentDraftAttributes, DraftArtifact, ExecutionMode, JsonValue, LocalVariable } from "../../provider/core/model";
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
 * Throws (or, for outputs, rejects with) a {@link index!DraftNotDeployableError | DraftNotDeployableError} when the draft's
 * artifact is CDC YAML, which `realtimecompute.Deployment` does not take, or when the draft
 * has no artifact, no execution mode, or no name and none is given.
 */
export function deploymentArgsFromDraft(draft: DraftSource, overrides: DeploymentArgsOverrides, options?: DeploymentArgsFromDraftOptions): DeploymentArgs {
    // The mapping is the core's (provider/core/deploymentArgs.ts), which the plugin's
    // getDeploymentArgs also uses: both give the same values and refuse the same drafts.
    // A data source result secret only for its artifact's sake feeds the other arguments as
    // readable as its inputs; its artifact stays secret whatever the options say.
    const declassified = pulumi.Output.isInstance(draft) ? withoutArtifactSecrecy(draft as pulumi.Output<DeploymentDraftAttributes>) : undefined;
    const fed = isAttributeOutputs(draft)
        ? argsFromOutputs(draft, overrides.deploymentName)
        : pulumi.Output.isInstance(draft) || draft instanceof Promise
          ? argsFromOutputs(attributeOutputsOf(pulumi.output(declassified ?? draft)), overrides.deploymentName)
          : deploymentArgsOf<pulumi.Input<string>>(draft, overrides.deploymentName);
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

// Field by field, so that each argument keeps the secrecy of the attribute it comes from: a
// resource's secret artifact does not make the deployment's name secret.
function argsFromOutputs(draft: DraftAttributeOutputs, deploymentName: pulumi.Input<string> | undefined): FedArgs {
    const reference = pulumi
        .all([draft.workspace, draft.namespace, draft.deploymentDraftId, draft.name])
        .apply(([workspace, namespace, deploymentDraftId, name]) => draftReferenceOf({ workspace, namespace, deploymentDraftId, name }));
    return {
        resourceId: draft.workspace,
        namespace: draft.namespace,
        deploymentName: deploymentName ?? pulumi.all([draft.name, reference]).apply(([name, r]) => requireDeploymentName(name, r)),
        executionMode: pulumi.all([draft.executionMode, reference]).apply(([mode, r]) => requireExecutionMode(mode, r)),
        artifact: pulumi.all([draft.artifact, reference]).apply(([artifact, r]) => deploymentArtifactOf(artifact, r)),
        engineVersion: draft.engineVersion,
        localVariables: draft.localVariables.apply(deploymentLocalVariablesOf),
        labels: draft.labels.apply(deploymentLabelsOf),
    };
}
