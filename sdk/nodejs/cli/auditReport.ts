/**
 * What an audit found: the findings, the namespaces read, those that could not be read and
 * those that had no drafts.
 * Every format (text, JSON, SARIF) is written from this, and none of it holds a draft's content
 * beyond what the rules' messages say (which never includes a secret value).
 */

/** The level a finding counts at. */
export type FindingLevel = "mandatory" | "advisory";

/** One violation of one rule by one draft. */
export interface AuditFinding {
    readonly rule: string;
    readonly level: FindingLevel;
    readonly workspace: string;
    readonly namespace: string;
    readonly draftId: string;
    readonly draftName?: string;
    /** Where in the draft, when the rule names a place: `SQL statement 2 (...), line 5`, `jarArtifact.mainArgs, argument 3`. */
    readonly location?: string;
    /** What is wrong and how to fix it, without the draft's name (which the other fields carry). */
    readonly message: string;
    /** Stable across runs for the same draft and finding: SARIF's `partialFingerprints`. */
    readonly fingerprint: string;
}

/** A namespace the audit could not read (completely). */
export interface NamespaceFailure {
    readonly workspace: string;
    readonly namespace: string;
    /** The error's stable code, e.g. `AccessDenied`. */
    readonly code: string;
    /** One line naming what failed, with the API's request id, error code and message. */
    readonly message: string;
}

/** A namespace as read. */
export interface NamespaceSummary {
    readonly namespace: string;
    /** Drafts checked (0 when the namespace could not be read). */
    readonly drafts: number;
    readonly readable: boolean;
}

/** The rule as configured for the run, for the report's rule list. */
export interface ReportedRule {
    readonly name: string;
    readonly description: string;
    readonly level: FindingLevel;
}

/** Everything an audit run found. */
export interface AuditReport {
    readonly workspace: string;
    readonly namespaces: readonly NamespaceSummary[];
    readonly rules: readonly ReportedRule[];
    /** By namespace (in the order asked), then draft (in the API's order), then rule. */
    readonly findings: readonly AuditFinding[];
    readonly failures: readonly NamespaceFailure[];
    /**
     * The namespaces read without error that hold no draft, in the order asked. A misspelt
     * namespace or workspace reads like this, so each is reported and, unless `allowEmpty`,
     * fails the run as a namespace that could not be read does.
     */
    readonly emptyNamespaces: readonly string[];
    /** Whether a namespace may be empty (`--allow-empty`). */
    readonly allowEmpty: boolean;
}

/** Whether the audit confirmed every namespace: all were read, and none was empty unless allowed. */
export function auditConfirmed(report: AuditReport): boolean {
    return report.failures.length === 0 && (report.allowEmpty || report.emptyNamespaces.length === 0);
}

/** What an empty namespace means, in the same words on stderr and in SARIF. */
export function emptyNamespaceProblem(report: AuditReport, namespace: string): string {
    const where = `namespace ${report.workspace}/${namespace} has no drafts`;
    return report.allowEmpty ? `${where} (allowed by --allow-empty)` : `${where}: check --workspace and --namespace, or pass --allow-empty if it may be empty`;
}
