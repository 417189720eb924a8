/**
 * Policies for the artifact-sources rule.
 */
import { artifactSourcesRule, checkArtifactSources, defaultArtifactSourcesConfig } from "../rules/artifactSources";
import { defineDraftRule, deploymentPolicyFactory, stackPolicyFactory } from "./factory";

/** The artifact-sources rule with its policies' level, settings schema and defaults. */
export const artifactSourcesDefinition = defineDraftRule({
    name: artifactSourcesRule,
    description:
        "Requires job files and dependencies to come from the allowed URI schemes and locations, " +
        "in every artifact part a draft carries (SQL, JAR, Python, CDC YAML), whatever its kind.",
    defaultLevel: "mandatory",
    deploymentPolicy: true,
    defaults: defaultArtifactSourcesConfig,
    configSchema: {
        properties: {
            allowedSchemes: {
                type: "array",
                items: { type: "string", pattern: "^[A-Za-z][A-Za-z0-9+.-]*$" },
                default: [...defaultArtifactSourcesConfig.allowedSchemes],
                description: "URI schemes allowed, without ://, e.g. oss.",
            },
            allowedPrefixes: {
                type: "array",
                items: { type: "string" },
                default: [...defaultArtifactSourcesConfig.allowedPrefixes],
                description: "When not empty, every URI must also start with one of these prefixes, e.g. oss://my-bucket/flink/.",
            },
        },
    },
    check: checkArtifactSources,
});

/** Checks the artifact URIs of every `DeploymentDraft` in the stack. */
export const artifactSourcesPolicy = stackPolicyFactory(artifactSourcesDefinition);

/** Checks the artifact URIs of every `alicloud.realtimecompute.Deployment` before it is deployed. */
export const deploymentArtifactSourcesPolicy = deploymentPolicyFactory(artifactSourcesDefinition);
