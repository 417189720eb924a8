// What `npm run build:release` writes (dist/release/), built once and reused while no source is
// newer, and a loopback HTTP server that serves it as a GitHub release serves its assets: the
// engine downloads a plugin from there when PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES points at it.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { checksumsName, releaseDir } from "../../scripts/buildRelease";
import { version } from "../../scripts/pluginBinaries";
import { newestChange } from "./pluginInstall";

const repoRoot = path.resolve(__dirname, "..", "..");

/** Builds dist/release/ unless its checksums file is newer than every source it is made from. */
export function ensureRelease(): string {
    const checksums = path.join(releaseDir, checksumsName);
    const built = fs.existsSync(checksums) ? fs.statSync(checksums).mtimeMs : 0;
    const sources = ["provider", "sdk/python", "sdk/nodejs", "package.json", "scripts"].map((p) => path.join(repoRoot, p));
    if (built === 0 || sources.some((s) => newestChange(s) > built)) {
        execFileSync("npm", ["run", "--silent", "build:release"], { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });
    }
    return releaseDir;
}

/** The released file whose name starts with `prefix` (e.g. `pulumi_ververica-` and ends `.whl`). */
export function releaseFile(prefix: string, suffix: string): string {
    const name = fs.readdirSync(releaseDir).find((n) => n.startsWith(prefix) && n.endsWith(suffix));
    if (!name) throw new Error(`dist/release has no ${prefix}*${suffix}: run npm run build:release`);
    return path.join(releaseDir, name);
}

/** A loopback server of dist/release under /download/v<version>/, as GitHub serves a release's assets. */
export interface ReleaseServer {
    /** http://127.0.0.1:<port>/download/v<version>: the URL to append an asset's name to. */
    readonly url: string;
    /** Every path asked for, in order. */
    readonly requests: readonly string[];
    close(): Promise<void>;
}

/**
 * Serves the files of `dir` with their Content-Length (the engine refuses a plugin download
 * without one) and answers 404 to anything else.
 */
export async function serveRelease(dir: string): Promise<ReleaseServer> {
    const prefix = `/download/v${version}/`;
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
        const requested = req.url ?? "";
        requests.push(requested);
        const name = requested.startsWith(prefix) ? decodeURIComponent(requested.slice(prefix.length)) : "";
        const file = path.join(dir, name);
        if (name === "" || name.includes("/") || !fs.existsSync(file)) {
            res.writeHead(404, { "Content-Length": 0 }).end();
            return;
        }
        res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": fs.statSync(file).size });
        fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("the release server has no port");
    return {
        url: `http://127.0.0.1:${address.port}${prefix.slice(0, -1)}`,
        requests,
        close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
    };
}

/**
 * The environment that turns the engine's plugin acquisition on and points every download at
 * `server`: the schema's GitHub location goes to the release, anything else to a path the server
 * answers 404, so nothing is ever fetched from a default location.
 */
export function acquisitionEnvironment(server: ReleaseServer, pluginDownloadURL: string): Record<string, string> {
    const exactly = (url: string) => `^${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    const elsewhere = server.url.replace(/\/download\/v[^/]+$/, "/not-this-release");
    // The first match wins: the schema's location (the engine names it with the default
    // repository) and the server itself (`--server`) go to the release, anything else is a 404.
    const overrides = [`${exactly(pluginDownloadURL)}(/pulumi-ververica)?$`, `${exactly(server.url)}$`, ".*"];
    return {
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "false",
        PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: overrides.map((pattern, i) => `${pattern}=${i < 2 ? server.url : elsewhere}`).join(","),
    };
}
