// `pulumi-ververica/rules` as a stranger's TypeScript sees it: the rules' declarations, compiled
// from this checkout, installed into a project that has neither `@pulumi/policy` nor
// `@pulumi/pulumi`, and type-checked with `skipLibCheck: false` under both the old "node"
// module resolution (which reads `typesVersions`) and "node16" (which reads `exports`).

import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const repoRoot = path.resolve(__dirname, "..", "..");
const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
const COMPILE_TIMEOUT_MS = 5 * 60 * 1000;

// Uses the rules with partial configurations, as the README shows.
const consumerSource = `import { checkEngineVersion, checkPlaintextSecrets, PlaintextSecretsConfig, RuleViolation } from "pulumi-ververica/rules";

type Draft = Parameters<typeof checkEngineVersion>[0];

const draft: Draft = { deploymentDraftId: "d-1", workspace: "w", namespace: "n", engineVersion: "vvr-8.0.9-flink-1.17" };
const secrets: Partial<PlaintextSecretsConfig> = { additionalSecretKeys: ["auth-blob"] };
const violations: RuleViolation[] = [
    ...checkEngineVersion(draft, { minimumVvrVersion: "8.0.5" }),
    ...checkPlaintextSecrets(draft, {}),
    ...checkPlaintextSecrets(draft, secrets),
];
export const messages: string[] = violations.map((v) => v.rule + ": " + v.message);
`;

function run(command: string, args: readonly string[], cwd: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error === null) resolve(stdout);
            else reject(new Error(`${path.basename(args[0] ?? command)} failed:\n${stdout}\n${stderr}`));
        });
    });
}

describe("e2e: the rules entry type-checks without @pulumi/policy and without skipLibCheck", function () {
    let root: string;
    let projectDir: string;

    before(async function () {
        this.timeout(COMPILE_TIMEOUT_MS);
        root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-rules-"));
        projectDir = path.join(root, "project");
        const packageDir = path.join(projectDir, "node_modules", "pulumi-ververica");
        fs.mkdirSync(packageDir, { recursive: true });
        fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(packageDir, "package.json"));
        // The entry and everything it imports, compiled as the build compiles them.
        await run(
            process.execPath,
            [
                tsc,
                "--declaration",
                "--strict",
                "--skipLibCheck",
                "--esModuleInterop",
                "--target", "ES2022",
                "--module", "commonjs",
                "--moduleResolution", "node",
                "--types", "node",
                "--rootDir", repoRoot,
                "--outDir", path.join(packageDir, "dist"),
                path.join(repoRoot, "sdk", "nodejs", "policy", "rules", "index.ts"),
            ],
            repoRoot,
        );
        fs.writeFileSync(path.join(projectDir, "index.ts"), consumerSource);
    });

    after(function () {
        if (root !== undefined) fs.rmSync(root, { recursive: true, force: true });
    });

    it("installs the package without @pulumi/policy or @pulumi/pulumi beside it", function () {
        for (const absent of ["@pulumi/policy", "@pulumi/pulumi"]) {
            assert.ok(!fs.existsSync(path.join(projectDir, "node_modules", absent)), `${absent} should not be installed`);
        }
        assert.ok(fs.existsSync(path.join(projectDir, "node_modules", "pulumi-ververica", "dist", "sdk", "nodejs", "policy", "rules", "index.d.ts")));
    });

    for (const [module, moduleResolution] of [
        ["commonjs", "node"],
        ["node16", "node16"],
    ] as const) {
        it(`type-checks a program using the rules with moduleResolution "${moduleResolution}"`, async function () {
            this.timeout(COMPILE_TIMEOUT_MS);
            const tsconfig = {
                compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: "es2020", module, moduleResolution, types: [] },
                files: ["index.ts"],
            };
            fs.writeFileSync(path.join(projectDir, "tsconfig.json"), JSON.stringify(tsconfig, null, 4));
            await run(process.execPath, [tsc, "-p", "."], projectDir);
        });
    }
});
