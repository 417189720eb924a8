/**
 * The `DeploymentDraft` dynamic provider's implementation. It runs in the engine's dynamic
 * provider process, loaded by name (`pulumi-ververica/dynamic-provider`) from the small stub
 * that is serialized into state, so state holds neither this code nor any credential.
 *
 * Credentials come from the stack config handed to `configure` (secrets decrypted in memory
 * only) and from the provider process environment.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ConfigReader, Network } from "../core/connectionSettings";
import { lookupDraft } from "../core/draftLookup";
import { DraftNotFoundError, InvalidArgumentError, VervericaError } from "../core/errors";
import type { DeploymentDraftAttributes } from "../core/model";
import { describeRetry, RetryNotice } from "../core/retryPolicy";
import { DraftSelector, validateSelector } from "../core/validation";

/** The resource's inputs as the engine stores them. */
export interface DraftResourceInputs {
    readonly workspace: string;
    readonly namespace: string;
    readonly deploymentDraftId?: string;
    readonly name?: string;
    readonly endpoint?: string;
    readonly region?: string;
    readonly network?: string;
    /** The draft's revision when last seen (see {@link revisionOf}); set by check and read. */
    readonly revision?: string;
}

// What the engine sends for a value not known yet during preview.
const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * A draft's revision: its modification time and lock. Kept in the resource's inputs so that
 * `up` and `refresh` show an edited or newly locked draft as a change. Built only from
 * attributes that are never secret: a hash of the SQL could confirm a guessed password.
 */
export function revisionOf(draft: Pick<DeploymentDraftAttributes, "modifiedAt" | "lock">): string {
    return `${draft.modifiedAt ?? "?"}/${draft.lock?.id ?? draft.lock?.holderId ?? "unlocked"}`;
}

/** The resource's outputs: its inputs, every draft attribute, and how it was looked up. */
export type DraftResourceOutputs = DeploymentDraftAttributes & {
    readonly endpoint?: string;
    readonly region?: string;
    readonly network?: string;
    /** The name it was looked up by, when it was (`name` itself is the draft's current name). */
    readonly lookupName?: string;
};

const identityKeys = ["workspace", "namespace"] as const;

/** Builds the provider; `env` is the provider process environment. */
export function createDraftResourceProvider(env: NodeJS.ProcessEnv = process.env): Required<Pick<dynamic.ResourceProvider, "configure" | "check" | "diff" | "create" | "read" | "update" | "delete">> {
    let config: ConfigReader = () => undefined;

    // Creates share identical lookups (many resources may track one draft); updates and
    // refreshes always read afresh.
    const lookup = (selector: DraftSelector, inputs: { endpoint?: unknown; region?: unknown; network?: unknown }, cache: boolean) =>
        lookupDraft(selector, {
            options: {
                ...(typeof inputs.endpoint === "string" && inputs.endpoint ? { endpoint: inputs.endpoint } : {}),
                ...(typeof inputs.region === "string" && inputs.region ? { region: inputs.region } : {}),
                // Checked where the endpoint is resolved, which names the value and the option.
                ...(typeof inputs.network === "string" && inputs.network ? { network: inputs.network as Network } : {}),
                cache,
            },
            config,
            env,
            onRetry: logRetry,
        });

    return {
        async configure(req: dynamic.ConfigureRequest): Promise<void> {
            config = (key) => {
                const value: unknown = req.config.get(key);
                return typeof value === "string" ? value : value === undefined || value === null ? undefined : String(value);
            };
        },

        // Rejects bad arguments before any request, naming the argument; then reads the draft
        // (shared with create) so that preview already fails on an unknown draft and a draft
        // edited since the last run shows up as an update.
        async check(_olds: unknown, news: Record<string, unknown>): Promise<dynamic.CheckResult> {
            let selector;
            try {
                selector = validateSelector(news);
            } catch (e) {
                if (e instanceof InvalidArgumentError) {
                    return { failures: [{ property: e.argument, reason: e.message }] };
                }
                throw e;
            }
            const inputs = { ...news, ...selector };
            if (Object.values(inputs).includes(unknownValue)) {
                return { inputs };
            }
            let draft: DeploymentDraftAttributes;
            try {
                draft = await lookup(selector, news, true);
            } catch (e) {
                // A check failure is shown once, as this resource's error. A thrown error would
                // also be printed by the provider host with its stack, after the message twice.
                if (e instanceof VervericaError) {
                    return { inputs, failures: [{ property: "", reason: e.message }] };
                }
                throw e;
            }
            return { inputs: { ...inputs, revision: revisionOf(draft) } };
        },

        async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.DiffResult> {
            const replaces: string[] = identityKeys.filter((k) => olds[k] !== news[k]);
            // The draft a resource tracks is fixed: choosing another (by id or by name) replaces it.
            if (news.deploymentDraftId !== undefined) {
                if (news.deploymentDraftId !== olds.deploymentDraftId) replaces.push("deploymentDraftId");
            } else if (news.name !== olds.lookupName && news.name !== olds.name) {
                replaces.push("name");
            }
            const updates: string[] = ["endpoint", "region", "network"].filter((k) => (olds[k] ?? undefined) !== (news[k] ?? undefined));
            // On `up`, news.revision is the draft as check just saw it; on `refresh` the engine
            // passes the refreshed outputs as olds and the previous inputs as news.
            if (news.revision !== undefined && news.revision !== revisionOf(olds as Pick<DeploymentDraftAttributes, "modifiedAt" | "lock">)) {
                updates.push("revision");
            }
            return { changes: replaces.length > 0 || updates.length > 0, replaces, deleteBeforeReplace: false };
        },

        async create(inputs: DraftResourceInputs): Promise<dynamic.CreateResult> {
            const draft = await lookup(inputs, inputs, true);
            return { id: draft.deploymentDraftId, outs: outputsOf(draft, inputs) };
        },

        // Refresh. Only a definite "not found" (the service's code 990301) removes the resource
        // from state; any other failure (a 404 without that code, throttling, 5xx, timeouts,
        // bad responses, credentials) fails the refresh and leaves state exactly as it was.
        async read(id: string, props: DraftResourceOutputs): Promise<dynamic.ReadResult> {
            const selector = { workspace: props.workspace, namespace: props.namespace, deploymentDraftId: id };
            const inputs: DraftResourceInputs = {
                workspace: props.workspace,
                namespace: props.namespace,
                ...(props.lookupName !== undefined ? { name: props.lookupName } : { deploymentDraftId: id }),
                ...(props.endpoint !== undefined ? { endpoint: props.endpoint } : {}),
                ...(props.region !== undefined ? { region: props.region } : {}),
                ...(props.network !== undefined ? { network: props.network } : {}),
            };
            let draft: DeploymentDraftAttributes;
            try {
                draft = await lookup(selector, props, false);
            } catch (e) {
                if (e instanceof DraftNotFoundError) {
                    return { id: "", props: {} };
                }
                throw e;
            }
            return { id, props: outputsOf(draft, inputs), inputs: { ...inputs, revision: revisionOf(draft) } };
        },

        async update(_id: string, _olds: DraftResourceOutputs, news: DraftResourceInputs): Promise<dynamic.UpdateResult> {
            const draft = await lookup(news, news, false);
            return { outs: outputsOf(draft, news) };
        },

        // Forgetting a draft never touches it: this resource only reads.
        async delete(): Promise<void> {},
    };
}

function outputsOf(draft: DeploymentDraftAttributes, inputs: DraftResourceInputs): DraftResourceOutputs {
    return {
        ...draft,
        ...(inputs.endpoint !== undefined ? { endpoint: inputs.endpoint } : {}),
        ...(inputs.region !== undefined ? { region: inputs.region } : {}),
        ...(inputs.network !== undefined ? { network: inputs.network } : {}),
        ...(inputs.name !== undefined && inputs.deploymentDraftId === undefined ? { lookupName: inputs.name } : {}),
    };
}

// The provider process has no engine log connection; the engine shows its stderr lines.
function logRetry(notice: RetryNotice, action: string): void {
    console.error(describeRetry(notice, action));
}

/** The provider instance of this process, shared by every `DeploymentDraft` resource. */
export const draftResourceProvider = createDraftResourceProvider();
