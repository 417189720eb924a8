import { validateDraftFilter } from "../core/draftFilter";
import type { ConfiguredLookups } from "./configuredLookups";
import { rejectUndeclaredFunctionArguments } from "./declaredInputs";
import { storesArtifactAsSecret, withSecretFields } from "./draftSecrecy";
import { InvokeAnswer, invokeResult, validated } from "./invokeAnswer";
import type { PropertyValues } from "./propertyValues";
import { tokens } from "./schema";

/**
 * `ververica:index:getDeploymentDrafts`: validates the arguments before any request (an
 * invalid `nameRegex`, or an argument the schema does not declare, is a failure naming it), then returns `workspace`, `namespace`, `ids`,
 * `names` and `drafts`, each draft with `id` and every attribute, its artifact secret unless
 * `storeArtifactAsSecret: false`.
 */
export async function invokeGetDeploymentDrafts(lookups: ConfiguredLookups, args: PropertyValues): Promise<InvokeAnswer> {
    // The filter's own arguments: storeArtifactAsSecret is the plugin's, not the filter's.
    const filterArgs = Object.fromEntries(Object.entries({ ...args.values, labels: labelsAsText(args.values.labels) }).filter(([key]) => key !== "storeArtifactAsSecret"));
    const checked = validated(() => {
        rejectUndeclaredFunctionArguments(tokens.getDeploymentDrafts, args.values);
        validateDraftFilter(filterArgs);
        return storesArtifactAsSecret(args.values);
    });
    if ("failures" in checked) return checked;
    const found = await lookups.lookupAll(filterArgs);
    return invokeResult(
        {
            workspace: found.workspace,
            namespace: found.namespace,
            ids: found.ids,
            names: found.names,
            drafts: found.drafts.map((draft) => ({ id: draft.deploymentDraftId, ...withSecretFields(draft, checked.value) })),
        },
        args,
    );
}

// The schema types label values as Any, as the drafts' own labels are (`replicas: 1` in YAML is
// a number); the filter compares a non-string label value by its JSON text, so `1` matches `1`.
function labelsAsText(labels: unknown): unknown {
    if (labels === null || typeof labels !== "object" || Array.isArray(labels)) return labels;
    return Object.fromEntries(
        Object.entries(labels).map(([key, value]) => [key, typeof value === "string" || value === null || value === undefined ? value : JSON.stringify(value)]),
    );
}
