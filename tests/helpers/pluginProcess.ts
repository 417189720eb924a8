// A provider plugin in a process of its own, as the engine or a person debugging it starts one:
// the port read from the first line of its stdout, its stderr kept for assertions.

import { ChildProcess, spawn } from "child_process";

/** A running plugin process. */
export interface PluginProcess {
    readonly child: ChildProcess;
    readonly port: number;
    /** What it wrote to stderr so far. */
    stderr(): string;
    /** Writes a line to its stdin. */
    send(line: string): void;
    /** Ends it (SIGTERM) and waits for it to exit. */
    stop(): Promise<void>;
}

/** Starts `command args` and resolves with the port it prints; rejects if it exits or prints none within 60 s. */
export function startPluginProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<PluginProcess> {
    const child = spawn(command, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`${command} printed no port within 60 s: ${stderr.slice(-2000)}`));
        }, 60_000);
        child.once("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`${command} exited with ${code} before printing its port: ${stderr.slice(-2000)}`));
        });
        child.stdout.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            const newline = stdout.indexOf("\n");
            if (newline < 0) return;
            clearTimeout(timer);
            resolve({
                child,
                port: Number(stdout.slice(0, newline)),
                stderr: () => stderr,
                send: (line) => child.stdin.write(`${line}\n`),
                async stop() {
                    if (child.exitCode === null && child.signalCode === null) child.kill();
                    await exited;
                },
            });
        });
    });
}
