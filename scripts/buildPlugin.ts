// Builds the native provider plugin for this machine's platform (linux-amd64) into dist/plugin/,
// the tarball `pulumi plugin install resource ververica <version> --file <tarball>` takes; the
// tests install it from there. `npm run build:release` builds every platform the same way
// (scripts/pluginBinaries.ts says how).
import * as path from "path";
import { buildPluginTarballs, root, target } from "./pluginBinaries";

/** dist/plugin/: the tarball, and the unpacked binary under build/linux-amd64/. */
export const pluginOutDir = path.join(root, "dist", "plugin");

buildPluginTarballs([target("linux-amd64")], pluginOutDir, path.join(pluginOutDir, "build")).then(
    ([tarball]) => console.log(path.relative(process.cwd(), tarball ?? "")),
    (e: unknown) => {
        console.error(`build:plugin: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
    },
);
