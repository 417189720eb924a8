/**
 * The readable report: the findings grouped by draft, one line each, then a summary line.
 *
 *     ws-1/prod/orders-etl (5c1b2e7a-...)
 *       mandatory  ververica-engine-version  engine version "vvr-6.0.7-flink-1.15" runs VVR 6.0.7, ...
 *
 *     1000 drafts in 3 namespaces: 300 mandatory and 200 advisory findings.
 *
 * The summary names the namespaces that had no drafts: `0 drafts in 1 namespace (no drafts in
 * defualt-namespace): no findings.`
 */
import type { AuditFinding, AuditReport } from "./auditReport";

/** Formats the report as text (ends with a newline). */
export function formatText(report: AuditReport): string {
    const lines: string[] = [];
    const byDraft = new Map<string, AuditFinding[]>();
    for (const finding of report.findings) {
        const key = JSON.stringify([finding.namespace, finding.draftId]);
        byDraft.set(key, [...(byDraft.get(key) ?? []), finding]);
    }
    const ruleWidth = Math.max(0, ...report.findings.map((f) => f.rule.length));
    for (const findings of byDraft.values()) {
        const { workspace, namespace, draftName, draftId } = findings[0];
        lines.push(`${workspace}/${namespace}/${draftName ?? "?"} (${draftId})`);
        for (const f of findings) {
            lines.push(`  ${f.level.padEnd(9)}  ${f.rule.padEnd(ruleWidth)}  ${f.message}`);
        }
        lines.push("");
    }
    lines.push(summaryLine(report));
    return lines.join("\n") + "\n";
}

/** `1000 drafts in 3 namespaces: 300 mandatory and 200 advisory findings.` */
export function summaryLine(report: AuditReport): string {
    const drafts = report.namespaces.reduce((sum, n) => sum + n.drafts, 0);
    const read = report.namespaces.filter((n) => n.readable).length;
    const mandatory = report.findings.filter((f) => f.level === "mandatory").length;
    const advisory = report.findings.length - mandatory;
    const notes = [
        ...(report.emptyNamespaces.length > 0 ? [`no drafts in ${report.emptyNamespaces.join(", ")}`] : []),
        ...(report.failures.length > 0 ? [`${report.failures.length} of ${report.namespaces.length} namespaces could not be read`] : []),
    ];
    const noted = notes.length > 0 ? ` (${notes.join("; ")})` : "";
    const found = report.findings.length === 0 ? "no findings" : `${mandatory} mandatory and ${advisory} advisory finding${report.findings.length === 1 ? "" : "s"}`;
    return `${drafts} draft${drafts === 1 ? "" : "s"} in ${read} namespace${read === 1 ? "" : "s"}${noted}: ${found}.`;
}
