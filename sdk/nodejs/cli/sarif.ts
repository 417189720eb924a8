/**
 * The SARIF 2.1.0 report, for code-scanning tools: one run whose tool lists the rules with
 * their descriptions, one result per finding at the level of its rule's enforcement
 * (mandatory: error, advisory: warning), located at the draft, with a `partialFingerprints`
 * entry that stays the same across runs for the same draft and finding. A namespace that could
 * not be read is an error notification of the run's invocation, and so is one without drafts
 * (a note with `--allow-empty`).
 */
import { encodePathSegment } from "../../../provider/core/pathEncoding";
import { packageManifest } from "../../../provider/core/packageManifest";
import { auditConfirmed, AuditFinding, AuditReport, emptyNamespaceProblem } from "./auditReport";

const packageVersion = packageManifest.version;

/** The key of this tool's fingerprint in `partialFingerprints`. */
export const fingerprintKey = "ververicaDraftFinding/v1";

/** Formats the report as SARIF 2.1.0 (ends with a newline). */
export function formatSarif(report: AuditReport): string {
    const ruleIndex = new Map(report.rules.map((rule, i) => [rule.name, i]));
    const sarif = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "pulumi-ververica",
                        informationUri: "https://www.npmjs.com/package/pulumi-ververica",
                        version: packageVersion,
                        semanticVersion: packageVersion,
                        rules: report.rules.map((rule) => ({
                            id: rule.name,
                            name: ruleName(rule.name),
                            shortDescription: { text: rule.description },
                            fullDescription: { text: rule.description },
                            defaultConfiguration: { level: sarifLevel(rule.level) },
                        })),
                    },
                },
                invocations: [
                    {
                        executionSuccessful: auditConfirmed(report),
                        toolExecutionNotifications: [
                            ...report.failures.map((failure) => ({
                                level: "error",
                                message: { text: endSentence(`Could not read the namespace ${failure.workspace}/${failure.namespace}: ${failure.message}`) },
                            })),
                            ...report.emptyNamespaces.map((namespace) => ({
                                level: report.allowEmpty ? "note" : "error",
                                message: { text: endSentence(`The ${emptyNamespaceProblem(report, namespace)}`) },
                            })),
                        ],
                    },
                ],
                results: report.findings.map((finding) => ({
                    ruleId: finding.rule,
                    ruleIndex: ruleIndex.get(finding.rule),
                    level: sarifLevel(finding.level),
                    message: { text: endSentence(`${draftPath(finding)}: ${finding.message}`) },
                    locations: [location(finding)],
                    partialFingerprints: { [fingerprintKey]: finding.fingerprint },
                })),
            },
        ],
    };
    return JSON.stringify(sarif, null, 2) + "\n";
}

function sarifLevel(level: AuditFinding["level"]): "error" | "warning" {
    return level === "mandatory" ? "error" : "warning";
}

function draftPath(finding: AuditFinding): string {
    return `${finding.workspace}/${finding.namespace}/${finding.draftName ?? finding.draftId}`;
}

// Drafts are not files; each gets a stable relative path (by id, which renames do not change)
// so that tools which require a physical location can show and track it. A finding on a line of
// the SQL script or CDC YAML pipeline points at that part and line; any other at the draft.
function location(finding: AuditFinding): object {
    const segments = [finding.workspace, finding.namespace, finding.draftId].map(encodePathSegment);
    const part = finding.location?.startsWith("SQL statement") ? "sqlArtifact.sqlScript" : finding.location?.startsWith("cdcYamlArtifact.cdcYaml") ? "cdcYamlArtifact.cdcYaml" : undefined;
    const line = part === undefined ? 1 : Number(/, line (\d+)$/.exec(finding.location ?? "")?.[1] ?? 1);
    return {
        physicalLocation: {
            artifactLocation: { uri: `ververica/${segments.join("/")}${part === undefined ? "" : `/${part}`}` },
            region: { startLine: line, endLine: line },
        },
        logicalLocations: [
            {
                name: finding.draftName ?? finding.draftId,
                fullyQualifiedName: `${draftPath(finding)}${finding.location !== undefined ? `/${finding.location}` : ""}`,
                kind: "object",
            },
        ],
    };
}

// ververica-engine-version -> EngineVersion: SARIF's readable rule name.
function ruleName(id: string): string {
    return id
        .replace(/^ververica-/, "")
        .split("-")
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join("");
}

function endSentence(text: string): string {
    return /[.!?]$/.test(text) ? text : `${text}.`;
}
