/**
 * Runs the emulator as a command, for manual runs and for tools outside the test process:
 *
 *   ts-node tests/emulator/cli.ts --port 8080 [--host 127.0.0.1] [--data drafts.json] [--latency ms]
 */
import { DEFAULT_TEST_CREDENTIAL, loadFixtureDrafts, startEmulator, type EmulatorOptions } from "./index";

const USAGE = "usage: ts-node tests/emulator/cli.ts [--port 8080] [--host 127.0.0.1] [--data drafts.json] [--latency ms]";

interface CliOptions {
    emulator: EmulatorOptions;
    latencyMs: number;
}

function parseArgs(args: readonly string[]): CliOptions {
    const emulator: EmulatorOptions = { port: 8080 };
    let latencyMs = 0;
    for (let i = 0; i < args.length; i += 2) {
        const flag = args[i];
        const value = args[i + 1];
        if (flag === "--help" || flag === "-h") {
            console.log(USAGE);
            process.exit(0);
        }
        if (value === undefined) {
            throw new Error(`${flag} needs a value`);
        }
        switch (flag) {
            case "--port":
                emulator.port = parseInteger(flag, value);
                break;
            case "--host":
                emulator.host = value;
                break;
            case "--data":
                emulator.drafts = loadFixtureDrafts(value);
                break;
            case "--latency":
                latencyMs = parseInteger(flag, value);
                break;
            default:
                throw new Error(`unknown option ${flag}`);
        }
    }
    return { emulator, latencyMs };
}

function parseInteger(flag: string, value: string): number {
    if (!/^[0-9]+$/.test(value)) {
        throw new Error(`${flag} needs a non-negative integer, got "${value}"`);
    }
    return Number(value);
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    const emulator = await startEmulator(options.emulator);
    emulator.faults.latencyMs = options.latencyMs;
    console.log(`Ververica emulator listening on ${emulator.url}`);
    // The secret is deliberately not printed: it is DEFAULT_TEST_CREDENTIAL in tests/emulator/credentials.ts.
    console.log(`AccessKeyId: ${DEFAULT_TEST_CREDENTIAL.accessKeyId}`);
    const stop = (): void => {
        emulator.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
    console.error(`ververica emulator: ${error instanceof Error ? error.message : String(error)}`);
    console.error(USAGE);
    process.exit(2);
});
