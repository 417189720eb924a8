/**
 * Compile-time check, run by `tsc` (not by mocha, to spare the tests the cost of loading
 * @pulumi/alicloud's typings): what `validateResourceOfType(alicloud.realtimecompute.Deployment, ...)`
 * would hand a policy, `Unwrap<DeploymentArgs>`, fits the subset the deployment policies read.
 */
import type { DeploymentArgs } from "@pulumi/alicloud/realtimecompute";
import type { Unwrap } from "@pulumi/pulumi";
import type { AlicloudDeploymentInputs } from "../../../sdk/nodejs/policy";

export type DeploymentInputsFit = Unwrap<DeploymentArgs> extends AlicloudDeploymentInputs ? true : never;
export const deploymentInputsFit: DeploymentInputsFit = true;
