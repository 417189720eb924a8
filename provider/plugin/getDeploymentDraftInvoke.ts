import { validateSelector } from "../core/validation";
import type { ConfiguredLookups } from "./configuredLookups";
import { rejectUndeclaredFunctionArguments } from "./declaredInputs";
import { storesArtifactAsSecret, withSecretFields } from "./draftSecrecy";
import { InvokeAnswer, invokeResult, validated } from "./invokeAnswer";
import type { PropertyValues } from "./propertyValues";
import { tokens } from "./schema";

export type { InvokeAnswer } from "./invokeAnswer";

/**
 * `ververica:index:getDeploymentDraft`: validates the arguments before any request, then
 * returns `id` and every attribute of the draft, the artifact secret unless
 * `storeArtifactAsSecret: false`. An argument the schema does not declare is a failure naming it.
 */
export async function invokeGetDeploymentDraft(lookups: ConfiguredLookups, args: PropertyValues): Promise<InvokeAnswer> {
    const checked = validated(() => {
        rejectUndeclaredFunctionArguments(tokens.getDeploymentDraft, args.values);
        return { selector: validateSelector(args.values), storeAsSecret: storesArtifactAsSecret(args.values) };
    });
    if ("failures" in checked) return checked;
    const draft = await lookups.lookup(checked.value.selector, {}, true);
    return invokeResult({ id: draft.deploymentDraftId, ...withSecretFields(draft, checked.value.storeAsSecret) }, args);
}
