/**
 * Runs `pulumi-ververica audit` in the test process against an emulator and captures what it
 * writes, as a user would see it.
 */
import { runCli } from "../../sdk/nodejs/cli/runCli";
import { DEFAULT_TEST_CREDENTIAL } from "../emulator";

/** What one run of the command line printed, and its exit code. */
export interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the command line with the emulator's test key in its environment. */
export async function runAuditCli(argv: readonly string[], options: { readonly stderrIsTTY?: boolean } = {}): Promise<CliRun> {
    let stdout = "";
    let stderr = "";
    const env = {
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
    };
    const code = await runCli(argv, {
        stdout: { write: (text) => void (stdout += text) },
        stderr: { isTTY: options.stderrIsTTY ?? false, write: (text) => void (stderr += text) },
        env,
    });
    return { code, stdout, stderr };
}
