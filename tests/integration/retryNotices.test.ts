// Where the data source reports a retry: in a plain Node script on stderr, never among the
// script's own output on stdout; to the caller's logger when one is given; nowhere when that
// logger does nothing.
import * as assert from "assert";
import { execFile } from "child_process";
import * as path from "path";
import { getDeploymentDraft } from "../../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL } from "../emulator";
import { useEmulator } from "../helpers/emulatorFixture";
import { connectionVariables } from "../helpers/environment";
import { withStderrCapture } from "../helpers/stderrCapture";

const repoRoot = path.resolve(__dirname, "..", "..");
const args = { workspace: "a14bd5d90a", namespace: "default-namespace", deploymentDraftId: "c84d73be-40ad-4627-8bdd-fa1eba51b234" };
const retryLine = /^ververica: GetDeploymentDraft attempt 1 failed \(Throttled\); retrying in 1 ms, for up to 4m59s more: /;

// A script as a user writes it: prints the draft as JSON for `node script.js > out.json`.
const script = `
const ververica = require(${JSON.stringify(path.join(repoRoot, "sdk", "nodejs"))});
ververica.getDeploymentDraft(${JSON.stringify(args)}, { endpoint: process.env.EMULATOR_URL })
    .then((draft) => console.log(JSON.stringify({ name: draft.name })));
`;

function runScript(env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        execFile(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: repoRoot, env, encoding: "utf8" }, (error, stdout, stderr) => {
            if (error) reject(new Error(`${error.message}\n${stderr}`));
            else resolve({ stdout, stderr });
        });
    });
}

describe("retry notices of the data source", function () {
    this.timeout(60_000);
    const fixture = useEmulator();

    it("go to stderr in a plain Node script, leaving stdout to the script", async () => {
        fixture.emulator.faults.next("throttle", 1, { retryAfterMs: 1 });
        const env: NodeJS.ProcessEnv = { ...process.env };
        for (const name of connectionVariables) delete env[name];
        Object.assign(env, {
            EMULATOR_URL: fixture.emulator.url,
            ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId,
            ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret,
            ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
        });
        const { stdout, stderr } = await runScript(env);
        assert.deepStrictEqual(JSON.parse(stdout), { name: "orders-etl" });
        const lines = stderr.split("\n").filter((l) => l !== "");
        assert.strictEqual(lines.length, 1, stderr);
        assert.match(lines[0], retryLine);
        assert.strictEqual(fixture.emulator.stats.requests, 2);
    });

    it("go to the logger option instead, when given", async () => {
        fixture.emulator.faults.next("throttle", 1, { retryAfterMs: 1 });
        const received: string[] = [];
        const { result, lines } = await withStderrCapture(() => getDeploymentDraft(args, { endpoint: fixture.emulator.url, logger: (m) => received.push(m) }));
        assert.strictEqual(result.name, "orders-etl");
        assert.strictEqual(received.length, 1);
        assert.match(received[0], retryLine);
        assert.deepStrictEqual(lines, []);
    });

    it("are silenced by a logger that does nothing", async () => {
        fixture.emulator.faults.next("throttle", 1, { retryAfterMs: 1 });
        const { result, lines } = await withStderrCapture(() => getDeploymentDraft(args, { endpoint: fixture.emulator.url, logger: () => {} }));
        assert.strictEqual(result.name, "orders-etl");
        assert.deepStrictEqual(lines, []);
        assert.strictEqual(fixture.emulator.stats.requests, 2);
    });
});
