/**
 * The `DeploymentDraft` dynamic provider's implementation. It runs in the engine's dynamic
 * provider process, loaded by name (`pulumi-ververica/dynamic-provider`) from the small stub
 * that is serialized into state, so state holds neither this code nor any credential.
 *
 * Credentials come from the stack config handed to `configure` (secrets decrypted in memory
 * only) and from the provider process environment.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { ConfigReader, programSettingNames } from "../core/connectionSettings";
import { lookupDraft } from "../core/draftLookup";
import {
    checkDraftInputs,
    ConnectionInputs,
    connectionOptionsOf,
    diffDraft,
    draftOutputsOf,
    DraftResourceInputs,
    DraftResourceOutputs,
    DraftResourceState,
    readInputsOf,
    revisionOf,
    revisionToRecord,
} from "../core/draftResource";
import { DraftNotFoundError, VervericaError } from "../core/errors";
import type { DeploymentDraftAttributes } from "../core/model";
import { reportRetryOnStderr } from "../core/retryPolicy";
import { settingText } from "../core/settingText";
import type { DraftSelector } from "../core/validation";

export { DraftResourceInputs, DraftResourceOutputs, revisionOf };

/** Builds the provider; `env` is the provider process environment. */
export function createDraftResourceProvider(env: NodeJS.ProcessEnv = process.env): Required<Pick<dynamic.ResourceProvider, "configure" | "check" | "diff" | "create" | "read" | "update" | "delete">> {
    let config: ConfigReader = () => undefined;

    // Creates share identical lookups (many resources may track one draft); updates and
    // refreshes always read afresh.
    const lookup = (selector: DraftSelector, inputs: ConnectionInputs, cache: boolean) =>
        lookupDraft(selector, { options: { ...connectionOptionsOf(inputs), cache }, config, env, settingNames: programSettingNames, onRetry: reportRetryOnStderr });

    return {
        configure(req: dynamic.ConfigureRequest): Promise<void> {
            config = (key) => {
                const value: unknown = req.config.get(key);
                return value === undefined || value === null ? undefined : settingText(value);
            };
            return Promise.resolve();
        },

        // Reads only a draft the stack does not track yet: the engine asks a dynamic provider for
        // no create during preview, so this read is what fails the first preview on an unknown
        // draft; create then shares it. A tracked draft is checked without a request.
        async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult> {
            try {
                const result = checkDraftInputs(olds, news);
                if ("failure" in result) {
                    return { failures: [result.failure] };
                }
                if (olds.workspace === undefined && !Object.values(result.inputs).includes(unknownValue)) {
                    await lookup(result.inputs, result.inputs, true);
                }
                return { inputs: result.inputs };
            } catch (e) {
                // A check failure is shown once, as this resource's error. A thrown error would
                // also be printed by the provider host with its stack, after the message twice.
                if (e instanceof VervericaError) {
                    return { inputs: news, failures: [{ property: "", reason: e.message }] };
                }
                throw e;
            }
        },

        // The outputs carry the revision recorded with them (a dynamic provider's diff sees no
        // stored inputs), so a refresh compares it with the stored inputs' (see `diffDraft`).
        diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.DiffResult> {
            const { replaces, updates } = diffDraft(olds, news, olds.revision);
            return Promise.resolve({ changes: replaces.length > 0 || updates.length > 0, replaces, deleteBeforeReplace: false });
        },

        async create(inputs: DraftResourceInputs): Promise<dynamic.CreateResult> {
            const draft = await lookup(inputs, inputs, true);
            return { id: draft.deploymentDraftId, outs: withRevision(draftOutputsOf(draft, inputs), inputs.revision) };
        },

        // Refresh, by the id in state (a draft tracked by name is not looked up by name again).
        // A draft edited or locked since gets a new recorded revision, which shows as drift.
        // Only a definite "not found" (the service's code 990301) removes the resource from
        // state; any other failure (a 404 without that code, throttling, 5xx, timeouts, bad
        // responses, credentials) fails the refresh and leaves state exactly as it was.
        async read(id: string, props: DraftResourceOutputs & { revision?: string }): Promise<dynamic.ReadResult> {
            const selector = { workspace: props.workspace, namespace: props.namespace, deploymentDraftId: id };
            const inputs = readInputsOf(selector, props);
            let draft: DeploymentDraftAttributes;
            try {
                draft = await lookup(selector, props, false);
            } catch (e) {
                if (e instanceof DraftNotFoundError) {
                    return { id: "", props: {} };
                }
                throw e;
            }
            const revision = revisionToRecord(props.revision, props, draft);
            return { id, props: withRevision(draftOutputsOf(draft, inputs), revision), inputs: withRevision(inputs, revision) };
        },

        // Re-reads by the id in state: a draft tracked by name is not looked up by name again.
        async update(id: string, _olds: DraftResourceOutputs, news: DraftResourceInputs): Promise<dynamic.UpdateResult> {
            const draft = await lookup({ workspace: news.workspace, namespace: news.namespace, deploymentDraftId: id }, news, false);
            return { outs: withRevision(draftOutputsOf(draft, news), news.revision) };
        },

        // Forgetting a draft never touches it: this resource only reads.
        async delete(): Promise<void> {},
    };
}

/** `values` with the recorded revision, when there is one. */
function withRevision<T extends DraftResourceState | DraftResourceInputs>(values: T, revision: string | undefined): T & { revision?: string } {
    return revision === undefined ? values : { ...values, revision };
}

/** The provider instance of this process, shared by every `DeploymentDraft` resource. */
export const draftResourceProvider = createDraftResourceProvider();
