/**
 * The one reader of a draft's shape, interpreting the declaration (`draftFields.ts`) at run time.
 * It reads the API's response, the outputs of a `DeploymentDraft` resource and the inputs of an
 * `alicloud.realtimecompute.Deployment` alike, and so keeps what the model keeps wherever a draft
 * comes from: an artifact of an unknown kind (or none) with every part it carries, an execution
 * mode this package does not know, labels of any JSON type.
 *
 * What differs between sources is only what a value of the wrong type means: on the wire it is an
 * error (a typed result must not lie), in outputs and inputs it reads as absent.
 */
import type { DeploymentDraftAttributes, JsonValue } from "../model";
import { deploymentDraftShape } from "./draftFields";
import { isUnion, ObjectSpec, UnionSpec, ValueSpec } from "./fieldSpecs";

type Json = { readonly [key: string]: unknown };

/** How to read. */
export interface DraftReadOptions {
    /**
     * Called with a field of the wrong type; throws to refuse the draft. Without it, such a
     * field reads as absent.
     */
    readonly reject?: (path: string, expected: string, actual: string) => never;
    /** Values for the required fields when the source lacks them (the request's, or empty). */
    readonly fallback: { readonly [K in RequiredField]?: string };
    /**
     * Read each field only when it is first used, not up front: a field that cannot be read yet
     * (an unknown input during a preview) then only affects whoever reads it.
     */
    readonly lazy?: boolean;
    /** The source's names of top-level fields where they differ, e.g. `{ workspace: "resourceId" }`. */
    readonly sourceNames?: { readonly [field: string]: string };
}

/** The fields every draft has. */
export type RequiredField = { [K in keyof DeploymentDraftAttributes]-?: undefined extends DeploymentDraftAttributes[K] ? never : K }[keyof DeploymentDraftAttributes];

/** The names of the fields every draft has, from the declaration. */
export const requiredDraftFields = Object.entries(deploymentDraftShape.fields)
    .filter(([, field]) => field.required === true)
    .map(([name]) => name) as RequiredField[];

/** The names of the fields kept as Pulumi secrets by default, from the declaration. */
export const secretDraftFields = Object.entries(deploymentDraftShape.fields)
    .filter(([, field]) => field.secret === true)
    .map(([name]) => name) as (keyof DeploymentDraftAttributes)[];

/**
 * Reads `source` as a draft. A required field missing from the source (and from
 * `options.fallback`) is refused through `options.reject`, or read as the empty string.
 */
export function readDraft(source: unknown, options: DraftReadOptions): DeploymentDraftAttributes {
    const reader = new ShapeReader(options);
    const record = reader.record(source, "data") ?? {};
    return reader.object(deploymentDraftShape, record, "", options.sourceNames ?? {}) as unknown as DeploymentDraftAttributes;
}

class ShapeReader {
    constructor(private readonly options: DraftReadOptions) {}

    private wrongType(path: string, expected: string, value: unknown): undefined {
        const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
        this.options.reject?.(path, expected, actual);
        return undefined;
    }

    /** `value` as a record, or undefined when it is absent or of another type. */
    record(value: unknown, path: string): Json | undefined {
        if (value === undefined || value === null) return undefined;
        if (typeof value !== "object" || Array.isArray(value)) return this.wrongType(path, "an object", value);
        return value as Json;
    }

    object(spec: ObjectSpec, source: Json, prefix: string, sourceNames: { readonly [field: string]: string } = {}): Json {
        const target: { [key: string]: unknown } = {};
        const readField = (name: string): unknown => {
            const path = `${prefix}${name}`;
            const value = this.value(spec.fields[name].value, source[sourceNames[name] ?? name], path);
            if (value === undefined && spec.fields[name].required) {
                return this.options.fallback[name as RequiredField] ?? this.missingRequired(path);
            }
            return value;
        };
        const names = isUnion(spec) ? this.unionFieldOrder(spec, source) : Object.keys(spec.fields);
        for (const name of names) {
            if (this.options.lazy) {
                Object.defineProperty(target, name, { enumerable: true, configurable: true, get: () => (isUnion(spec) ? this.unionField(spec, source, prefix, name) : readField(name)) });
                continue;
            }
            const value = isUnion(spec) ? this.unionField(spec, source, prefix, name) : readField(name);
            if (value !== undefined) target[name] = value;
        }
        return target;
    }

    private missingRequired(path: string): string {
        if (this.options.reject === undefined) return "";
        return this.options.reject(path, "present", "absent");
    }

    // The parts in the order the source sent them (as the API's own examples show them), then
    // the part a known discriminator selects when the source sent none.
    private unionFieldOrder(spec: UnionSpec, source: Json): string[] {
        if (this.options.lazy) return Object.keys(spec.fields);
        const sent = Object.keys(source).filter((key) => Object.hasOwn(spec.fields, key));
        const selected = this.selectedPart(spec, source);
        return selected === undefined || sent.includes(selected) ? sent : [...sent, selected];
    }

    private selectedPart(spec: UnionSpec, source: Json): string | undefined {
        const discriminator = source[spec.discriminator];
        return spec.variants.find((variant) => variant.value === discriminator)?.part;
    }

    private unionField(spec: UnionSpec, source: Json, prefix: string, name: string): unknown {
        const value = this.value(spec.fields[name].value, source[name], `${prefix}${name}`);
        // The part a known kind selects is always present, so code that narrows on the kind finds it.
        return value === undefined && this.selectedPart(spec, source) === name ? {} : value;
    }

    value(spec: ValueSpec, value: unknown, path: string): unknown {
        if (value === undefined || value === null) return undefined;
        switch (spec.kind) {
            case "string":
                return typeof value === "string" ? value : this.wrongType(path, "a string", value);
            case "timestamp": {
                // Some gateways stringify longs; a numeric string is still a timestamp.
                const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
                return typeof n === "number" && Number.isFinite(n) ? n : this.wrongType(path, "a number (unix seconds)", value);
            }
            case "jsonMap": {
                const record = this.record(value, path);
                return record === undefined ? undefined : jsonObject(record);
            }
            case "list": {
                if (!Array.isArray(value)) return this.wrongType(path, "an array", value);
                const items: unknown[] = [];
                // Walked by index: the policy SDK's proxy checks each element as it is read.
                for (let i = 0; i < value.length; i++) {
                    const item = this.value(spec.item, value[i], `${path}[${i}]`);
                    if (item !== undefined) items.push(item);
                }
                return items;
            }
            case "object":
            case "union": {
                const record = this.record(value, path);
                return record === undefined ? undefined : this.object(spec.type, record, `${path}.`);
            }
        }
    }
}

// A copy, so a result never shares objects with what it was read from; values that are not JSON
// (in resource outputs) are left out.
function jsonValue(value: unknown): JsonValue | undefined {
    if (value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
        return value;
    }
    if (Array.isArray(value)) {
        const items: JsonValue[] = [];
        for (let i = 0; i < value.length; i++) {
            const item = jsonValue(value[i]);
            if (item !== undefined) items.push(item);
        }
        return items;
    }
    return typeof value === "object" ? jsonObject(value as Json) : undefined;
}

function jsonObject(value: Json): { [key: string]: JsonValue } {
    const result: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value)) {
        const item = jsonValue(value[key]);
        if (item !== undefined) result[key] = item;
    }
    return result;
}
