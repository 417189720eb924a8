/**
 * The files derived from the declaration of a draft, each with how to render it from its current
 * text: written by `npm run gen-schema`, compared by the drift test.
 */
import * as path from "path";
import { renderFieldTable } from "./renderFieldTable";
import { renderModel } from "./renderModel";
import { renderSchemaJson } from "../provider/plugin/schema";
import { replaceBetweenMarkers } from "./markers";

/** A derived file. */
export interface DerivedFile {
    readonly path: string;
    readonly relativePath: string;
    /** The file's text, given its current text (a page keeps what is outside its markers). */
    render(current: string): string;
}

const root = path.join(__dirname, "..");

function file(relativePath: string, render: (current: string) => string): DerivedFile {
    return { path: path.join(root, relativePath), relativePath, render };
}

/** Every file derived from the declaration. */
export function derivedFiles(): DerivedFile[] {
    return [
        file("provider/core/model.ts", () => renderModel()),
        file("provider/cmd/pulumi-resource-ververica/schema.json", () => renderSchemaJson()),
        file("docs/deployment-draft.md", (current) => replaceBetweenMarkers(current, "draft-fields", renderFieldTable())),
    ];
}
