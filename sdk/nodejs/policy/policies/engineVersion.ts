/**
 * Policies for the engine-version rule.
 */
import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { checkEngineVersion, defaultEngineVersionConfig, EngineVersionConfig, engineVersionRule } from "../rules/engineVersion";
import { deploymentResourcePolicy, draftStackPolicy, DraftRuleDefinition } from "./factory";

const versionNumberPattern = "^\\d+(\\.\\d+){0,2}$";

const engineVersionDefinition: DraftRuleDefinition<EngineVersionConfig> = {
    description: "Requires a Ververica Runtime engine version at or above the configured minimum and not on the deny list.",
    defaults: defaultEngineVersionConfig,
    configSchema: {
        properties: {
            minimumVvrVersion: {
                type: "string",
                pattern: versionNumberPattern,
                default: defaultEngineVersionConfig.minimumVvrVersion,
                description: "The oldest VVR version allowed, as major.minor.patch.",
            },
            minimumFlinkVersion: {
                type: "string",
                pattern: versionNumberPattern,
                description: "The oldest Flink version allowed, as major.minor; no minimum when unset.",
            },
            deniedVersions: {
                type: "array",
                items: { type: "string" },
                default: [...defaultEngineVersionConfig.deniedVersions],
                description: "Glob patterns (* and ?) of engine versions that are not allowed, matched against the whole version.",
            },
        },
    },
    check: checkEngineVersion,
};

/** Checks the engine version of every `DeploymentDraft` in the stack. */
export function engineVersionPolicy(enforcementLevel: EnforcementLevel = "mandatory"): StackValidationPolicy {
    return draftStackPolicy(engineVersionRule, engineVersionDefinition, enforcementLevel);
}

/** Checks the engine version of every `alicloud.realtimecompute.Deployment` before it is deployed. */
export function deploymentEngineVersionPolicy(enforcementLevel: EnforcementLevel = "mandatory"): ResourceValidationPolicy {
    return deploymentResourcePolicy("ververica-deployment-engine-version", engineVersionDefinition, enforcementLevel);
}
