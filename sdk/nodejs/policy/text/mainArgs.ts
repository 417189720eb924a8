/**
 * Reads the `--key value` / `--key=value` / `key=value` settings out of a JAR or Python job's
 * `mainArgs` string, which Ververica splits like a shell command line.
 */

/** One setting found in a `mainArgs` string. */
export interface MainArgSetting {
    /** The key without leading dashes, e.g. `password` for `--password` or `db.password` for `--db.password=`. */
    readonly key: string;
    /** The value. It may be a secret, so it must never be copied into a message. */
    readonly value: string;
    /** The 1-based position of the argument that holds the key. */
    readonly position: number;
}

/**
 * Splits a command line into arguments on unquoted whitespace; single and double quotes group
 * (and are removed) and a backslash outside single quotes escapes the next character.
 */
export function splitArguments(commandLine: string): string[] {
    const args: string[] = [];
    let current = "";
    let inArgument = false;
    let quote: "'" | '"' | undefined;
    for (let i = 0; i < commandLine.length; i++) {
        const c = commandLine[i];
        if (quote !== undefined) {
            if (c === quote) {
                quote = undefined;
            } else if (c === "\\" && quote === '"' && i + 1 < commandLine.length) {
                current += commandLine[++i];
            } else {
                current += c;
            }
        } else if (c === "'" || c === '"') {
            quote = c;
            inArgument = true;
        } else if (c === "\\" && i + 1 < commandLine.length) {
            current += commandLine[++i];
            inArgument = true;
        } else if (/\s/.test(c)) {
            if (inArgument) {
                args.push(current);
                current = "";
                inArgument = false;
            }
        } else {
            current += c;
            inArgument = true;
        }
    }
    if (inArgument) {
        args.push(current);
    }
    return args;
}

/**
 * Returns the key/value settings of a `mainArgs` string. An argument `--key` (or `-key`) takes
 * the next argument as its value unless that one is itself an option; `--key=value`, `-Dkey=value`
 * and `key=value` carry their value inline. A lone flag (`--verbose`) has no value and is left out.
 */
export function findMainArgSettings(mainArgs: string): MainArgSetting[] {
    const args = splitArguments(mainArgs);
    const settings: MainArgSetting[] = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const inline = /^-*([^=]+)=(.*)$/s.exec(arg);
        if (inline !== null) {
            settings.push({ key: inline[1], value: inline[2], position: i + 1 });
        } else if (/^-+[^-]/.test(arg)) {
            const value = args[i + 1];
            if (value !== undefined && !value.startsWith("-")) {
                settings.push({ key: arg.replace(/^-+/, ""), value, position: i + 1 });
                i++;
            }
        }
    }
    return settings;
}
