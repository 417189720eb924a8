// The packed package as strangers' TypeScript projects meet it: `npm pack`, installed into a
// fresh CommonJS project and a fresh ESM project (`"type": "module"`) outside this repository,
// and type-checked with the strictest settings (`strict`, `exactOptionalPropertyTypes`,
// `noUncheckedIndexedAccess`, no `skipLibCheck`) under `node16`, `nodenext` and `bundler`
// resolution. What is checked: every TypeScript example of the README and of the doc comments
// a user sees on hover (taken from the installed package, so they cannot drift), of the
// documentation pages (docs/*.md, taken from the repository: they are not packed), and two
// programs that then run in both projects under Pulumi's mocks against the emulator: the
// artifact stays secret on every path into an output or a resource input, and JavaScript
// callers get messages that say what to do.

import * as assert from "assert";
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime";
import { describeInstallWeight, measureInstall, npmPack, withinInstallGoal } from "../../scripts/packCheck";
import { DEFAULT_TEST_CREDENTIAL, Emulator, startEmulator } from "../emulator";
import { connectionVariables } from "../helpers/environment";
import { installedVersion } from "../helpers/installedVersions";

const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;
const CHECK_TIMEOUT_MS = 5 * 60 * 1000;

const repoRoot = path.resolve(__dirname, "..", "..");
const docsDir = path.join(repoRoot, "docs");

// Free names the examples use, declared once for all of them.
const exampleContext = `declare const workspace: string;
declare const namespace: string;
declare const deploymentDraftId: string;
declare const args: ververica.GetDeploymentDraftArgs;
`;

// Imports an example may use without writing them, as the README's examples continue one another.
const implicitImports: ReadonlyArray<readonly [string, string]> = [
    ["pulumi", `import * as pulumi from "@pulumi/pulumi";`],
    ["ververica", `import * as ververica from "pulumi-ververica";`],
    ["alicloud", `import * as alicloud from "@pulumi/alicloud";`],
    ["PolicyPack", `import { PolicyPack } from "@pulumi/policy";`],
    ["allDraftPolicies", `import { allDraftPolicies } from "pulumi-ververica/policy";`],
];

/** One TypeScript example: where it was found and its code. */
interface Example {
    readonly origin: string;
    readonly code: string;
}

function tsBlocks(text: string): string[] {
    return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** The examples of the installed package's README and of every doc comment of its declarations. */
function examplesOf(packageDir: string): Example[] {
    const examples = tsBlocks(fs.readFileSync(path.join(packageDir, "README.md"), "utf8")).map((code, i) => ({ origin: `README.md example ${i + 1}`, code }));
    const declarations = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? declarations(path.join(dir, e.name)) : e.name.endsWith(".d.ts") ? [path.join(dir, e.name)] : []));
    for (const file of declarations(path.join(packageDir, "dist"))) {
        for (const comment of fs.readFileSync(file, "utf8").match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
            const text = comment
                .split("\n")
                .map((line) => line.replace(/^\s*(\/\*\*|\*\/|\*) ?/, ""))
                .join("\n");
            tsBlocks(text).forEach((code, i) => examples.push({ origin: `${path.relative(packageDir, file)} doc example ${i + 1}`, code }));
        }
    }
    return examples;
}

/** The examples of the documentation pages (`docs/*.md`; `docs/api/` is TypeDoc's output). */
function docsExamples(): Example[] {
    const pages = fs.readdirSync(docsDir).filter((f) => f.endsWith(".md")).sort();
    return pages.flatMap((page) => tsBlocks(fs.readFileSync(path.join(docsDir, page), "utf8")).map((code, i) => ({ origin: `docs/${page} example ${i + 1}`, code })));
}

function usesPolicy(example: Example): boolean {
    return /@pulumi\/policy|pulumi-ververica\/policy|PolicyPack|allDraftPolicies/.test(example.code);
}

/** An example as a module that compiles on its own: imports first, the rest inside a function. */
function exampleModule(example: Example): string {
    const lines = example.code.split("\n");
    const imports = lines.filter((l) => /^import\b/.test(l));
    const body = lines.filter((l) => !/^import\b/.test(l)).map((l) => l.replace(/^export /, ""));
    const bound = new Set(
        imports.flatMap((i) => {
            const namespace = /\* as (\w+)/.exec(i);
            if (namespace) return [namespace[1] ?? ""];
            const named = /\{([^}]*)\}/.exec(i);
            return named ? (named[1] ?? "").split(",").map((n) => n.trim().split(/\s+as\s+/).pop() ?? "") : [];
        }),
    );
    const used = body.join("\n") + exampleContext;
    const implicit = implicitImports.filter(([name]) => !bound.has(name) && new RegExp(`\\b${name}\\b`).test(used)).map(([, line]) => line);
    return `// ${example.origin}\n${[...implicit, ...imports].join("\n")}\n${exampleContext}\nexport async function example(): Promise<void> {\n${body.map((l) => `    ${l}`).join("\n")}\n}\n`;
}

// Every path by which a draft's artifact reaches an output or a resource input, under mocks.
const secretsProgram = `import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import * as ververica from "pulumi-ververica";
import { deploymentArgsFromDraft } from "pulumi-ververica/alicloud";
import * as fs from "fs";

async function main(): Promise<void> {
    const registered: Record<string, Record<string, unknown>> = {};
    await pulumi.runtime.setMocks(
        {
            newResource(args: pulumi.runtime.MockResourceArgs) {
                registered[args.name] = args.inputs as Record<string, unknown>;
                return { id: args.name + "-id", state: args.inputs as Record<string, unknown> };
            },
            call(): Record<string, unknown> {
                throw new Error("the data source must not invoke through the engine");
            },
        },
        "consumer",
        "test",
        false,
    );
    const where = { workspace: "a14bd5d90a", namespace: "default-namespace" };
    const overrides = { deploymentTarget: { mode: "PER_JOB", name: "default-queue" } };
    const endpoint = process.env.EMULATOR_URL ?? "";

    const output = ververica.getDeploymentDraftOutput({ ...where, name: "orders-etl" }, { endpoint });
    const plainOutput = ververica.getDeploymentDraftOutput({ ...where, name: "orders-etl" }, { endpoint, storeArtifactAsSecret: false });
    const result = await ververica.getDeploymentDraft({ ...where, name: "orders-etl" }, { endpoint });
    const fromOutput = deploymentArgsFromDraft(output, overrides);
    const fromResult = deploymentArgsFromDraft(result, overrides);
    const optedOut = deploymentArgsFromDraft(plainOutput, overrides, { storeArtifactAsSecret: false });
    new alicloud.realtimecompute.Deployment("fed", fromOutput);

    const secrecy = {
        output: await pulumi.isSecret(output),
        outputArtifact: await pulumi.isSecret(output.apply((d) => d.artifact)),
        optedOutOutput: await pulumi.isSecret(plainOutput),
        fromOutputArtifact: await pulumi.isSecret(pulumi.output(fromOutput.artifact)),
        fromOutputName: await pulumi.isSecret(pulumi.output(fromOutput.deploymentName)),
        fromResultArtifact: await pulumi.isSecret(pulumi.output(fromResult.artifact)),
        optedOutArtifact: await pulumi.isSecret(pulumi.output(optedOut.artifact)),
    };
    // Registration inputs are serialized in the background.
    await new Promise((resolve) => setTimeout(resolve, 500));
    fs.writeFileSync(process.argv[2] ?? "", JSON.stringify({ secrecy, deployment: registered.fed ?? null }));
}

main().then(
    () => process.exit(0),
    (e: unknown) => {
        console.error(e instanceof Error ? e.message : String(e));
        process.exit(1);
    },
);
`;

// What a JavaScript caller, unguarded by the types, is told.
const messagesProgram = `import * as pulumi from "@pulumi/pulumi";
import * as ververica from "pulumi-ververica";
import * as fs from "fs";

async function messageOf(call: () => Promise<unknown>): Promise<string> {
    try {
        await call();
        return "resolved";
    } catch (e) {
        return e instanceof ververica.InvalidArgumentError ? e.message : "not an InvalidArgumentError: " + String(e);
    }
}

async function main(): Promise<void> {
    const where = { workspace: "a14bd5d90a", namespace: "default-namespace" };
    const untyped = ververica.getDeploymentDraft as (args: unknown) => Promise<unknown>;
    const messages = {
        typo: await messageOf(() => untyped({ ...where, draftName: "orders-etl" })),
        neither: await messageOf(() => untyped(where)),
        both: await messageOf(() => untyped({ ...where, name: "orders-etl", deploymentDraftId: "c84d73be-40ad-4627-8bdd-fa1eba51b234" })),
        output: await messageOf(() => untyped({ ...where, name: pulumi.output("orders-etl") })),
        promise: await messageOf(() => untyped({ ...where, name: Promise.resolve("orders-etl") })),
    };
    fs.writeFileSync(process.argv[2] ?? "", JSON.stringify(messages));
}

main().then(
    () => process.exit(0),
    (e: unknown) => {
        console.error(e instanceof Error ? e.message : String(e));
        process.exit(1);
    },
);
`;

const strictOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    target: "ES2022",
    lib: ["ES2022"],
    types: ["node"],
    esModuleInterop: true,
    forceConsistentCasingInFileNames: true,
    pretty: false,
};

const resolutions: Record<string, { module: string; moduleResolution: string }> = {
    node16: { module: "node16", moduleResolution: "node16" },
    nodenext: { module: "nodenext", moduleResolution: "nodenext" },
    bundler: { module: "esnext", moduleResolution: "bundler" },
};

// Asynchronous, so that the emulator in this process keeps answering the child.
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ status: number; output: string }> {
    return new Promise((resolve) => {
        execFile(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            resolve({ status: error === null ? 0 : typeof error.code === "number" ? error.code : -1, output: `${stdout}${stderr}` });
        });
    });
}


describe("e2e: the packed package's types in strangers' CommonJS and ESM projects", function () {
    let root: string;
    const projects = { commonjs: "", esm: "" };
    let examples: Example[];
    let tarball: string;

    before(async function () {
        this.timeout(INSTALL_TIMEOUT_MS);
        root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-consumer-"));
        execFileSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], { cwd: repoRoot, stdio: "pipe" });
        tarball = path.join(root, npmPack(repoRoot, root).filename);

        projects.commonjs = path.join(root, "commonjs");
        projects.esm = path.join(root, "esm");
        fs.mkdirSync(projects.commonjs);
        fs.mkdirSync(projects.esm);
        fs.writeFileSync(path.join(projects.commonjs, "package.json"), JSON.stringify({ name: "consumer-commonjs", version: "1.0.0", private: true }));
        fs.writeFileSync(path.join(projects.esm, "package.json"), JSON.stringify({ name: "consumer-esm", version: "1.0.0", private: true, type: "module" }));
        // Exact versions the repository installed, so that npm's cache answers.
        const install = await run(
            "npm",
            [
                "install",
                "--prefer-offline",
                "--no-audit",
                "--no-fund",
                "@pulumi/pulumi@3.248.0",
                `@pulumi/alicloud@${installedVersion("@pulumi/alicloud")}`,
                `@pulumi/policy@${installedVersion("@pulumi/policy")}`,
                `typescript@${installedVersion("typescript")}`,
                `@types/node@${installedVersion("@types/node")}`,
                tarball,
            ],
            projects.commonjs,
        );
        assert.strictEqual(install.status, 0, install.output);
        // The same installed packages; what differs is the project's module kind.
        fs.symlinkSync(path.join(projects.commonjs, "node_modules"), path.join(projects.esm, "node_modules"), "dir");

        examples = [...examplesOf(path.join(projects.commonjs, "node_modules", "pulumi-ververica")), ...docsExamples()];
        for (const dir of Object.values(projects)) {
            fs.mkdirSync(path.join(dir, "examples"));
            fs.mkdirSync(path.join(dir, "policy-examples"));
            examples.forEach((example, i) => {
                const folder = usesPolicy(example) ? "policy-examples" : "examples";
                fs.writeFileSync(path.join(dir, folder, `example${i + 1}.ts`), exampleModule(example));
            });
            fs.writeFileSync(path.join(dir, "secrets.ts"), secretsProgram);
            fs.writeFileSync(path.join(dir, "messages.ts"), messagesProgram);
            for (const [name, resolution] of Object.entries(resolutions)) {
                const tsconfig = { compilerOptions: { ...strictOptions, ...resolution, outDir: `out-${name}`, rootDir: "." }, include: ["examples/*.ts", "secrets.ts", "messages.ts"] };
                fs.writeFileSync(path.join(dir, `tsconfig.${name}.json`), JSON.stringify(tsconfig, null, 2));
                const policy = { compilerOptions: { ...strictOptions, ...resolution, skipLibCheck: true, noEmit: true }, include: ["policy-examples/*.ts"] };
                fs.writeFileSync(path.join(dir, `tsconfig.policy-${name}.json`), JSON.stringify(policy, null, 2));
            }
        }
    });

    after(function () {
        // Two projects' node_modules: slow to delete on a busy disk.
        this.timeout(INSTALL_TIMEOUT_MS);
        if (root !== undefined) fs.rmSync(root, { recursive: true, force: true });
    });

    it("installs beside @pulumi/pulumi within the weight goal the pack check reports", function () {
        this.timeout(INSTALL_TIMEOUT_MS);
        const dir = path.join(root, "weight");
        fs.mkdirSync(dir);
        const weight = measureInstall(tarball, dir);
        const report = describeInstallWeight(weight);
        assert.ok(report.ok, report.lines.join("\n"));
        assert.ok(withinInstallGoal(weight));
        for (const gone of ["@alicloud/openapi-util", "@alicloud/tea-util", "@darabonba/typescript", "moment"]) {
            assert.ok(!fs.existsSync(path.join(dir, "node_modules", gone)), `${gone} is installed`);
        }
    });

    it("finds the README's and the doc comments' examples in the installed package, and the documentation pages' examples", function () {
        const origins = examples.map((e) => e.origin);
        assert.ok(origins.filter((o) => o.startsWith("README.md")).length >= 4, origins.join("\n"));
        for (const page of ["_index.md", "deployment-draft.md", "errors.md"]) {
            assert.ok(origins.some((o) => o.startsWith(`docs/${page} `)), `no example from docs/${page}:\n${origins.join("\n")}`);
        }
        for (const file of ["getDeploymentDraft.d.ts", "deploymentDraft.d.ts", "deploymentArgsFromDraft.d.ts", "model.d.ts", "errors.d.ts", "policy/index.d.ts"]) {
            assert.ok(origins.some((o) => o.includes(file)), `no example from ${file}:\n${origins.join("\n")}`);
        }
    });

    for (const kind of ["commonjs", "esm"] as const) {
        for (const resolution of Object.keys(resolutions)) {
            it(`type-checks every example and program in the ${kind} project with ${resolution} resolution`, async function () {
                this.timeout(CHECK_TIMEOUT_MS);
                const dir = projects[kind];
                const check = await run(process.execPath, [path.join(dir, "node_modules", "typescript", "bin", "tsc"), "-p", `tsconfig.${resolution}.json`, "--noEmit"], dir);
                assert.strictEqual(check.status, 0, check.output);
            });

            // @pulumi/policy 1.21's own declarations fail without skipLibCheck (its proxy.d.ts
            // lacks two names its index.d.ts re-exports), so the policy examples need it.
            it(`type-checks the policy examples in the ${kind} project with ${resolution} resolution (skipLibCheck for @pulumi/policy)`, async function () {
                this.timeout(CHECK_TIMEOUT_MS);
                const dir = projects[kind];
                assert.ok(fs.readdirSync(path.join(dir, "policy-examples")).length >= 2);
                const check = await run(process.execPath, [path.join(dir, "node_modules", "typescript", "bin", "tsc"), "-p", `tsconfig.policy-${resolution}.json`], dir);
                assert.strictEqual(check.status, 0, check.output);
            });
        }
    }

    describe("run under Pulumi's mocks", function () {
        let emulator: Emulator;

        before(async function () {
            emulator = await startEmulator();
        });

        after(async function () {
            await emulator?.close();
        });

        function programEnv(): NodeJS.ProcessEnv {
            const env: NodeJS.ProcessEnv = { ...process.env };
            for (const name of connectionVariables) delete env[name];
            return Object.assign(env, {
                EMULATOR_URL: emulator.url,
                ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId,
                ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret,
                ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
            });
        }

        const builds = new Map<string, Promise<{ status: number; output: string }>>();

        /** Compiles the project once with nodenext resolution (CommonJS or ESM output, as the project is) and runs `program`. */
        async function runProgram(kind: "commonjs" | "esm", program: "secrets" | "messages"): Promise<unknown> {
            const dir = projects[kind];
            if (!builds.has(kind)) builds.set(kind, run(process.execPath, [path.join(dir, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.nodenext.json"], dir));
            const build = await builds.get(kind);
            assert.strictEqual(build?.status, 0, build?.output);
            const resultFile = path.join(dir, `${program}.json`);
            const ran = await run(process.execPath, [path.join("out-nodenext", `${program}.js`), resultFile], dir, programEnv());
            assert.strictEqual(ran.status, 0, ran.output);
            return JSON.parse(fs.readFileSync(resultFile, "utf8")) as unknown;
        }

        for (const kind of ["commonjs", "esm"] as const) {
            it(`keeps the artifact secret on every path, in the ${kind} project`, async function () {
                this.timeout(CHECK_TIMEOUT_MS);
                const { secrecy, deployment } = (await runProgram(kind, "secrets")) as { secrecy: Record<string, boolean>; deployment: Record<string, unknown> | null };
                assert.deepStrictEqual(secrecy, {
                    output: true,
                    outputArtifact: true,
                    optedOutOutput: false,
                    fromOutputArtifact: true,
                    fromOutputName: false,
                    fromResultArtifact: true,
                    optedOutArtifact: false,
                });
                // What the engine would write to the Deployment's state: the SQL as a secret, the rest readable.
                assert.ok(deployment, "no Deployment was registered");
                assert.deepStrictEqual(Object.keys(deployment.artifact as object).sort(), [specialSigKey, "value"].sort());
                assert.strictEqual((deployment.artifact as Record<string, unknown>)[specialSigKey], specialSecretSig);
                assert.strictEqual(deployment.deploymentName, "orders-etl");
                assert.strictEqual(deployment.resourceId, "a14bd5d90a");
            });

            it(`tells a JavaScript caller what to do with a wrong argument, in the ${kind} project`, async function () {
                this.timeout(CHECK_TIMEOUT_MS);
                const messages = (await runProgram(kind, "messages")) as Record<string, string>;
                assert.match(messages.typo ?? "", /^invalid argument "draftName": is not an argument of getDeploymentDraft; it takes "workspace", "namespace", and "deploymentDraftId" or "name"$/);
                assert.match(messages.neither ?? "", /^invalid argument "deploymentDraftId": is required, or "name" instead/);
                assert.match(messages.both ?? "", /give either "deploymentDraftId" or "name", not both/);
                assert.match(messages.output ?? "", /^invalid argument "name": is a Pulumi Output; .*use getDeploymentDraftOutput/);
                assert.match(messages.promise ?? "", /^invalid argument "name": is a Promise; await it first, or use getDeploymentDraftOutput/);
            });
        }
    });
});
