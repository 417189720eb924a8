/**
 * The semantics of the read-only `DeploymentDraft` resource, shared by both hosts (the dynamic
 * provider and the native plugin): which inputs are valid, what counts as a change, what a
 * read returns. Each host only adapts its own calling convention to these functions.
 */
import type { ConnectionOptions, Network } from "./connectionSettings";
import { deploymentDraftShape } from "./draftShape/draftFields";
import { InvalidArgumentError } from "./errors";
import type { DeploymentDraftAttributes } from "./model";
import { rejectUnknownArguments } from "./unknownArguments";
import { DraftCoordinates, validateSelector } from "./validation";

/** The resource's inputs as the engine stores them. */
export interface DraftResourceInputs {
    readonly workspace: string;
    readonly namespace: string;
    readonly deploymentDraftId?: string;
    readonly name?: string;
    readonly endpoint?: string;
    readonly region?: string;
    readonly network?: string;
    /**
     * The draft's revision (see {@link revisionOf}) as recorded when a refresh last found it
     * changed; kept as it is by check. Bookkeeping for drift, set only by the provider.
     */
    readonly revision?: string;
}

/** The resource's outputs: its inputs, every draft attribute, and how it was looked up. */
export type DraftResourceOutputs = DeploymentDraftAttributes & {
    readonly endpoint?: string;
    readonly region?: string;
    readonly network?: string;
    /** The name it was looked up by, when it was (`name` itself is the draft's current name). */
    readonly lookupName?: string;
};

/**
 * The outputs as a host returns them: every declared output present, an absent one as null.
 * Pulumi's SDKs read an output missing from what the engine hands back during a preview as not
 * known yet, so a draft without a lock showed `lock` (and what a program derives from it) as
 * `[unknown]` on every preview, even one with nothing to do.
 */
export type DraftResourceState = { readonly [K in keyof DraftResourceOutputs]-?: Exclude<DraftResourceOutputs[K], undefined> | null };

/** Every output of a `DeploymentDraft`: each attribute of the draft's declaration, then the resource's own. */
export const draftResourceOutputNames: ReadonlyArray<keyof DraftResourceOutputs> = [
    ...(Object.keys(deploymentDraftShape.fields) as Array<keyof DeploymentDraftAttributes>),
    "endpoint",
    "region",
    "network",
    "lookupName",
];

/**
 * A draft's revision: its modification time and lock, what marks a draft as edited or newly
 * locked. Built only from attributes that are never secret: a hash of the SQL could confirm a
 * guessed password.
 */
export function revisionOf(draft: Pick<DeploymentDraftAttributes, "modifiedAt" | "lock">): string {
    return `${draft.modifiedAt ?? "?"}/${draft.lock?.id ?? draft.lock?.holderId ?? "unlocked"}`;
}

/** A check's verdict: a failure naming the property, or the inputs to store. */
export type DraftCheckResult =
    | { readonly failure: { readonly property: string; readonly reason: string } }
    | { readonly inputs: Record<string, unknown> };

/**
 * The properties a program gives a `DeploymentDraft`, in both hosts (the plugin's schema
 * declares each with its description; `revision` is the provider's own bookkeeping).
 */
export const draftResourceInputNames = ["workspace", "namespace", "deploymentDraftId", "name", "endpoint", "region", "network", "storeArtifactAsSecret"] as const;

/**
 * Validates the inputs, naming a bad argument, and reads nothing: the engine calls check one
 * resource at a time, so a read here would cost N drafts N round trips one after the other.
 * (Create reads, also during preview; refresh reads and shows drift.) A property the resource
 * does not declare (a misspelt `deploymentDraftID`, a stray `junk`, a `revision`, which only the
 * provider records) fails, naming it, instead of being stored in state. The recorded revision is
 * carried over from the stored inputs `olds`, so that `up` never shows it as a change.
 */
export function checkDraftInputs(olds: Record<string, unknown>, news: Record<string, unknown>): DraftCheckResult {
    let selector;
    try {
        rejectUnknownArguments(news, draftResourceInputNames, "DeploymentDraft");
        selector = validateSelector(news);
    } catch (e) {
        if (e instanceof InvalidArgumentError) {
            return { failure: resourceCheckFailure(e) };
        }
        throw e;
    }
    const inputs: Record<string, unknown> = { ...news, ...selector };
    return { inputs: typeof olds.revision === "string" ? { ...inputs, revision: olds.revision } : inputs };
}

/**
 * An invalid input of the resource, as a check failure. The engine prints a failure naming a
 * property as `property <name> value <value> has a problem: <reason>` (an empty namespace shows as
 * `value {}`), and one naming none as `has a problem: <reason>`: the latter, with the message that
 * names the argument, names it once and reads plainly.
 */
export function resourceCheckFailure(e: InvalidArgumentError): { readonly property: string; readonly reason: string } {
    return { property: "", reason: e.message };
}

/** The properties whose change replaces the resource, and those that only update it. */
export interface DraftDiff {
    readonly replaces: string[];
    readonly updates: string[];
}

const identityKeys = ["workspace", "namespace"] as const;

/**
 * Compares stored outputs with new inputs, reading nothing. `recordedRevision` is the revision
 * recorded with the outputs `olds` (see {@link revisionToRecord}). On `up` it is the stored
 * one, which check carried over into `news`: no change. On `refresh` the engine passes the
 * refreshed outputs and the revision the read recorded as the old side and the stored inputs as
 * `news`, so a draft edited or locked since shows as drift.
 */
export function diffDraft(olds: Record<string, unknown>, news: Record<string, unknown>, recordedRevision: unknown): DraftDiff {
    const replaces: string[] = identityKeys.filter((k) => olds[k] !== news[k]);
    // The draft a resource tracks is fixed: choosing another (by id or by name) replaces it.
    if (news.deploymentDraftId !== undefined) {
        if (news.deploymentDraftId !== olds.deploymentDraftId) replaces.push("deploymentDraftId");
    } else if (news.name !== olds.lookupName && news.name !== olds.name) {
        replaces.push("name");
    }
    const updates: string[] = ["endpoint", "region", "network"].filter((k) => (olds[k] ?? undefined) !== (news[k] ?? undefined));
    if (recordedRevision !== undefined && recordedRevision !== null && recordedRevision !== news.revision) {
        updates.push("revision");
    }
    return { replaces, updates };
}

/**
 * The revision a read records for a draft whose stored outputs were `stored` and whose stored
 * revision was `storedRevision`: the draft's new revision when it was edited or locked since
 * (which then differs from the stored inputs' and shows as drift), else the stored one unchanged.
 */
export function revisionToRecord(
    storedRevision: unknown,
    stored: { readonly modifiedAt?: unknown; readonly lock?: unknown },
    draft: Pick<DeploymentDraftAttributes, "modifiedAt" | "lock">,
): string | undefined {
    const fresh = revisionOf(draft);
    if (fresh !== revisionOf(stored as Pick<DeploymentDraftAttributes, "modifiedAt" | "lock">)) {
        return fresh;
    }
    return typeof storedRevision === "string" ? storedRevision : undefined;
}

/**
 * The inputs a read reports for a draft stored with these outputs: how it was selected (by
 * the name it was looked up by, else by id) and where the API was reached.
 */
export function readInputsOf(
    draft: DraftCoordinates,
    props: { readonly [K in "lookupName" | "endpoint" | "region" | "network"]?: string | null },
): DraftResourceInputs {
    return {
        workspace: draft.workspace,
        namespace: draft.namespace,
        ...(isPresent(props.lookupName) ? { name: props.lookupName } : { deploymentDraftId: draft.deploymentDraftId }),
        ...(isPresent(props.endpoint) ? { endpoint: props.endpoint } : {}),
        ...(isPresent(props.region) ? { region: props.region } : {}),
        ...(isPresent(props.network) ? { network: props.network } : {}),
    };
}

// Stored outputs say "absent" with null (see DraftResourceState).
function isPresent<T>(value: T | null | undefined): value is T {
    return value !== undefined && value !== null;
}

/**
 * The outputs of a resource tracking `draft`: every attribute plus the connection inputs, each
 * declared output present (an absent one null, see {@link DraftResourceState}).
 */
export function draftOutputsOf(draft: DeploymentDraftAttributes, inputs: DraftResourceInputs): DraftResourceState {
    const outputs: DraftResourceOutputs = {
        ...draft,
        ...(inputs.endpoint !== undefined ? { endpoint: inputs.endpoint } : {}),
        ...(inputs.region !== undefined ? { region: inputs.region } : {}),
        ...(inputs.network !== undefined ? { network: inputs.network } : {}),
        ...(inputs.name !== undefined && inputs.deploymentDraftId === undefined ? { lookupName: inputs.name } : {}),
    };
    const state: Record<string, unknown> = {};
    for (const name of draftResourceOutputNames) state[name] = outputs[name] ?? null;
    return state as DraftResourceState;
}

/** A resource's connection inputs, which win over the provider's settings. */
export interface ConnectionInputs {
    readonly endpoint?: unknown;
    readonly region?: unknown;
    readonly network?: unknown;
}

/** The connection inputs a resource was given, as lookup options; empty ones are left out. */
export function connectionOptionsOf(inputs: ConnectionInputs): ConnectionOptions {
    return {
        ...(typeof inputs.endpoint === "string" && inputs.endpoint ? { endpoint: inputs.endpoint } : {}),
        ...(typeof inputs.region === "string" && inputs.region ? { region: inputs.region } : {}),
        // Checked where the endpoint is resolved, which names the value and the option.
        ...(typeof inputs.network === "string" && inputs.network ? { network: inputs.network as Network } : {}),
    };
}
