import { InvalidArgumentError } from "../core/errors";
import { validateSelector } from "../core/validation";
import type { ConfiguredLookups } from "./configuredLookups";
import type { PropertyValues } from "./propertyValues";

/** An invoke's answer: the result, or failures naming the arguments. */
export interface InvokeAnswer {
    readonly result?: PropertyValues;
    readonly failures: ReadonlyArray<{ readonly property: string; readonly reason: string }>;
}

/**
 * `ververica:index:getDeploymentDraft`: validates the arguments before any request, then
 * returns `id` and every attribute of the draft. A secret argument makes the whole result
 * secret, since the result may reveal it.
 */
export async function invokeGetDeploymentDraft(lookups: ConfiguredLookups, args: PropertyValues): Promise<InvokeAnswer> {
    let selector;
    try {
        selector = validateSelector(args.values);
    } catch (e) {
        if (e instanceof InvalidArgumentError) {
            return { failures: [{ property: e.argument, reason: e.message }] };
        }
        throw e;
    }
    const draft = await lookups.lookup(selector, {}, true);
    const values: Record<string, unknown> = { id: draft.deploymentDraftId, ...draft };
    return { result: { values, secrets: new Set(args.secrets.size > 0 ? Object.keys(values) : []) }, failures: [] };
}
