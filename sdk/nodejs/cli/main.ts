#!/usr/bin/env node
/**
 * The `pulumi-ververica` executable (the package's `bin`).
 */
import { runCli } from "./runCli";

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: { isTTY: process.stderr.isTTY === true, write: (text) => process.stderr.write(text) }, env: process.env }).then(
    (code) => {
        process.exitCode = code;
    },
    (e: unknown) => {
        process.stderr.write(`pulumi-ververica: unexpected failure: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}\n`);
        process.exitCode = 2;
    },
);
