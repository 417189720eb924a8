import * as pulumi from "@pulumi/pulumi";
import type { LookupOptions } from "../../provider/core/draftLookup";
import { lookupDraft } from "../../provider/core/draftLookup";
import type { DeploymentDraftAttributes } from "../../provider/core/model";
import {
    checkArgumentShape,
    GetDeploymentDraftArgs,
    GetDeploymentDraftInvokeOptions,
    GetDeploymentDraftInvokeOutputOptions,
    GetDeploymentDraftOutputArgs,
} from "./getDeploymentDraftArgs";
import { markSecretForArtifact } from "./artifactSecrecy";
import { lookupOptionsOf, programLookupContext } from "./programContext";

export type {
    GetDeploymentDraftArgs,
    GetDeploymentDraftByIdArgs,
    GetDeploymentDraftByIdOutputArgs,
    GetDeploymentDraftByNameArgs,
    GetDeploymentDraftByNameOutputArgs,
    GetDeploymentDraftInvokeOptions,
    GetDeploymentDraftInvokeOutputOptions,
    GetDeploymentDraftOutputArgs,
    RetryLogger,
} from "./getDeploymentDraftArgs";

/** Every attribute of the draft, plus `id` (the draft's id). */
export interface GetDeploymentDraftResult extends DeploymentDraftAttributes {
    /** The draft's id, as Pulumi's data sources name the looked-up object's id. */
    readonly id: string;
}

/**
 * Reads a deployment draft of Realtime Compute for Apache Flink (GetDeploymentDraft).
 *
 * Works in a Pulumi program and in a plain Node script (then without stack config). The
 * result is a plain value: where it goes is the caller's choice. In a Pulumi program, prefer
 * {@link getDeploymentDraftOutput}, whose result is secret, or feed the result to
 * `deploymentArgsFromDraft`, which makes the artifact secret.
 *
 * ```ts
 * const draft = await ververica.getDeploymentDraft({
 *     workspace: "a14bd5d90a",
 *     namespace: "default-namespace",
 *     deploymentDraftId: "c84d73be-40ad-4627-8bdd-fa1eba51b234",
 * });
 * if (draft.artifact?.kind === "SQLSCRIPT") console.log(draft.artifact.sqlArtifact?.sqlScript);
 * ```
 *
 * Fails with an `InvalidArgumentError` before any request when an argument is missing,
 * unknown or malformed (an output or a promise where a string belongs included), and with a
 * typed `VervericaError` (e.g. `DraftNotFoundError`) when the API refuses.
 */
export async function getDeploymentDraft(args: GetDeploymentDraftArgs, opts?: GetDeploymentDraftInvokeOptions): Promise<GetDeploymentDraftResult> {
    checkArgumentShape(args, "getDeploymentDraft");
    const draft = await lookupDraft(args ?? {}, programLookupContext(lookupOptionsOf(opts ?? {}), opts?.logger));
    return withId(draft);
}

/**
 * The output form of {@link getDeploymentDraft}: takes inputs, returns an output that carries
 * the inputs' secrecy and dependencies. While an input is unknown (during preview) the result
 * is unknown too and no request is made.
 *
 * The result is a secret, because the draft's artifact may hold passwords (see
 * `storeArtifactAsSecret` in {@link GetDeploymentDraftInvokeOutputOptions}).
 *
 * ```ts
 * const draft = ververica.getDeploymentDraftOutput({ workspace: "a14bd5d90a", namespace: "default-namespace", name: "orders-etl" });
 * export const engineVersion = pulumi.unsecret(draft.apply((d) => d.engineVersion));
 * ```
 */
export function getDeploymentDraftOutput(args: GetDeploymentDraftOutputArgs, opts?: GetDeploymentDraftInvokeOutputOptions): pulumi.Output<GetDeploymentDraftResult> {
    const { region, endpoint, dependsOn, storeArtifactAsSecret = true, logger, ...rest } = opts ?? {};
    const dependencies = dependsOn === undefined ? pulumi.output([]) : pulumi.output(dependsOn).apply((d) => (Array.isArray(d) ? d : [d]));
    const result = pulumi
        .all([pulumi.output(args ?? {}), pulumi.output(region), pulumi.output(endpoint), dependencies.apply((resources) => pulumi.all(resources.map((r) => r.urn)))])
        .apply(([resolved, resolvedRegion, resolvedEndpoint]) => {
            checkArgumentShape(resolved, "getDeploymentDraftOutput");
            const options = lookupOptionsOf({ ...rest, region: resolvedRegion, endpoint: resolvedEndpoint });
            return lookupDraft(resolved, programLookupContext(options, logger)).then(withId);
        });
    return storeArtifactAsSecret ? markSecretForArtifact(pulumi.secret(result), result) : result;
}

function withId(draft: DeploymentDraftAttributes): GetDeploymentDraftResult {
    return { id: draft.deploymentDraftId, ...draft };
}
