/**
 * Policies for the engine-version rule.
 */
import { checkEngineVersion, defaultEngineVersionConfig, engineVersionRule } from "../rules/engineVersion";
import { defineDraftRule, deploymentPolicyFactory, stackPolicyFactory } from "./factory";

const versionNumberPattern = "^\\d+(\\.\\d+){0,2}$";

/** The engine-version rule with its policies' level, settings schema and defaults. */
export const engineVersionDefinition = defineDraftRule({
    name: engineVersionRule,
    description: "Requires a Ververica Runtime engine version at or above the configured minimum and not on the deny list.",
    defaultLevel: "mandatory",
    deploymentPolicy: true,
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
});

/** Checks the engine version of every `DeploymentDraft` in the stack. */
export const engineVersionPolicy = stackPolicyFactory(engineVersionDefinition);

/** Checks the engine version of every `alicloud.realtimecompute.Deployment` before it is deployed. */
export const deploymentEngineVersionPolicy = deploymentPolicyFactory(engineVersionDefinition);
