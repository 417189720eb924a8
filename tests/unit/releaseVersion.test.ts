// One version for everything a release publishes, package.json's: the npm package (and its lock
// file), the plugin (its schema; the binary reads package.json itself), both SDKs and the plugin
// version they ask the engine for. And one download location, the schema's pluginDownloadURL,
// which the SDKs hand to the engine as their pulumi-plugin.json's `server`.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { pluginDownloadURL } from "../../provider/plugin/schema";
import { packageManifest } from "../../provider/core/packageManifest";

const root = path.join(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const readJson = <T>(file: string) => JSON.parse(read(file)) as T;

/** Every match of `pattern`'s first group in a file; fails when there is none. */
function captured(file: string, pattern: RegExp): string[] {
    const found = [...read(file).matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].map((m) => m[1] ?? "");
    assert.ok(found.length > 0, `${file} no longer has ${pattern.source}`);
    return found;
}

describe("release: one version and one download location", () => {
    const version = packageManifest.version;
    const schema = readJson<{ version: string; pluginDownloadURL: string }>("provider/cmd/pulumi-resource-ververica/schema.json");
    const pluginFiles = ["sdk/python/pulumi_ververica/pulumi-plugin.json", "sdk/go/ververica/pulumi-plugin.json"];

    it("is package.json's version in the lock file, the schema and both SDKs", () => {
        const lock = readJson<{ version: string; packages: Record<string, { version?: string }> }>("package-lock.json");
        const versions: Record<string, string[]> = {
            "package-lock.json": [lock.version, lock.packages[""]?.version ?? "(none)"],
            "schema.json": [schema.version],
            "sdk/python/setup.py": captured("sdk/python/setup.py", /^VERSION = "([^"]+)"$/m),
            "sdk/go/ververica/internal/pulumiUtilities.go": captured("sdk/go/ververica/internal/pulumiUtilities.go", /semver\.MustParse\("([^"]+)"\)/),
        };
        for (const file of pluginFiles) versions[file] = [readJson<{ version: string }>(file).version];
        for (const [file, found] of Object.entries(versions)) {
            for (const v of found) assert.strictEqual(v, version, `${file} says ${v}, package.json ${version}: run npm run gen-schema and npm run gen-sdk`);
        }
    });

    it("downloads the plugin from the GitHub releases of package.json's repository", () => {
        const owner = packageManifest.config.repository.split("/")[1];
        assert.strictEqual(schema.pluginDownloadURL, `github://api.github.com/${owner}`);
        assert.strictEqual(pluginDownloadURL(packageManifest.config.repository), schema.pluginDownloadURL);
        assert.strictEqual(pluginDownloadURL("github.com/someone/elsewhere"), "github://api.github.com/someone/elsewhere");
        for (const file of pluginFiles) {
            assert.deepStrictEqual(readJson(file), { resource: true, name: "ververica", version, server: schema.pluginDownloadURL }, file);
        }
        assert.deepStrictEqual(captured("sdk/go/ververica/internal/pulumiUtilities.go", /pulumi\.PluginDownloadURL\("([^"]+)"\)/), [schema.pluginDownloadURL, schema.pluginDownloadURL]);
        assert.deepStrictEqual(captured("sdk/python/pulumi_ververica/_utilities.py", /def get_plugin_download_url\(\):\s+return "([^"]+)"/), [schema.pluginDownloadURL]);
    });

    it("the release workflow runs only the build steps CI runs", () => {
        const workflow = read(".github/workflows/release.yml");
        const steps = [...workflow.matchAll(/(npm run [\w:-]+|bash scripts\/[\w.-]+)/g)].map((m) => m[1] ?? "");
        assert.deepStrictEqual([...new Set(steps)].sort(), ["bash scripts/rcodesign.sh", "npm run build:release"]);
        const ci = read(".ci/run");
        for (const step of steps) assert.ok(ci.includes(step.replace("npm run ", "npm run --silent ")) || ci.includes(step), `.ci/run does not run ${step}`);
        assert.match(workflow, /test "\$\{GITHUB_REF_NAME\}" = "v\$\(node -p 'require\("\.\/package\.json"\)\.version'\)"/, "the tag is checked against package.json's version");
    });
});
