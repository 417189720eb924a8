/**
 * Turns what a policy is handed into the draft model the rules check: the outputs of a
 * `DeploymentDraft` resource (stack policies) and the inputs of an
 * `alicloud.realtimecompute.Deployment` (resource policies).
 */
import { readDraft } from "../../../../provider/core/draftShape/readDraft";
import { DeploymentDraftAttributes, draftAttributeNames, JarArtifact, LocalVariable, PythonArtifact, SqlArtifact } from "../../../../provider/core/model";

// Where a Deployment's inputs name a draft's attribute differently.
const deploymentInputNames = { workspace: "resourceId", name: "deploymentName" };

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
    return readDraft(outputs, { fallback: {} });
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
    /** `STREAMING` or `BATCH`; another value is kept as given. */
    readonly executionMode?: string;
    /** The draft's `labels` (a deployment's labels are all strings). */
    readonly labels?: { readonly [key: string]: string };
    /** The draft's `localVariables`. */
    readonly localVariables?: readonly LocalVariable[];
    /** The draft's `artifact`: the same parts, without CDC YAML; a `kind` this package does not know keeps its parts. */
    readonly artifact?: {
        /** `SQLSCRIPT`, `JAR` or `PYTHON`; another kind is kept as given. */
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
    return readDraft(inputs, { fallback: {}, lazy: true, sourceNames: deploymentInputNames });
}
