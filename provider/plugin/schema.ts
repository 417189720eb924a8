/**
 * The Pulumi package schema of the `ververica` plugin. A draft's types and attributes come from
 * the declaration of a draft (see `draftSchemaTypes.ts`); this file adds the package's inputs,
 * resources, functions and language settings.
 * `provider/cmd/pulumi-resource-ververica/schema.json` is this object, written by
 * `npm run gen-schema`.
 */
import { draftAttributeProperties as draftAttributes, draftSchemaTypes, objectType, PropertySpec, requiredDraftAttributes, typeToken } from "./draftSchemaTypes";
import type { DraftFilterArgs } from "../core/draftFilter";
import { draftResourceInputNames } from "../core/draftResource";
import { packageManifest } from "../core/packageManifest";
import { deploymentArgsFunction, deploymentArgsTypes } from "./getDeploymentArgsSchema";
import { providerConfigVariables } from "./providerConfig";

/** The package name: the `ververica` of `pulumi-resource-ververica` and of every token. */
export const packageName = "ververica";

/** Type tokens of the package. */
export const tokens = {
    getDeploymentDraft: "ververica:index:getDeploymentDraft",
    getDeploymentDrafts: "ververica:index:getDeploymentDrafts",
    getDeploymentArgs: "ververica:index:getDeploymentArgs",
    deploymentDraft: "ververica:index:DeploymentDraft",
    provider: "pulumi:providers:ververica",
} as const;

export type { PropertySpec, TypeSpec } from "./draftSchemaTypes";

const string = (description: string): PropertySpec => ({ type: "string", description });
const strings = (description: string): PropertySpec => ({ type: "array", items: { type: "string" }, description });

const selectorInputs = {
    workspace: string("The workspace id, e.g. `a14bd5d90a`."),
    namespace: string("The namespace, e.g. `default-namespace`."),
    deploymentDraftId: string("The draft's id. Give this or `name`."),
    name: string("The draft's name, looked up with ListDeploymentDrafts. Give this or `deploymentDraftId`."),
};

// The functions' opt-out of the artifact's secrecy (the resource's is `resourceInputs`').
const returnArtifactAsSecret: PropertySpec = {
    type: "boolean",
    default: true,
    description:
        "Return the draft's `artifact` (SQL script, main args, CDC YAML: places where passwords hide) as a Pulumi secret, so that it never " +
        "reaches state in plain text. An SDK makes a result secret as a whole when a part of it is, so every attribute read from it is " +
        "secret too. Default `true`; set `false` only for drafts known to hold no secret.",
};

const listingInputs = {
    workspace: selectorInputs.workspace,
    namespace: selectorInputs.namespace,
    nameRegex: string("A regular expression (JavaScript syntax) the draft's name must match anywhere in it; anchor it (`^orders-.*$`) for a whole-name match."),
    ids: strings("Keep only the drafts with one of these ids."),
    labels: {
        type: "object",
        additionalProperties: { $ref: "pulumi.json#/Any" },
        description: "Labels the draft must carry, each with exactly this value; a value that is not a string compares as its JSON text (`1` matches the label `1`).",
    },
    storeArtifactAsSecret: returnArtifactAsSecret,
} satisfies Record<keyof DraftFilterArgs | "storeArtifactAsSecret", PropertySpec>;

/** A draft in the plural lookup's result: what the single lookup returns, `id` and every attribute. */
const listedDraftType = typeToken("getDeploymentDraftsDraft");

const connectionInputs = {
    endpoint: string("An endpoint host or URL for this resource; otherwise the provider's `endpoint` or `region`."),
    region: string("A region such as `cn-hangzhou` for this resource; otherwise the provider's."),
    network: string("`public` or `vpc`: which of the region's endpoints this resource uses; otherwise the provider's."),
};

// Exactly the inputs both hosts accept (`draftResourceInputNames`; a test checks no other is declared).
const resourceInputs: Readonly<Record<(typeof draftResourceInputNames)[number], PropertySpec>> = {
    workspace: { ...selectorInputs.workspace, description: "The workspace id, e.g. `a14bd5d90a`. Changing it replaces the resource.", willReplaceOnChanges: true },
    namespace: { ...selectorInputs.namespace, description: "The namespace, e.g. `default-namespace`. Changing it replaces the resource.", willReplaceOnChanges: true },
    deploymentDraftId: { ...selectorInputs.deploymentDraftId, description: "The draft's id. Give this or `name`; choosing another draft replaces the resource.", willReplaceOnChanges: true },
    name: { ...selectorInputs.name, description: "The draft's name, looked up with ListDeploymentDrafts. Give this or `deploymentDraftId`; choosing another draft replaces the resource." },
    ...connectionInputs,
    storeArtifactAsSecret: {
        type: "boolean",
        default: true,
        description:
            "Keep the draft's `artifact` (SQL script, main args, CDC YAML: places where passwords hide) encrypted in state as a Pulumi secret. " +
            "Default `true`; set `false` only for drafts known to hold no secret.",
    },
};

/** What {@link buildSchema} reads from package.json. */
export interface PackageFacts {
    readonly version: string;
    /** The repository path, e.g. `github.com/owner/repo`. */
    readonly repository: string;
}

/**
 * Where the engine downloads the plugin: the GitHub releases of the repository (tag
 * `v<version>`, asset `pulumi-resource-ververica-v<version>-<os>-<arch>.tar.gz`). The engine's
 * GitHub source takes `github://api.github.com/<owner>[/<repository>]`, the repository defaulting
 * to `pulumi-<package name>`.
 */
export function pluginDownloadURL(repository: string): string {
    const [host, owner, repo] = repository.split("/");
    if (host !== "github.com" || !owner || !repo) throw new Error(`config.repository ${repository} is not github.com/<owner>/<repository>`);
    return `github://api.github.com/${owner}${repo === `pulumi-${packageName}` ? "" : `/${repo}`}`;
}

/** The package schema, as `pulumi package get-schema` prints it. */
export function buildSchema(facts: PackageFacts): Record<string, unknown> {
    return {
        name: packageName,
        displayName: "Ververica deployment drafts",
        version: facts.version,
        description: "Read Alibaba Cloud Realtime Compute for Apache Flink (Ververica) deployment drafts: a data source and a read-only resource.",
        keywords: ["pulumi", "ververica", "flink", "alibaba-cloud", "category/cloud", "kind/native"],
        homepage: `https://${facts.repository}`,
        repository: `https://${facts.repository}`,
        license: "Apache-2.0",
        publisher: "pulumi-ververica",
        pluginDownloadURL: pluginDownloadURL(facts.repository),
        config: { variables: providerConfigVariables },
        provider: {
            description: "The provider of Ververica deployment drafts. Settings not given fall back to the environment and Alibaba Cloud's default credentials chain.",
            inputProperties: providerConfigVariables,
        },
        types: {
            ...draftSchemaTypes(),
            [listedDraftType]: objectType(
                "A deployment draft found by `getDeploymentDrafts`: every attribute, as `getDeploymentDraft` returns it, plus `id` (the draft's id).",
                { id: string("The draft's id, as data sources name the looked-up object's id."), ...draftAttributes },
                ["id", ...requiredDraftAttributes],
            ),
            ...deploymentArgsTypes,
        },
        resources: {
            [tokens.deploymentDraft]: {
                description:
                    "Tracks an existing deployment draft read-only: creating it looks the draft up, `pulumi refresh` re-reads it and shows drift " +
                    "(new engine version, new SQL, a lock taken), and `pulumi destroy` only forgets it. The draft itself is never changed. " +
                    "Import with `pulumi import ververica:index:DeploymentDraft <name> <workspace>/<namespace>/<deploymentDraftId>`.",
                inputProperties: resourceInputs,
                requiredInputs: ["workspace", "namespace"],
                properties: {
                    ...draftAttributes,
                    ...connectionInputs,
                    lookupName: string("The name the draft was looked up by, when it was (`name` is the draft's current name)."),
                },
                required: requiredDraftAttributes,
            },
        },
        functions: {
            [tokens.getDeploymentDraft]: {
                description: "Reads a deployment draft of Realtime Compute for Apache Flink (GetDeploymentDraft), by id or by name.",
                inputs: objectType(
                    "Identifies the draft: its workspace and namespace, and either its id or its name.",
                    { ...selectorInputs, storeArtifactAsSecret: returnArtifactAsSecret },
                    ["workspace", "namespace"],
                ),
                outputs: objectType(
                    "Every attribute of the draft, plus `id` (the draft's id).",
                    { id: string("The draft's id, as data sources name the looked-up object's id."), ...draftAttributes },
                    ["id", ...requiredDraftAttributes],
                ),
            },
            [tokens.getDeploymentDrafts]: {
                description:
                    "Reads every deployment draft of a namespace that passes the given filters (ListDeploymentDrafts, all pages of 100; " +
                    "GetDeploymentDraft for a listed draft that lacks its artifact), each with every attribute `getDeploymentDraft` returns.",
                inputs: objectType("The namespace to read, and the filters every returned draft passes.", listingInputs, ["workspace", "namespace"]),
                outputs: objectType(
                    "The matching drafts of the namespace, in the API's list order.",
                    {
                        workspace: string("The workspace id the drafts were read from."),
                        namespace: string("The namespace the drafts were read from."),
                        ids: strings("The ids of `drafts`, in the same order."),
                        names: strings("The names of `drafts`, in the same order (an empty string for a draft without a name)."),
                        drafts: { type: "array", items: { $ref: `#/types/${listedDraftType}` }, description: "Every matching draft with every attribute." },
                    },
                    ["workspace", "namespace", "ids", "names", "drafts"],
                ),
            },
            [tokens.getDeploymentArgs]: deploymentArgsFunction(selectorInputs),
        },
        language: {
            nodejs: { packageName: "pulumi-ververica", respectSchemaVersion: true },
            python: { packageName: "pulumi_ververica", respectSchemaVersion: true },
            go: { importBasePath: `${facts.repository}/sdk/go/ververica`, respectSchemaVersion: true, generateResourceContainerTypes: true },
        },
    };
}

/** The schema of this build, from package.json's version and `config.repository`. */
export function packageSchema(): Record<string, unknown> {
    return buildSchema({ version: packageManifest.version, repository: packageManifest.config.repository });
}

/** The schema as `schema.json` holds it: two-space JSON with a final newline. */
export function renderSchemaJson(): string {
    return `${JSON.stringify(packageSchema(), null, 2)}\n`;
}
