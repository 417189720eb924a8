/**
 * Policies for the artifact-sources rule.
 */
import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { ArtifactSourcesConfig, artifactSourcesRule, checkArtifactSources, defaultArtifactSourcesConfig } from "../rules/artifactSources";
import { deploymentResourcePolicy, draftStackPolicy, DraftRuleDefinition } from "./factory";

const artifactSourcesDefinition: DraftRuleDefinition<ArtifactSourcesConfig> = {
    description: "Requires job files and dependencies to come from the allowed URI schemes and locations.",
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
};

/** Checks the artifact URIs of every `DeploymentDraft` in the stack. */
export function artifactSourcesPolicy(enforcementLevel: EnforcementLevel = "mandatory"): StackValidationPolicy {
    return draftStackPolicy(artifactSourcesRule, artifactSourcesDefinition, enforcementLevel);
}

/** Checks the artifact URIs of every `alicloud.realtimecompute.Deployment` before it is deployed. */
export function deploymentArtifactSourcesPolicy(enforcementLevel: EnforcementLevel = "mandatory"): ResourceValidationPolicy {
    return deploymentResourcePolicy("ververica-deployment-artifact-sources", artifactSourcesDefinition, enforcementLevel);
}
