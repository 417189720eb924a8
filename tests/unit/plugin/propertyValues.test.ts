import * as assert from "assert";
import { specialOutputValueSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime";
import { containsUnknown, fromStruct, toStruct } from "../../../provider/plugin/propertyValues";
import { secretValue, struct } from "../../helpers/pluginClient";

describe("plugin property values", () => {
    it("unwraps secrets at any depth and remembers the top-level properties that held one", () => {
        const read = fromStruct(struct({ plain: "a", secret: secretValue("s"), nested: { list: [1, secretValue({ deep: true })] } }));
        assert.deepStrictEqual(read.values, { plain: "a", secret: "s", nested: { list: [1, { deep: true }] } });
        assert.deepStrictEqual([...read.secrets].sort(), ["nested", "secret"]);
    });

    it("reads output values: known ones as their value (secret when marked), unknown ones as unknown", () => {
        const output = { [specialSigKey]: specialOutputValueSig };
        const read = fromStruct(struct({ known: { ...output, value: "v", secret: true }, pending: output }));
        assert.deepStrictEqual(read.values, { known: "v", pending: unknownValue });
        assert.deepStrictEqual([...read.secrets], ["known"]);
        assert.ok(containsUnknown(read.values));
        assert.ok(!containsUnknown({ a: [1, { b: "c" }] }));
    });

    it("writes the named properties as secrets and leaves undefined ones out", () => {
        const written = toStruct({ artifact: { kind: "SQLSCRIPT" }, name: "n", gone: undefined, lock: null }, ["artifact", "absent", "lock"]).toJavaScript();
        assert.deepStrictEqual(written, { artifact: secretValue({ kind: "SQLSCRIPT" }), name: "n", lock: null });
        const roundTrip = fromStruct(toStruct({ artifact: { kind: "JAR" } }, ["artifact"]));
        assert.deepStrictEqual(roundTrip.values, { artifact: { kind: "JAR" } });
        assert.deepStrictEqual([...roundTrip.secrets], ["artifact"]);
    });
});
