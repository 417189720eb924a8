// Writes the rules reference table of docs/policies.md (between its <!-- rules:start --> and
// <!-- rules:end --> markers, keeping the rest) from the registry of rules
// (sdk/nodejs/policy/policies/registry.ts); a unit test fails when the committed file differs.
import * as fs from "fs";
import * as path from "path";
import { updateRuleDocs } from "../sdk/nodejs/policy/policies/ruleDocs";

const target = path.join(__dirname, "..", "docs", "policies.md");
const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, updateRuleDocs(current));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
