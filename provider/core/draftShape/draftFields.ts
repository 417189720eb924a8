/**
 * THE description of a deployment draft: every field, its type, optionality, doc text, secrecy
 * and known values, in the API's order. Everything else is derived from it:
 *
 * - `provider/core/model.ts` (the public TypeScript types) and the plugin's schema types
 *   (`schema.json`), written by `npm run gen-schema`; the SDKs from the schema by `npm run gen-sdk`;
 * - the docs' field table (`docs/deployment-draft.md`), written by `npm run gen-schema`;
 * - the reader of the wire and the reader of resource outputs and deployment inputs
 *   (`readDraft.ts`), which interpret this table at run time.
 *
 * A new field is one entry here plus those two commands; a test fails while anything derived
 * disagrees with this table.
 */
import { jsonMap, object, ObjectSpec, objects, openText, OpenValueSet, text, texts, timestamp, union, UnionSpec } from "./fieldSpecs";

const executionMode: OpenValueSet = {
    typeName: "ExecutionMode",
    doc: "How a draft's job runs: `STREAMING` or `BATCH` today. The API types it as a plain string, so any other value it sends is kept as sent rather than refused.",
    values: ["STREAMING", "BATCH"],
};

const artifactKind: OpenValueSet = {
    typeName: "ArtifactKind",
    doc: "The four artifact kinds this package knows; see `UnrecognizedDraftArtifact` for others.",
    values: ["SQLSCRIPT", "JAR", "PYTHON", "CDCYAML"],
};

const sqlArtifact: ObjectSpec = {
    typeName: "SqlArtifact",
    doc: "A Flink SQL script and the JARs it needs.",
    fields: {
        sqlScript: text("The Flink SQL script's text. May hold connector passwords: kept secret with the artifact."),
        additionalDependencies: texts("URIs of extra files the job needs (JARs of connectors and UDFs), e.g. `oss://bucket/udf.jar`.", { uri: true }),
    },
};

const jarArtifact: ObjectSpec = {
    typeName: "JarArtifact",
    doc: "A JAR job.",
    fields: {
        jarUri: text("The URI of the job's JAR, e.g. `oss://bucket/job.jar`.", { uri: true }),
        entryClass: text("The fully qualified class with the job's `main` method."),
        mainArgs: text("The arguments passed to `main`, as one string. May hold passwords."),
        additionalDependencies: texts("URIs of extra files the job needs (JARs, resources).", { uri: true }),
    },
};

const pythonArtifact: ObjectSpec = {
    typeName: "PythonArtifact",
    doc: "A PyFlink job.",
    fields: {
        pythonArtifactUri: text("The URI of the job's Python file or package, e.g. `oss://bucket/job.py`.", { uri: true }),
        entryModule: text("The module the job starts from (for a package)."),
        mainArgs: text("The arguments passed to the job, as one string. May hold passwords."),
        additionalDependencies: texts("URIs of extra files the job needs (JARs of connectors, resources).", { uri: true }),
        additionalPythonLibraries: texts("URIs of extra Python libraries (`.whl`, `.zip`, `.py`).", { uri: true }),
        additionalPythonArchives: texts("URIs of archives unpacked for the job, e.g. a virtual environment.", { uri: true }),
    },
};

const cdcYamlArtifact: ObjectSpec = {
    typeName: "CdcYamlArtifact",
    doc: "A Flink CDC YAML pipeline.",
    fields: {
        cdcYaml: text("The pipeline's YAML text (source, sink, routes). May hold database passwords."),
        additionalDependencies: texts("URIs of extra files the pipeline needs (connector JARs).", { uri: true }),
    },
};

const draftArtifact: UnionSpec = {
    typeName: "DraftArtifact",
    doc:
        "A draft's artifact, discriminated by `kind`. The part a known kind selects is always present; the API may send the parts of " +
        "other kinds along (its documented example does), and they are kept as sent. A kind this package does not know, or none, " +
        "is kept as sent with whatever parts came with it, so a narrowed artifact's part may still be absent.",
    example: [
        "const draft = await ververica.getDeploymentDraft(args);",
        'if (draft.artifact?.kind === "SQLSCRIPT") {',
        "    console.log(draft.artifact.sqlArtifact?.sqlScript);",
        "}",
    ].join("\n"),
    discriminator: "kind",
    known: artifactKind,
    fields: {
        kind: text("The artifact's kind: `SQLSCRIPT`, `JAR`, `PYTHON` or `CDCYAML` today; another kind, or none, is kept as sent."),
        sqlArtifact: object(sqlArtifact, "The SQL part, present when `kind` is `SQLSCRIPT` (and kept when the API sent it with another kind)."),
        jarArtifact: object(jarArtifact, "The JAR part, present when `kind` is `JAR` (and kept when the API sent it with another kind)."),
        pythonArtifact: object(pythonArtifact, "The Python part, present when `kind` is `PYTHON` (and kept when the API sent it with another kind)."),
        cdcYamlArtifact: object(cdcYamlArtifact, "The CDC YAML part, present when `kind` is `CDCYAML` (and kept when the API sent it with another kind)."),
    },
    variants: [
        { value: "SQLSCRIPT", part: "sqlArtifact", typeName: "SqlScriptDraftArtifact", doc: "An SQL draft's artifact: `sqlArtifact` is always present.", discriminatorDoc: "A Flink SQL script." },
        { value: "JAR", part: "jarArtifact", typeName: "JarDraftArtifact", doc: "A JAR draft's artifact: `jarArtifact` is always present.", discriminatorDoc: "A Java or Scala job in a JAR." },
        { value: "PYTHON", part: "pythonArtifact", typeName: "PythonDraftArtifact", doc: "A Python draft's artifact: `pythonArtifact` is always present.", discriminatorDoc: "A PyFlink job." },
        { value: "CDCYAML", part: "cdcYamlArtifact", typeName: "CdcYamlDraftArtifact", doc: "A CDC YAML draft's artifact: `cdcYamlArtifact` is always present.", discriminatorDoc: "A Flink CDC YAML pipeline." },
    ],
    unrecognized: {
        typeName: "UnrecognizedDraftArtifact",
        doc:
            "An artifact whose `kind` is none of the four known ones: a kind added to the API later, a value in another case, or no kind " +
            "at all (`kind` is then absent). Such a draft is read as sent, with whatever parts came with it.",
        discriminatorDoc: "The kind as the API sent it (a kind added after this package, or none).",
    },
};

const draftLock: ObjectSpec = {
    typeName: "DraftLock",
    doc: "A lock someone holds on a draft while editing it.",
    fields: {
        id: text("The lock's id; a new id means the lock was taken again."),
        workspace: text("The workspace id of the locked draft."),
        namespace: text("The namespace of the locked draft."),
        holderId: text("The id of the account holding the lock."),
        holderName: text("The name of the account holding the lock, as the console shows it."),
    },
};

const localVariable: ObjectSpec = {
    typeName: "LocalVariable",
    doc: "A draft-level variable (`${name}` in SQL).",
    fields: {
        name: text("The variable's name, written `${name}` in the SQL."),
        value: text("The text that replaces `${name}`."),
    },
};

/** A deployment draft: every attribute GetDeploymentDraft returns, in the API's order. */
export const deploymentDraftShape: ObjectSpec = {
    typeName: "DeploymentDraftAttributes",
    doc: "Every attribute of a deployment draft, as GetDeploymentDraft returns it. Optional fields the API did not send are absent.",
    fields: {
        deploymentDraftId: text("The draft's id (a UUID).", { required: true }),
        name: text("The draft's name, unique within its namespace."),
        parentId: text("The id of the draft this one was copied from."),
        referencedDeploymentId: text("The id of the deployment created from this draft, if any."),
        executionMode: openText(executionMode, "Whether the job runs as a stream or a batch: `STREAMING` or `BATCH` today; another value is kept as sent."),
        artifact: union(
            draftArtifact,
            "What the job runs, by `kind`: SQL, JAR, Python or CDC YAML. It may hold passwords.",
            { secret: true },
        ),
        engineVersion: text("The Ververica Runtime engine, e.g. `vvr-8.0.9-flink-1.17`."),
        localVariables: objects(localVariable, "Draft-level variables, substituted for `${name}` in the SQL."),
        labels: jsonMap("Labels exactly as the API sent them: values are not only strings (`\"test2\": 1` stays a number)."),
        lock: object(draftLock, "Who is editing the draft in the console, if anyone."),
        workspace: text("The workspace id the draft lives in.", { required: true }),
        namespace: text("The namespace the draft lives in.", { required: true }),
        creator: text("The id of the account that created the draft."),
        creatorName: text("The name of the account that created the draft."),
        modifier: text("The id of the account that last changed the draft."),
        modifierName: text("The name of the account that last changed the draft."),
        createdAt: timestamp("Creation time, unix seconds."),
        modifiedAt: timestamp("Last modification time, unix seconds."),
    },
};
