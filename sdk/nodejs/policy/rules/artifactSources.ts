/**
 * The artifact-sources rule: a job's code and dependencies must come from trusted storage. Each
 * URI of the draft's artifact (the JAR or Python file, additional dependencies, Python libraries
 * and archives) must use an allowed scheme and, when prefixes are configured, start with one of
 * them. Every part the artifact carries is checked, whatever its kind (an unknown kind, none, or
 * a known kind with parts of other kinds sent along): a part the kind does not select can still
 * be run once the draft's kind changes, and what it fetches is as untrusted. A URI without a
 * scheme is a violation: where it is fetched from cannot be checked.
 */
import { DeploymentDraftAttributes } from "../../../../provider/core/model";
import { listArtifactUris, redactUri } from "./artifactUris";
import { quote, RuleViolation, violation } from "./violation";
import { withDefaults } from "./settings";

/** The name of the artifact-sources rule. */
export const artifactSourcesRule = "ververica-artifact-sources";

/** Settings of the artifact-sources rule. */
export interface ArtifactSourcesConfig {
    /** URI schemes allowed, without `://`, compared case-insensitively, e.g. `oss`. */
    readonly allowedSchemes: readonly string[];
    /**
     * When not empty, every URI must also start with one of these prefixes, e.g.
     * `oss://my-bucket/flink/`. End a prefix with `/` so that `oss://my-bucket` does not also
     * admit `oss://my-bucket-of-someone-else`.
     */
    readonly allowedPrefixes: readonly string[];
}

/** The artifact-sources rule's defaults: OSS only. */
export const defaultArtifactSourcesConfig: ArtifactSourcesConfig = {
    allowedSchemes: ["oss"],
    allowedPrefixes: [],
};

/** Checks that every URI of every part of a draft's artifact comes from an allowed scheme and prefix. */
export function checkArtifactSources(
    draft: DeploymentDraftAttributes,
    partialConfig: Partial<ArtifactSourcesConfig> = {},
): RuleViolation[] {
    const config = withDefaults(defaultArtifactSourcesConfig, partialConfig);
    const schemes = new Set(config.allowedSchemes.map((scheme) => scheme.toLowerCase()));
    const violations: RuleViolation[] = [];
    for (const { field, uri } of listArtifactUris(draft.artifact)) {
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
        const shown = quote(redactUri(uri));
        const allowedSchemes = config.allowedSchemes.join(", ");
        if (scheme === undefined) {
            violations.push(violation(artifactSourcesRule, draft, `${field} ${shown} has no URI scheme. Use a URI with one of the schemes: ${allowedSchemes}.`));
        } else if (!schemes.has(scheme)) {
            const why = scheme === "http" ? " Plain HTTP downloads can be tampered with in transit." : "";
            violations.push(
                violation(artifactSourcesRule, draft, `${field} ${shown} uses the scheme ${scheme}, which is not allowed.${why} Move the file to storage reached by: ${allowedSchemes}.`),
            );
        } else if (config.allowedPrefixes.length > 0 && !config.allowedPrefixes.some((prefix) => uri.startsWith(prefix))) {
            violations.push(
                violation(
                    artifactSourcesRule,
                    draft,
                    `${field} ${shown} is outside the allowed locations. Move the file under one of: ${config.allowedPrefixes.join(", ")}.`,
                ),
            );
        }
    }
    return violations;
}
