/**
 * The ready-made policy pack: every policy of `pulumi-ververica/policy` at its default level.
 * Levels and settings are changed per run with `--policy-pack-config` (see config.example.json):
 *
 *     pulumi preview --policy-pack ./policy-pack --policy-pack-config ./policy-pack/config.example.json
 *
 * The pack imports the policies from the TypeScript sources in ../sdk/nodejs/policy rather than from a
 * build in ../dist: Pulumi's Node.js runner registers ts-node (with this directory's
 * tsconfig.json) before it loads a pack, so the sources load without a build step and the pack
 * can never run rules older than the checkout it sits in. Module resolution walks up from both
 * directories to the repository's node_modules, so the pack needs no `npm install` of its own.
 *
 * This is the only place a PolicyPack is created: its constructor starts the policy server,
 * so nothing that tests import may do it.
 */
import { PolicyPack } from "@pulumi/policy";
import { allDraftPolicies } from "../sdk/nodejs/policy";

new PolicyPack("ververica-drafts", {
    description: "Checks Ververica deployment drafts and alicloud.realtimecompute.Deployment resources.",
    policies: allDraftPolicies(),
});
