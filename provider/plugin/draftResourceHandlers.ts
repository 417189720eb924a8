/**
 * `ververica:index:DeploymentDraft` in the plugin: the dynamic resource's semantics (shared in
 * `core/draftResource.ts`) plus what only a native provider can do: import, reads of existing
 * resources during preview, and outputs at the first preview.
 *
 * The resource id is `<workspace>/<namespace>/<deploymentDraftId>`, the form `pulumi import`
 * and `DeploymentDraft.get` take, so an id alone says where the draft lives.
 */
import { checkDraftInputs, diffDraft, draftOutputsOf, DraftResourceInputs, DraftResourceOutputs, readInputsOf, resourceCheckFailure, revisionToRecord } from "../core/draftResource";
import { DraftNotFoundError, InvalidArgumentError } from "../core/errors";
import type { DeploymentDraftAttributes } from "../core/model";
import { DraftCoordinates, requireIdentifier } from "../core/validation";
import type { ConfiguredLookups } from "./configuredLookups";
import { secretFieldsOf, storesArtifactAsSecret } from "./draftSecrecy";
import { ArgumentFailure, validated } from "./invokeAnswer";
import { containsUnknown, PropertyValues } from "./propertyValues";

/** A handler's answer: property values plus the top-level names to mark secret. */
export type Answer = PropertyValues;

/** A check's answer: the inputs to store, or failures naming properties. */
export interface CheckAnswer {
    readonly inputs: Answer;
    readonly failures: readonly ArgumentFailure[];
}

/** A diff's answer. */
export interface DiffAnswer {
    readonly replaces: readonly string[];
    /** Every changed property, replacing or not. */
    readonly changed: readonly string[];
}

/** A read's answer; an empty `id` means the draft is definitely gone. */
export interface ReadAnswer {
    readonly id: string;
    readonly outputs: Answer;
    readonly inputs: Answer;
}

/** The resource id of a draft. */
export function resourceIdOf(draft: Pick<DeploymentDraftAttributes, "workspace" | "namespace" | "deploymentDraftId">): string {
    return `${draft.workspace}/${draft.namespace}/${draft.deploymentDraftId}`;
}

/**
 * Parses a resource id. `<workspace>/<namespace>/<deploymentDraftId>` stands alone; a bare
 * draft id takes workspace and namespace from the stored properties.
 */
export function parseResourceId(id: string, stored: { workspace?: unknown; namespace?: unknown }): DraftCoordinates {
    const parts = id.split("/");
    if (parts.length === 3) {
        return { workspace: requireIdentifier("workspace", parts[0]), namespace: requireIdentifier("namespace", parts[1]), deploymentDraftId: requireIdentifier("deploymentDraftId", parts[2]) };
    }
    if (parts.length === 1 && stored.workspace !== undefined && stored.namespace !== undefined) {
        return { workspace: requireIdentifier("workspace", stored.workspace), namespace: requireIdentifier("namespace", stored.namespace), deploymentDraftId: requireIdentifier("deploymentDraftId", id) };
    }
    throw new InvalidArgumentError("id", `${JSON.stringify(id)} is not <workspace>/<namespace>/<deploymentDraftId>`);
}

/** The handlers of the resource, over one process's lookups. */
export class DraftResourceHandlers {
    constructor(private readonly lookups: ConfiguredLookups) {}

    /** Validates inputs and reads nothing (see `checkDraftInputs`); `olds` are the stored inputs. */
    check(olds: PropertyValues, news: PropertyValues): CheckAnswer {
        const store = validated(() => storesArtifactAsSecret(news.values), resourceCheckFailure);
        if ("failures" in store) {
            return { inputs: news, failures: store.failures };
        }
        const result = checkDraftInputs(olds.values, news.values);
        if ("failure" in result) {
            return { inputs: news, failures: [result.failure] };
        }
        return { inputs: { values: result.inputs, secrets: news.secrets }, failures: [] };
    }

    /**
     * Compares stored outputs with new inputs, reading nothing (on refresh: refreshed outputs
     * and the inputs the read recorded with the stored inputs, see `diffDraft`).
     */
    diff(olds: Record<string, unknown>, news: Record<string, unknown>, oldInputs: Record<string, unknown>): DiffAnswer {
        const { replaces, updates } = diffDraft(olds, news, oldInputs.revision);
        if ((oldInputs.storeArtifactAsSecret ?? true) !== (news.storeArtifactAsSecret ?? true)) {
            updates.push("storeArtifactAsSecret");
        }
        return { replaces, changed: [...replaces, ...updates] };
    }

    /**
     * Reads the draft and returns its attributes; also during preview, when every input is
     * known, so that the first preview already shows them (and policies see them).
     */
    async create(inputs: PropertyValues, preview: boolean): Promise<{ id: string; outputs: Answer }> {
        if (preview && containsUnknown(inputs.values)) {
            return { id: "", outputs: inputs };
        }
        const values = inputs.values as unknown as DraftResourceInputs & { storeArtifactAsSecret?: boolean };
        const draft = await this.lookups.lookup(values, values, true);
        return { id: resourceIdOf(draft), outputs: this.outputs(draft, values, inputs.secrets) };
    }

    /**
     * Refresh, import (no stored properties) and reads of existing resources (`.get`), by the
     * id in state (a draft tracked by name is not looked up by name again). A draft edited or
     * locked since the stored outputs were read gets a new recorded revision, which shows as
     * drift. Only a definite "not found" reports the draft gone; any other failure fails the
     * read and leaves state exactly as it was.
     */
    async read(id: string, stored: PropertyValues, storedInputs: PropertyValues): Promise<ReadAnswer> {
        const props = stored.values as Partial<DraftResourceOutputs>;
        const draftAt = parseResourceId(id, { workspace: props.workspace ?? storedInputs.values.workspace, namespace: props.namespace ?? storedInputs.values.namespace });
        const connection = {
            endpoint: props.endpoint ?? storedInputs.values.endpoint,
            region: props.region ?? storedInputs.values.region,
            network: props.network ?? storedInputs.values.network,
        };
        let draft: DeploymentDraftAttributes;
        try {
            draft = await this.lookups.lookup(draftAt, connection, false);
        } catch (e) {
            if (e instanceof DraftNotFoundError) {
                return { id: "", outputs: { values: {}, secrets: new Set() }, inputs: { values: {}, secrets: new Set() } };
            }
            throw e;
        }
        const store = storedInputs.values.storeArtifactAsSecret;
        const inputs: DraftResourceInputs & { storeArtifactAsSecret?: boolean } = {
            ...readInputsOf(draftAt, { ...props, ...connectionOf(connection) }),
            ...(typeof store === "boolean" ? { storeArtifactAsSecret: store } : {}),
        };
        // An import (nothing stored yet) reports only what a program would declare, so that the
        // code `pulumi import` prints holds no internal bookkeeping.
        const imported = Object.keys(stored.values).length === 0 && Object.keys(storedInputs.values).length === 0;
        const revision = imported ? undefined : revisionToRecord(storedInputs.values.revision, props, draft);
        return {
            id: resourceIdOf(draft),
            outputs: this.outputs(draft, inputs, stored.secrets),
            inputs: { values: revision === undefined ? { ...inputs } : { ...inputs, revision }, secrets: storedInputs.secrets },
        };
    }

    /**
     * Re-reads the draft by the id in state (new connection inputs, or a drifted draft after a
     * refresh): a draft tracked by name is not looked up by name again.
     */
    async update(id: string, news: PropertyValues): Promise<Answer> {
        const values = news.values as unknown as DraftResourceInputs & { storeArtifactAsSecret?: boolean };
        const draft = await this.lookups.lookup(parseResourceId(id, values), values, false);
        return this.outputs(draft, values, news.secrets);
    }

    private outputs(draft: DeploymentDraftAttributes, inputs: DraftResourceInputs & { storeArtifactAsSecret?: boolean }, inputSecrets: ReadonlySet<string>): Answer {
        const secrets = new Set([...inputSecrets, ...secretFieldsOf(inputs.storeArtifactAsSecret !== false)]);
        return { values: { ...draftOutputsOf(draft, inputs) }, secrets };
    }
}

function connectionOf(connection: { endpoint?: unknown; region?: unknown; network?: unknown }): { endpoint?: string; region?: string; network?: string } {
    return {
        ...(typeof connection.endpoint === "string" ? { endpoint: connection.endpoint } : {}),
        ...(typeof connection.region === "string" ? { region: connection.region } : {}),
        ...(typeof connection.network === "string" ? { network: connection.network } : {}),
    };
}
