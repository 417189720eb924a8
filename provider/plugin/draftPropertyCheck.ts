/**
 * The `DeploymentDraft` check's refusal of properties its schema does not declare: a misspelt
 * `deploymentDraftID` or a stray `junk` fails, naming it, instead of being stored in state.
 * Shared by the plugin's resource and the TypeScript dynamic resource, whose inputs are the same.
 */
import { resourceCheckFailure } from "../core/draftResource";
import { rejectUndeclaredDraftProperties } from "./declaredInputs";
import { ArgumentFailure, validated } from "./invokeAnswer";

/** A failure for the first property of `news` the resource does not declare; none when all are declared. */
export function undeclaredDraftPropertyFailures(news: Readonly<Record<string, unknown>>): readonly ArgumentFailure[] {
    const checked = validated(() => rejectUndeclaredDraftProperties(news), resourceCheckFailure);
    return "failures" in checked ? checked.failures : [];
}
