import type * as pulumi from "@pulumi/pulumi";

// An output is secret as a whole, so the data source's result, secret for its artifact's
// sake, would make every argument fed from it secret. Each such result is kept here with the
// same result as it was before (secret only if an input was), so that `deploymentArgsFromDraft`
// can make the artifact secret and leave the other arguments as readable as their inputs.
const beforeArtifactSecrecy = new WeakMap<object, pulumi.Output<unknown>>();

/** Records that `secret` is `plain` made secret only because of the artifact it holds. */
export function markSecretForArtifact<T>(secret: pulumi.Output<T>, plain: pulumi.Output<T>): pulumi.Output<T> {
    beforeArtifactSecrecy.set(secret, plain);
    return secret;
}

/** The output `markSecretForArtifact` recorded for `output`, if any. */
export function withoutArtifactSecrecy<T>(output: pulumi.Output<T>): pulumi.Output<T> | undefined {
    return beforeArtifactSecrecy.get(output) as pulumi.Output<T> | undefined;
}
