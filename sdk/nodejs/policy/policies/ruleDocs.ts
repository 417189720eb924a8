/**
 * The rules reference, `docs/policies.md`, rendered from the registry of rules: a markdown table
 * of every rule (its policies, what it checks, its default level, its settings with their
 * defaults) between two markers, so that the rest of the file can be written by hand.
 * `npm run gen-docs` writes it; a unit test fails when the committed file differs.
 */
import { deploymentPolicyName } from "./factory";
import { draftRules } from "./registry";

/** The line after which the generated table starts. */
export const ruleDocsStart = "<!-- rules:start -->";
/** The line before which the generated table ends. */
export const ruleDocsEnd = "<!-- rules:end -->";

/** Renders the table of every rule, with the markers around it (ends with a newline). */
export function renderRuleDocs(): string {
    const rows = draftRules.map((rule) => {
        const policies = [rule.name, ...(rule.deploymentPolicy ? [deploymentPolicyName(rule.name)] : [])];
        const settings = Object.entries(rule.configSchema.properties).map(([name, schema]) => {
            const { default: value, description } = typeof schema === "object" ? schema : {};
            const shown = value === undefined ? "none" : code(Array.isArray(value) ? `[${value.map((item) => JSON.stringify(item)).join(", ")}]` : JSON.stringify(value));
            return `${code(name)} (${shown}): ${text(description ?? "")}`;
        });
        return `| ${policies.map(code).join("<br>")} | ${text(rule.description)} | ${rule.defaultLevel} | ${settings.join("<br>")} |`;
    });
    return [
        ruleDocsStart,
        "<!-- Generated from sdk/nodejs/policy/policies/registry.ts by `npm run gen-docs`: change the rules, not this table. -->",
        "",
        "`ververica-<rule>` checks the outputs of `DeploymentDraft` resources; `ververica-deployment-<rule>` checks the inputs of",
        "`alicloud.realtimecompute.Deployment` resources. A setting left out of the configuration keeps its default.",
        "",
        "| policies | what it checks | default level | settings (default) |",
        "|---|---|---|---|",
        ...rows,
        ruleDocsEnd,
        "",
    ].join("\n");
}

/**
 * Puts the rendered table between the markers of `document` (the current `docs/policies.md`), or
 * makes a new document with a heading and the table when there is none or it has no markers.
 */
export function updateRuleDocs(document: string | undefined): string {
    const found = document === undefined ? undefined : findTable(document);
    if (document === undefined || found === undefined) {
        return `# Policies\n\n${renderRuleDocs()}`;
    }
    return document.slice(0, found.start) + renderRuleDocs() + document.slice(found.end).replace(/^\n/, "");
}

/** The table between the markers of `document`, markers included, or undefined when it has none. */
export function ruleDocsIn(document: string): string | undefined {
    const found = findTable(document);
    return found === undefined ? undefined : `${document.slice(found.start, found.end)}\n`;
}

/** Where the table starts (its start marker) and ends (after its end marker) in `document`. */
function findTable(document: string): { readonly start: number; readonly end: number } | undefined {
    const start = document.indexOf(ruleDocsStart);
    const end = start < 0 ? -1 : document.indexOf(ruleDocsEnd, start);
    return end < 0 ? undefined : { start, end: end + ruleDocsEnd.length };
}

/** A code span in a table cell: `|` must be escaped even there. */
function code(value: string): string {
    return `\`${value.replace(/\|/g, "\\|")}\``;
}

/** Text in a table cell: `<name>` would otherwise read as an HTML tag, and `*` as emphasis. */
function text(value: string): string {
    return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([|*])/g, "\\$1");
}
