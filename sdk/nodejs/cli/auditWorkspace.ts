/**
 * The audit itself: reads every draft of the namespaces (all at once, within the client's
 * concurrency bound) and checks each against the configured rules. A namespace that cannot be
 * read is reported as a failure; the others are still checked.
 */
import { createHash } from "crypto";
import type { DraftClient } from "../../../provider/core/draftClient";
import { ListingProgress, readDrafts } from "../../../provider/core/draftListing";
import { VervericaError } from "../../../provider/core/errors";
import { redactedMessageOf } from "../../../provider/core/secretRedaction";
import type { DeploymentDraftAttributes } from "../../../provider/core/model";
import type { AuditFinding, AuditReport, FindingLevel, NamespaceFailure, NamespaceSummary } from "./auditReport";
import { locateFinding } from "./findingLocation";
import type { ConfiguredRule } from "./policyConfig";

/** What to audit. */
export interface AuditScope {
    readonly workspace: string;
    readonly namespaces: readonly string[];
    readonly rules: readonly ConfiguredRule[];
    /** Whether a namespace without drafts may pass. */
    readonly allowEmpty: boolean;
}

/** Audits the namespaces; `onProgress` hears the drafts read so far across all of them. */
export async function auditWorkspace(scope: AuditScope, client: DraftClient, onProgress?: (progress: ListingProgress) => void): Promise<AuditReport> {
    const progress = scope.namespaces.map(() => ({ read: 0, total: 0 }));
    const report = () => onProgress?.(progress.reduce((sum, p) => ({ read: sum.read + p.read, total: sum.total + p.total }), { read: 0, total: 0 }));
    const outcomes = await Promise.all(
        scope.namespaces.map((namespace, i) =>
            readDrafts(client, { workspace: scope.workspace, namespace }, (p) => {
                progress[i] = p;
                report();
            }).then(
                (drafts) => ({ namespace, drafts }),
                (error: unknown) => ({ namespace, error }),
            ),
        ),
    );
    const findings: AuditFinding[] = [];
    const failures: NamespaceFailure[] = [];
    const namespaces: NamespaceSummary[] = [];
    for (const outcome of outcomes) {
        if ("error" in outcome) {
            failures.push(failureOf(scope.workspace, outcome.namespace, outcome.error));
            namespaces.push({ namespace: outcome.namespace, drafts: 0, readable: false });
            continue;
        }
        namespaces.push({ namespace: outcome.namespace, drafts: outcome.drafts.length, readable: true });
        for (const draft of outcome.drafts) {
            findings.push(...checkDraft(draft, scope.rules));
        }
    }
    return {
        workspace: scope.workspace,
        namespaces,
        rules: scope.rules.map(({ rule, level }) => ({ name: rule.name, description: rule.description, level: findingLevel(level) })),
        findings,
        failures,
        emptyNamespaces: namespaces.filter((n) => n.readable && n.drafts === 0).map((n) => n.namespace),
        allowEmpty: scope.allowEmpty,
    };
}

function checkDraft(draft: DeploymentDraftAttributes, rules: readonly ConfiguredRule[]): AuditFinding[] {
    const findings: AuditFinding[] = [];
    for (const { rule, level, check } of rules) {
        for (const violation of check(draft)) {
            const { location, message } = locateFinding(draft, violation.message);
            findings.push({
                rule: rule.name,
                level: findingLevel(level),
                workspace: draft.workspace,
                namespace: draft.namespace,
                draftId: draft.deploymentDraftId,
                ...(draft.name !== undefined ? { draftName: draft.name } : {}),
                ...(location !== undefined ? { location } : {}),
                message,
                fingerprint: fingerprint(rule.name, draft, message),
            });
        }
    }
    return findings;
}

function findingLevel(level: ConfiguredRule["level"]): FindingLevel {
    return level === "advisory" ? "advisory" : "mandatory";
}

// Names the draft by id, not by name, so that renaming a draft keeps its findings matched.
function fingerprint(rule: string, draft: DeploymentDraftAttributes, message: string): string {
    return createHash("sha256").update(JSON.stringify([rule, draft.workspace, draft.namespace, draft.deploymentDraftId, message])).digest("hex").slice(0, 32);
}

function failureOf(workspace: string, namespace: string, error: unknown): NamespaceFailure {
    const message = redactedMessageOf(error).split("\n")[0];
    return { workspace, namespace, code: error instanceof VervericaError ? error.code : "Unexpected", message };
}
