import * as assert from "assert";
import { DeploymentDraft } from "../../sdk/nodejs";
import { deploymentDraftType } from "../../sdk/nodejs/policy";

describe("DeploymentDraft class", () => {
    it("has the type token policies and transforms match on", () => {
        assert.strictEqual(DeploymentDraft.__pulumiType, "pulumi-nodejs:dynamic/ververica:DeploymentDraft");
        assert.strictEqual(deploymentDraftType, DeploymentDraft.__pulumiType);
    });

    it("isInstance is false for anything but a DeploymentDraft", () => {
        for (const value of [undefined, null, {}, { __pulumiType: DeploymentDraft.__pulumiType }, "DeploymentDraft"]) {
            assert.strictEqual(DeploymentDraft.isInstance(value), false, JSON.stringify(value));
        }
    });
});
