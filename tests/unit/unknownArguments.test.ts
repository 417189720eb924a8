import * as assert from "node:assert";
import { InvalidArgumentError } from "../../provider/core/errors";
import { nearestName, rejectUnknownArguments } from "../../provider/core/unknownArguments";

describe("unknown arguments", () => {
    const known = ["workspace", "namespace", "nameRegex", "ids", "labels", "storeArtifactAsSecret"];

    it("suggests the known name a typo is nearest to: a letter more, less, swapped, or another case", () => {
        assert.strictEqual(nearestName("nameRegexp", known), "nameRegex");
        assert.strictEqual(nearestName("namspace", known), "namespace");
        assert.strictEqual(nearestName("nmaespace", known), "namespace");
        assert.strictEqual(nearestName("NameRegex", known), "nameRegex");
        assert.strictEqual(nearestName("storeArtifactAsSecrets", known), "storeArtifactAsSecret");
    });

    it("suggests nothing for a name unlike every known one, nor for a short name a long way off", () => {
        assert.strictEqual(nearestName("junk", known), undefined);
        assert.strictEqual(nearestName("id", ["ids", "name"]), "ids");
        assert.strictEqual(nearestName("xy", ["ids"]), undefined);
    });

    it("names the first unknown argument with the suggestion, or the known names when there is none", () => {
        assert.throws(
            () => rejectUnknownArguments({ workspace: "w", nameRegexp: "^a" }, known, "getDeploymentDrafts"),
            (e: unknown) => e instanceof InvalidArgumentError && e.argument === "nameRegexp" && e.problem === 'is not an argument of getDeploymentDrafts; did you mean "nameRegex"?',
        );
        assert.throws(
            () => rejectUnknownArguments({ junk: 1 }, ["workspace", "namespace"], "getDeploymentDraft"),
            (e: unknown) => e instanceof InvalidArgumentError && e.message === 'invalid argument "junk": is not an argument of getDeploymentDraft; it takes "workspace", "namespace"',
        );
    });

    it("passes known arguments and Pulumi's own double-underscore keys", () => {
        rejectUnknownArguments({ workspace: "w", __provider: "serialized", __defaults: [] }, known, "DeploymentDraft");
    });
});
