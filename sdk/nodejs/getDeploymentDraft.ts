import * as pulumi from "@pulumi/pulumi";
import type { LookupOptions } from "../../provider/core/draftLookup";
import { lookupDraft } from "../../provider/core/draftLookup";
import type { DeploymentDraftAttributes } from "../../provider/core/model";
import { validateSelector } from "../../provider/core/validation";
import { programLookupContext } from "./programContext";

/**
 * Identifies the draft to read: its workspace and namespace, and either its id or its name.
 */
export interface GetDeploymentDraftArgs {
    /** The workspace id, e.g. `a14bd5d90a`. */
    workspace: string;
    /** The namespace, e.g. `default-namespace`. */
    namespace: string;
    /** The draft's id. Give this or `name`. */
    deploymentDraftId?: string;
    /** The draft's name, looked up with ListDeploymentDrafts. Give this or `deploymentDraftId`. */
    name?: string;
}

/** {@link GetDeploymentDraftArgs} whose values may be outputs of other resources. */
export interface GetDeploymentDraftOutputArgs {
    /** The workspace id, e.g. `a14bd5d90a`. */
    workspace: pulumi.Input<string>;
    /** The namespace, e.g. `default-namespace`. */
    namespace: pulumi.Input<string>;
    /** The draft's id. Give this or `name`. */
    deploymentDraftId?: pulumi.Input<string>;
    /** The draft's name, looked up with ListDeploymentDrafts. Give this or `deploymentDraftId`. */
    name?: pulumi.Input<string>;
}

/** Every attribute of the draft, plus `id` (the draft's id). */
export interface GetDeploymentDraftResult extends DeploymentDraftAttributes {
    /** The draft's id, as Pulumi's data sources name the looked-up object's id. */
    readonly id: string;
}

/**
 * Invoke options plus where to reach the API. Settings not given here come from the stack
 * config (`ververica:*`, `alicloud:*`), then the environment, then Alibaba's default chain.
 */
export interface GetDeploymentDraftInvokeOptions extends pulumi.InvokeOptions, LookupOptions {}

/** {@link GetDeploymentDraftInvokeOptions} for {@link getDeploymentDraftOutput}. */
export interface GetDeploymentDraftInvokeOutputOptions extends pulumi.InvokeOutputOptions, LookupOptions {}

/**
 * Reads a deployment draft of Realtime Compute for Apache Flink (GetDeploymentDraft).
 *
 * Works in a Pulumi program and in a plain Node script (then without stack config).
 *
 * ```ts
 * const draft = await ververica.getDeploymentDraft({
 *     workspace: "a14bd5d90a",
 *     namespace: "default-namespace",
 *     deploymentDraftId: "c84d73be-40ad-4627-8bdd-fa1eba51b234",
 * });
 * if (draft.artifact?.kind === "SQLSCRIPT") console.log(draft.artifact.sqlArtifact.sqlScript);
 * ```
 *
 * Fails with an `InvalidArgumentError` before any request when an argument is empty or
 * malformed, and with a typed `VervericaError` (e.g. `DraftNotFoundError`) when the API refuses.
 */
export async function getDeploymentDraft(args: GetDeploymentDraftArgs, opts?: GetDeploymentDraftInvokeOptions): Promise<GetDeploymentDraftResult> {
    const draft = await lookupDraft(args ?? {}, programLookupContext(lookupOptionsOf(opts)));
    return withId(draft);
}

/**
 * The output form of {@link getDeploymentDraft}: takes inputs, returns an output that carries
 * the inputs' secrecy and dependencies. While an input is unknown (during preview) the result
 * is unknown too and no request is made.
 *
 * ```ts
 * const draft = ververica.getDeploymentDraftOutput({ workspace, namespace, name: "orders-etl" });
 * export const engineVersion = draft.engineVersion;
 * ```
 *
 * Arguments given as plain values are checked at the call: an empty or malformed one throws an
 * `InvalidArgumentError` there, before any request. Arguments given as outputs are checked once
 * they resolve, and a failure rejects the returned output.
 */
export function getDeploymentDraftOutput(args: GetDeploymentDraftOutputArgs, opts?: GetDeploymentDraftInvokeOutputOptions): pulumi.Output<GetDeploymentDraftResult> {
    rejectInvalidPlainArguments(args);
    const lookupOptions = lookupOptionsOf(opts);
    const dependencies = opts?.dependsOn === undefined ? pulumi.output([]) : pulumi.output(opts.dependsOn).apply((d) => (Array.isArray(d) ? d : [d]));
    return pulumi
        .all([pulumi.output(args ?? {}), dependencies.apply((resources) => pulumi.all(resources.map((r) => r.urn)))])
        .apply(([resolved]) => lookupDraft(resolved, programLookupContext(lookupOptions)).then(withId));
}

// Arguments given as plain values are checked at the call, so that a program with a bad one
// stops at once, naming the argument. Failing inside the output instead would reject it while the
// program is still being evaluated, before Pulumi's runtime watches it: the runtime then reports
// an unhandled rejection, warns twice, and the run stalls for most of a minute.
function rejectInvalidPlainArguments(args: GetDeploymentDraftOutputArgs): void {
    const values: unknown[] = args !== null && typeof args === "object" ? [args.workspace, args.namespace, args.deploymentDraftId, args.name] : [];
    if (values.every((v) => !pulumi.Output.isInstance(v) && !(v instanceof Promise))) {
        validateSelector(args);
    }
}

function withId(draft: DeploymentDraftAttributes): GetDeploymentDraftResult {
    return { id: draft.deploymentDraftId, ...draft };
}

// Only the lookup settings travel on; Pulumi's own invoke options mean nothing to a direct call.
function lookupOptionsOf(opts: LookupOptions | undefined): LookupOptions {
    if (!opts) return {};
    const { region, endpoint, maxAttempts, maxRetryTimeMs, retryBaseDelayMs, retryMaxDelayMs, connectTimeoutMs, readTimeoutMs, maxConcurrency, cache } = opts;
    const picked = { region, endpoint, maxAttempts, maxRetryTimeMs, retryBaseDelayMs, retryMaxDelayMs, connectTimeoutMs, readTimeoutMs, maxConcurrency, cache };
    return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined)) as LookupOptions;
}
