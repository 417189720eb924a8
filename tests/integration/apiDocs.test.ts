// The API reference: TypeDoc, with the repository's settings, documents every public member of
// the three entries, and fails the docs build when one lacks a doc comment.
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const repoRoot = path.resolve(__dirname, "..", "..");
const typedoc = path.join(repoRoot, "node_modules", ".bin", "typedoc");

function runTypedoc(cwd: string, options: string): Promise<{ status: number; output: string }> {
    return new Promise((resolve) => {
        execFile(typedoc, ["--options", options, "--emit", "none", "--logLevel", "Warn"], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } }, (error, stdout, stderr) => {
            resolve({ status: error === null ? 0 : typeof error.code === "number" ? error.code : -1, output: `${stdout}${stderr}` });
        });
    });
}

describe("API reference (TypeDoc)", function () {
    this.timeout(120_000);

    it("documents every public member of the package's entries", async () => {
        const result = await runTypedoc(repoRoot, path.join(repoRoot, "typedoc.json"));
        assert.strictEqual(result.status, 0, result.output);
        assert.doesNotMatch(result.output, /warning|error/i);
    });

    it("fails the docs build on an undocumented public member, naming it", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ververica-typedoc-"));
        try {
            fs.writeFileSync(path.join(dir, "entry.ts"), "/** A documented interface. */\nexport interface Shown {\n    readonly undocumentedMember: string;\n}\n");
            fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "commonjs", target: "ES2022", types: [] }, include: ["entry.ts"] }));
            // The repository's settings, on another entry point.
            fs.writeFileSync(path.join(dir, "typedoc.json"), JSON.stringify({ extends: [path.join(repoRoot, "typedoc.json")], entryPoints: ["entry.ts"], tsconfig: "tsconfig.json" }));
            const result = await runTypedoc(dir, path.join(dir, "typedoc.json"));
            assert.notStrictEqual(result.status, 0, result.output);
            assert.match(result.output, /Shown\.undocumentedMember \(Property\).*does not have any documentation/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
