/**
 * The Pulumi package schema of the `ververica` plugin, built from the TypeScript model: every
 * draft attribute's schema entry is keyed by the model's own property names, so the compiler
 * rejects a model field without a schema entry and a schema entry without a field.
 * `provider/cmd/pulumi-resource-ververica/schema.json` is this object, written by
 * `npm run gen-schema`.
 */
import type {
    CdcYamlArtifact,
    DeploymentDraftAttributes,
    DraftLock,
    JarArtifact,
    LocalVariable,
    PythonArtifact,
    SqlArtifact,
    SqlScriptDraftArtifact,
} from "../core/model";
import { providerConfigVariables } from "./providerConfig";

/** The package name: the `ververica` of `pulumi-resource-ververica` and of every token. */
export const packageName = "ververica";

/** Type tokens of the package. */
export const tokens = {
    getDeploymentDraft: "ververica:index:getDeploymentDraft",
    getDeploymentDrafts: "ververica:index:getDeploymentDrafts",
    deploymentDraft: "ververica:index:DeploymentDraft",
    provider: "pulumi:providers:ververica",
} as const;

/** A schema type reference: a primitive, an array, a map, or a named type. */
export type TypeSpec =
    | { readonly type: "string" | "number" | "integer" | "boolean" }
    | { readonly type: "array"; readonly items: TypeSpec }
    | { readonly type: "object"; readonly additionalProperties: TypeSpec }
    | { readonly $ref: string };

/** One property of a schema object. */
export type PropertySpec = TypeSpec & {
    readonly description: string;
    readonly secret?: boolean;
    readonly willReplaceOnChanges?: boolean;
    readonly default?: boolean;
};

type Properties<T> = { readonly [K in keyof Required<T>]: PropertySpec };

const string = (description: string): PropertySpec => ({ type: "string", description });
const strings = (description: string): PropertySpec => ({ type: "array", items: { type: "string" }, description });
const ref = (name: string, description: string): PropertySpec => ({ $ref: `#/types/ververica:index:${name}`, description });

const sqlArtifact: Properties<SqlArtifact> = {
    sqlScript: string("The Flink SQL script."),
    additionalDependencies: strings("URIs of additional JARs the job needs."),
};
const jarArtifact: Properties<JarArtifact> = {
    jarUri: string("The URI of the job's JAR."),
    entryClass: string("The fully qualified entry class."),
    mainArgs: string("Arguments passed to the entry class's main method."),
    additionalDependencies: strings("URIs of additional JARs the job needs."),
};
const pythonArtifact: Properties<PythonArtifact> = {
    pythonArtifactUri: string("The URI of the Python job file."),
    entryModule: string("The entry module."),
    mainArgs: string("Arguments passed to the entry module."),
    additionalDependencies: strings("URIs of additional JARs the job needs."),
    additionalPythonLibraries: strings("URIs of additional Python libraries."),
    additionalPythonArchives: strings("URIs of additional Python archives."),
};
const cdcYamlArtifact: Properties<CdcYamlArtifact> = {
    cdcYaml: string("The Flink CDC YAML pipeline definition."),
    additionalDependencies: strings("URIs of additional JARs the pipeline needs."),
};
const draftArtifact: Properties<SqlScriptDraftArtifact> = {
    kind: string("The artifact kind: `SQLSCRIPT`, `JAR`, `PYTHON` or `CDCYAML`. The part it names is always present; the API may send other parts too."),
    sqlArtifact: ref("SqlArtifact", "The SQL script, for kind `SQLSCRIPT`."),
    jarArtifact: ref("JarArtifact", "The JAR job, for kind `JAR`."),
    pythonArtifact: ref("PythonArtifact", "The PyFlink job, for kind `PYTHON`."),
    cdcYamlArtifact: ref("CdcYamlArtifact", "The CDC YAML pipeline, for kind `CDCYAML`."),
};
const draftLock: Properties<DraftLock> = {
    id: string("The lock's id."),
    workspace: string("The workspace id of the lock."),
    namespace: string("The namespace of the lock."),
    holderId: string("The id of the user holding the lock."),
    holderName: string("The name of the user holding the lock."),
};
const localVariable: Properties<LocalVariable> = {
    name: string("The variable's name, referenced as `${name}` in SQL."),
    value: string("The variable's value."),
};

/** Every attribute of a draft, as GetDeploymentDraft returns it. */
const draftAttributes: Properties<DeploymentDraftAttributes> = {
    deploymentDraftId: string("The draft's id (a UUID)."),
    name: string("The draft's name, unique within its namespace."),
    parentId: string("The id of the draft this one was copied from."),
    referencedDeploymentId: string("The id of the deployment created from this draft, if any."),
    executionMode: string("How the job runs: `STREAMING` or `BATCH`."),
    artifact: ref("DraftArtifact", "The job's artifact: SQL script, JAR, Python or CDC YAML, selected by `kind`."),
    engineVersion: string("The Ververica Runtime engine, e.g. `vvr-8.0.9-flink-1.17`."),
    localVariables: { type: "array", items: { $ref: "#/types/ververica:index:LocalVariable" }, description: "Draft-level variables (`${name}` in SQL)." },
    labels: { type: "object", additionalProperties: { $ref: "pulumi.json#/Any" }, description: "Labels exactly as the API sent them: values are not only strings." },
    lock: ref("DraftLock", "The lock someone holds on the draft while editing it, if any."),
    workspace: string("The workspace id the draft lives in."),
    namespace: string("The namespace the draft lives in."),
    creator: string("The id of the user who created the draft."),
    creatorName: string("The name of the user who created the draft."),
    modifier: string("The id of the user who last modified the draft."),
    modifierName: string("The name of the user who last modified the draft."),
    createdAt: { type: "number", description: "Creation time, unix seconds." },
    modifiedAt: { type: "number", description: "Last modification time, unix seconds." },
};

/** The attributes every draft has, whatever else the API omitted. */
const requiredDraftAttributes = ["deploymentDraftId", "workspace", "namespace"] satisfies (keyof DeploymentDraftAttributes)[];

const selectorInputs = {
    workspace: string("The workspace id, e.g. `a14bd5d90a`."),
    namespace: string("The namespace, e.g. `default-namespace`."),
    deploymentDraftId: string("The draft's id. Give this or `name`."),
    name: string("The draft's name, looked up with ListDeploymentDrafts. Give this or `deploymentDraftId`."),
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
} satisfies Record<string, PropertySpec>;

/** A draft in the plural lookup's result: what the single lookup returns, `id` and every attribute. */
const listedDraftType = "ververica:index:getDeploymentDraftsDraft";

const connectionInputs = {
    endpoint: string("An endpoint host or URL for this resource; otherwise the provider's `endpoint` or `region`."),
    region: string("A region such as `cn-hangzhou` for this resource; otherwise the provider's."),
    network: string("`public` or `vpc`: which of the region's endpoints this resource uses; otherwise the provider's."),
};

const resourceInputs = {
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
} satisfies Record<string, PropertySpec>;

/** What {@link buildSchema} reads from package.json. */
export interface PackageFacts {
    readonly version: string;
    /** The repository path, e.g. `github.com/owner/repo`. */
    readonly repository: string;
}

/** The package schema, as `pulumi package get-schema` prints it. */
export function buildSchema(facts: PackageFacts): Record<string, unknown> {
    const objectType = (description: string, properties: Record<string, PropertySpec>, required: readonly string[] = []) => ({
        type: "object",
        description,
        properties,
        ...(required.length > 0 ? { required } : {}),
    });
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
        config: { variables: providerConfigVariables },
        provider: {
            description: "The provider of Ververica deployment drafts. Settings not given fall back to the environment and Alibaba Cloud's default credentials chain.",
            inputProperties: providerConfigVariables,
        },
        types: {
            "ververica:index:SqlArtifact": objectType("A Flink SQL script and the JARs it needs.", sqlArtifact),
            "ververica:index:JarArtifact": objectType("A JAR job.", jarArtifact),
            "ververica:index:PythonArtifact": objectType("A PyFlink job.", pythonArtifact),
            "ververica:index:CdcYamlArtifact": objectType("A Flink CDC YAML pipeline.", cdcYamlArtifact),
            "ververica:index:DraftArtifact": objectType("A draft's artifact, discriminated by `kind`.", draftArtifact, ["kind"]),
            "ververica:index:DraftLock": objectType("A lock someone holds on a draft while editing it.", draftLock),
            "ververica:index:LocalVariable": objectType("A draft-level variable.", localVariable),
            [listedDraftType]: objectType(
                "A deployment draft found by `getDeploymentDrafts`: every attribute, as `getDeploymentDraft` returns it, plus `id` (the draft's id).",
                { id: string("The draft's id, as data sources name the looked-up object's id."), ...draftAttributes },
                ["id", ...requiredDraftAttributes],
            ),
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
                inputs: objectType("Identifies the draft: its workspace and namespace, and either its id or its name.", selectorInputs, ["workspace", "namespace"]),
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
    const manifest = require("pulumi-ververica/package.json") as { version: string; config: { repository: string } };
    return buildSchema({ version: manifest.version, repository: manifest.config.repository });
}

/** The schema as `schema.json` holds it: two-space JSON with a final newline. */
export function renderSchemaJson(): string {
    return `${JSON.stringify(packageSchema(), null, 2)}\n`;
}
