/**
 * The package schema's part that describes a draft, derived from the declaration
 * (`provider/core/draftShape/draftFields.ts`): one schema type per named object type, and the
 * draft's attributes as properties, each with the declaration's doc text as its description.
 */
import { deploymentDraftShape } from "../core/draftShape/draftFields";
import { describeField, FieldSpecs, namedTypes, ObjectSpec, ValueSpec } from "../core/draftShape/fieldSpecs";
import type { DeploymentDraftAttributes } from "../core/model";

/** A schema type reference: a primitive, an array, a map, or a named type. */
export type TypeSpec =
    | { readonly type: "string" | "number" | "integer" | "boolean" }
    | { readonly type: "array"; readonly items: TypeSpec }
    | { readonly type: "object"; readonly additionalProperties: TypeSpec }
    | { readonly $ref: string };

/** One property of a schema object. */
export type PropertySpec = TypeSpec & {
    readonly description: string;
    readonly secret?: boolean;
    readonly willReplaceOnChanges?: boolean;
    readonly default?: boolean;
};

/** A schema object type. */
export interface ObjectTypeSpec {
    readonly type: "object";
    readonly description: string;
    readonly properties: { readonly [name: string]: PropertySpec };
    readonly required?: readonly string[];
}

/** The token of a named type of the package, e.g. `ververica:index:DraftLock`. */
export function typeToken(typeName: string): string {
    return `ververica:index:${typeName}`;
}

/** An object type of the schema; `required` is left out when empty, as the schema's own types do. */
export function objectType(description: string, properties: { readonly [name: string]: PropertySpec }, required: readonly string[] = []): ObjectTypeSpec {
    return { type: "object", description, properties, ...(required.length > 0 ? { required } : {}) };
}

function typeSpec(value: ValueSpec): TypeSpec {
    switch (value.kind) {
        case "string":
            return { type: "string" };
        case "timestamp":
            return { type: "number" };
        case "jsonMap":
            return { type: "object", additionalProperties: { $ref: "pulumi.json#/Any" } };
        case "list":
            return { type: "array", items: typeSpec(value.item) };
        case "object":
        case "union":
            return { $ref: `#/types/${typeToken(value.type.typeName)}` };
    }
}

function properties(fields: FieldSpecs): { [name: string]: PropertySpec } {
    return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, { ...typeSpec(field.value), description: describeField(field) }]));
}

function requiredNames(fields: FieldSpecs): string[] {
    return Object.entries(fields)
        .filter(([, field]) => field.required === true)
        .map(([name]) => name);
}

/** Every attribute of a draft, as schema properties. */
export const draftAttributeProperties = properties(deploymentDraftShape.fields) as { readonly [K in keyof DeploymentDraftAttributes]-?: PropertySpec };

/** The attributes every draft has. */
export const requiredDraftAttributes = requiredNames(deploymentDraftShape.fields);

/** The schema types a draft's attributes refer to, by token. */
export function draftSchemaTypes(root: ObjectSpec = deploymentDraftShape): { [token: string]: ObjectTypeSpec } {
    const types = namedTypes(root).filter((type) => type !== root);
    return Object.fromEntries(types.map((type) => [typeToken(type.typeName), objectType(type.doc, properties(type.fields), requiredNames(type.fields))]));
}
