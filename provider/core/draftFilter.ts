/**
 * The arguments of the plural lookup (`getDeploymentDrafts`): which namespace to read and which
 * of its drafts to keep. Everything is validated before any request.
 */
import { InvalidArgumentError } from "./errors";
import type { DeploymentDraftAttributes, JsonValue } from "./model";
import { rejectUnknownArguments } from "./unknownArguments";
import { requireIdentifier, requirePathSegment } from "./validation";

/** What a caller may pass to the plural lookup; checked by {@link validateDraftFilter}. */
export interface DraftFilterArgs {
    readonly workspace?: unknown;
    readonly namespace?: unknown;
    readonly nameRegex?: unknown;
    readonly ids?: unknown;
    readonly labels?: unknown;
}

// Every key of DraftFilterArgs, and nothing else: the compiler keeps the two in step.
const draftFilterArgumentKeys: { readonly [K in keyof Required<DraftFilterArgs>]: true } = { workspace: true, namespace: true, nameRegex: true, ids: true, labels: true };

/** The arguments the plural lookup takes; any other is refused, naming it. */
export const draftFilterArgumentNames: readonly (keyof DraftFilterArgs)[] = Object.keys(draftFilterArgumentKeys) as (keyof DraftFilterArgs)[];

/**
 * The longest `nameRegex` taken. A draft name is at most a few hundred characters; a longer
 * expression is a mistake, and compiling and echoing it would cost more than the lookup.
 */
export const maxNameRegexLength = 1000;

/** A validated plural lookup: a namespace and the filters its drafts must all pass. */
export interface DraftFilter {
    readonly workspace: string;
    readonly namespace: string;
    /** Matched anywhere in the name (anchor it with `^...$` for a whole-name match). */
    readonly nameRegex?: RegExp;
    readonly ids?: ReadonlySet<string>;
    /** Every label here must be on the draft with this value. */
    readonly labels?: { readonly [key: string]: string };
}

/**
 * Validates the plural lookup's arguments: no argument but those it takes, workspace and
 * namespace as for a single lookup, `nameRegex` a valid regular expression of at most
 * {@link maxNameRegexLength} characters, `ids` a list of non-blank strings, `labels` an object of
 * strings. Throws {@link InvalidArgumentError} naming the argument.
 */
export function validateDraftFilter(args: DraftFilterArgs): DraftFilter {
    if (args === null || typeof args !== "object") {
        throw new InvalidArgumentError("args", "must be an object with workspace and namespace");
    }
    rejectUnknownArguments(args, draftFilterArgumentNames, "getDeploymentDrafts");
    const workspace = requireIdentifier("workspace", args.workspace);
    const namespace = requirePathSegment("namespace", args.namespace);
    return {
        workspace,
        namespace,
        ...optional("nameRegex", compileNameRegex(args.nameRegex)),
        ...optional("ids", readIds(args.ids)),
        ...optional("labels", readLabels(args.labels)),
    };
}

/** Whether a draft passes every filter. */
export function matchesDraftFilter(draft: DeploymentDraftAttributes, filter: DraftFilter): boolean {
    if (filter.ids !== undefined && !filter.ids.has(draft.deploymentDraftId)) return false;
    if (filter.nameRegex !== undefined && !filter.nameRegex.test(draft.name ?? "")) return false;
    if (filter.labels !== undefined) {
        const labels = draft.labels ?? {};
        for (const [key, value] of Object.entries(filter.labels)) {
            if (!Object.prototype.hasOwnProperty.call(labels, key) || labelValueText(labels[key]) !== value) return false;
        }
    }
    return true;
}

// Label values are not only strings on the wire (`"replicas": 1`); a filter value `"1"` matches that.
function labelValueText(value: JsonValue): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function compileNameRegex(value: unknown): RegExp | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") {
        throw new InvalidArgumentError("nameRegex", `must be a string, got ${typeof value}`);
    }
    // Checked before it is compiled, and not echoed: its length says what is wrong.
    if (value.length > maxNameRegexLength) {
        throw new InvalidArgumentError("nameRegex", `is ${value.length} characters long; at most ${maxNameRegexLength} are allowed`);
    }
    try {
        return new RegExp(value);
    } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        throw new InvalidArgumentError("nameRegex", `${JSON.stringify(value)} is not a valid regular expression (${reason})`);
    }
}

function readIds(value: unknown): ReadonlySet<string> | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
        throw new InvalidArgumentError("ids", `must be a list of draft ids, got ${typeof value}`);
    }
    return new Set(value.map((id: unknown, i) => requireIdentifier(`ids[${i}]`, id)));
}

function readLabels(value: unknown): { readonly [key: string]: string } | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) {
        throw new InvalidArgumentError("labels", `must be an object of label values, got ${Array.isArray(value) ? "a list" : typeof value}`);
    }
    const labels: { [key: string]: string } = {};
    for (const [key, v] of Object.entries(value)) {
        if (typeof v !== "string") {
            throw new InvalidArgumentError(`labels.${key}`, `must be a string, got ${v === null ? "null" : typeof v}`);
        }
        labels[key] = v;
    }
    return labels;
}
