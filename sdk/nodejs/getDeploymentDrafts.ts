import * as pulumi from "@pulumi/pulumi";
import { lookupDeploymentDrafts } from "../../provider/core/draftListing";
import type { DeploymentDraftsResult } from "../../provider/core/draftListing";
import type { GetDeploymentDraftInvokeOptions, GetDeploymentDraftInvokeOutputOptions } from "./getDeploymentDraftArgs";
import { lookupOutput } from "./outputLookup";
import { lookupOptionsOf, programLookupContext } from "./programContext";

export type { DeploymentDraftsResult };

/** Which namespace to read, and which of its drafts to keep (every given filter must pass). */
export interface GetDeploymentDraftsArgs {
    /** The workspace id, e.g. `a14bd5d90a`. */
    workspace: string;
    /** The namespace, e.g. `default-namespace`. */
    namespace: string;
    /** A regular expression the draft's name must match (anywhere; anchor it for a whole-name match). */
    nameRegex?: string;
    /** Keep only drafts with one of these ids. */
    ids?: string[];
    /** Labels the draft must carry with exactly these values (a non-string value compares as its JSON text). */
    labels?: { [key: string]: string };
}

/** {@link GetDeploymentDraftsArgs} whose values may be outputs of other resources. */
export interface GetDeploymentDraftsOutputArgs {
    /** The workspace id, e.g. `a14bd5d90a`. */
    workspace: pulumi.Input<string>;
    /** The namespace, e.g. `default-namespace`. */
    namespace: pulumi.Input<string>;
    /** A regular expression the draft's name must match (anywhere; anchor it for a whole-name match). */
    nameRegex?: pulumi.Input<string>;
    /** Keep only drafts with one of these ids. */
    ids?: pulumi.Input<pulumi.Input<string>[]>;
    /** Labels the draft must carry with exactly these values. */
    labels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * How {@link getDeploymentDrafts} reaches the API, as for `getDeploymentDraft`; every call
 * reads afresh, so there is no `cache` option.
 */
export interface GetDeploymentDraftsInvokeOptions extends Omit<GetDeploymentDraftInvokeOptions, "cache"> {}

/**
 * How {@link getDeploymentDraftsOutput} reaches the API, as for `getDeploymentDraftOutput`:
 * `region` and `endpoint` as inputs, `dependsOn`, and `storeArtifactAsSecret` (default `true`).
 */
export interface GetDeploymentDraftsInvokeOutputOptions extends Omit<GetDeploymentDraftInvokeOutputOptions, "cache"> {}

/**
 * Reads every deployment draft of a namespace that passes the given filters: all pages of
 * ListDeploymentDrafts, and GetDeploymentDraft for a listed draft that lacks its artifact, so
 * each of `drafts` holds every attribute `getDeploymentDraft` returns.
 *
 * ```ts
 * const prod = await ververica.getDeploymentDrafts({
 *     workspace: "a14bd5d90a",
 *     namespace: "default-namespace",
 *     nameRegex: "^orders-",
 *     labels: { env: "prod" },
 * });
 * for (const draft of prod.drafts) console.log(draft.name, draft.engineVersion);
 * ```
 *
 * Fails with an `InvalidArgumentError` before any request when an argument is malformed (an
 * invalid `nameRegex`, a blank id), and with a typed `VervericaError` when the API refuses.
 */
export function getDeploymentDrafts(args: GetDeploymentDraftsArgs, opts?: GetDeploymentDraftsInvokeOptions): Promise<DeploymentDraftsResult> {
    return lookupDeploymentDrafts(args ?? {}, programLookupContext(lookupOptionsOf(opts), opts?.logger));
}

/**
 * The output form of {@link getDeploymentDrafts}: while an input is unknown (during preview)
 * the result is unknown too and no request is made. The result is a secret, because the
 * drafts' artifacts may hold passwords (see `storeArtifactAsSecret`).
 *
 * ```ts
 * const drafts = ververica.getDeploymentDraftsOutput({ workspace, namespace, labels: { team: "payments" } });
 * export const draftNames = pulumi.unsecret(drafts.apply((d) => d.names));
 * ```
 */
export function getDeploymentDraftsOutput(args: GetDeploymentDraftsOutputArgs, opts?: GetDeploymentDraftsInvokeOutputOptions): pulumi.Output<DeploymentDraftsResult> {
    return lookupOutput(args ?? {}, opts, (resolved, context) => lookupDeploymentDrafts(resolved, context));
}
