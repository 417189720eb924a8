import * as fs from "fs";
import * as path from "path";

const repoRoot = path.resolve(__dirname, "..", "..");

/**
 * The version of `name` this repository installed: strangers' projects install exactly these,
 * so that npm's cache answers without the network.
 */
export function installedVersion(name: string): string {
    return (JSON.parse(fs.readFileSync(path.join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}
