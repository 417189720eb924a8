/**
 * `pulumi-resource-ververica`: the entry of the native provider plugin. The engine starts it
 * with its own address as an argument and reads the port it serves on from the first line of
 * its stdout.
 */
import { packageSchema } from "../../plugin/schema";
import { packageManifest } from "../../core/packageManifest";
import { startProviderServer } from "../../plugin/server";

async function main(): Promise<void> {
    const version = packageManifest.version;
    let schema: string | undefined;
    const server = await startProviderServer({
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
