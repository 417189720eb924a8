/**
 * Property values as they travel between the engine and the plugin: `google.protobuf.Struct`s
 * in which Pulumi marks secrets (and, for inputs of outputs, unknowns) with signature objects.
 * Handlers work on plain values and a set of the top-level properties that were secret; those
 * marks are put back on the way out.
 */
// Pulumi's property-value signatures, from its module rather than the runtime's index, which
// would bring the whole SDK into the plugin's bundle.
import { specialOutputValueSig, specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

/** Plain property values and which of them were secret. */
export interface PropertyValues {
    readonly values: Record<string, unknown>;
    /** Top-level property names whose value was, or contained, a secret. */
    readonly secrets: ReadonlySet<string>;
}

/** Reads a Struct, removing secret marks (remembered per top-level property). */
export function fromStruct(struct: Struct | undefined): PropertyValues {
    const values: Record<string, unknown> = {};
    const secrets = new Set<string>();
    const raw = (struct?.toJavaScript() ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) {
        let secret = false;
        values[key] = unwrap(value, () => (secret = true));
        if (secret) secrets.add(key);
    }
    return { values, secrets };
}

function unwrap(value: unknown, onSecret: () => void): unknown {
    if (Array.isArray(value)) {
        return value.map((v) => unwrap(v, onSecret));
    }
    if (value === null || typeof value !== "object") {
        return value;
    }
    const object = value as Record<string, unknown>;
    switch (object[specialSigKey]) {
        case specialSecretSig:
            onSecret();
            return unwrap(object.value, onSecret);
        case specialOutputValueSig:
            if (object.secret === true) onSecret();
            return "value" in object ? unwrap(object.value, onSecret) : unknownValue;
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, unwrap(v, onSecret)]));
}

/**
 * Writes values as a Struct, marking the named top-level properties secret (an absent one, null,
 * stays null); drops undefined.
 */
export function toStruct(values: Readonly<Record<string, unknown>>, secrets: Iterable<string> = []): Struct {
    const plain = JSON.parse(JSON.stringify(values)) as Record<string, unknown>;
    for (const key of secrets) {
        if (plain[key] !== undefined && plain[key] !== null) {
            plain[key] = { [specialSigKey]: specialSecretSig, value: plain[key] };
        }
    }
    return Struct.fromJavaScript(plain as Parameters<typeof Struct.fromJavaScript>[0]);
}

/** Whether any value (at any depth) is not known yet (a preview of a value computed later). */
export function containsUnknown(value: unknown): boolean {
    if (value === unknownValue) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}
