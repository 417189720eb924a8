import * as assert from "assert";
import { createInvokeAdmission, maxRunningInvokes } from "../../../provider/plugin/invokeAdmission";

describe("the plugin's admission of invokes", () => {
    it("runs at most maxRunningInvokes at once and starts the waiting ones in arrival order", async () => {
        const admit = createInvokeAdmission();
        let running = 0;
        let peak = 0;
        const started: number[] = [];
        const releases: Array<() => void> = [];
        const invokes = Array.from({ length: maxRunningInvokes + 36 }, (_, i) =>
            admit(async () => {
                started.push(i);
                running++;
                peak = Math.max(peak, running);
                await new Promise<void>((resolve) => releases.push(resolve));
                running--;
                return i;
            }),
        );
        await new Promise((resolve) => setImmediate(resolve));
        assert.strictEqual(started.length, maxRunningInvokes);
        while (releases.length > 0) {
            (releases.shift() as () => void)();
            await new Promise((resolve) => setImmediate(resolve));
        }
        assert.deepStrictEqual(await Promise.all(invokes), started);
        assert.deepStrictEqual(started, [...started].sort((a, b) => a - b));
        assert.strictEqual(peak, maxRunningInvokes);
    });
});
