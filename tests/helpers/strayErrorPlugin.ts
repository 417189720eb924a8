// The plugin process (provider/plugin/pluginProcess.ts) with errors nothing handles on demand:
// a line `reject` on stdin rejects a promise nobody awaits, `throw` throws from a timer. Run with
// ts-node; arguments as the engine gives them.

import * as readline from "readline";
import { servePlugin } from "../../provider/plugin/pluginProcess";
import { packageSchema } from "../../provider/plugin/schema";

// Multi-line, as stray errors from libraries often are.
const strayError = (how: string) => new Error(`a stray ${how}\nwith a second line`);

void servePlugin(process.argv.slice(2), { version: "0.0.0-test", schema: () => JSON.stringify(packageSchema()), env: process.env }).then((server) => {
    process.stdout.write(`${server.port}\n`);
    readline.createInterface({ input: process.stdin }).on("line", (line) => {
        if (line === "reject") void Promise.reject(strayError("rejection"));
        if (line === "throw")
            setTimeout(() => {
                throw strayError("exception");
            });
    });
});
