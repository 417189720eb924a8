/**
 * Reads the arguments of a JAR or Python job's `mainArgs` string, which Ververica splits like a
 * shell command line, as settings: `--key value`, `--key=value`, `-Dkey=value`, `key=value`,
 * `-key:value`, and positional arguments.
 */

/** One argument of a `mainArgs` string, read as a setting where it is one. */
export interface MainArgSetting {
    /**
     * The setting's name without leading dashes or `-D`: `password` for `--password`,
     * `db.password` for `--db.password=`, `fs.oss.accessKeySecret` for `-Dfs.oss.accessKeySecret=`.
     * Undefined for a positional argument.
     */
    readonly key?: string;
    /** The value, or a positional argument's text. It may be a secret: never copy it into a message. */
    readonly value: string;
    /** The 1-based position of the argument that holds the key (or the positional argument). */
    readonly position: number;
}

const lineContinuation = /^\r?\n/;

/**
 * Splits a command line into arguments on unquoted whitespace; single and double quotes group
 * (and are removed), a backslash outside single quotes escapes the next character, and a
 * backslash at the end of a line joins the lines, as in a shell. An unrendered template field
 * (`{{ api_token }}`, `{% raw %}`) stays one argument, as the template engine would render it
 * into one word.
 */
export function splitArguments(commandLine: string): string[] {
    const args: string[] = [];
    let current = "";
    let inArgument = false;
    let quote: "'" | '"' | undefined;
    for (let i = 0; i < commandLine.length; i++) {
        const c = commandLine[i];
        const fieldEnd = quote === undefined ? templateFieldEnd(commandLine, i) : undefined;
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
        } else if (c === "\\" && lineContinuation.test(commandLine.slice(i + 1, i + 3))) {
            // A command line copied from a shell script keeps its `\` line continuations.
            i += commandLine[i + 1] === "\r" ? 2 : 1;
        } else if (c === "\\" && i + 1 < commandLine.length) {
            current += commandLine[++i];
            inArgument = true;
        } else if (fieldEnd !== undefined) {
            current += commandLine.slice(i, fieldEnd);
            i = fieldEnd - 1;
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

/** Where the template field that opens at `start` (`{{ ... }}`, `{% ... %}`) ends, or undefined when none opens there. */
function templateFieldEnd(commandLine: string, start: number): number | undefined {
    const opener = commandLine.slice(start, start + 2);
    const closer = opener === "{{" ? "}}" : opener === "{%" ? "%}" : undefined;
    const end = closer === undefined ? -1 : commandLine.indexOf(closer, start + 2);
    return end === -1 ? undefined : end + 2;
}

const systemProperty = /^-D([\w.-]+)=(.*)$/s;
const inlineSetting = /^-*([A-Za-z_][\w.-]*)=(.*)$/s;
const colonSetting = /^-{1,2}([A-Za-z][\w.-]*):(.+)$/s;
const flag = /^-{1,2}[A-Za-z]/;

/**
 * Reads a `mainArgs` string as settings: `--key=value`, `-Dkey=value`, `key=value` and
 * `-key:value` carry their value inline; `--key` (or `-key`) takes the next argument as its
 * value unless that one is itself an option. A value that starts with a single `-` (a password
 * such as `-x9!`) still belongs to a key for which `takesValue` is true. Every other argument,
 * a lone flag included, comes out as a positional argument, so that its text can be checked too.
 *
 * @param takesValue Whether a flag always takes the next argument as its value, e.g. for a
 *   flag that names a secret.
 */
export function findMainArgSettings(mainArgs: string, takesValue: (key: string) => boolean = () => false): MainArgSetting[] {
    const args = splitArguments(mainArgs);
    const settings: MainArgSetting[] = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const position = i + 1;
        const inline = systemProperty.exec(arg) ?? inlineSetting.exec(arg) ?? colonSetting.exec(arg);
        if (inline !== null) {
            settings.push({ key: inline[1], value: inline[2], position });
            continue;
        }
        const next = args[i + 1];
        if (flag.test(arg) && next !== undefined) {
            const key = arg.replace(/^-+/, "");
            const nextIsOption = next === "--" || flag.test(next);
            if (!nextIsOption || (takesValue(key) && !next.startsWith("--"))) {
                settings.push({ key, value: next, position });
                i++;
                continue;
            }
        }
        settings.push({ value: arg, position });
    }
    return settings;
}
