// ververica:index:getDeploymentArgs from a YAML program under the real engine, against the
// emulator: examples/yaml-feed-deployment without its alicloud Deployment (the alicloud plugin,
// which `pulumi preview` of that resource needs, cannot be had here), exporting what the function
// returns instead. The values are the plugin's answers that tests/integration/plugin/
// getDeploymentArgsInvoke.test.ts proves equal to deploymentArgsFromDraft's; the artifact stays
// out of state in plain text; a CDC YAML draft fails with the helper's DraftNotDeployable message.
// The example's shape (each result handed to the Deployment under its own name) is checked by
// tests/unit/yamlFeedDeploymentExample.test.ts.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse, stringify } from "yaml";
import { DEFAULT_TEST_CREDENTIAL, Emulator, startEmulator } from "../emulator";
import type { ProjectStack } from "../helpers/projectStack";
import { createYamlPluginStack, YamlPluginStack } from "../helpers/yamlPluginStack";

const SETUP_TIMEOUT_MS = 40 * 60 * 1000;
const STEP_TIMEOUT_MS = 3 * 60 * 1000;
const repoRoot = path.resolve(__dirname, "..", "..");
const example = path.join(repoRoot, "examples", "yaml-feed-deployment", "Pulumi.yaml");

interface MockAnswers {
    readonly workspace: string;
    readonly answers: Record<string, Record<string, unknown>>;
    readonly refusals: Record<string, { readonly code: string; readonly message: string }>;
}
const answers = JSON.parse(fs.readFileSync(path.join(repoRoot, "tests", "sdk", "deploymentArgsAnswers.json"), "utf8")) as MockAnswers;

/** The example's program with its Deployment left out and the function's result exported. */
function functionPart(): string {
    const program = parse(fs.readFileSync(example, "utf8")) as Record<string, unknown>;
    delete program.resources;
    program.outputs = { feed: "${feed}", deploymentName: "${feed.deploymentName}" };
    return stringify(program);
}

/** The longest string in `value` (the SQL script, the main args, a URI). */
function longestText(value: unknown): string {
    if (typeof value === "string") return value;
    const texts = typeof value === "object" && value !== null ? Object.values(value).map(longestText) : [];
    return texts.reduce((a, b) => (b.length > a.length ? b : a), "");
}

const allOutput = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;

describe("e2e: getDeploymentArgs from a YAML program (examples/yaml-feed-deployment without alicloud)", function () {
    this.timeout(STEP_TIMEOUT_MS);
    let emulator: Emulator;
    let project: YamlPluginStack | undefined;
    let stack: ProjectStack;

    before(async function () {
        this.timeout(SETUP_TIMEOUT_MS);
        emulator = await startEmulator();
        project = await createYamlPluginStack(functionPart(), emulator.url, { workspace: answers.workspace, draftName: "orders-etl" });
        stack = project.stack;
    });

    after(async () => {
        await project?.dispose();
        await emulator?.close();
    });

    for (const name of Object.keys(answers.answers)) {
        it(`returns what deploymentArgsFromDraft gives for ${name}, the artifact never in plain text in state`, async () => {
            await stack.runOk(["config", "set", "draftName", name]);
            await stack.runOk(["up", "--yes"]);
            const outputs = JSON.parse((await stack.runOk(["stack", "output", "--json", "--show-secrets"])).stdout) as Record<string, unknown>;
            assert.deepStrictEqual(outputs.feed, answers.answers[name]);
            assert.strictEqual(outputs.deploymentName, name);

            const hidden = JSON.parse((await stack.runOk(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
            // The engine keeps an invoke's whole result secret when any of it is: every field is.
            assert.deepStrictEqual([hidden.feed, hidden.deploymentName], ["[secret]", "[secret]"], "the result holding the artifact is a secret");
            const sample = longestText(answers.answers[name].artifact);
            assert.ok(sample.length > 20, "a long text of the artifact to look for");
            assert.ok(!stack.backendFilesText().includes(JSON.stringify(sample).slice(1, -1)), `${sample} is in state in plain text`);
            assert.ok(!stack.backendFilesText().includes(DEFAULT_TEST_CREDENTIAL.accessKeySecret));
        });
    }

    it("fails a CDC YAML draft with the helper's DraftNotDeployable code and message", async () => {
        const [[name, refusal]] = Object.entries(answers.refusals);
        await stack.runOk(["config", "set", "draftName", name]);
        const preview = await stack.run(["preview"]);
        assert.notStrictEqual(preview.exitCode, 0);
        const output = allOutput(preview).replace(/\s*\n\s*/g, " ");
        assert.ok(output.includes(`${refusal.code}: ${refusal.message}`), output);
        assert.doesNotMatch(allOutput(preview), /\n\s+at .*\(.*:\d+:\d+\)/, "no stack trace");
    });
});
