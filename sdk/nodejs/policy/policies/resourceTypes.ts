/**
 * The Pulumi type tokens of the resources the policies look at. They are plain strings so that
 * loading the policies never loads the packages that define those resources.
 */

/** The type token of this package's `DeploymentDraft` dynamic resource. */
export const deploymentDraftType = "pulumi-nodejs:dynamic/ververica:DeploymentDraft";

/** The type token of `@pulumi/alicloud`'s `realtimecompute.Deployment`. */
export const alicloudDeploymentType = "alicloud:realtimecompute/deployment:Deployment";
