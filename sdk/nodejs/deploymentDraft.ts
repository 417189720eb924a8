import * as pulumi from "@pulumi/pulumi";
import type { Network } from "../../provider/core/connectionSettings";
import { draftResourceOutputNames } from "../../provider/core/draftResource";
import { secretDraftFields } from "../../provider/core/draftShape/readDraft";
import type { DeploymentDraftAttributes } from "../../provider/core/model";
import { draftProviderStub } from "./draftProviderStub";

/** Where a {@link DeploymentDraft}'s draft lives, how to reach the API, and how to store it. */
interface DeploymentDraftLocation {
    /** The workspace id, e.g. `a14bd5d90a`. Changing it replaces the resource. */
    readonly workspace: pulumi.Input<string>;
    /** The namespace, e.g. `default-namespace`. Changing it replaces the resource. */
    readonly namespace: pulumi.Input<string>;
    /** An endpoint host or URL; otherwise from stack config or environment (see docs/installation-configuration.md). */
    readonly endpoint?: pulumi.Input<string>;
    /** A region such as `cn-hangzhou`; otherwise from stack config or environment. */
    readonly region?: pulumi.Input<string>;
    /** `"vpc"` to reach the region's VPC endpoint (`ververica-vpc.<region>.aliyuncs.com`); otherwise from stack config or environment, else `"public"`. */
    readonly network?: pulumi.Input<Network>;
    /**
     * Keep the draft's `artifact` (SQL script, main args, CDC YAML: places where passwords
     * hide) encrypted in state as a Pulumi secret. Default `true`; set `false` only for drafts
     * known to hold no secret, when plain-text diffs of the SQL are worth more.
     */
    readonly storeArtifactAsSecret?: boolean;
}

/** Tracks a draft by its id. */
export interface DeploymentDraftByIdArgs extends DeploymentDraftLocation {
    /** The draft's id (a UUID). Choosing another draft replaces the resource. */
    readonly deploymentDraftId: pulumi.Input<string>;
    /** Not with `deploymentDraftId`: a draft is tracked by its id or by its name. */
    readonly name?: never;
}

/** Tracks a draft by its name, found with ListDeploymentDrafts. */
export interface DeploymentDraftByNameArgs extends DeploymentDraftLocation {
    /** The draft's name, unique within its namespace. Choosing another draft replaces the resource. */
    readonly name: pulumi.Input<string>;
    /** Not with `name`: a draft is tracked by its id or by its name. */
    readonly deploymentDraftId?: never;
}

/**
 * Identifies the draft a {@link DeploymentDraft} tracks (by id or by name, exactly one), and
 * where to reach the API.
 */
export type DeploymentDraftArgs = DeploymentDraftByIdArgs | DeploymentDraftByNameArgs;

/** One output per draft attribute: the model the data source returns, as outputs. */
export type DeploymentDraftOutputs = {
    readonly [K in keyof DeploymentDraftAttributes]-?: pulumi.Output<DeploymentDraftAttributes[K]>;
};

/** One output per draft attribute (see {@link DeploymentDraftOutputs}), merged into the class. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the outputs come from the model's keys; only an interface can take members from a mapped type
export interface DeploymentDraft extends DeploymentDraftOutputs {}

/**
 * Tracks an existing deployment draft read-only: creating it looks the draft up, `pulumi
 * refresh` re-reads it and shows drift (new engine version, new SQL, a lock taken), and
 * `pulumi destroy` only forgets it. The draft itself is never changed.
 *
 * ```ts
 * const draft = new ververica.DeploymentDraft("orders-etl", {
 *     workspace: "a14bd5d90a",
 *     namespace: "default-namespace",
 *     deploymentDraftId: "c84d73be-40ad-4627-8bdd-fa1eba51b234",
 * });
 * export const engine = draft.engineVersion;
 * ```
 *
 * Import and `DeploymentDraft.get` are not supported (a limitation of Pulumi dynamic
 * providers): declare the resource with the draft's id instead, or use `getDeploymentDraftOutput`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class DeploymentDraft extends pulumi.dynamic.Resource {
    /** The Pulumi type token of this resource, as policies and transforms see it. */
    static readonly __pulumiType = "pulumi-nodejs:dynamic/ververica:DeploymentDraft";

    /** Whether `obj` is a `DeploymentDraft`, even one created by another copy of this package. */
    static override isInstance(obj: unknown): obj is DeploymentDraft {
        return (
            obj !== undefined &&
            obj !== null &&
            pulumi.dynamic.Resource.isInstance(obj) &&
            (obj as { __pulumiType?: unknown }).__pulumiType === DeploymentDraft.__pulumiType
        );
    }

    /** The endpoint given in the arguments, if any. */
    declare readonly endpoint: pulumi.Output<string | undefined>;
    /** The region given in the arguments, if any. */
    declare readonly region: pulumi.Output<string | undefined>;
    /** The network given in the arguments, if any. */
    declare readonly network: pulumi.Output<Network | undefined>;
    /** The name the draft was looked up by, when it was (`name` is the draft's current name). */
    declare readonly lookupName: pulumi.Output<string | undefined>;

    /**
     * Tracks the draft `args` names, read-only: creating the resource looks the draft up.
     *
     * @param name The unique name of this resource in the stack.
     * @param args Which draft to track.
     * @param opts Resource options; `additionalSecretOutputs` adds to the secret artifact.
     */
    constructor(name: string, args: DeploymentDraftArgs, opts?: pulumi.CustomResourceOptions) {
        const { storeArtifactAsSecret = true, ...lookup } = args ?? ({} as DeploymentDraftArgs);
        const props: pulumi.Inputs = {};
        // Every output must be declared (as undefined) to come back as an output.
        for (const output of draftResourceOutputNames) {
            props[output] = undefined;
        }
        Object.assign(props, lookup);
        const secretOutputs = [...(storeArtifactAsSecret ? secretDraftFields : []), ...(opts?.additionalSecretOutputs ?? [])];
        super(draftProviderStub, name, props, { ...opts, additionalSecretOutputs: secretOutputs }, "ververica", "DeploymentDraft");
        // The provider stores an absent attribute as null, so that a preview knows it is absent
        // rather than not known yet; to this class's users absent is undefined, as typed.
        const outputs = this as unknown as Record<string, pulumi.Output<unknown>>;
        for (const output of draftResourceOutputNames) {
            outputs[output] = outputs[output].apply((value) => value ?? undefined);
        }
    }
}
