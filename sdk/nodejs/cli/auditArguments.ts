/**
 * The flags of `pulumi-ververica audit`, parsed and checked before anything is read.
 */
import { parseArgs, ParseArgsConfig } from "node:util";
import { configKeys, SettingNames } from "../../../provider/core/connectionSettings";
import { InvalidArgumentError } from "../../../provider/core/errors";
import { requireIdentifier } from "../../../provider/core/validation";
import { UsageError } from "./cliErrors";

/** The report formats. */
export type AuditFormat = "text" | "json" | "sarif";

/** From which level findings make the command fail (exit code 1). */
export type FailOn = "mandatory" | "advisory" | "never";

/** The parsed flags of `audit`. */
export interface AuditArguments {
    readonly workspace: string;
    readonly namespaces: readonly string[];
    readonly configFile?: string;
    readonly format: AuditFormat;
    readonly outputFile?: string;
    readonly failOn: FailOn;
    readonly endpoint?: string;
    readonly region?: string;
    readonly profile?: string;
    /** Whether a namespace without drafts may pass (`--allow-empty`); otherwise it exits 2. */
    readonly allowEmpty: boolean;
    readonly help: boolean;
}

/** The help text of `audit`. */
export const auditUsage = `Usage: pulumi-ververica audit --workspace W --namespace N [--namespace N2 ...] [options]

Reads every deployment draft of the namespaces and checks it against the rules of the
pulumi-ververica policy pack.

Options:
  --workspace W         the workspace id (required)
  --namespace N         a namespace to read; repeat for several (at least one)
  --config FILE         a policy pack configuration file (the format of --policy-pack-config)
  --format F            text (default), json or sarif
  --output FILE         write the report to FILE instead of standard output
  --fail-on L           mandatory (default), advisory or never: findings at or above L exit 1
  --endpoint E          the API endpoint, e.g. ververica.cn-hangzhou.aliyuncs.com
  --region R            the region, e.g. cn-hangzhou
  --profile P           the aliyun CLI profile to take credentials from
  --allow-empty         let a namespace without drafts pass (without it, one exits 2:
                        a misspelt --namespace or --workspace reads as empty)
  -h, --help            show this help

Without --endpoint, --region and --profile the settings come from the environment
(VERVERICA_ENDPOINT, ALIBABA_CLOUD_REGION_ID, ALIBABA_CLOUD_ACCESS_KEY_ID, ...) and Alibaba
Cloud's default credentials chain, as for the library.

Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it, 2 the audit could
not confirm: a namespace could not be read or had no drafts (the report still covers the
others), or the command line is wrong.
`;

/** The key --profile answers: it stands where a program's stack config names its profile. */
export const profileKey = configKeys.credentials[0].profile;

/** The audit's settings as its messages name them: its flags and the environment (it has no stack). */
export const auditSettingNames: SettingNames = {
    // No flag sets the network (only VERVERICA_NETWORK does), so its option is never named.
    options: { region: "--region", endpoint: "--endpoint", network: "the network option" },
    configKey: (key) => (key === profileKey ? "--profile" : key),
    noEndpoint: "pass --region or --endpoint, or set ALIBABA_CLOUD_REGION_ID or ALIBABA_CLOUD_ENDPOINT_VERVERICA (or VERVERICA_ENDPOINT)",
    noCredentials: "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or name an aliyun CLI profile with --profile",
};

// Every flag but --help and --allow-empty takes a value. Repeats are all kept: how often a flag may be given is
// checked after parsing, so that the message can say so.
const flagOptions = {
    workspace: { type: "string" },
    namespace: { type: "string" },
    config: { type: "string" },
    format: { type: "string" },
    output: { type: "string" },
    "fail-on": { type: "string" },
    endpoint: { type: "string" },
    region: { type: "string" },
    profile: { type: "string" },
    "allow-empty": { type: "boolean" },
    help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

/** Parses `audit`'s flags (`--flag value` or `--flag=value`). Throws {@link UsageError}. */
export function parseAuditArguments(argv: readonly string[]): AuditArguments {
    const args = [...argv];
    // Not strict: parseArgs' own errors would name neither this command nor its help, so every
    // argument is checked below, from its tokens, in order.
    const { tokens } = parseArgs({ args, options: flagOptions, strict: false, allowPositionals: true, tokens: true });
    const values = new Map<string, string[]>();
    const switches = new Set<string>();
    for (const token of tokens) {
        const arg = args[token.index];
        const option = token.kind === "option" && Object.hasOwn(flagOptions, token.name) ? flagOptions[token.name as keyof typeof flagOptions] : undefined;
        // Only a switch as written counts: not "--help=x" or a group such as "-hh".
        if (token.kind !== "option" || option === undefined || (option.type === "boolean" && arg !== token.rawName)) {
            throw new UsageError(`unknown argument ${JSON.stringify(arg)} (see pulumi-ververica audit --help)`);
        }
        if (option.type === "boolean") {
            switches.add(token.name);
            continue;
        }
        if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
        values.set(token.rawName, [...(values.get(token.rawName) ?? []), token.value]);
    }
    const allowEmpty = switches.has("allow-empty");
    if (switches.has("help")) {
        return { workspace: "", namespaces: [], format: "text", failOn: "mandatory", allowEmpty, help: true };
    }
    const single = (flag: string): string | undefined => {
        const given = values.get(flag);
        if (given !== undefined && given.length > 1) throw new UsageError(`${flag} is given ${given.length} times; give it once`);
        return given?.[0];
    };
    const nonEmpty = (flag: string): string | undefined => {
        const value = single(flag);
        if (value !== undefined && value.trim() === "") throw new UsageError(`${flag} is empty`);
        return value;
    };
    const workspace = identifier("--workspace", single("--workspace"));
    const namespaceValues = values.get("--namespace") ?? [];
    if (namespaceValues.length === 0) throw new UsageError("--namespace is required (repeat it to audit several namespaces)");
    const namespaces = [...new Set(namespaceValues.map((n) => identifier("--namespace", n)))];
    return {
        workspace,
        namespaces,
        format: oneOf("--format", single("--format") ?? "text", ["text", "json", "sarif"] as const),
        failOn: oneOf("--fail-on", single("--fail-on") ?? "mandatory", ["mandatory", "advisory", "never"] as const),
        ...present("configFile", nonEmpty("--config")),
        ...present("outputFile", nonEmpty("--output")),
        ...present("endpoint", nonEmpty("--endpoint")),
        ...present("region", nonEmpty("--region")),
        ...present("profile", nonEmpty("--profile")),
        allowEmpty,
        help: false,
    };
}

function identifier(flag: string, value: string | undefined): string {
    try {
        return requireIdentifier(flag, value);
    } catch (e) {
        if (e instanceof InvalidArgumentError) throw new UsageError(`${flag} ${e.message.replace(/^invalid argument "[^"]*": /, "")}`);
        throw e;
    }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
    if (!(allowed as readonly string[]).includes(value)) {
        throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
    }
    return value as T;
}

function present<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
