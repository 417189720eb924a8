/**
 * Runs `fn` while collecting, instead of printing, the lines written to stderr: where the
 * data source reports retries outside a Pulumi program.
 */
export async function withStderrCapture<T>(fn: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
        written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
        return true;
    });
    try {
        const result = await fn();
        return { result, lines: written.join("").split("\n").filter((l) => l !== "") };
    } finally {
        process.stderr.write = original;
    }
}
