// Proves that the real Pulumi engine works on this machine, independently of this package:
// inline programs, dynamic providers, repeated stacks in one process, and policy packs run
// through the analyzer launcher.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Echo, ECHO_TYPE } from "../helpers/echoResource";
import { createTestStack, ensurePulumiCli, runPulumi, TestStack } from "../helpers/harness";

// A building CLI prints progress; a cold first build on two cores takes several minutes.
const CLI_TIMEOUT_MS = 40 * 60 * 1000;
const STACK_TIMEOUT_MS = 3 * 60 * 1000;


/** The parts of `pulumi stack export` these tests read. */
interface ExportedState {
    version: number;
    deployment: { resources?: { urn: string; type: string; id?: string; outputs?: Record<string, unknown> }[] };
}

describe("e2e: Pulumi engine", function () {
    before(function () {
        this.timeout(CLI_TIMEOUT_MS);
        ensurePulumiCli();
    });

    describe("inline program with a dynamic resource", function () {
        this.timeout(STACK_TIMEOUT_MS);

        let ts: TestStack | undefined;
        afterEach(async function () {
            const current = ts;
            ts = undefined;
            await current?.destroy();
        });

        it("previews, creates, stays unchanged on a second up, exports state and destroys", async function () {
            ts = await createTestStack({
                program: () => {
                    const echo = new Echo("echo", "hello");
                    return Promise.resolve({ greeting: "hi", echoed: echo.value });
                },
            });
            const { stack, workDir, env, backendDir } = ts;

            const preview = await stack.preview();
            assert.deepStrictEqual(preview.changeSummary, { create: 2 });

            const first = await stack.up();
            assert.strictEqual(first.summary.result, "succeeded");
            assert.deepStrictEqual(first.summary.resourceChanges, { create: 2 });
            assert.strictEqual(first.outputs.greeting.value, "hi");
            assert.strictEqual(first.outputs.echoed.value, "hello");

            const second = await stack.up();
            assert.deepStrictEqual(second.summary.resourceChanges, { same: 2 });

            const exported = JSON.parse(
                (await runPulumi(["stack", "export", "--stack", stack.name], { cwd: workDir, env })).stdout,
            ) as ExportedState;
            const echo = exported.deployment.resources?.find((r) => r.type === ECHO_TYPE);
            assert.ok(echo, `no ${ECHO_TYPE} in the exported state`);
            assert.strictEqual(echo.id, "echo-hello");
            assert.strictEqual(echo.outputs?.value, "hello");
            assert.strictEqual(typeof echo.outputs?.__provider, "string");
            assert.ok(
                fs.existsSync(path.join(backendDir, ".pulumi", "stacks", "pulumi-ververica-e2e", `${stack.name}.json`)),
                "the file backend has no state file for the stack",
            );

            const outputs = JSON.parse(
                (await runPulumi(["stack", "output", "--json", "--stack", stack.name], { cwd: workDir, env })).stdout,
            ) as Record<string, unknown>;
            assert.deepStrictEqual(outputs, { greeting: "hi", echoed: "hello" });

            // A refresh without the program runs the provider from state through the launcher.
            await runPulumi(["refresh", "--yes", "--stack", stack.name], { cwd: workDir, env });

            const destroyed = await stack.destroy();
            assert.deepStrictEqual(destroyed.summary.resourceChanges, { delete: 2 });
        });

        it("runs several stacks one after another in one process, also after a failed program", async function () {
            const failing = await createTestStack({
                projectName: "e2e-failing",
                program: () => {
                    new Echo("before-failure", "x");
                    return Promise.reject(new Error("program failed on purpose"));
                },
            });
            try {
                await assert.rejects(failing.stack.up(), /program failed on purpose/);
            } finally {
                await failing.destroy();
            }

            for (const projectName of ["e2e-first", "e2e-second"]) {
                ts = await createTestStack({
                    projectName,
                    program: () => Promise.resolve({ echoed: new Echo("echo", projectName).value }),
                });
                const result = await ts.stack.up();
                assert.strictEqual(result.outputs.echoed.value, projectName);
                await ts.destroy();
                ts = undefined;
            }
        });
    });

    describe("policy pack through the analyzer launcher", function () {
        this.timeout(STACK_TIMEOUT_MS);

        const FORBIDDEN = "forbidden";
        let packDir: string;

        before(function () {
            packDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-e2e-policy-"));
            // A local policy pack is not installed by the CLI: share the repo's node_modules.
            fs.symlinkSync(path.resolve(__dirname, "..", "..", "node_modules"), path.join(packDir, "node_modules"), "dir");
            fs.writeFileSync(path.join(packDir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
            // @pulumi/policy reads the pack's version from package.json.
            fs.writeFileSync(
                path.join(packDir, "package.json"),
                JSON.stringify({ name: "e2e-policy", version: "0.0.1", main: "index.js" }),
            );
            fs.writeFileSync(
                path.join(packDir, "index.js"),
                `const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("e2e-policy", {
    policies: [{
        name: "no-forbidden-value",
        description: "No resource output may be ${FORBIDDEN}.",
        enforcementLevel: "mandatory",
        validateStack: (args, reportViolation) => {
            for (const r of args.resources) {
                if (r.props.value === ${JSON.stringify(FORBIDDEN)}) {
                    reportViolation("resource " + r.name + " has the ${FORBIDDEN} value");
                }
            }
        },
    }],
});
`,
            );
        });

        after(function () {
            fs.rmSync(packDir, { recursive: true, force: true });
        });

        let ts: TestStack | undefined;
        afterEach(async function () {
            const current = ts;
            ts = undefined;
            await current?.destroy();
        });

        it("fails a preview that violates the mandatory stack policy", async function () {
            ts = await createTestStack({ program: () => Promise.resolve({ echoed: new Echo("bad", FORBIDDEN).value }) });
            await assert.rejects(
                ts.stack.preview({ policyPacks: [packDir] }),
                (err: Error) => {
                    assert.match(err.message, /no-forbidden-value/);
                    assert.match(err.message, /resource bad has the forbidden value/);
                    return true;
                },
            );
        });

        it("passes a compliant preview and reports that the pack ran", async function () {
            ts = await createTestStack({ program: () => Promise.resolve({ echoed: new Echo("good", "allowed").value }) });
            const preview = await ts.stack.preview({ policyPacks: [packDir] });
            assert.deepStrictEqual(preview.changeSummary, { create: 2 });
            assert.match(preview.stdout, /e2e-policy@v0\.0\.1/);
        });
    });
});
