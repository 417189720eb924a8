/**
 * The JSON report, for scripts:
 *
 * ```json
 * { "workspace": "ws-1", "namespaces": [{ "namespace": "prod", "drafts": 12, "readable": true }],
 *   "rules": [...], "findings": [{ "rule": "...", "level": "mandatory", "namespace": "prod", "draftId": "...", ... }],
 *   "failures": [], "emptyNamespaces": [], "allowEmpty": false,
 *   "summary": { "drafts": 12, "findings": 3, "mandatory": 2, "advisory": 1, "unreadableNamespaces": 0, "emptyNamespaces": 0 } }
 * ```
 */
import type { AuditReport } from "./auditReport";

/** Formats the report as JSON (ends with a newline). */
export function formatJson(report: AuditReport): string {
    const mandatory = report.findings.filter((f) => f.level === "mandatory").length;
    const summary = {
        drafts: report.namespaces.reduce((sum, n) => sum + n.drafts, 0),
        findings: report.findings.length,
        mandatory,
        advisory: report.findings.length - mandatory,
        unreadableNamespaces: report.failures.length,
        emptyNamespaces: report.emptyNamespaces.length,
    };
    return JSON.stringify({ ...report, summary }, null, 2) + "\n";
}
