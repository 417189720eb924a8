// @ts-check
/**
 * The ready-made policy pack: every policy of `pulumi-ververica/policy` at its default level.
 * It ships inside the npm package and loads the installed package's compiled policies, so it
 * runs as it is, from any project that has `pulumi-ververica` and `@pulumi/policy` installed:
 *
 *     pulumi preview --policy-pack node_modules/pulumi-ververica/policy-pack \
 *         [--policy-pack-config node_modules/pulumi-ververica/policy-pack/config.example.json]
 *
 * Plain JavaScript, so that no compiler is needed where it runs. This is the only place a
 * PolicyPack is created: its constructor starts the policy server, so nothing else may do it.
 */
"use strict";
const { PolicyPack } = require("@pulumi/policy");
const { allDraftPolicies } = require("pulumi-ververica/policy");

new PolicyPack("ververica-drafts", {
    description: "Checks Ververica deployment drafts and alicloud.realtimecompute.Deployment resources.",
    policies: allDraftPolicies(),
});
