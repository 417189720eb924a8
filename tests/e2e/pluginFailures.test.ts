// What a person sees when `pulumi up` of a YAML, Python or Go program of the `ververica` plugin
// fails, as tests/e2e/failures.test.ts shows it for TypeScript: the whole diagnostics block,
// request ids, ports and Python's traceback frames aside. Each language host frames a failure in
// its own way (below, `framing`); the plugin's part is the one line inside: an argument named
// once, an API failure with the facts TypeScript gives, the settings the plugin reads.

import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_TEST_CREDENTIAL, Emulator, startEmulator } from "../emulator";
import { diagnosticsBlock } from "../helpers/linkedProject";
import { createPluginProject, goName, PluginLanguage, pluginLanguages, PluginProject, pythonName } from "../helpers/pluginProjects";
import { quickstartDrafts } from "../helpers/quickstartStack";

const { workspace, namespace } = quickstartDrafts;
const unknownId = "0f0e0d0c-0b0a-4909-8807-060504030201";
const draftType = "ververica:index:DeploymentDraft";
const stackHeader = "  pulumi:pulumi:Stack (ververica-failures-test):";

/** What a program does: a function with its arguments, or a tracked draft with its inputs. */
interface Call {
    readonly fn: "getDeploymentDraft" | "getDeploymentDrafts" | "DeploymentDraft";
    readonly args: Readonly<Record<string, string>>;
}

/** The program making `call`, and exporting a value read from its result. */
function programOf(language: PluginLanguage, call: Call): string {
    const entries = Object.entries(call.args);
    switch (language) {
        case "yaml": {
            const args = entries.map(([k, v]) => `${k}: "${v}"`).join(", ");
            return call.fn === "DeploymentDraft"
                ? `resources:\n  tracked:\n    type: ${draftType}\n    properties: { ${args} }\noutputs:\n  result: \${tracked.namespace}\n`
                : `variables:\n  draft:\n    fn::invoke:\n      function: ververica:index:${call.fn}\n      arguments: { ${args} }\noutputs:\n  result: \${draft.namespace}\n`;
        }
        case "python": {
            const args = entries.map(([k, v]) => `${pythonName(k)}="${v}"`).join(", ");
            const made = call.fn === "DeploymentDraft" ? `ververica.DeploymentDraft("tracked", ${args})` : `ververica.${pythonName(call.fn)}_output(${args})`;
            return `import pulumi\nimport pulumi_ververica as ververica\n\nresult = ${made}\npulumi.export("result", result.namespace)\n`;
        }
        case "go": {
            const args = entries.map(([k, v]) => `${goName(k)}: pulumi.String("${v}")`).join(", ");
            // The names the Go generator gave the functions.
            const goFunction = { getDeploymentDraft: "LookupDeploymentDraft", getDeploymentDrafts: "GetDeploymentDrafts" };
            const made =
                call.fn === "DeploymentDraft"
                    ? `result, err := ververica.NewDeploymentDraft(ctx, "tracked", &ververica.DeploymentDraftArgs{${args}})\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tctx.Export("result", result.Namespace)`
                    : `result := ververica.${goFunction[call.fn]}Output(ctx, ververica.${goFunction[call.fn]}OutputArgs{${args}})\n\t\tctx.Export("result", result.Namespace())`;
            return (
                'package main\n\nimport (\n\t"github.com/pulumi-ververica/pulumi-ververica/sdk/go/ververica"\n\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"\n)\n\n' +
                `func main() {\n\tpulumi.Run(func(ctx *pulumi.Context) error {\n\t\t${made}\n\t\treturn nil\n\t})\n}\n`
            );
        }
    }
}

/** How each language host frames a failure of the plugin (what the plugin does not control). */
interface Framing {
    /** A function's error status carrying `message`. */
    invokeError(call: Call, message: string): string[];
    /** A function's check failure: `reason` about `property`. */
    invokeFailure(call: Call, reason: string, property: string): string[];
    /** The lines on the stack when a tracked draft fails (its own block follows), each way it can go. */
    readonly stackOfResourceFailure: ReadonlyArray<readonly string[]>;
}

// YAML prints the invoke's error with the lines of the program that made it, then a summary of
// its own that has nothing to add.
function yamlSource(call: Call): string[] {
    const args = Object.entries(call.args).map(([k, v]) => `${k}: "${v}"`).join(", ");
    return ["", "  on Pulumi.yaml line 5:", "   5:     fn::invoke:", `   6:       function: ververica:index:${call.fn}`, `   7:       arguments: { ${args} }`];
}
const tokenOf = (call: Call) => `ververica:index:${call.fn}`;
const engineInvokeError = (call: Call, message: string) => `rpc error: code = Unknown desc = invocation of ${tokenOf(call)} returned an error: ${message}`;

const framing: Readonly<Record<PluginLanguage, Framing>> = {
    yaml: {
        invokeError: (call, message) => [`error: ${engineInvokeError(call, message)}`, ...yamlSource(call), "error: Error registering variable [draft]: no diagnostics"],
        invokeFailure: (call, reason, property) => [
            "error: 1 error occurred:",
            `\t* ${tokenOf(call)} invoke failed: ${reason} (${property})`,
            "",
            "",
            ...yamlSource(call),
            "error: Error registering variable [draft]: no diagnostics",
        ],
        stackOfResourceFailure: [[]],
    },
    python: {
        invokeError: (call, message) => [
            "error: Program failed with an unhandled exception:",
            "Traceback (most recent call last): <frames>",
            `Exception: invoke of ${tokenOf(call)} failed: invocation of ${tokenOf(call)} returned an error: ${message}`,
        ],
        invokeFailure: (call, reason, property) => [
            "error: Program failed with an unhandled exception:",
            "Traceback (most recent call last): <frames>",
            `Exception: invoke of ${tokenOf(call)} failed: ${reason} (${property})`,
        ],
        // The engine stops the program when a resource fails; when the program has not ended by
        // then, Python reports being interrupted.
        stackOfResourceFailure: [
            [],
            [
                "Traceback (most recent call last): <frames>",
                "KeyboardInterrupt",
                "During handling of the above exception, another exception occurred:",
                "Traceback (most recent call last): <frames>",
                "KeyboardInterrupt",
            ],
        ],
    },
    go: {
        invokeError: (call, message) => ["error: an unhandled error occurred: program failed:", `waiting for RPCs: ${engineInvokeError(call, message)}`],
        invokeFailure: (call, reason, property) => [
            "error: an unhandled error occurred: program failed:",
            "waiting for RPCs: 1 error occurred:",
            `\t* ${tokenOf(call)} invoke failed: ${reason} (${property})`,
        ],
        stackOfResourceFailure: [[]],
    },
};

const indent = (lines: readonly string[]) => lines.map((l) => (l === "" ? "    " : `    ${l}`));

/** The diagnostics block of a failure on the stack. */
function stackBlock(lines: readonly string[]): string {
    return ["Diagnostics:", stackHeader, ...indent(lines)].join("\n");
}

/**
 * Asserts `block` is that of a failure of the tracked draft, in one of the ways the host frames it.
 * The engine prints the stack's block and the resource's, and on the stack its own lines
 * (`engineStackLines`) and the program's, in the order they reached it, so either may come first.
 */
function assertResourceBlock(language: PluginLanguage, block: string, line: string, engineStackLines: readonly string[] = []): void {
    const resource = [`  ${draftType} (tracked):`, ...indent([line])];
    const ways = framing[language].stackOfResourceFailure.flatMap((programLines) => {
        const program = indent(programLines);
        const engine = indent(engineStackLines);
        // Each block's lines as printed (a blank line parts the engine's from the program's).
        const stacks = program.length === 0 || engine.length === 0 ? [[...program, ...engine]] : [[...program, ...engine], [...engine, "", ...program]];
        return stacks.flatMap((stack) => {
            if (stack.length === 0) return [["Diagnostics:", ...resource]];
            const stackLines = [stackHeader, ...stack];
            return [
                ["Diagnostics:", ...stackLines, "", ...resource],
                ["Diagnostics:", ...resource, "", ...stackLines],
            ];
        });
    });
    const texts = ways.map((way) => way.join("\n"));
    if (!texts.includes(block)) assert.strictEqual(block, texts[0]);
}

/**
 * The diagnostics block as a reader compares it: volatile parts replaced (see diagnosticsBlock),
 * the frames of a Python traceback (paths and lines inside Pulumi's SDK) as `<frames>`, and the
 * warning the engine prints here because the YAML host is found on PATH, where users install it
 * as a plugin.
 */
function failureBlock(stdout: string): string {
    const lines = diagnosticsBlock(stdout)
        .replace(/^( *)Traceback \(most recent call last\):\n(?:\1 {2}.*\n)+/gm, "$1Traceback (most recent call last): <frames>\n")
        .split("\n")
        .filter((line) => !/^ {4}warning: using pulumi-language-yaml from \$PATH at /.test(line));
    // A resource's header left with no line of its own goes too, with the blank line that parted
    // it from its neighbour (before it, or after it when it came first).
    const isHeader = (i: number) => i >= 0 && i < lines.length && /^ {2}\S.*:$/.test(lines[i]) && (i + 1 === lines.length || lines[i + 1] === "");
    return lines
        .filter((_, i) => !isHeader(i) && !(lines[i] === "" && (isHeader(i + 1) || (isHeader(i - 1) && lines[i - 2] === "Diagnostics:"))))
        .join("\n");
}

const byId: Call = { fn: "getDeploymentDraft", args: { workspace, namespace, deploymentDraftId: unknownId } };
const notFound = `DraftNotFound: deployment draft not found (workspace "${workspace}", namespace "${namespace}", deploymentDraftId "${unknownId}"; action GetDeploymentDraft; HTTP 404; requestId <request-id>; error code 990301; message "deployment draft ${unknownId} not found")`;

// The Go toolchain's caches, for runs with another HOME (the credentials chain reads HOME): without
// them the program's build would start from nothing.
const goCaches = (): Record<string, string> => {
    const [cache, modcache, gopath] = execFileSync("go", ["env", "GOCACHE", "GOMODCACHE", "GOPATH"], { encoding: "utf8" }).trim().split("\n");
    return { GOCACHE: cache, GOMODCACHE: modcache, GOPATH: gopath };
};

for (const language of pluginLanguages) {
    describe(`e2e: failures of the plugin in ${language}, each one line inside the host's framing`, function () {
        this.timeout(10 * 60 * 1000);
        let emulator: Emulator;
        let project: PluginProject;
        const frame = framing[language];

        before(async function () {
            this.timeout(40 * 60 * 1000);
            emulator = await startEmulator();
            project = await createPluginProject(language, "ververica-failures", programOf(language, byId), { endpoint: emulator.url });
        });

        after(async () => {
            await (project?.dispose() ?? Promise.resolve()).finally(() => emulator?.close());
        });

        beforeEach(() => emulator.stats.reset());

        /** Runs `call` in an `up` that must fail; returns its diagnostics block. */
        async function failedUp(call: Call, env: Readonly<Record<string, string>> = {}): Promise<string> {
            project.writeProgram(programOf(language, call));
            const result = await project.stack.run(["up", "--yes", "--skip-preview"], env);
            const all = `${result.stdout}\n${result.stderr}`;
            assert.notStrictEqual(result.exitCode, 0, all);
            assert.ok(!all.includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret), "the secret key is in the output");
            return failureBlock(result.stdout);
        }

        it("an unknown draft id: the API's answer in one line", async () => {
            assert.strictEqual(await failedUp(byId), stackBlock(frame.invokeError(byId, notFound)));
        });

        it("an empty argument: a check failure naming it once", async () => {
            const call: Call = { fn: "getDeploymentDraft", args: { workspace, namespace: "", deploymentDraftId: unknownId } };
            assert.strictEqual(await failedUp(call), stackBlock(frame.invokeFailure(call, "is empty", "namespace")));
            assert.strictEqual(emulator.stats.requests, 0);
        });

        it("an invalid nameRegex: a check failure naming it once", async () => {
            const call: Call = { fn: "getDeploymentDrafts", args: { workspace, namespace, nameRegex: "orders-(" } };
            const reason = '"orders-(" is not a valid regular expression (Invalid regular expression: /orders-(/: Unterminated group)';
            assert.strictEqual(await failedUp(call), stackBlock(frame.invokeFailure(call, reason, "nameRegex")));
        });

        // Only a YAML program can pass an argument the schema does not declare: the Python and Go
        // SDKs' functions take their declared arguments alone.
        it("a misspelt argument (YAML): a check failure naming it and the argument it misspells, before any request", async function () {
            if (language !== "yaml") this.skip();
            const call: Call = { fn: "getDeploymentDrafts", args: { workspace, namespace, nameRegexp: "^orders-" } };
            const block = await failedUp(call);
            const expected = stackBlock(frame.invokeFailure(call, 'is not an argument of getDeploymentDrafts; did you mean "nameRegex"?', "nameRegexp"));
            // The YAML host's own type check only warns and lets the invoke run. Its warnings and the
            // failure reach the engine in either order, a blank line parting them.
            const warning = / {4}\S*Warning\S*: nameRegexp does not exist on Invoke ververica:index:getDeploymentDrafts\n(?: {6}.*\n)+ {4}Existing fields are: nameRegex, .*/g;
            const warnings = block.match(warning) ?? [];
            assert.ok(warnings.length > 0, block);
            const blanksEmpty = (text: string) => text.replace(/^ +$/gm, "");
            const [diagnostics, header, ...failure] = expected.split("\n");
            const ways = [
                [expected, "", ...warnings],
                [diagnostics, header, ...warnings, "", ...failure],
            ].map((way) => blanksEmpty(way.join("\n")));
            if (!ways.includes(blanksEmpty(block))) assert.strictEqual(blanksEmpty(block), ways[0]);
            assert.strictEqual(emulator.stats.requests, 0);
        });

        it("an unknown draft tracked by DeploymentDraft: once, on the resource (the engine sums up the failed create on the stack)", async () => {
            const call: Call = { fn: "DeploymentDraft", args: { workspace, namespace, deploymentDraftId: unknownId } };
            assertResourceBlock(language, await failedUp(call), `error: ${notFound}`, ["error: update failed"]);
        });

        it("an empty input of DeploymentDraft: once, on the resource", async () => {
            const call: Call = { fn: "DeploymentDraft", args: { workspace, namespace: "", deploymentDraftId: unknownId } };
            assertResourceBlock(language, await failedUp(call), `error: ${draftType} resource 'tracked' has a problem: invalid argument "namespace": is empty`);
        });

        it("no credentials anywhere: the plugin's settings, the chain summarized", async () => {
            const home = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-empty-home-"));
            await project.stack.runOk(["config", "rm", "ververica:accessKey"]);
            await project.stack.runOk(["config", "rm", "ververica:secretKey"]);
            try {
                const message =
                    "Configuration: no usable credentials from the default Alibaba Cloud credentials chain: none in ALIBABA_CLOUD_ACCESS_KEY_ID, ~/.aliyun/config.json or ~/.alibabacloud/credentials; " +
                    "set ververica:accessKey and ververica:secretKey (as a secret) in stack config, or the provider's accessKey and secretKey, " +
                    "or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET in the plugin's environment";
                assert.strictEqual(await failedUp(byId, { HOME: home, ...(language === "go" ? goCaches() : {}) }), stackBlock(frame.invokeError(byId, message)));
                assert.strictEqual(emulator.stats.requests, 0);
            } finally {
                await project.stack.runOk(["config", "set", "ververica:accessKey", DEFAULT_TEST_CREDENTIAL.accessKeyId]);
                await project.stack.runOk(["config", "set", "--secret", "ververica:secretKey", DEFAULT_TEST_CREDENTIAL.accessKeySecret]);
                fs.rmSync(home, { recursive: true, force: true });
            }
        });

        it("no region or endpoint: the plugin's settings", async () => {
            const endpoint = emulator.url;
            await project.stack.runOk(["config", "rm", "ververica:endpoint"]);
            try {
                const message =
                    "Configuration: no region or endpoint: set ververica:region (or ververica:endpoint) in stack config, or the provider's region (or endpoint), " +
                    "or ALIBABA_CLOUD_REGION_ID (or VERVERICA_ENDPOINT) in the plugin's environment";
                assert.strictEqual(await failedUp(byId), stackBlock(frame.invokeError(byId, message)));
            } finally {
                await project.stack.runOk(["config", "set", "ververica:endpoint", endpoint]);
            }
        });
    });
}
