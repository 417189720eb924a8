// `npm run demo` (scripts/demo.js) as a user runs it, minus the build: twice on the same
// state, in a child process that may not leave this machine. Also type-checks the quick start
// the way `pulumi up` does, since no other check covers examples/.

import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { ensurePulumiCli } from "../helpers/harness";
import { asError } from "../helpers/asError";

const CLI_TIMEOUT_MS = 40 * 60 * 1000;
const DEMO_TIMEOUT_MS = 3 * 60 * 1000;

const repoRoot = path.resolve(__dirname, "..", "..");
const NETWORK_VIOLATION = "demo left the machine:";

interface RunResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        execFile(file, args, { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
            if (err !== null && typeof err.code !== "number") {
                reject(asError(err));
            } else {
                resolve({ code: err === null ? 0 : (err.code as number), stdout, stderr });
            }
        });
    });
}

/** The JSON the demo prints after "Stack outputs:". */
function printedOutputs(stdout: string): unknown {
    const match = /^Stack outputs:\n(\{[\s\S]*?\n\})$/m.exec(stdout);
    assert.ok(match, `no "Stack outputs:" block in:\n${stdout}`);
    return JSON.parse(match[1]);
}

const expectedOutputs = {
    artifactKind: "SQLSCRIPT",
    artifactSource: "40 lines of Flink SQL",
    draftName: "orders-etl",
    engineVersion: "vvr-8.0.9-flink-1.17",
    executionMode: "STREAMING",
    labels: { env: "prod", team: "data-platform", tier: 1 },
    modifiedAt: "2024-06-27T08:00:00.000Z",
    secondDraft: {
        artifactKind: "SQLSCRIPT",
        engineVersion: "vvr-8.0.9-flink-1.17",
        id: "1a6e9f3d-0b7c-4d25-9e8f-c4b3a2d1e0f6",
        lockHolder: "alice",
        modifiedAt: "2024-08-13T00:00:00.000Z",
    },
};

describe("e2e: npm run demo", function () {
    this.timeout(DEMO_TIMEOUT_MS);

    let tempDir: string;
    let preload: string;

    before(function () {
        this.timeout(CLI_TIMEOUT_MS);
        ensurePulumiCli();
        tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-demo-"));
        // The demo runs with the test suite's network guard preloaded. The guard is TypeScript
        // and the demo registers ts-node itself, so the guard is transpiled here instead.
        const guardSource = fs.readFileSync(path.join(repoRoot, "tests", "setup", "networkGuard.ts"), "utf8");
        const guard = ts.transpileModule(guardSource, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
        fs.writeFileSync(path.join(tempDir, "networkGuard.js"), guard.outputText);
        preload = path.join(tempDir, "preload.js");
        fs.writeFileSync(
            preload,
            `const guard = require("./networkGuard.js");
guard.installNetworkGuard();
process.on("exit", () => {
    const violations = guard.takeViolations();
    if (violations.length > 0) {
        process.stderr.write(${JSON.stringify(NETWORK_VIOLATION)} + "\\n" + violations.join("\\n") + "\\n");
        process.exitCode = 97;
    }
});
`,
        );
    });

    after(function () {
        fs.rmSync(tempDir, { recursive: true, force: true });
    });

    it("type-checks the quick start with its own tsconfig, resolving pulumi-ververica to this package", async function () {
        const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
        const result = await run(process.execPath, [tsc, "-p", path.join(repoRoot, "examples", "quickstart", "tsconfig.json"), "--noEmit"], process.env);
        assert.strictEqual(result.code, 0, result.stdout + result.stderr);
    });

    it("creates the demo stack, prints the drafts' attributes, and reports no changes when run again", async function () {
        const stateDir = path.join(tempDir, "state");
        const env: NodeJS.ProcessEnv = { ...process.env, VERVERICA_DEMO_STATE_DIR: stateDir };
        const demo = (): Promise<RunResult> => run(process.execPath, ["--require", preload, path.join(repoRoot, "scripts", "demo.js")], env);

        const first = await demo();
        assert.strictEqual(first.code, 0, `first run failed:\n${first.stdout}\n${first.stderr}`);
        assert.deepStrictEqual(printedOutputs(first.stdout), expectedOutputs);
        assert.match(first.stdout, /Ververica emulator listening on http:\/\/127\.0\.0\.1:\d+/);
        // scripts/pulumi-cli.sh puts the Node language host beside the CLI: the project runs as users run it.
        assert.match(first.stdout, /^Running the quick start through the Node language host \(.+pulumi-language-nodejs\): pulumi up in /m);
        assert.match(first.stdout, /\+ 1 created/);
        assert.match(first.stdout, /^Changes: 1 create\.$/m);

        const second = await demo();
        assert.strictEqual(second.code, 0, `second run failed:\n${second.stdout}\n${second.stderr}`);
        assert.deepStrictEqual(printedOutputs(second.stdout), expectedOutputs);
        assert.match(second.stdout, /1 unchanged/);
        assert.match(second.stdout, /^No changes: the stack already matched the drafts\.$/m);

        for (const result of [first, second]) {
            assert.ok(!result.stderr.includes(NETWORK_VIOLATION), result.stderr);
        }
        // State and the stack's config file stay in the state directory, out of the working tree.
        assert.ok(fs.existsSync(path.join(stateDir, "backend", ".pulumi", "stacks", "ververica-quickstart", "demo.json")));
        assert.ok(fs.existsSync(path.join(stateDir, "project", "Pulumi.demo.yaml")));
        assert.ok(!fs.existsSync(path.join(repoRoot, "Pulumi.demo.yaml")), "the demo wrote a stack config file into the repository");
    });
});
