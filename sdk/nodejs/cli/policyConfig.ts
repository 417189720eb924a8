/**
 * Reads a policy pack configuration file (the format of `--policy-pack-config`, see
 * policy-pack/config.example.json) into the enforcement level and settings of each audit rule.
 *
 * ```json
 * { "all": "advisory", "ververica-engine-version": { "enforcementLevel": "mandatory", "minimumVvrVersion": "8.0.5" } }
 * ```
 *
 * A policy's entry is either an enforcement level or an object with an optional
 * `enforcementLevel` and the policy's settings; `all` sets the level of every policy that names
 * none. Entries for the pack's deployment policies are accepted and do not apply to drafts.
 */
import type { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";
import { draftPolicyNames } from "../policy/policies/all";
import { AuditRule, DraftCheck } from "./auditRules";
import { UsageError } from "./cliErrors";

/** A rule as this run applies it. `remediate` counts as `mandatory`: an audit changes nothing. */
export interface ConfiguredRule {
    readonly rule: AuditRule;
    readonly level: Exclude<EnforcementLevel, "disabled">;
    readonly check: DraftCheck;
}

type PropertySchema = PolicyConfigSchema["properties"][string];

const levels: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/**
 * Applies a parsed configuration file (or none) to the rules. Rules whose level is `disabled`
 * are left out. Throws {@link UsageError} naming the file and the setting that is wrong.
 */
export function configureRules(rules: readonly AuditRule[], config: unknown, file: string): ConfiguredRule[] {
    const entries = config === undefined ? {} : asObject(config, file);
    const known = new Set<string>(["all", ...draftPolicyNames()]);
    for (const key of Object.keys(entries)) {
        if (!known.has(key)) {
            throw new UsageError(`${file}: unknown policy "${key}"; known policies: ${[...known].join(", ")}`);
        }
    }
    const all = entries.all === undefined ? undefined : readLevel(entries.all, `${file}: "all"`);
    const configured: ConfiguredRule[] = [];
    for (const rule of rules) {
        const entry = entries[rule.name];
        const where = `${file}: "${rule.name}"`;
        let level = all ?? rule.defaultLevel;
        let settings: { [key: string]: unknown } = {};
        if (typeof entry === "string") {
            level = readLevel(entry, where);
        } else if (entry !== undefined) {
            const { enforcementLevel, ...rest } = asObject(entry, where);
            if (enforcementLevel !== undefined) level = readLevel(enforcementLevel, `${where}.enforcementLevel`);
            settings = checkSettings(rule, rest, where);
        }
        if (level === "disabled") continue;
        const check = rule.configure(settings);
        probe(check, where);
        configured.push({ rule, level, check });
    }
    return configured;
}

function readLevel(value: unknown, where: string): EnforcementLevel {
    if (typeof value !== "string" || !(levels as readonly string[]).includes(value)) {
        throw new UsageError(`${where}: enforcement level must be one of ${levels.join(", ")}, got ${JSON.stringify(value)}`);
    }
    return value as EnforcementLevel;
}

function asObject(value: unknown, where: string): { readonly [key: string]: unknown } {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new UsageError(`${where}: expected an object, got ${Array.isArray(value) ? "a list" : value === null ? "null" : typeof value}`);
    }
    return value as { readonly [key: string]: unknown };
}

// The part of JSON schema the rules' configuration schemas use.
function checkSettings(rule: AuditRule, settings: { readonly [key: string]: unknown }, where: string): { [key: string]: unknown } {
    for (const [key, value] of Object.entries(settings)) {
        const schema = rule.configSchema.properties[key];
        if (schema === undefined) {
            throw new UsageError(`${where}: unknown setting "${key}"; the policy takes ${Object.keys(rule.configSchema.properties).join(", ")}`);
        }
        checkValue(value, schema, `${where}.${key}`);
    }
    return { ...settings };
}

function checkValue(value: unknown, schema: PropertySchema, where: string): void {
    const fail = (expected: string): never => {
        throw new UsageError(`${where}: expected ${expected}, got ${JSON.stringify(value)}`);
    };
    switch (schema.type) {
        case "string":
            if (typeof value !== "string") fail("a string");
            break;
        case "array":
            if (!Array.isArray(value)) fail("a list");
            break;
        case "object":
            if (typeof value !== "object" || value === null || Array.isArray(value)) fail("an object");
            break;
    }
    if (schema.enum !== undefined && !schema.enum.includes(value as never)) fail(`one of ${schema.enum.map((v: unknown) => JSON.stringify(v)).join(", ")}`);
    if (typeof value === "string" && schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) fail(`a value matching ${schema.pattern}`);
    if (Array.isArray(value)) {
        if (schema.minItems !== undefined && value.length < schema.minItems) fail(`at least ${schema.minItems} item(s)`);
        const items = schema.items;
        if (items !== undefined && !Array.isArray(items) && typeof items === "object") {
            value.forEach((item, i) => checkValue(item, items, `${where}[${i}]`));
        }
    } else if (typeof value === "object" && value !== null) {
        const additional = schema.additionalProperties;
        if (additional !== undefined && typeof additional === "object") {
            for (const [key, item] of Object.entries(value)) checkValue(item, additional, `${where}.${key}`);
        }
    }
}

// Rules read their settings (compile patterns, parse versions) when they check a draft. Checking
// an empty draft once here makes a bad setting fail now, before any request, and not once per draft.
function probe(check: DraftCheck, where: string): void {
    try {
        check({ deploymentDraftId: "", workspace: "", namespace: "" });
    } catch (e) {
        throw new UsageError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
    }
}
