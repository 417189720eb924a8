/**
 * Checks what `npm pack` would publish: compiled JavaScript with its declarations, README,
 * LICENSE, package.json and the ready policy pack (whose entry loads only public entries, by
 * name or by their compiled target's relative path), and
 * nothing else; every `main`/`types`/`exports`/`bin` target present; no source maps; documented
 * declarations; no import a stranger's install cannot satisfy; and what installing it weighs
 * beside `@pulumi/pulumi`, against {@link installGoal}.
 *
 * `npm run pack:check` builds, then runs this against `npm pack --dry-run`. The e2e package
 * test runs {@link checkPackedFiles} against the tarball it installs.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as os from "os";
import * as path from "path";

/** The parts of package.json the check reads. */
export interface PackageManifest {
    readonly name: string;
    readonly version?: string;
    readonly main?: string;
    readonly types?: string;
    readonly bin?: string | Readonly<Record<string, string>>;
    readonly exports?: Readonly<Record<string, string | Readonly<Record<string, string>>>>;
    readonly dependencies?: Readonly<Record<string, string>>;
    readonly peerDependencies?: Readonly<Record<string, string>>;
}

const rootFiles = new Set(["package.json", "README.md", "LICENSE"]);
// The ready policy pack, run from the installed package (`--policy-pack node_modules/pulumi-ververica/policy-pack`)
// and from a clone of the repository (`--policy-pack policy-pack` after `npm run build`).
const policyPackFiles = ["policy-pack/PulumiPolicy.yaml", "policy-pack/package.json", "policy-pack/index.js", "policy-pack/config.example.json"];
const policyPackEntry = "policy-pack/index.js";
// What the pack's entry may load: the policy SDK the user adds, and this package's public entries
// (by name, or by the relative path of their compiled target beside the pack).
const policyPackPeer = "@pulumi/policy";
const compiled = /^dist\/(sdk|provider)\/[A-Za-z0-9_/.-]+\.(js|d\.ts)$/;
// The entry points a user reads first: their declarations must carry the doc comments.
const documentedDeclarations = ["dist/sdk/nodejs/index.d.ts", "dist/sdk/nodejs/getDeploymentDraft.d.ts", "dist/sdk/nodejs/deploymentArgsFromDraft.d.ts", "dist/sdk/nodejs/deploymentDraft.d.ts"];

/**
 * Returns every problem found with a list of packed files (paths relative to the package
 * root, `/`-separated); `read` gives a packed file's text.
 */
export function checkPackedFiles(files: readonly string[], manifest: PackageManifest, read: (file: string) => string): string[] {
    const problems: string[] = [];
    const packed = new Set(files);

    for (const file of files) {
        if (!rootFiles.has(file) && !compiled.test(file) && !policyPackFiles.includes(file)) {
            problems.push(`unexpected file ${file}`);
        }
    }
    for (const file of [...rootFiles, ...policyPackFiles]) {
        if (!packed.has(file)) problems.push(`missing ${file}`);
    }
    if (packed.has(policyPackEntry)) {
        problems.push(...checkPolicyPackEntry(read(policyPackEntry), manifest, packed));
    }
    if (packed.has("policy-pack/package.json")) {
        const packVersion = (JSON.parse(read("policy-pack/package.json")) as { version?: string }).version;
        if (packVersion !== manifest.version) problems.push(`policy-pack/package.json has version ${packVersion}, the package ${manifest.version}`);
    }
    for (const file of files.filter((f) => f.endsWith(".js") && !policyPackFiles.includes(f))) {
        if (!packed.has(file.replace(/\.js$/, ".d.ts"))) problems.push(`${file} has no declaration file`);
    }

    for (const [what, target] of entryPoints(manifest)) {
        if (!packed.has(target)) problems.push(`${what} points at ${target}, which is not packed`);
        else if (what.startsWith("bin") && !read(target).startsWith("#!/usr/bin/env node\n")) problems.push(`${what} points at ${target}, which does not start with #!/usr/bin/env node`);
    }

    for (const file of documentedDeclarations) {
        if (packed.has(file) && !read(file).includes("/**")) problems.push(`${file} has no doc comments`);
    }

    const resolvable = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const selfSubpaths = new Set(Object.keys(manifest.exports ?? {}).map((k) => k.replace(/^\.\/?/, "")));
    for (const file of files.filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"))) {
        const text = read(file);
        if (/\/\/# sourceMappingURL=/.test(text)) problems.push(`${file} refers to a source map`);
        for (const specifier of importsOf(text)) {
            const problem = unresolvable(file, specifier, packed, manifest.name, selfSubpaths, resolvable);
            if (problem !== undefined) problems.push(problem);
        }
    }
    return problems;
}

/**
 * The pack runs from `node_modules/<package>/policy-pack` of a user's project and from
 * `policy-pack/` of a clone, beside the compiled `dist/`: its entry may load only
 * `@pulumi/policy` and the package's own exported entries, by name or by the relative path of
 * an export's packed, compiled target (`../dist/sdk/nodejs/policy` for `./policy`), never
 * another file of the package (sources, internals).
 */
function checkPolicyPackEntry(text: string, manifest: PackageManifest, packed: ReadonlySet<string>): string[] {
    const exported = new Set(Object.keys(manifest.exports ?? {}).map((k) => (k === "." ? manifest.name : `${manifest.name}/${k.replace(/^\.\//, "")}`)));
    const exportTargets = new Set(entryPoints(manifest).filter(([what]) => what.startsWith("exports")).map(([, target]) => target));
    const isExportTarget = (specifier: string): boolean =>
        specifier.startsWith(".") && jsCandidates(path.posix.join(path.posix.dirname(policyPackEntry), specifier)).some((c) => exportTargets.has(c) && packed.has(c));
    const specifiers = importsOf(text);
    const problems = specifiers
        .filter((s) => s !== policyPackPeer && !exported.has(s) && !isExportTarget(s))
        .map((s) => `${policyPackEntry} imports ${s}, which is neither ${policyPackPeer} nor an entry of ${manifest.name}'s "exports"`);
    if (!specifiers.some((s) => s.startsWith(`${manifest.name}/`) || s === manifest.name || isExportTarget(s))) {
        problems.push(`${policyPackEntry} does not load the policies from ${manifest.name}`);
    }
    return problems;
}

/** The files Node tries for a relative `require` of `base` (a packed path without extension). */
function jsCandidates(base: string): string[] {
    return [`${base}.js`, `${base}/index.js`, `${base}.json`, base];
}

/** The targets of `main`, `types` and every condition of every export, as packed paths. */
function entryPoints(manifest: PackageManifest): [string, string][] {
    const entries: [string, string][] = [];
    if (manifest.main !== undefined) entries.push(["main", normalize(manifest.main)]);
    if (manifest.types !== undefined) entries.push(["types", normalize(manifest.types)]);
    const bin = typeof manifest.bin === "string" ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
    for (const [command, file] of Object.entries(bin)) entries.push([`bin["${command}"]`, normalize(file)]);
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
        const conditions = typeof target === "string" ? { default: target } : target;
        for (const [condition, file] of Object.entries(conditions)) {
            entries.push([`exports["${subpath}"].${condition}`, normalize(file)]);
        }
    }
    return entries;
}

function normalize(file: string): string {
    return path.posix.normalize(file).replace(/^\.\//, "");
}

function importsOf(text: string): string[] {
    const found: string[] = [];
    const patterns = [/\brequire\(\s*"([^"]+)"\s*\)/g, /\bfrom\s+"([^"]+)"/g, /\bimport\(\s*"([^"]+)"\s*\)/g, /^\s*import\s+"([^"]+)"/gm, /\/\/\/\s*<reference\s+types="([^"]+)"/g];
    for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) found.push(match[1]);
    }
    return found;
}

function unresolvable(file: string, specifier: string, packed: ReadonlySet<string>, self: string, selfSubpaths: ReadonlySet<string>, resolvable: ReadonlySet<string>): string | undefined {
    if (specifier.startsWith(".")) {
        const base = path.posix.join(path.posix.dirname(file), specifier);
        const candidates = file.endsWith(".d.ts") ? [`${base}.d.ts`, `${base}/index.d.ts`, base] : jsCandidates(base);
        return candidates.some((c) => packed.has(c)) ? undefined : `${file} imports ${specifier}, which is not packed`;
    }
    const bare = specifier.replace(/^node:/, "");
    if (builtinModules.includes(bare.split("/")[0])) return undefined;
    const parts = specifier.split("/");
    const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
    if (name === self) {
        const subpath = specifier.slice(self.length + 1);
        return selfSubpaths.has(subpath) ? undefined : `${file} imports ${specifier}, which package.json "exports" does not export`;
    }
    return resolvable.has(name) ? undefined : `${file} imports ${specifier}, which is neither a dependency nor a peer dependency`;
}

/** What `npm pack --json` reports about one package. */
export interface PackReport {
    readonly filename: string;
    readonly size: number;
    readonly unpackedSize: number;
    readonly files: readonly { readonly path: string; readonly size: number }[];
}

/** Runs `npm pack --json` in `packageDir` (a dry run unless `destination` is given). */
export function npmPack(packageDir: string, destination?: string): PackReport {
    const args = ["pack", "--json", ...(destination === undefined ? ["--dry-run"] : ["--pack-destination", destination])];
    const [report] = JSON.parse(execFileSync("npm", args, { cwd: packageDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })) as PackReport[];
    return report;
}

/** What installing the package brings beside its peers. */
export interface InstallWeight {
    /** Installed packages, the package itself included. */
    readonly packages: number;
    /** Bytes of every installed file. */
    readonly bytes: number;
}

/**
 * The install weight goal: beside `@pulumi/pulumi`, at most 12 packages (this package's
 * dependencies, the package itself not counted) and 8 MiB (everything, the package included).
 */
export const installGoal = { dependencies: 12, bytes: 8 * 1024 * 1024 } as const;

/** Whether a measured install is within {@link installGoal}. */
export function withinInstallGoal(weight: InstallWeight): boolean {
    return weight.packages - 1 <= installGoal.dependencies && weight.bytes <= installGoal.bytes;
}

/**
 * Installs `tarball` into a fresh project in `dir` without its peers (`@pulumi/pulumi` and the
 * optional ones, which a user has anyway) and measures what arrived. npm's cache is preferred,
 * so a machine that installed this repository needs no network.
 */
export function measureInstall(tarball: string, dir: string): InstallWeight {
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "install-weight", version: "1.0.0", private: true }));
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--legacy-peer-deps", tarball], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    return weighModules(path.join(dir, "node_modules"));
}

function weighModules(modulesDir: string): InstallWeight {
    let packages = 0;
    let bytes = 0;
    const walk = (dir: string, inModules: boolean): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                const isPackage = inModules && !entry.name.startsWith(".") && !entry.name.startsWith("@");
                if (isPackage) packages++;
                walk(full, entry.name === "node_modules" || (inModules && entry.name.startsWith("@")));
            } else if (entry.isFile()) {
                bytes += fs.statSync(full).size;
            }
        }
    };
    walk(modulesDir, true);
    return { packages, bytes };
}

/** One line per measure, against the goal; `ok` is false when a measure misses it. */
export function describeInstallWeight(weight: InstallWeight): { ok: boolean; lines: string[] } {
    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    const packagesOk = weight.packages - 1 <= installGoal.dependencies;
    const bytesOk = weight.bytes <= installGoal.bytes;
    return {
        ok: packagesOk && bytesOk,
        lines: [
            `install beside @pulumi/pulumi: ${weight.packages} packages, this one and ${weight.packages - 1} dependencies (goal at most ${installGoal.dependencies} dependencies)${packagesOk ? "" : ", over the goal"}`,
            `install beside @pulumi/pulumi: ${mib(weight.bytes)} (goal at most ${mib(installGoal.bytes)})${bytesOk ? "" : ", over the goal"}`,
        ],
    };
}

function main(): void {
    const root = path.resolve(__dirname, "..");
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as PackageManifest;
    const report = npmPack(root);
    const problems = checkPackedFiles(
        report.files.map((f) => f.path),
        manifest,
        (file) => fs.readFileSync(path.join(root, file), "utf8"),
    );
    console.log(`${report.filename}: ${report.files.length} files, ${report.size} bytes packed, ${report.unpackedSize} bytes unpacked`);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-pack-check-"));
    try {
        const packed = npmPack(root, scratch);
        const installDir = path.join(scratch, "project");
        fs.mkdirSync(installDir);
        const weight = describeInstallWeight(measureInstall(path.join(scratch, packed.filename), installDir));
        for (const line of weight.lines) console.log(`pack:check: ${line}`);
        if (!weight.ok) problems.push("the install is heavier than the goal");
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
    if (problems.length > 0) {
        console.error(problems.map((p) => `pack:check: ${p}`).join("\n"));
        process.exitCode = 1;
    } else {
        console.log("pack:check: the package holds what it should, and nothing else");
    }
}

if (require.main === module) {
    main();
}
