import * as assert from "assert";
import { containsUnknown, fromStruct, toStruct } from "../../../provider/plugin/propertyValues";
import { secretValue, struct } from "../../helpers/pluginClient";

const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

describe("plugin property values", () => {
    it("unwraps secrets at any depth and remembers the top-level properties that held one", () => {
        const read = fromStruct(struct({ plain: "a", secret: secretValue("s"), nested: { list: [1, secretValue({ deep: true })] } }));
        assert.deepStrictEqual(read.values, { plain: "a", secret: "s", nested: { list: [1, { deep: true }] } });
        assert.deepStrictEqual([...read.secrets].sort(), ["nested", "secret"]);
    });

    it("reads output values: known ones as their value (secret when marked), unknown ones as unknown", () => {
        const sig = "4dabf18193072939515e22adb298388d";
        const output = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
        const read = fromStruct(struct({ known: { [sig]: output, value: "v", secret: true }, pending: { [sig]: output } }));
        assert.deepStrictEqual(read.values, { known: "v", pending: unknown });
        assert.deepStrictEqual([...read.secrets], ["known"]);
        assert.ok(containsUnknown(read.values));
        assert.ok(!containsUnknown({ a: [1, { b: "c" }] }));
    });

    it("writes the named properties as secrets and leaves undefined ones out", () => {
        const written = toStruct({ artifact: { kind: "SQLSCRIPT" }, name: "n", gone: undefined }, ["artifact", "absent"]).toJavaScript();
        assert.deepStrictEqual(written, { artifact: secretValue({ kind: "SQLSCRIPT" }), name: "n" });
        const roundTrip = fromStruct(toStruct({ artifact: { kind: "JAR" } }, ["artifact"]));
        assert.deepStrictEqual(roundTrip.values, { artifact: { kind: "JAR" } });
        assert.deepStrictEqual([...roundTrip.secrets], ["artifact"]);
    });
});
