/**
 * Builds a draft from the declaration itself: every declared field, at every depth, with a value
 * of its declared type. A reader or schema that forgets a field fails against it.
 */
import { deploymentDraftShape } from "../../provider/core/draftShape/draftFields";
import { isUnion, ObjectSpec, ValueSpec } from "../../provider/core/draftShape/fieldSpecs";
import type { DeploymentDraftAttributes } from "../../provider/core/model";

/** A draft holding every declared field; the artifact carries every part, under `kind`. */
export function draftWithEveryField(kind = "SQLSCRIPT"): DeploymentDraftAttributes {
    return objectOf(deploymentDraftShape, "", kind) as unknown as DeploymentDraftAttributes;
}

function objectOf(spec: ObjectSpec, path: string, kind: string): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(spec.fields).map(([name, field]) => [name, isUnion(spec) && name === spec.discriminator ? kind : valueOf(field.value, `${path}${name}`, kind)]),
    );
}

function valueOf(spec: ValueSpec, path: string, kind: string): unknown {
    switch (spec.kind) {
        case "string":
            return spec.known?.values[spec.known.values.length - 1] ?? `${path}-value`;
        case "timestamp":
            return path.length;
        case "jsonMap":
            return { text: path, number: 1, flag: true, none: null, list: [1, "a"], nested: { key: [true] } };
        case "list":
            return [valueOf(spec.item, `${path}[0]`, kind), valueOf(spec.item, `${path}[1]`, kind)];
        case "object":
        case "union":
            return objectOf(spec.type, `${path}.`, kind);
    }
}
