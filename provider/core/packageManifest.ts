/** What this package's code reads from its own package.json. */
export interface PackageManifest {
    readonly name: string;
    readonly version: string;
    readonly config: { readonly repository: string; readonly pulumiCliVersion: string };
}

/**
 * This package's package.json, resolved by the package's own name so the same line works from the
 * sources, from the built `dist/` and from the plugin's bundle (which embeds the file).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file found by package name at run time, not a module import
export const packageManifest = require("pulumi-ververica/package.json") as PackageManifest;
