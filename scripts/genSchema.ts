// Writes provider/cmd/pulumi-resource-ververica/schema.json from the TypeScript model
// (provider/plugin/schema.ts); a unit test fails when the committed file differs.
import * as fs from "fs";
import * as path from "path";
import { renderSchemaJson } from "../provider/plugin/schema";

const target = path.join(__dirname, "..", "provider", "cmd", "pulumi-resource-ververica", "schema.json");
fs.writeFileSync(target, renderSchemaJson());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
