// What a person sees when `pulumi up` fails, for every class of failure: a TypeScript project run
// through the Node language host (as users run stacks) against the emulator. Each test asserts
// the whole diagnostics block (after replacing request ids, ports and retry waits), the exit
// code, and that the state still holds what the last successful update recorded.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import { DEFAULT_TEST_CREDENTIAL, Emulator, startEmulator } from "../emulator";
import { ensurePulumiCli } from "../helpers/harness";
import { createLinkedProject, diagnosticsBlock, emulatorStackConfig } from "../helpers/linkedProject";
import { CommandResult, createProjectStack, ProjectStack } from "../helpers/projectStack";

const CLI_TIMEOUT_MS = 40 * 60 * 1000;
const RUN_TIMEOUT_MS = 5 * 60 * 1000;

const workspace = "a14bd5d90a";
const namespace = "default-namespace";
const ordersEtl = "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const unknownId = "0f0e0d0c-0b0a-4909-8807-060504030201";
const duplicateId = "d0d0d0d0-1111-4222-8333-444455556666";

// One program, one failure per value of the `case` config key; `baseline` succeeds.
const program = `import * as pulumi from "@pulumi/pulumi";
import * as ververica from "pulumi-ververica";

const config = new pulumi.Config();
const workspace = "${workspace}";
const namespace = "${namespace}";

function run(): unknown {
    switch (config.require("case")) {
        case "baseline":
            return new ververica.DeploymentDraft("orders", { workspace, namespace, deploymentDraftId: "${ordersEtl}" }).name;
        case "unknownId":
            return ververica.getDeploymentDraftOutput({ workspace, namespace, deploymentDraftId: "${unknownId}" }).name;
        case "unknownName":
            return ververica.getDeploymentDraftOutput({ workspace, namespace, name: "no-such-draft" }).id;
        case "ambiguousName":
            return ververica.getDeploymentDraft({ workspace, namespace, name: "orders-etl" }).then((d) => d.id);
        case "emptyArgument":
            return ververica.getDeploymentDraftOutput({ workspace, namespace: "", deploymentDraftId: "${ordersEtl}" }).name;
        case "trackedUnknown":
            return new ververica.DeploymentDraft("missing", { workspace, namespace, deploymentDraftId: "${unknownId}" }).name;
        default:
            return ververica.getDeploymentDraftOutput({ workspace, namespace, deploymentDraftId: "${ordersEtl}" }).name;
    }
}

export const result = run();
`;

const notFound = `deployment draft not found (workspace "${workspace}", namespace "${namespace}", deploymentDraftId "${unknownId}"; action GetDeploymentDraft; HTTP 404; requestId <request-id>; error code 990301; message "deployment draft ${unknownId} not found")`;
const ordersRef = `workspace "${workspace}", namespace "${namespace}", deploymentDraftId "${ordersEtl}"`;
const draftType = "pulumi-nodejs:dynamic/ververica:DeploymentDraft";

function stackBlock(...lines: string[]): string {
    return ["Diagnostics:", "  pulumi:pulumi:Stack (ververica-failures-test):", ...lines.map((l) => `    ${l}`)].join("\n");
}

describe("e2e: failures of `pulumi up` through the Node language host, one clear line each", function () {
    this.timeout(RUN_TIMEOUT_MS);
    let emulator: Emulator;
    let projectDir: string;
    let stack: ProjectStack;
    let baselineState: unknown;

    before(async function () {
        this.timeout(CLI_TIMEOUT_MS);
        ensurePulumiCli();
        emulator = await startEmulator();
        projectDir = createLinkedProject("ververica-failures", { "index.ts": program });
        stack = await createProjectStack({
            projectDir,
            config: {
                ...emulatorStackConfig(emulator.url),
                // Retries give up soon: the budget is what these tests exceed, not what they wait for.
                "ververica:maxAttempts": "2",
                "ververica:retryBaseDelayMs": "20",
                // Room for one throttled wait of 1 s (the test's x-acs-retry-after), not two.
                "ververica:throttleRetryTimeMs": "1500",
                case: "baseline",
            },
        });
        await stack.runOk(["up", "--yes"]);
        baselineState = (await stack.exportState()).deployment.resources;
    });

    after(async function () {
        try {
            await stack?.dispose();
        } finally {
            await emulator?.close();
            if (projectDir) fs.rmSync(projectDir, { recursive: true, force: true });
        }
    });

    beforeEach(function () {
        emulator.faults.clear();
        emulator.stats.reset();
    });

    async function upWithCase(name: string, extraEnv: Readonly<Record<string, string>> = {}): Promise<CommandResult> {
        await stack.runOk(["config", "set", "case", name]);
        return stack.run(["up", "--yes"], extraEnv);
    }

    /** The exit code of a failed update, the noise it must not hold, and state as it was. */
    async function assertFailedCleanly(result: CommandResult): Promise<void> {
        const all = `${result.stdout}\n${result.stderr}`;
        assert.notStrictEqual(result.exitCode, 0, all);
        for (const noise of [/\bat .+:\d+:\d+\)?$/m, /unhandled exception/, /Warning:/, /\bundefined\b/, /\[object Object\]/]) {
            assert.doesNotMatch(all, noise, all);
        }
        assert.ok(!all.includes("\u001b["), `escape codes in:\n${all}`);
        assert.deepStrictEqual((await stack.exportState()).deployment.resources, baselineState, "state changed");
    }

    it("an unknown draft id: the API's answer, once, on the stack", async () => {
        const result = await upWithCase("unknownId");
        assert.strictEqual(diagnosticsBlock(result.stdout), stackBlock(`error: ${notFound}`));
        await assertFailedCleanly(result);
    });

    it("an unknown name: the names found in the namespace", async () => {
        const result = await upWithCase("unknownName");
        const names = emulator.store.list(workspace, namespace).map((d) => JSON.stringify(d.name)).join(", ");
        assert.strictEqual(
            diagnosticsBlock(result.stdout),
            stackBlock(`error: no deployment draft named "no-such-draft"; drafts found: ${names} (workspace "${workspace}", namespace "${namespace}", name "no-such-draft")`),
        );
        await assertFailedCleanly(result);
    });

    it("an ambiguous name: the ids to choose from", async () => {
        const orders = emulator.store.get(workspace, namespace, ordersEtl);
        assert.ok(orders);
        emulator.store.put({ ...orders, deploymentDraftId: duplicateId });
        try {
            const result = await upWithCase("ambiguousName");
            const ids = emulator.store.list(workspace, namespace).filter((d) => d.name === "orders-etl").map((d) => d.deploymentDraftId).join(", ");
            assert.strictEqual(
                diagnosticsBlock(result.stdout),
                stackBlock(`error: 2 deployment drafts are named "orders-etl" (ids ${ids}); pass deploymentDraftId to choose one (workspace "${workspace}", namespace "${namespace}", name "orders-etl")`),
            );
            await assertFailedCleanly(result);
        } finally {
            emulator.store.remove(workspace, namespace, duplicateId);
        }
    });

    it("an empty argument: named at once, with no request", async () => {
        const result = await upWithCase("emptyArgument");
        // Thrown at the call: an output failing while the program is evaluated would show here as
        // the runtime's two unhandled-rejection warnings (and stall the run until they are given up).
        assert.strictEqual(diagnosticsBlock(result.stdout), stackBlock('error: invalid argument "namespace": is empty'));
        await assertFailedCleanly(result);
        assert.strictEqual(emulator.stats.requests, 0);
    });

    it("a wrong secret: the gateway's code and message, and never the secret", async () => {
        await stack.runOk(["config", "set", "--secret", "alicloud:secretKey", "not-the-secret"]);
        try {
            const result = await upWithCase("byId");
            const block = diagnosticsBlock(result.stdout);
            assert.match(
                block,
                new RegExp(
                    `^${escape(stackBlock(`error: the credentials or the request signature were refused (${ordersRef}; action GetDeploymentDraft; HTTP 400; requestId <request-id>; error code SignatureDoesNotMatch; message "`))}[^\\n]*"\\)$`,
                ),
            );
            assert.doesNotMatch(`${result.stdout}${result.stderr}`, /not-the-secret|emulator-test-secret/);
            await assertFailedCleanly(result);
        } finally {
            await stack.runOk(["config", "set", "--secret", "alicloud:secretKey", DEFAULT_TEST_CREDENTIAL.accessKeySecret]);
        }
    });

    it("no credentials anywhere: what to set", async () => {
        const home = fs.mkdtempSync(`${os.tmpdir()}/pulumi-ververica-empty-home-`);
        await stack.runOk(["config", "rm", "alicloud:accessKey"]);
        await stack.runOk(["config", "rm", "alicloud:secretKey"]);
        try {
            const result = await upWithCase("byId", { HOME: home });
            const block = diagnosticsBlock(result.stdout);
            // Where the chain looked, summarized, and the keys a TypeScript program reads.
            assert.strictEqual(
                block,
                stackBlock(
                    "error: no usable credentials from the default Alibaba Cloud credentials chain: none in ALIBABA_CLOUD_ACCESS_KEY_ID, ~/.aliyun/config.json or ~/.alibabacloud/credentials; " +
                        "set stack config ververica:accessKey and ververica:secretKey (as secrets), or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                ),
            );
            await assertFailedCleanly(result);
            assert.strictEqual(emulator.stats.requests, 0);
        } finally {
            await stack.runOk(["config", "set", "alicloud:accessKey", DEFAULT_TEST_CREDENTIAL.accessKeyId]);
            await stack.runOk(["config", "set", "--secret", "alicloud:secretKey", DEFAULT_TEST_CREDENTIAL.accessKeySecret]);
            fs.rmSync(home, { recursive: true, force: true });
        }
    });

    it("throttling beyond the retry budget: each retry reported, then the error", async () => {
        emulator.faults.rate("throttle", 1, { retryAfterMs: 1000 });
        const result = await upWithCase("byId");
        const throttled = `request throttled (${ordersRef}; action GetDeploymentDraft; HTTP 429; requestId <request-id>; error code Throttling.User; message "Request was denied due to user flow control."; retry after 1000 ms)`;
        assert.strictEqual(
            diagnosticsBlock(result.stdout),
            stackBlock(`ververica: GetDeploymentDraft attempt 1 failed (Throttled); retrying in <n> ms, for up to <time> more: ${throttled}`, `error: ${throttled}`),
        );
        await assertFailedCleanly(result);
    });

    it("a 5xx beyond the retry budget", async () => {
        emulator.faults.rate("error503", 1);
        const result = await upWithCase("byId");
        const failed = `the service failed (${ordersRef}; action GetDeploymentDraft; HTTP 503; requestId <request-id>; error code ServiceUnavailable; message "The request has failed due to a temporary failure of the server.")`;
        assert.strictEqual(
            diagnosticsBlock(result.stdout),
            stackBlock(`ververica: GetDeploymentDraft attempt 1/2 failed (ServiceError); retrying in <n> ms: ${failed}`, `error: ${failed}`),
        );
        await assertFailedCleanly(result);
    });

    it("an unknown draft tracked by DeploymentDraft: once, on the resource", async () => {
        const result = await upWithCase("trackedUnknown");
        assert.strictEqual(
            diagnosticsBlock(result.stdout),
            ["Diagnostics:", `  ${draftType} (missing):`, `    error: ${draftType} resource 'missing' has a problem: ${notFound}`].join("\n"),
        );
        await assertFailedCleanly(result);
    });
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
