import * as pulumi from "@pulumi/pulumi";
import { GetDeploymentDraftResult, lookupDraft, withDraftId } from "../../provider/core/draftLookup";
import {
    checkArgumentShape,
    GetDeploymentDraftArgs,
    GetDeploymentDraftInvokeOptions,
    GetDeploymentDraftInvokeOutputOptions,
    GetDeploymentDraftOutputArgs,
} from "./getDeploymentDraftArgs";
import { lookupOutput } from "./outputLookup";
import { lookupOptionsOf, programLookupContext } from "./programContext";
import { validateSelector } from "../../provider/core/validation";

export type { GetDeploymentDraftResult };
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
    return withDraftId(draft);
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
 *
 * Arguments given as plain values are checked at the call: an empty or malformed one throws an
 * `InvalidArgumentError` there, before any request. Arguments given as outputs are checked once
 * they resolve, and a failure rejects the returned output.
 */
export function getDeploymentDraftOutput(args: GetDeploymentDraftOutputArgs, opts?: GetDeploymentDraftInvokeOutputOptions): pulumi.Output<GetDeploymentDraftResult> {
    rejectInvalidPlainArguments(args);
    return lookupOutput(args ?? {}, opts, (resolved, context) => {
        checkArgumentShape(resolved, "getDeploymentDraftOutput");
        return lookupDraft(resolved, context).then(withDraftId);
    });
}

// Arguments given as plain values are checked at the call, so that a program with a bad one
// stops at once, naming the argument. Failing inside the output instead would reject it while the
// program is still being evaluated, before Pulumi's runtime watches it: the runtime then reports
// an unhandled rejection, warns twice, and the run stalls for most of a minute.
function rejectInvalidPlainArguments(args: GetDeploymentDraftOutputArgs): void {
    const values: unknown[] = args !== null && typeof args === "object" ? [args.workspace, args.namespace, args.deploymentDraftId, args.name] : [];
    if (values.every((v) => !pulumi.Output.isInstance(v) && !(v instanceof Promise))) {
        checkArgumentShape(args, "getDeploymentDraftOutput");
        validateSelector(args);
    }
}
