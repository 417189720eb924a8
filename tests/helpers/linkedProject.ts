// Project directories for `pulumi <command>` through the Node language host, with this
// repository's build as the installed `pulumi-ververica` (see linkProjectModules): a program
// written as a user writes it, without packing and installing the package for every test.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_TEST_CREDENTIAL } from "../emulator";
import { linkProjectModules } from "./harness";
import type { ProjectConfigValue } from "./projectStack";

/**
 * Stack config that points a project at an emulator with its test AccessKey, the secret set as
 * a secret, as a user configures a stack for the real service.
 */
export function emulatorStackConfig(endpoint: string): Record<string, ProjectConfigValue> {
    return {
        "ververica:endpoint": endpoint,
        "alicloud:accessKey": DEFAULT_TEST_CREDENTIAL.accessKeyId,
        "alicloud:secretKey": { secret: DEFAULT_TEST_CREDENTIAL.accessKeySecret },
    };
}

/**
 * The same for a project whose drafts the native plugin reads: the plugin takes the endpoint and
 * AccessKey from its own `ververica:` keys.
 */
export function pluginStackConfig(endpoint: string): Record<string, ProjectConfigValue> {
    return {
        "ververica:endpoint": endpoint,
        "ververica:accessKey": DEFAULT_TEST_CREDENTIAL.accessKeyId,
        "ververica:secretKey": { secret: DEFAULT_TEST_CREDENTIAL.accessKeySecret },
    };
}

/** A TypeScript project's files, by path relative to the project directory. */
export type ProjectFiles = Readonly<Record<string, string>>;

/** The compiler options of Pulumi's TypeScript template, strict. */
export const projectTsconfig = JSON.stringify(
    { compilerOptions: { strict: true, target: "es2020", module: "commonjs", moduleResolution: "node", skipLibCheck: true }, files: ["index.ts"] },
    null,
    4,
);

/**
 * Writes a Node project (`Pulumi.yaml` with `runtime: nodejs`, `package.json`, `tsconfig.json`
 * and the given files) into a new temporary directory whose `node_modules` links this
 * repository's packages and the repository itself as `pulumi-ververica`. Returns the directory;
 * remove it with `fs.rmSync(dir, { recursive: true, force: true })`.
 */
export function createLinkedProject(name: string, files: ProjectFiles): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pulumi-ververica-${name}-`));
    const defaults: ProjectFiles = {
        "Pulumi.yaml": `name: ${name}\nruntime: nodejs\n`,
        "package.json": JSON.stringify({ name, version: "1.0.0", private: true, main: "index.ts" }, null, 2),
        "tsconfig.json": projectTsconfig,
    };
    for (const [file, text] of Object.entries({ ...defaults, ...files })) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
    }
    linkProjectModules(path.join(dir, "node_modules"));
    return dir;
}

/**
 * The "Diagnostics:" block of a `pulumi preview`/`up` output, with what changes from run to run
 * replaced: request ids by `<request-id>`, loopback ports by `<port>`, retry waits by `<n> ms`,
 * what is left of a throttling budget by `<time>`, process ids by `<pid>`. Empty when the output has no such block.
 */
export function diagnosticsBlock(stdout: string): string {
    const start = stdout.indexOf("\nDiagnostics:\n");
    if (start < 0) return "";
    const rest = stdout.slice(start + 1);
    const end = rest.search(/\n(Resources|Outputs|Policies|Duration):/);
    return normalizeVolatile((end < 0 ? rest : rest.slice(0, end)).trimEnd());
}

/** Replaces request ids, loopback ports, retry waits and budgets, and process ids (see {@link diagnosticsBlock}). */
export function normalizeVolatile(text: string): string {
    return text
        .replace(/requestId [0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/g, "requestId <request-id>")
        .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<port>")
        .replace(/retrying in \d+ ms/g, "retrying in <n> ms")
        .replace(/for up to (\d+m)?\d+s more/g, "for up to <time> more")
        .replace(/\(node:\d+\)/g, "(node:<pid>)");
}

/**
 * A copy of the repository's ready policy pack whose `node_modules` links this repository's
 * packages and the repository itself as `pulumi-ververica`, as an install would lay it out: a pack
 * copied out of the package loads it by name (the pack in place loads `../dist`, see
 * policyPackFromClone.test.ts). Remove the returned directory when done.
 */
export function createLinkedPolicyPack(): string {
    const source = path.resolve(__dirname, "..", "..", "policy-pack");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-policy-pack-"));
    for (const file of fs.readdirSync(source)) {
        fs.copyFileSync(path.join(source, file), path.join(dir, file));
    }
    linkProjectModules(path.join(dir, "node_modules"));
    return dir;
}
