// @ts-check
/**
 * The ready-made policy pack: every policy of `pulumi-ververica/policy` at its default level.
 * It ships inside the npm package and loads the compiled policies of the package it sits in,
 * so it runs as it is, from any project that has `pulumi-ververica` and `@pulumi/policy`
 * installed:
 *
 *     pulumi preview --policy-pack node_modules/pulumi-ververica/policy-pack \
 *         [--policy-pack-config node_modules/pulumi-ververica/policy-pack/config.example.json]
 *
 * and from a clone of the repository after `npm ci && npm run build`, where `@pulumi/policy`
 * is a development dependency:
 *
 *     pulumi preview --policy-pack <clone>/policy-pack
 *
 * In both places the compiled policies are `../dist/sdk/nodejs/policy` (the target of the
 * package's `pulumi-ververica/policy` export), and `@pulumi/policy` resolves from the
 * `node_modules` above the pack. A copy of the pack elsewhere loads `pulumi-ververica/policy`
 * by name from the `node_modules` beside it.
 *
 * Plain JavaScript, so that no compiler is needed where it runs. This is the only place a
 * PolicyPack is created: its constructor starts the policy server, so nothing else may do it.
 */
"use strict";
const { PolicyPack } = require("@pulumi/policy");

/**
 * Whether `error` says that `specifier` itself cannot be found (not a module it loads).
 * @param {unknown} error
 * @param {string} specifier
 */
function notFound(error, specifier) {
    const e = /** @type {{ code?: unknown, message?: unknown } | null | undefined} */ (error);
    return e?.code === "MODULE_NOT_FOUND" && typeof e.message === "string" && e.message.startsWith(`Cannot find module '${specifier}'`);
}

function loadPolicies() {
    try {
        return require("../dist/sdk/nodejs/policy");
    } catch (besideError) {
        if (!notFound(besideError, "../dist/sdk/nodejs/policy")) throw besideError;
        try {
            return require("pulumi-ververica/policy");
        } catch (byNameError) {
            if (!notFound(byNameError, "pulumi-ververica/policy")) throw byNameError;
            throw new Error(
                `pulumi-ververica's compiled policies are not at ${__dirname}/../dist/sdk/nodejs/policy, ` +
                    "and pulumi-ververica is not installed beside this pack: in a clone of the repository, run `npm ci && npm run build` first; " +
                    "elsewhere, run the pack from node_modules/pulumi-ververica/policy-pack of a project that has pulumi-ververica installed.",
            );
        }
    }
}

new PolicyPack("ververica-drafts", {
    description: "Checks Ververica deployment drafts and alicloud.realtimecompute.Deployment resources.",
    policies: loadPolicies().allDraftPolicies(),
});
