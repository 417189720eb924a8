/**
 * The command line's own failures: a wrong flag or a configuration file it cannot use. Each
 * is shown as one line and ends the command with exit code 2 before any request.
 */
export class UsageError extends Error {
    readonly code = "Usage";
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
