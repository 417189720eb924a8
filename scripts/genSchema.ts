// Writes what is derived from the declaration of a draft (provider/core/draftShape/draftFields.ts):
// the TypeScript model, the plugin's schema.json and the docs' field table. A unit test fails while
// any committed file differs from what this writes.
import * as fs from "fs";
import { derivedFiles } from "./derivedFiles";

for (const file of derivedFiles()) {
    fs.writeFileSync(file.path, file.render(fs.existsSync(file.path) ? fs.readFileSync(file.path, "utf8") : ""));
    console.log(`wrote ${file.relativePath}`);
}
