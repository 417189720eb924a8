import * as assert from "assert";
import { engineAddressOf } from "../../../provider/plugin/pluginProcess";

// The engine starts a plugin with its address as the first argument that is not a flag, after
// the logging and tracing flags it passes on; a plugin started by hand gets none.
describe("plugin: the engine address among the plugin's arguments", () => {
    it("is the only argument, or the first after the engine's flags", () => {
        assert.strictEqual(engineAddressOf(["127.0.0.1:40527"]), "127.0.0.1:40527");
        assert.strictEqual(engineAddressOf(["--logtostderr", "-v=9", "127.0.0.1:40527"]), "127.0.0.1:40527");
    });

    it("skips the tracing endpoint, which follows its flag", () => {
        assert.strictEqual(engineAddressOf(["--tracing", "file:/tmp/trace.json", "127.0.0.1:40527"]), "127.0.0.1:40527");
        assert.strictEqual(engineAddressOf(["--tracing", "127.0.0.1:9411"]), undefined);
    });

    it("is absent when the plugin is started by hand", () => {
        assert.strictEqual(engineAddressOf([]), undefined);
        assert.strictEqual(engineAddressOf(["--logtostderr"]), undefined);
    });
});
