/**
 * Lists the URIs a draft's artifact refers to (job JAR or Python file, dependencies, Python
 * libraries and archives), each with the field it sits in, for the rules that check them. Every
 * part the artifact carries is listed, whatever its kind: the API may send parts of other kinds
 * along, and the core model keeps an artifact of an unknown kind, or of none, with all its parts.
 */
import { DraftArtifact } from "../../../../provider/core/model";

/** A URI found in an artifact, e.g. `{ field: "jarArtifact.additionalDependencies[1]", uri: "oss://..." }`. */
export interface ArtifactUri {
    /** The field the URI sits in, with its index in a list. */
    readonly field: string;
    /** The URI as written. It may hold credentials: show it only through `redactUri`. */
    readonly uri: string;
}

/** Returns the URIs of every part of an artifact, whatever its kind, in a stable order. */
export function listArtifactUris(artifact: DraftArtifact | undefined): ArtifactUri[] {
    if (artifact === undefined) {
        return [];
    }
    const uris: ArtifactUri[] = [];
    const add = (field: string, values: readonly string[] | string | undefined): void => {
        if (typeof values === "string") {
            uris.push({ field, uri: values });
        } else {
            values?.forEach((uri, index) => uris.push({ field: `${field}[${index}]`, uri }));
        }
    };
    add("sqlArtifact.additionalDependencies", artifact.sqlArtifact?.additionalDependencies);
    add("jarArtifact.jarUri", artifact.jarArtifact?.jarUri);
    add("jarArtifact.additionalDependencies", artifact.jarArtifact?.additionalDependencies);
    add("pythonArtifact.pythonArtifactUri", artifact.pythonArtifact?.pythonArtifactUri);
    add("pythonArtifact.additionalDependencies", artifact.pythonArtifact?.additionalDependencies);
    add("pythonArtifact.additionalPythonLibraries", artifact.pythonArtifact?.additionalPythonLibraries);
    add("pythonArtifact.additionalPythonArchives", artifact.pythonArtifact?.additionalPythonArchives);
    add("cdcYamlArtifact.additionalDependencies", artifact.cdcYamlArtifact?.additionalDependencies);
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
