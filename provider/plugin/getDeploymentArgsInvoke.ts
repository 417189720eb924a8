import { deploymentArgsOf } from "../core/deploymentArgs";
import { InvalidArgumentError } from "../core/errors";
import { validateSelector } from "../core/validation";
import type { ConfiguredLookups } from "./configuredLookups";
import { rejectUndeclaredFunctionArguments } from "./declaredInputs";
import { secretFieldsOf, storesArtifactAsSecret } from "./draftSecrecy";
import { InvokeAnswer, validated } from "./invokeAnswer";
import type { PropertyValues } from "./propertyValues";
import { tokens } from "./schema";

/** The validated arguments of `getDeploymentArgs`. */
interface FeedArguments {
    readonly selector: ReturnType<typeof validateSelector>;
    readonly deploymentName?: string;
    readonly storeArtifactAsSecret: boolean;
}

function feedArguments(args: Readonly<Record<string, unknown>>): FeedArguments {
    rejectUndeclaredFunctionArguments(tokens.getDeploymentArgs, args);
    const selector = validateSelector(args);
    const { deploymentName } = args;
    if (deploymentName !== undefined && deploymentName !== null && typeof deploymentName !== "string") {
        throw new InvalidArgumentError("deploymentName", `must be a string, got ${typeof deploymentName}`);
    }
    return { selector, deploymentName: deploymentName ?? undefined, storeArtifactAsSecret: storesArtifactAsSecret(args) };
}

/**
 * `ververica:index:getDeploymentArgs`: validates the arguments before any request, looks the
 * draft up as `getDeploymentDraft` does, and returns the arguments of
 * `alicloud.realtimecompute.Deployment` it holds (an argument the schema does not declare is a
 * failure naming it), exactly what the TypeScript
 * `deploymentArgsFromDraft` gives (one mapping serves both: `../core/deploymentArgs.ts`). A draft
 * that cannot feed a deployment fails with its `DraftNotDeployableError`. The artifact is a
 * secret unless `storeArtifactAsSecret` is false; a secret argument makes the whole result
 * secret, as for the other functions.
 */
export async function invokeGetDeploymentArgs(lookups: ConfiguredLookups, args: PropertyValues): Promise<InvokeAnswer> {
    // Its failures' reasons are the whole message (`invalid argument "<name>": ...`), where the
    // other functions give the problem alone (`invokeFailure`).
    const checked = validated(
        () => feedArguments(args.values),
        (e) => ({ property: e.argument, reason: e.message }),
    );
    if ("failures" in checked) return checked;
    const feed = checked.value;
    const draft = await lookups.lookup(feed.selector, {}, true);
    const values: Record<string, unknown> = { ...deploymentArgsOf(draft, feed.deploymentName) };
    const secrets = args.secrets.size > 0 ? Object.keys(values) : secretFieldsOf(feed.storeArtifactAsSecret);
    return { result: { values, secrets: new Set(secrets) }, failures: [] };
}
