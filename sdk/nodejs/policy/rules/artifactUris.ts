/**
 * Lists the URIs a draft's artifact refers to (job JAR or Python file, dependencies, Python
 * libraries and archives), each with the field it sits in, for the rules that check them.
 */
import { DraftArtifact } from "../../../../provider/core/model";

/** A URI found in an artifact, e.g. `{ field: "jarArtifact.additionalDependencies[1]", uri: "oss://..." }`. */
export interface ArtifactUri {
    /** The field the URI sits in, with its index in a list. */
    readonly field: string;
    /** The URI as written. It may hold credentials: show it only through `redactUri`. */
    readonly uri: string;
}

/**
 * Which artifact parts to list: the one the artifact's kind selects (what the job runs), or
 * every part the draft carries (the API may send parts of other kinds along).
 */
export type ArtifactPartScope = "selected" | "all";

/** Returns the URIs of an artifact's parts, in a stable order. */
export function listArtifactUris(artifact: DraftArtifact | undefined, scope: ArtifactPartScope): ArtifactUri[] {
    if (artifact === undefined) {
        return [];
    }
    const uris: ArtifactUri[] = [];
    const include = (kind: DraftArtifact["kind"]): boolean => scope === "all" || artifact.kind === kind;
    const add = (field: string, values: readonly string[] | string | undefined): void => {
        if (typeof values === "string") {
            uris.push({ field, uri: values });
        } else {
            values?.forEach((uri, index) => uris.push({ field: `${field}[${index}]`, uri }));
        }
    };
    if (include("SQLSCRIPT")) {
        add("sqlArtifact.additionalDependencies", artifact.sqlArtifact?.additionalDependencies);
    }
    if (include("JAR")) {
        add("jarArtifact.jarUri", artifact.jarArtifact?.jarUri);
        add("jarArtifact.additionalDependencies", artifact.jarArtifact?.additionalDependencies);
    }
    if (include("PYTHON")) {
        add("pythonArtifact.pythonArtifactUri", artifact.pythonArtifact?.pythonArtifactUri);
        add("pythonArtifact.additionalDependencies", artifact.pythonArtifact?.additionalDependencies);
        add("pythonArtifact.additionalPythonLibraries", artifact.pythonArtifact?.additionalPythonLibraries);
        add("pythonArtifact.additionalPythonArchives", artifact.pythonArtifact?.additionalPythonArchives);
    }
    if (include("CDCYAML")) {
        add("cdcYamlArtifact.additionalDependencies", artifact.cdcYamlArtifact?.additionalDependencies);
    }
    return uris;
}

/**
 * Shortens a URI for a message: the user-info (which may hold a password) and the query and
 * fragment (which may hold a signature or token) are replaced by `***`.
 */
export function redactUri(uri: string): string {
    return uri
        .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1***@")
        .replace(/[?#].*$/s, "?***");
}
