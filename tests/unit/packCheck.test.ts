import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkPackedFiles, PackageManifest } from "../../scripts/packCheck";

const manifest: PackageManifest = {
    name: "pulumi-ververica",
    version: "1.2.3",
    main: "dist/sdk/nodejs/index.js",
    exports: { ".": { default: "./dist/sdk/nodejs/index.js" }, "./policy": { default: "./dist/sdk/nodejs/policy/index.js" } },
    peerDependencies: { "@pulumi/policy": "^1.21.0" },
};
const packEntry = 'const { PolicyPack } = require("@pulumi/policy");\nconst { allDraftPolicies } = require("pulumi-ververica/policy");\n';
const files: Record<string, string> = {
    "package.json": "{}",
    "README.md": "",
    LICENSE: "",
    "dist/sdk/nodejs/index.js": "",
    "dist/sdk/nodejs/index.d.ts": "/** doc */",
    "dist/sdk/nodejs/policy/index.js": "",
    "dist/sdk/nodejs/policy/index.d.ts": "",
    "policy-pack/PulumiPolicy.yaml": "runtime: nodejs\n",
    "policy-pack/package.json": '{ "version": "1.2.3" }',
    "policy-pack/index.js": packEntry,
    "policy-pack/config.example.json": "{}",
};

function problemsWith(changes: Record<string, string | undefined>): string[] {
    const all: Record<string, string | undefined> = { ...files, ...changes };
    const present = Object.keys(all).filter((f) => all[f] !== undefined);
    return checkPackedFiles(present, manifest, (f) => all[f] ?? "");
}

describe("pack check: the ready policy pack in the tarball", () => {
    it("accepts a package holding the pack whose entry loads @pulumi/policy and the package's policy entry", () => {
        assert.deepStrictEqual(problemsWith({}), []);
    });

    it("reports each missing pack file", () => {
        assert.deepStrictEqual(problemsWith({ "policy-pack/PulumiPolicy.yaml": undefined }), ["missing policy-pack/PulumiPolicy.yaml"]);
    });

    it("accepts an entry that loads the policy entry's compiled target beside the pack, which also runs from a clone", () => {
        assert.deepStrictEqual(problemsWith({ "policy-pack/index.js": 'require("@pulumi/policy");\nrequire("../dist/sdk/nodejs/policy");\n' }), []);
    });

    it("accepts the repository's own pack entry", () => {
        const entry = fs.readFileSync(path.join(__dirname, "..", "..", "policy-pack", "index.js"), "utf8");
        assert.deepStrictEqual(problemsWith({ "policy-pack/index.js": entry }), []);
    });

    it("rejects an entry that loads the package's sources, internals or unexported paths instead of its public entries", () => {
        const internal = { "dist/sdk/nodejs/internal.js": "", "dist/sdk/nodejs/internal.d.ts": "" };
        for (const specifier of ["../sdk/nodejs/policy", "../dist/sdk/nodejs/internal", "pulumi-ververica/dist/sdk/nodejs/policy/index.js"]) {
            const problems = problemsWith({ ...internal, "policy-pack/index.js": `require("@pulumi/policy");\nrequire("${specifier}");\n` });
            assert.ok(problems.some((p) => p.includes(`policy-pack/index.js imports ${specifier}, which is neither`)), `${specifier}: ${problems.join("; ")}`);
        }
    });

    it("rejects an entry that does not load the package's policies at all", () => {
        assert.ok(problemsWith({ "policy-pack/index.js": 'require("@pulumi/policy");\n' }).includes("policy-pack/index.js does not load the policies from pulumi-ververica"));
    });

    it("rejects a pack whose version differs from the package's", () => {
        assert.deepStrictEqual(problemsWith({ "policy-pack/package.json": '{ "version": "0.0.1" }' }), ["policy-pack/package.json has version 0.0.1, the package 1.2.3"]);
    });
});
