import type { DraftFilterArgs } from "../core/draftFilter";
import { DeploymentDraftsResult, lookupDeploymentDrafts } from "../core/draftListing";
import { LookupContext, lookupDraft } from "../core/draftLookup";
import type { DeploymentDraftAttributes } from "../core/model";
import { connectionOptionsOf, ConnectionInputs } from "../core/draftResource";
import type { RetryNotice } from "../core/retryPolicy";
import type { DraftSelector } from "../core/validation";
import { pluginSettingNames, providerConfigReader } from "./providerConfig";

/**
 * The lookups of one plugin process, made with the settings `Configure` handed over (the
 * lookups themselves are `../core/draftLookup.ts`'s). The engine starts one process per provider
 * (default or explicit), so those settings belong to this process alone.
 */
export class ConfiguredLookups {
    private settings: Readonly<Record<string, unknown>> = {};
    private cancellation = new AbortController();

    /**
     * @param env The plugin process environment, the fallback for every setting.
     * @param onRetry Told of each retry, in the async context of the call that made the lookup.
     */
    constructor(
        private readonly env: NodeJS.ProcessEnv,
        private readonly onRetry: (notice: RetryNotice, action: string) => void,
    ) {}

    /** Takes the provider's settings (secrets already decrypted; kept in memory only). */
    configure(settings: Readonly<Record<string, unknown>>): void {
        this.settings = { ...settings };
    }

    /**
     * Looks a draft up with the provider's settings; `cache` shares identical lookups of this
     * process (creates, invokes), off for reads that must see the draft as it is now.
     */
    lookup(selector: DraftSelector, connection: ConnectionInputs, cache: boolean): Promise<DeploymentDraftAttributes> {
        return lookupDraft(selector, this.context(connection, cache));
    }

    /** Reads every draft of a namespace that passes the filters, afresh, with the provider's settings. */
    lookupAll(args: DraftFilterArgs): Promise<DeploymentDraftsResult> {
        return lookupDeploymentDrafts(args, this.context({}, false));
    }

    /**
     * The engine's Cancel: every lookup in flight, waiting for a slot or between retries fails
     * now with a `CancelledError`, and so does every later one (the engine is shutting down).
     */
    cancel(): void {
        this.cancellation.abort();
    }

    /** Takes calls again after a cancellation: a new engine run attached to this process. */
    resume(): void {
        if (this.cancellation.signal.aborted) this.cancellation = new AbortController();
    }

    private context(connection: ConnectionInputs, cache: boolean): LookupContext {
        return {
            options: { ...connectionOptionsOf(connection), cache },
            config: providerConfigReader(this.settings),
            env: this.env,
            settingNames: pluginSettingNames,
            onRetry: this.onRetry,
            signal: this.cancellation.signal,
        };
    }
}
