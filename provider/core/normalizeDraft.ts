import { readDraft } from "./draftShape/readDraft";
import { DraftReference, InvalidResponseError } from "./errors";
import { DeploymentDraftAttributes } from "./model";

/**
 * Turns the `data` of a GetDeploymentDraft response into the typed model. Fields the API
 * did not send stay absent (never `"undefined"`); everything it sent is kept as sent, values
 * the API types as open strings (`executionMode`, `artifact.kind`) included. A field of the
 * wrong type is an {@link InvalidResponseError}: a typed result must not lie.
 */
export function normalizeDraft(data: unknown, requested: DraftReference & { workspace: string; namespace: string }): DeploymentDraftAttributes {
    return readDraft(data, {
        fallback: requested,
        reject(path, expected, actual) {
            throw new InvalidResponseError(actual === "absent" ? `the draft has no ${path}` : `field "${path}" should be ${expected} but is ${actual}`, requested);
        },
    });
}
