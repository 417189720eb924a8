/**
 * `pulumi-ververica audit`: checks every draft of some namespaces against the policy pack's
 * rules and writes a report. See {@link auditUsage} for the flags and exit codes.
 */
import * as fs from "fs";
import * as path from "path";
import { createLookupClient, LookupContext } from "../../../provider/core/draftLookup";
import { AuditArguments, auditSettingNames, auditUsage, FailOn, profileKey } from "./auditArguments";
import { auditConfirmed, AuditReport, emptyNamespaceProblem } from "./auditReport";
import { auditRules } from "./auditRules";
import { auditWorkspace } from "./auditWorkspace";
import { UsageError } from "./cliErrors";
import { formatJson } from "./formatJson";
import { formatText } from "./formatText";
import { configureRules } from "./policyConfig";
import { ProgressLine, ProgressTerminal } from "./progressLine";
import { formatSarif } from "./sarif";

/** Where the command reads its environment and writes its output. */
export interface CommandIo {
    readonly stdout: { write(text: string): void };
    /** Failures and, on a terminal, the progress line. */
    readonly stderr: ProgressTerminal;
    readonly env: NodeJS.ProcessEnv;
}

/** The exit codes of `audit`: `unreadable` also when it could not confirm (an empty namespace) or was called wrong. */
export const exitCodes = { clean: 0, findings: 1, unreadable: 2 } as const;

/** Runs `audit` with parsed flags; returns its exit code. Throws {@link UsageError} for a bad configuration file. */
export async function runAudit(args: AuditArguments, io: CommandIo): Promise<number> {
    if (args.help) {
        io.stdout.write(auditUsage);
        return exitCodes.clean;
    }
    if (args.outputFile !== undefined) checkWritable(args.outputFile);
    const rules = configureRules(auditRules, args.configFile === undefined ? undefined : readConfigFile(args.configFile), args.configFile ?? "");
    const context: LookupContext = {
        options: { ...(args.endpoint !== undefined ? { endpoint: args.endpoint } : {}), ...(args.region !== undefined ? { region: args.region } : {}) },
        config: (key) => (key === profileKey ? args.profile : undefined),
        env: io.env,
        settingNames: auditSettingNames,
    };
    const { client } = createLookupClient(context);
    const progress = new ProgressLine(io.stderr);
    let report: AuditReport;
    try {
        report = await auditWorkspace({ workspace: args.workspace, namespaces: args.namespaces, rules, allowEmpty: args.allowEmpty }, client, (p) => progress.update(p.read, p.total));
    } finally {
        progress.done();
    }
    for (const failure of report.failures) {
        io.stderr.write(`audit: could not read namespace ${failure.workspace}/${failure.namespace}: ${failure.message}\n`);
    }
    if (!report.allowEmpty) {
        for (const namespace of report.emptyNamespaces) io.stderr.write(`audit: ${emptyNamespaceProblem(report, namespace)}\n`);
    }
    const formatted = args.format === "json" ? formatJson(report) : args.format === "sarif" ? formatSarif(report) : formatText(report);
    if (args.outputFile !== undefined) {
        fs.writeFileSync(args.outputFile, formatted);
    } else {
        io.stdout.write(formatted);
    }
    return exitCode(report, args.failOn);
}

function exitCode(report: AuditReport, failOn: FailOn): number {
    if (!auditConfirmed(report)) return exitCodes.unreadable;
    const failing = failOn === "never" ? [] : report.findings.filter((f) => failOn === "advisory" || f.level === "mandatory");
    return failing.length > 0 ? exitCodes.findings : exitCodes.clean;
}

// Found out before any request, not after reading a whole workspace.
function checkWritable(file: string): void {
    const dir = path.dirname(path.resolve(file));
    try {
        fs.accessSync(dir, fs.constants.W_OK);
    } catch (e) {
        throw new UsageError(`cannot write the report to ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)} for the folder ${dir}`);
    }
}

function readConfigFile(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new UsageError(`cannot read the configuration file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new UsageError(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
}
