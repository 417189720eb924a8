// What a Python or Go project of the generated SDKs needs before `pulumi up` besides the plugin
// (see pluginInstall.ts): the Python virtualenv with the wheel installed, and a copy of an example
// project that points at it (so the repository's examples stay as users copy them).

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const repoRoot = path.resolve(__dirname, "..", "..");

/** Runs a repository script and returns the last line of its stdout; throws with its stderr. */
function runScript(command: string, args: readonly string[]): string {
    const result = spawnSync(command, args, { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) {
        throw new Error(`${command} ${args.join(" ")} exited with ${result.status}:\n${result.stderr.trim().split("\n").slice(-20).join("\n")}`);
    }
    return result.stdout.trim().split("\n").pop() ?? "";
}

let toolchain: string | undefined;
let venv: string | undefined;

/** The cached virtualenv with pulumi from PyPI (scripts/sdk-toolchains.sh), set up once per process. */
function toolchainVirtualenv(): string {
    toolchain ??= runScript("bash", [path.join("scripts", "sdk-toolchains.sh")]);
    return toolchain;
}

/**
 * The cached virtualenv (pulumi from PyPI, see scripts/sdk-toolchains.sh) with the wheel of
 * sdk/python freshly built and installed. Built at most once per process.
 */
export function pythonVirtualenv(): string {
    if (venv === undefined) {
        const dir = toolchainVirtualenv();
        runScript("bash", [path.join("scripts", "python-sdk-wheel.sh"), dir]);
        venv = dir;
    }
    return venv;
}

/**
 * A fresh virtualenv in `dir` with `wheel` installed from the file (no index), and the cached
 * toolchain's packages (pulumi and the wheel's dependencies) linked in beside it, but none of its
 * provider SDKs (`pulumi_*`: its own build of this one, any other a test put there), whose
 * plugins the engine would otherwise also look for: what `pip install <wheel>` gives a user,
 * without PyPI.
 */
export function wheelVirtualenv(dir: string, wheel: string): string {
    const sitePackages = (python: string) => runScript(python, ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]);
    const toolchainPython = path.join(toolchainVirtualenv(), "bin", "python");
    const python = path.join(dir, "bin", "python");
    runScript(toolchainPython, ["-m", "venv", dir]);
    const own = sitePackages(python);
    const shared = sitePackages(toolchainPython);
    for (const entry of fs.readdirSync(shared)) {
        if (!entry.startsWith("pulumi_") && !fs.existsSync(path.join(own, entry))) fs.symlinkSync(path.join(shared, entry), path.join(own, entry));
    }
    runScript(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-index", "--no-deps", wheel]);
    return dir;
}

/**
 * Copies an example project (examples/<name>) into a fresh temporary directory and lets `adapt`
 * rewrite its files there. Returns the copy's directory; remove it when done (it is removed
 * here when the copy or `adapt` fails).
 */
export function copyExample(name: string, adapt: (dir: string) => void): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ververica-${name}-`));
    try {
        fs.cpSync(path.join(repoRoot, "examples", name), dir, { recursive: true });
        adapt(dir);
    } catch (e) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw e;
    }
    return dir;
}

/** The repository's sdk/ directory (the Go module the Go examples replace). */
export const sdkDir = path.join(repoRoot, "sdk");
