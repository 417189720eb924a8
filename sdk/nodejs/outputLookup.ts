import * as pulumi from "@pulumi/pulumi";
import type { LookupContext } from "../../provider/core/draftLookup";
import { markSecretForArtifact } from "./artifactSecrecy";
import type { GetDeploymentDraftInvokeOutputOptions } from "./getDeploymentDraftArgs";
import { lookupOptionsOf, programLookupContext } from "./programContext";

/**
 * The output form shared by the data sources: waits for the arguments, the `region` and
 * `endpoint` inputs and the `dependsOn` resources, then runs `lookup` with the resolved
 * arguments. The result carries the inputs' secrecy and dependencies, stays unknown while an
 * input is, and is a secret unless `storeArtifactAsSecret: false`, because the drafts it holds
 * carry their artifacts.
 */
export function lookupOutput<A, R>(
    args: pulumi.Input<A>,
    opts: GetDeploymentDraftInvokeOutputOptions | undefined,
    lookup: (resolved: pulumi.Unwrap<A>, context: LookupContext) => Promise<R>,
): pulumi.Output<R> {
    const { region, endpoint, dependsOn, storeArtifactAsSecret = true, logger, ...rest } = opts ?? {};
    const dependencies = dependsOn === undefined ? pulumi.output([]) : pulumi.output(dependsOn).apply((d) => (Array.isArray(d) ? d : [d]));
    const result = pulumi
        .all([pulumi.output(args), pulumi.output(region), pulumi.output(endpoint), dependencies.apply((resources) => pulumi.all(resources.map((r) => r.urn)))])
        .apply(([resolved, resolvedRegion, resolvedEndpoint]) => {
            const options = lookupOptionsOf({ ...rest, region: resolvedRegion, endpoint: resolvedEndpoint });
            return lookup(resolved as pulumi.Unwrap<A>, programLookupContext(options, logger));
        });
    // `pulumi.secret` types its result as unwrapped; a lookup result holds no outputs to unwrap.
    return storeArtifactAsSecret ? markSecretForArtifact(pulumi.secret(result) as pulumi.Output<R>, result) : result;
}
