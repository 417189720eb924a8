/**
 * Which parts of a draft the plugin returns as Pulumi secrets: the fields the declaration marks
 * secret (`secretDraftFields`: the artifact, where passwords hide), unless the caller passed
 * `storeArtifactAsSecret: false`. The same rule for the resource's outputs and for the drafts
 * the functions return.
 */
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { secretDraftFields } from "../core/draftShape/readDraft";
import { InvalidArgumentError } from "../core/errors";
import type { DeploymentDraftAttributes } from "../core/model";
import { containsUnknown } from "./propertyValues";

/** The argument that turns the secrecy of the artifact off. */
const storeArtifactAsSecretArgument = "storeArtifactAsSecret";

/**
 * Whether to keep the secret fields secret: `storeArtifactAsSecret` unless it is `false`.
 * Throws an {@link InvalidArgumentError} for a value that is not a boolean; a value not known
 * yet (a preview) counts as true.
 */
export function storesArtifactAsSecret(args: Readonly<Record<string, unknown>>): boolean {
    const value = args[storeArtifactAsSecretArgument];
    if (value === undefined || value === null || containsUnknown(value)) return true;
    if (typeof value !== "boolean") {
        throw new InvalidArgumentError(storeArtifactAsSecretArgument, `must be a boolean, got ${typeof value}`);
    }
    return value;
}

/** The top-level names of a draft's values to mark secret (see `toStruct`). */
export function secretFieldsOf(storeAsSecret: boolean): readonly string[] {
    return storeAsSecret ? secretDraftFields : [];
}

/**
 * A draft as a function returns it, nested in a result: its secret fields wrapped in Pulumi's
 * secret signature (which `toStruct` keeps), so that they, not the whole draft, are secret.
 */
export function withSecretFields(draft: DeploymentDraftAttributes, storeAsSecret: boolean): Record<string, unknown> {
    const values: Record<string, unknown> = { ...draft };
    for (const field of secretFieldsOf(storeAsSecret)) {
        if (values[field] !== undefined) values[field] = { [specialSigKey]: specialSecretSig, value: values[field] };
    }
    return values;
}
