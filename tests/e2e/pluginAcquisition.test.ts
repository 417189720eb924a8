// The engine installs the plugin by itself, as it does for a user who installed only the Python
// wheel or the Go module: the SDKs name the schema's pluginDownloadURL (the GitHub releases of the
// repository), and PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES redirects that location to a loopback
// server of dist/release/. Each stack starts with an empty PULUMI_HOME and automatic plugin
// acquisition on; every other location is redirected to the same server too, so nothing leaves
// this machine.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Emulator, startEmulator } from "../emulator";
import { ensurePulumiCli } from "../helpers/harness";
import { pluginStackConfig } from "../helpers/linkedProject";
import { pluginVersion } from "../helpers/pluginInstall";
import { createProjectStack, ProjectStack } from "../helpers/projectStack";
import { quickstartDrafts } from "../helpers/quickstartStack";
import { acquisitionEnvironment, ensureRelease, releaseFile, ReleaseServer, serveRelease } from "../helpers/release";
import { copyExample, sdkDir, wheelVirtualenv } from "../helpers/sdkProjects";

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "provider", "cmd", "pulumi-resource-ververica", "schema.json"), "utf8")) as { pluginDownloadURL: string };
const tarballPath = `/download/v${pluginVersion}/pulumi-resource-ververica-v${pluginVersion}-linux-amd64.tar.gz`;
const installedPlugin = (stack: ProjectStack) => path.join(stack.pulumiHome, "plugins", `resource-ververica-v${pluginVersion}`, "pulumi-resource-ververica");

describe("e2e: the engine fetches the plugin from the release by itself", function () {
    // A first build of a Go program compiles the Pulumi Go SDK; a cold release build takes minutes.
    this.timeout(20 * 60 * 1000);
    let server: ReleaseServer;
    let emulator: Emulator;
    const cleanup: (() => Promise<void> | void)[] = [];

    before(async function () {
        this.timeout(40 * 60 * 1000);
        ensurePulumiCli();
        server = await serveRelease(ensureRelease());
        emulator = await startEmulator();
    });

    after(async () => {
        for (const step of cleanup.reverse()) await step();
        await emulator?.close();
        await server?.close();
    });

    /** A stack of a copy of examples/<example> with an empty PULUMI_HOME and acquisition pointed at the server. */
    async function acquiringStack(example: string, adapt: (dir: string) => void): Promise<ProjectStack> {
        const projectDir = copyExample(example, adapt);
        cleanup.push(() => fs.rmSync(projectDir, { recursive: true, force: true }));
        const stack = await createProjectStack({ projectDir, config: pluginStackConfig(emulator.url), env: acquisitionEnvironment(server, schema.pluginDownloadURL) });
        cleanup.push(() => stack.dispose());
        assert.deepStrictEqual(fs.readdirSync(stack.pulumiHome).filter((n) => n === "plugins"), [], "PULUMI_HOME starts without plugins");
        return stack;
    }

    /** Runs `pulumi up` and checks that the plugin came from the server, as the linux-amd64 tarball and nothing else. */
    async function upFetchingThePlugin(stack: ProjectStack): Promise<Record<string, unknown>> {
        const asked = server.requests.length;
        await stack.runOk(["up", "--yes", "--skip-preview"]);
        assert.deepStrictEqual(server.requests.slice(asked), [tarballPath]);
        assert.ok(fs.existsSync(installedPlugin(stack)), "the engine installed the plugin into PULUMI_HOME");
        return JSON.parse((await stack.runOk(["stack", "output", "--json", "--show-secrets"])).stdout) as Record<string, unknown>;
    }

    it("pulumi plugin install resource ververica <version> --server <release> installs the linux-amd64 tarball", async () => {
        const stack = await acquiringStack("python-quickstart", () => undefined);
        const asked = server.requests.length;
        await stack.runOk(["plugin", "install", "resource", "ververica", pluginVersion, "--server", server.url]);
        assert.deepStrictEqual(server.requests.slice(asked), [tarballPath]);
        const listed = await stack.runOk(["plugin", "ls", "--json"]);
        const plugins = JSON.parse(listed.stdout) as { name: string; kind: string; version: string }[];
        assert.deepStrictEqual(plugins.map((p) => `${p.kind} ${p.name} ${p.version}`), [`resource ververica ${pluginVersion}`]);
        assert.ok(fs.statSync(installedPlugin(stack)).mode & 0o100, "the installed binary is executable");
    });

    it("runs a Python program that installed only the released wheel", async () => {
        const venv = fs.mkdtempSync(path.join(os.tmpdir(), "ververica-wheel-venv-"));
        cleanup.push(() => fs.rmSync(venv, { recursive: true, force: true }));
        wheelVirtualenv(venv, releaseFile("pulumi_ververica-", ".whl"));
        const stack = await acquiringStack("python-quickstart", (dir) => {
            const project = fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8");
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), project.replace("virtualenv: venv", `virtualenv: ${venv}`));
        });
        const out = await upFetchingThePlugin(stack);
        assert.strictEqual(out.engineVersion, "vvr-8.0.9-flink-1.17");
        assert.strictEqual(out.draftName, "orders-etl");
    });

    it("runs a Go program using the module", async () => {
        const stack = await acquiringStack("go-quickstart", (dir) => {
            const goMod = fs.readFileSync(path.join(dir, "go.mod"), "utf8");
            fs.writeFileSync(path.join(dir, "go.mod"), goMod.replace("=> ../../sdk", `=> ${sdkDir}`));
        });
        const out = await upFetchingThePlugin(stack);
        assert.strictEqual(out.engineVersion, "vvr-8.0.9-flink-1.17");
        assert.strictEqual((out.secondDraft as Record<string, unknown> | undefined)?.id, "1a6e9f3d-0b7c-4d25-9e8f-c4b3a2d1e0f6");
        assert.ok(emulator.stats.byAction.GetDeploymentDraft > 0, `the program read ${quickstartDrafts.ordersEtl}`);
    });
});
