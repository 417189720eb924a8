/**
 * The shape of a corpus case for the no-plaintext-secrets rule, and how it becomes a draft.
 */
import { DeploymentDraftAttributes, JsonValue, LocalVariable } from "../../../../provider/core/model";
import { PlaintextSecretsConfig } from "../../../../sdk/nodejs/policy/rules";
import { makeDraft } from "../../../helpers/draftFactory";

/** A real-world or adversarial snippet and the rule's expected verdict on it. */
export interface SecretsCorpusCase {
    /** What the snippet shows. */
    readonly name: string;
    /** Where the snippet comes from (a page or repository file), or `adversarial` and why. */
    readonly source: string;
    /** A Flink SQL script. */
    readonly sql?: string;
    /** A JAR job's main arguments. */
    readonly jarArgs?: string;
    /** A Python job's main arguments. */
    readonly pythonArgs?: string;
    /** A Flink CDC pipeline YAML. */
    readonly cdcYaml?: string;
    /** The draft's local variables. */
    readonly localVariables?: readonly LocalVariable[];
    /** The draft's labels (JSON values); the default draft's labels when left out. */
    readonly labels?: { readonly [key: string]: JsonValue };
    /** Additional dependencies of the SQL artifact. */
    readonly dependencies?: readonly string[];
    /** The rule's configuration, when the case is about one. */
    readonly config?: Partial<PlaintextSecretsConfig>;
    /** One fragment per expected violation, in order, that its message must contain; empty when compliant. */
    readonly violations: readonly string[];
    /** The fake secrets in the snippet: no message may contain one. */
    readonly secrets?: readonly string[];
    /** The classes of issue 22 (false alarms and misses) the case is about, for counting the corpus by class. */
    readonly covers?: readonly SecretsClass[];
}

/**
 * The classes of snippets the rule once got wrong (issue 22), each covered by a principle:
 * false alarms on values that are no credential, and misses of literal credentials.
 */
export type SecretsClass =
    | "filler placeholder"
    | "ellipsis"
    | "bracketed redaction"
    | "prose placeholder"
    | "environment reference"
    | "secret-store URI"
    | "config-provider reference"
    | "template field"
    | "access key id"
    | "secret word inside the key"
    | "key material"
    | "API key in a URL query"
    | "ODBC braced value"
    | "JAAS line break"
    | "URL user info with /"
    | "base64 text"
    | "labels";

/** The draft that carries a case's snippets (the rule reads every artifact part, whatever the kind). */
export function corpusDraft(example: SecretsCorpusCase): DeploymentDraftAttributes {
    return makeDraft({
        artifact: {
            kind: "SQLSCRIPT",
            sqlArtifact: { sqlScript: example.sql ?? "SELECT 1", additionalDependencies: example.dependencies },
            jarArtifact: { jarUri: "oss://flink-artifacts/jobs/job.jar", mainArgs: example.jarArgs },
            pythonArtifact: { pythonArtifactUri: "oss://flink-artifacts/jobs/job.py", mainArgs: example.pythonArgs },
            cdcYamlArtifact: { cdcYaml: example.cdcYaml },
        },
        localVariables: example.localVariables ?? [],
        ...(example.labels === undefined ? {} : { labels: example.labels }),
    });
}
