/**
 * `pulumi-resource-ververica`: the entry of the native provider plugin. The engine starts it
 * with its own address as an argument and reads the port it serves on from the first line of
 * its stdout; started by hand, it prints the port for `PULUMI_DEBUG_PROVIDERS=ververica:<port>`.
 */
import { packageSchema } from "../../plugin/schema";
import { packageManifest } from "../../core/packageManifest";
import { servePlugin } from "../../plugin/pluginProcess";

async function main(): Promise<void> {
    const version = packageManifest.version;
    let schema: string | undefined;
    const server = await servePlugin(process.argv.slice(2), {
        version,
        schema: () => (schema ??= JSON.stringify(packageSchema())),
        env: process.env,
    });
    process.stdout.write(`${server.port}\n`);
}

main().catch((e: unknown) => {
    console.error(`pulumi-resource-ververica: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
});
