/**
 * The vocabulary of the draft declaration (`draftFields.ts`): what a field's value is, how it
 * is documented, and what the readers, the schema, the generated model and the docs need to
 * know about it. Plain data, so every consumer interprets the same table.
 */

/** A value: text (with an open set of known values, or any), a timestamp, JSON, a list, an object or an artifact-like union. */
export type ValueSpec =
    | { readonly kind: "string"; readonly known?: OpenValueSet }
    | { readonly kind: "timestamp" }
    | { readonly kind: "jsonMap" }
    | { readonly kind: "list"; readonly item: ValueSpec }
    | { readonly kind: "object"; readonly type: ObjectSpec }
    | { readonly kind: "union"; readonly type: UnionSpec };

/**
 * The values a string field is known to take. The set is open: the API types the field as a plain
 * string, so a value outside it is kept as sent, never refused.
 */
export interface OpenValueSet {
    /** The TypeScript type's name, e.g. `ExecutionMode`. */
    readonly typeName: string;
    /** The type's doc comment. */
    readonly doc: string;
    /** The values known today, in the API's order. */
    readonly values: readonly string[];
}

/** One field of an object. */
export interface FieldSpec {
    readonly value: ValueSpec;
    /** One sentence or two: the doc comment, the schema description and the docs' table cell. */
    readonly doc: string;
    /** Every draft has it (the readers fill it in from the request when the API leaves it out). */
    readonly required?: boolean;
    /** Stored as a Pulumi secret by default wherever it reaches state (it may hold passwords). */
    readonly secret?: boolean;
    /** Holds the URI of a file the job fetches (checked by the artifact-sources rule). */
    readonly uri?: boolean;
}

/** The fields of an object, in the API's order. */
export type FieldSpecs = { readonly [name: string]: FieldSpec };

/** A named object type: `SqlArtifact`, `DraftLock`, the draft itself. */
export interface ObjectSpec {
    readonly typeName: string;
    readonly doc: string;
    readonly fields: FieldSpecs;
}

/**
 * An object discriminated by one of its string fields, whose known values each select one part
 * that is then always present. Any other value (or none) selects nothing and keeps every part the
 * API sent: a draft's artifact.
 */
export interface UnionSpec extends ObjectSpec {
    /** The discriminating field, e.g. `kind`. */
    readonly discriminator: string;
    /** The discriminator's known values, for its TypeScript type (e.g. `ArtifactKind`). */
    readonly known: OpenValueSet;
    /** One variant per known value, in the same order. */
    readonly variants: readonly UnionVariant[];
    /** The variant of any other value, or none. */
    readonly unrecognized: { readonly typeName: string; readonly doc: string; readonly discriminatorDoc: string };
    /** An example for the union type's doc comment. */
    readonly example?: string;
}

/** A known value of a union's discriminator and the part it selects. */
export interface UnionVariant {
    readonly value: string;
    /** The field this value selects: always present in a variant of this value. */
    readonly part: string;
    readonly typeName: string;
    readonly doc: string;
    /** The doc of the discriminator in this variant. */
    readonly discriminatorDoc: string;
}

/** A text field. */
export function text(doc: string, options: Omit<FieldSpec, "value" | "doc"> = {}): FieldSpec {
    return { value: { kind: "string" }, doc, ...options };
}

/** A text field whose known values are listed; others are kept as sent. */
export function openText(known: OpenValueSet, doc: string): FieldSpec {
    return { value: { kind: "string", known }, doc };
}

/** A list of texts. */
export function texts(doc: string, options: Omit<FieldSpec, "value" | "doc"> = {}): FieldSpec {
    return { value: { kind: "list", item: { kind: "string" } }, doc, ...options };
}

/** Unix seconds; some gateways send them as numeric strings. */
export function timestamp(doc: string): FieldSpec {
    return { value: { kind: "timestamp" }, doc };
}

/** A map of JSON values, kept as sent. */
export function jsonMap(doc: string): FieldSpec {
    return { value: { kind: "jsonMap" }, doc };
}

/** An object of a named type. */
export function object(type: ObjectSpec, doc: string, options: Omit<FieldSpec, "value" | "doc"> = {}): FieldSpec {
    return { value: { kind: "object", type }, doc, ...options };
}

/** A list of objects of a named type. */
export function objects(type: ObjectSpec, doc: string): FieldSpec {
    return { value: { kind: "list", item: { kind: "object", type } }, doc };
}

/** A discriminated union of a named type. */
export function union(type: UnionSpec, doc: string, options: Omit<FieldSpec, "value" | "doc"> = {}): FieldSpec {
    return { value: { kind: "union", type }, doc, ...options };
}

/** A field's full description: its doc, and what its secrecy means for the user. */
export function describeField(field: FieldSpec): string {
    return field.secret ? `${field.doc} Kept as a Pulumi secret by default wherever it reaches state.` : field.doc;
}

/** Every named object type reachable from `root`, each once, dependencies first. */
export function namedTypes(root: ObjectSpec): ObjectSpec[] {
    const seen = new Set<string>();
    const ordered: ObjectSpec[] = [];
    const visit = (type: ObjectSpec): void => {
        if (seen.has(type.typeName)) return;
        seen.add(type.typeName);
        Object.values(type.fields).forEach((field) => visitValue(field.value));
        ordered.push(type);
    };
    const visitValue = (value: ValueSpec): void => {
        if (value.kind === "list") visitValue(value.item);
        else if (value.kind === "object" || value.kind === "union") visit(value.type);
    };
    visit(root);
    return ordered;
}

/** Whether `type` is a union (has a discriminator). */
export function isUnion(type: ObjectSpec): type is UnionSpec {
    return "discriminator" in type;
}
