/**
 * The `DeploymentDraft` dynamic provider's implementation. It runs in the engine's dynamic
 * provider process, loaded by name (`pulumi-ververica/dynamic-provider`) from the small stub
 * that is serialized into state, so state holds neither this code nor any credential.
 *
 * Credentials come from the stack config handed to `configure` (secrets decrypted in memory
 * only) and from the provider process environment.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
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
    readInputsOf,
    revisionOf,
} from "../core/draftResource";
import { DraftNotFoundError, VervericaError } from "../core/errors";
import type { DeploymentDraftAttributes } from "../core/model";
import { reportRetryOnStderr } from "../core/retryPolicy";
import { settingText } from "../core/settingText";
import type { DraftSelector } from "../core/validation";
import { undeclaredDraftPropertyFailures } from "../plugin/draftPropertyCheck";

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

        async check(_olds: unknown, news: Record<string, unknown>): Promise<dynamic.CheckResult> {
            const undeclared = undeclaredDraftPropertyFailures(news);
            if (undeclared.length > 0) return { inputs: news, failures: [...undeclared] };
            try {
                const result = await checkDraftInputs(news, (selector) => lookup(selector, news, true));
                return "failure" in result ? { failures: [result.failure] } : { inputs: result.inputs };
            } catch (e) {
                // A check failure is shown once, as this resource's error. A thrown error would
                // also be printed by the provider host with its stack, after the message twice.
                if (e instanceof VervericaError) {
                    return { inputs: news, failures: [{ property: "", reason: e.message }] };
                }
                throw e;
            }
        },

        diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.DiffResult> {
            const { replaces, updates } = diffDraft(olds, news);
            return Promise.resolve({ changes: replaces.length > 0 || updates.length > 0, replaces, deleteBeforeReplace: false });
        },

        async create(inputs: DraftResourceInputs): Promise<dynamic.CreateResult> {
            const draft = await lookup(inputs, inputs, true);
            return { id: draft.deploymentDraftId, outs: draftOutputsOf(draft, inputs) };
        },

        // Refresh. Only a definite "not found" (the service's code 990301) removes the resource
        // from state; any other failure (a 404 without that code, throttling, 5xx, timeouts,
        // bad responses, credentials) fails the refresh and leaves state exactly as it was.
        async read(id: string, props: DraftResourceOutputs): Promise<dynamic.ReadResult> {
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
            return { id, props: draftOutputsOf(draft, inputs), inputs: { ...inputs, revision: revisionOf(draft) } };
        },

        async update(_id: string, _olds: DraftResourceOutputs, news: DraftResourceInputs): Promise<dynamic.UpdateResult> {
            const draft = await lookup(news, news, false);
            return { outs: draftOutputsOf(draft, news) };
        },

        // Forgetting a draft never touches it: this resource only reads.
        async delete(): Promise<void> {},
    };
}

/** The provider instance of this process, shared by every `DeploymentDraft` resource. */
export const draftResourceProvider = createDraftResourceProvider();
