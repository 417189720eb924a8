/**
 * Renders the docs' reference of a draft's fields from the declaration: one table for the draft,
 * then one per type it refers to.
 */
import { deploymentDraftShape } from "../provider/core/draftShape/draftFields";
import { describeField, FieldSpec, isUnion, namedTypes, ObjectSpec, ValueSpec } from "../provider/core/draftShape/fieldSpecs";

/** The markdown tables, as they stand between the docs' `draft-fields` markers. */
export function renderFieldTable(root: ObjectSpec = deploymentDraftShape): string {
    const sections = namedTypes(root)
        .reverse()
        .map((type) => {
            const title = type === root ? "A draft" : `\`${type.typeName}\``;
            const variants = isUnion(type)
                ? `\n\nBy \`${type.discriminator}\`: ${type.variants.map((v) => `\`${v.value}\` → \`${v.part}\` always present`).join(", ")}; any other \`${type.discriminator}\`, or none, is an \`${type.unrecognized.typeName}\` with the parts that came with it.`
                : "";
            const rows = Object.entries(type.fields).map(([name, field]) => `| \`${name}\` | ${cell(typeText(field))} | ${cell(describeField(field))} |`);
            return `#### ${title}\n\n${type.doc}${variants}\n\n| field | type | description |\n|---|---|---|\n${rows.join("\n")}`;
        });
    return `${sections.join("\n\n")}\n`;
}

function typeText(field: FieldSpec): string {
    return `\`${valueText(field.value)}${field.required ? "" : "?"}\``;
}

function valueText(value: ValueSpec): string {
    switch (value.kind) {
        case "string":
            return value.known === undefined ? "string" : `${value.known.values.map((v) => JSON.stringify(v)).join(" | ")} | string`;
        case "timestamp":
            return "number";
        case "jsonMap":
            return "{ [key]: JsonValue }";
        case "list":
            return `${valueText(value.item)}[]`;
        case "object":
        case "union":
            return value.type.typeName;
    }
}

// A table cell: pipes escaped so they do not end the cell.
function cell(text: string): string {
    return text.replace(/\|/g, "\\|");
}
