/**
 * Drafts to seed the emulator with: the documented examples in fixtures/drafts.json, or
 * generated ones for paging tests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { WireDeploymentDraft } from "../../provider/core/wireTypes";

export const DEFAULT_FIXTURE_FILE = join(__dirname, "fixtures", "drafts.json");

/**
 * Reads a JSON array of wire drafts. Each call parses the file afresh, so the result is a deep
 * copy that callers may change freely.
 * @throws Error when the file is not an array of objects each naming its workspace, namespace and id
 */
export function loadFixtureDrafts(file: string = DEFAULT_FIXTURE_FILE): WireDeploymentDraft[] {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (!Array.isArray(parsed) || !parsed.every(isIdentifiedDraft)) {
        throw new Error(`${file}: expected a JSON array of drafts, each with string workspace, namespace and deploymentDraftId`);
    }
    return parsed;
}

function isIdentifiedDraft(value: unknown): value is WireDeploymentDraft {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return false;
    }
    const draft: Record<string, unknown> = { ...value };
    return typeof draft.workspace === "string" && typeof draft.namespace === "string" && typeof draft.deploymentDraftId === "string";
}

export interface GeneratedDraftTemplate {
    workspace: string;
    namespace: string;
    /** Default "draft". */
    namePrefix?: string;
}

/** Base of the generated timestamps (2024-08-13, the documented example's createdAt). */
const GENERATED_EPOCH_SECONDS = 1723537978;

/**
 * `count` SQL drafts numbered from 1. Ids and names depend only on the index, and names are
 * zero-padded, so the store's name order is the generation order.
 */
export function generateDrafts(count: number, template: GeneratedDraftTemplate): WireDeploymentDraft[] {
    if (!Number.isInteger(count) || count < 0) {
        throw new RangeError(`count must be a non-negative integer, got ${count}`);
    }
    const prefix = template.namePrefix ?? "draft";
    const width = Math.max(4, String(count).length);
    return Array.from({ length: count }, (_, i) => {
        const n = i + 1;
        return {
            deploymentDraftId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
            name: `${prefix}-${String(n).padStart(width, "0")}`,
            executionMode: "STREAMING",
            artifact: {
                kind: "SQLSCRIPT",
                sqlArtifact: { sqlScript: `INSERT INTO blackhole_sink SELECT ${n} AS id;`, additionalDependencies: [] },
            },
            engineVersion: "vvr-8.0.9-flink-1.17",
            localVariables: [],
            labels: { generated: true, index: n },
            workspace: template.workspace,
            namespace: template.namespace,
            creator: "emulator",
            creatorName: "emulator",
            modifier: "emulator",
            modifierName: "emulator",
            createdAt: GENERATED_EPOCH_SECONDS + n,
            modifiedAt: GENERATED_EPOCH_SECONDS + n,
        };
    });
}
