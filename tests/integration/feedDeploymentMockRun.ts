// Runs examples/feed-deployment with Pulumi's mocks and writes what the program registered to
// the file named by the first argument; exits with 1 when the program failed. Run in a child process (`node -r
// ts-node/register/transpile-only`): mocks are process-wide and would leak into other tests.
//
// Stack config comes in through PULUMI_CONFIG, connection settings and credentials through the
// environment, exactly as in a real program process.
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";

/** What the runner writes: the resources the program registered and how the program ended. */
export interface MockRunResult {
    readonly resources: readonly { readonly type: string; readonly name: string; readonly inputs: Record<string, unknown> }[];
    readonly outputs: Record<string, unknown>;
    readonly error?: string;
}

async function main(resultFile: string): Promise<number> {
    const resources: { type: string; name: string; inputs: Record<string, unknown> }[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
                resources.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown> });
                return { id: `${args.name}-id`, state: { ...(args.inputs as Record<string, unknown>), deploymentId: `${args.name}-deployment` } };
            },
            call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
                throw new Error(`unexpected invoke ${args.token}: the program reads drafts from the API directly`);
            },
        },
        "ververica-feed-deployment",
        "mock",
        false,
    );

    // A resource registers in the background: a failing input surfaces as an unhandled
    // rejection, which the Pulumi language host reports as the program's failure.
    // Several outputs may fail of the same cause; the first one is reported.
    const registrationFailure = new Promise<never>((_, reject) => process.on("unhandledRejection", reject));
    let outputs: Record<string, unknown> = {};
    let error: string | undefined;
    try {
        // The example's directory, required as Pulumi's Node host runs a program: its exports are the outputs.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a program directory resolved at run time, as the Node host loads it
        const program = require(path.resolve(__dirname, "..", "..", "examples", "feed-deployment")) as Record<string, unknown>;
        const settled = Promise.all(Object.entries(program).map(async ([k, v]) => [k, await settle(v)] as const));
        outputs = Object.fromEntries(await Promise.race([settled, registrationFailure]));
    } catch (e) {
        error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const result: MockRunResult = { resources, outputs, ...(error !== undefined ? { error } : {}) };
    fs.writeFileSync(resultFile, JSON.stringify(result));
    // As a failed Pulumi program does; a failed program also leaves registrations pending,
    // which Pulumi's leak check would report on a successful exit.
    return error === undefined ? 0 : 1;
}

// An output's own promise also reports a failed output, which `apply` never sees.
function settle(value: unknown): Promise<unknown> {
    return pulumi.Output.isInstance(value) ? (value as unknown as { promise(): Promise<unknown> }).promise() : Promise.resolve(value);
}

main(process.argv[2]).then(
    // The keep-alive connections of the API client would hold the process open.
    (code) => process.exit(code),
    (e: unknown) => {
        console.error(e);
        process.exit(1);
    },
);
