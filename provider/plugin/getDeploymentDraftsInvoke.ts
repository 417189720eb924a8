import { validateDraftFilter } from "../core/draftFilter";
import { InvalidArgumentError } from "../core/errors";
import type { ConfiguredLookups } from "./configuredLookups";
import type { InvokeAnswer } from "./getDeploymentDraftInvoke";
import type { PropertyValues } from "./propertyValues";

/**
 * `ververica:index:getDeploymentDrafts`: validates the arguments before any request (an
 * invalid `nameRegex` is a failure naming it), then returns `workspace`, `namespace`, `ids`,
 * `names` and `drafts`, each draft with `id` and every attribute. As for the single lookup,
 * a secret argument makes the whole result secret.
 */
export async function invokeGetDeploymentDrafts(lookups: ConfiguredLookups, args: PropertyValues): Promise<InvokeAnswer> {
    const filterArgs = { ...args.values, labels: labelsAsText(args.values.labels) };
    try {
        validateDraftFilter(filterArgs);
    } catch (e) {
        if (e instanceof InvalidArgumentError) {
            return { failures: [{ property: e.argument, reason: e.message }] };
        }
        throw e;
    }
    const found = await lookups.lookupAll(filterArgs);
    const values: Record<string, unknown> = {
        workspace: found.workspace,
        namespace: found.namespace,
        ids: found.ids,
        names: found.names,
        drafts: found.drafts,
    };
    return { result: { values, secrets: new Set(args.secrets.size > 0 ? Object.keys(values) : []) }, failures: [] };
}

// The schema types label values as Any, as the drafts' own labels are (`replicas: 1` in YAML is
// a number); the filter compares a non-string label value by its JSON text, so `1` matches `1`.
function labelsAsText(labels: unknown): unknown {
    if (labels === null || typeof labels !== "object" || Array.isArray(labels)) return labels;
    return Object.fromEntries(
        Object.entries(labels).map(([key, value]) => [key, typeof value === "string" || value === null || value === undefined ? value : JSON.stringify(value)]),
    );
}
