/**
 * The `pulumi-ververica` command line: picks the command and turns every failure into one line
 * on standard error and an exit code.
 */
import { VervericaError } from "../../../provider/core/errors";
import { parseAuditArguments } from "./auditArguments";
import { CommandIo, exitCodes, runAudit } from "./auditCommand";
import { UsageError } from "./cliErrors";

const usage = `Usage: pulumi-ververica <command> [options]

Commands:
  audit    check every deployment draft of a workspace's namespaces (pulumi-ververica audit --help)
`;

/**
 * Runs the command line `argv` (without the node and script paths); returns the exit code.
 *
 * ```ts
 * process.exitCode = await runCli(["audit", "--workspace", "ws", "--namespace", "prod"], io);
 * ```
 */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
    const [command, ...rest] = argv;
    try {
        if (command === undefined || command === "-h" || command === "--help" || command === "help") {
            io.stdout.write(usage);
            return command === undefined ? exitCodes.unreadable : exitCodes.clean;
        }
        if (command !== "audit") {
            throw new UsageError(`unknown command ${JSON.stringify(command)}; the commands are: audit`);
        }
        return await runAudit(parseAuditArguments(rest), io);
    } catch (e) {
        if (e instanceof UsageError || e instanceof VervericaError) {
            io.stderr.write(`pulumi-ververica: ${e.message.split("\n")[0]}\n`);
            return exitCodes.unreadable;
        }
        throw e;
    }
}
