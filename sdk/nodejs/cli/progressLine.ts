/**
 * The progress line on a terminal: `reading drafts: 340/1000`, rewritten in place with a
 * carriage return and erased when the audit is done. Nothing is written when standard error is
 * not a terminal, so logs of CI runs hold only the report and failures.
 */

/** Where the line goes. */
export interface ProgressTerminal {
    readonly isTTY: boolean;
    write(text: string): void;
}

/** Shows progress on a terminal. */
export class ProgressLine {
    private shown = "";

    constructor(private readonly terminal: ProgressTerminal) {}

    /** Shows `read` of `total` drafts. */
    update(read: number, total: number): void {
        if (!this.terminal.isTTY) return;
        const text = `reading drafts: ${read}/${total}`;
        if (text === this.shown) return;
        this.terminal.write(`\r${text.padEnd(this.shown.length)}`);
        this.shown = text;
    }

    /** Erases the line. */
    done(): void {
        if (!this.terminal.isTTY || this.shown === "") return;
        this.terminal.write(`\r${" ".repeat(this.shown.length)}\r`);
        this.shown = "";
    }
}
