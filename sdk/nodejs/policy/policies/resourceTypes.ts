/**
 * The Pulumi type tokens of the resources the policies look at. They are plain strings so that
 * loading the policies never loads the packages that define those resources.
 */

/** The type token of this package's `DeploymentDraft` dynamic resource. */
export const deploymentDraftType = "pulumi-nodejs:dynamic/ververica:DeploymentDraft";

/** The type token of `DeploymentDraft` served by the `ververica` provider plugin (every other language). */
export const pluginDeploymentDraftType = "ververica:index:DeploymentDraft";

/** Both `DeploymentDraft` types: the policies treat them exactly alike. */
export const deploymentDraftTypes: ReadonlySet<string> = new Set([deploymentDraftType, pluginDeploymentDraftType]);

/** The type token of `@pulumi/alicloud`'s `realtimecompute.Deployment`. */
export const alicloudDeploymentType = "alicloud:realtimecompute/deployment:Deployment";
