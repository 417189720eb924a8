import { InvalidArgumentError } from "./errors";

/** Longer than any real workspace id, namespace or draft id, short enough to reject garbage. */
export const maxIdentifierLength = 256;

// Control characters (C0, DEL, C1) never belong in an id and would corrupt headers and logs.
const isControlCharacter = (code: number): boolean => code <= 0x1f || (code >= 0x7f && code <= 0x9f);

/**
 * Checks one identifier argument and returns it trimmed. Throws {@link InvalidArgumentError}
 * naming the argument when it is missing, blank, too long or contains control characters.
 */
export function requireIdentifier(argument: string, value: unknown): string {
    if (value === undefined || value === null) {
        throw new InvalidArgumentError(argument, "is required");
    }
    if (typeof value !== "string") {
        throw new InvalidArgumentError(argument, `must be a string, got ${typeof value}`);
    }
    const trimmed = value.trim();
    if (trimmed.length === 0) {
        throw new InvalidArgumentError(argument, value.length === 0 ? "is empty" : "is blank (only whitespace)");
    }
    const position = Array.from({ length: trimmed.length }, (_, i) => trimmed.charCodeAt(i)).findIndex(isControlCharacter);
    if (position >= 0) {
        const hex = trimmed.charCodeAt(position).toString(16).padStart(4, "0");
        throw new InvalidArgumentError(argument, `contains a control character (U+${hex}) at position ${position}`);
    }
    if (trimmed.length > maxIdentifierLength) {
        throw new InvalidArgumentError(argument, `is ${trimmed.length} characters long; at most ${maxIdentifierLength} are allowed`);
    }
    return trimmed;
}

/**
 * Checks an identifier that becomes a URL path segment (a namespace or a draft id): as
 * {@link requireIdentifier}, and not `.` or `..`, which paths resolve as "this" and "parent"
 * segments. Encoded, a gateway that normalises paths would still read them so, and the
 * request would fail as a signature mismatch that looks like bad credentials.
 */
export function requirePathSegment(argument: string, value: unknown): string {
    const id = requireIdentifier(argument, value);
    if (id === "." || id === "..") {
        throw new InvalidArgumentError(argument, `is ${JSON.stringify(id)}, which cannot be sent as a path segment`);
    }
    return id;
}

/** The identifiers of one draft, validated. */
export interface DraftCoordinates {
    readonly workspace: string;
    readonly namespace: string;
    readonly deploymentDraftId: string;
}

/** The identifiers of a lookup by name, validated. */
export interface DraftNameCoordinates {
    readonly workspace: string;
    readonly namespace: string;
    readonly name: string;
}

/** What a caller may pass to identify a draft: an id or a name, exactly one. */
export interface DraftSelector {
    readonly workspace?: unknown;
    readonly namespace?: unknown;
    readonly deploymentDraftId?: unknown;
    readonly name?: unknown;
}

/**
 * Validates a lookup's arguments before any request: workspace and namespace always, then
 * exactly one of `deploymentDraftId` and `name`.
 */
export function validateSelector(args: DraftSelector): DraftCoordinates | DraftNameCoordinates {
    if (args === null || typeof args !== "object") {
        throw new InvalidArgumentError("args", "must be an object with workspace, namespace and deploymentDraftId or name");
    }
    const workspace = requireIdentifier("workspace", args.workspace);
    const namespace = requirePathSegment("namespace", args.namespace);
    const hasId = args.deploymentDraftId !== undefined && args.deploymentDraftId !== null;
    const hasName = args.name !== undefined && args.name !== null;
    if (hasId && hasName) {
        throw new InvalidArgumentError("deploymentDraftId", 'give either "deploymentDraftId" or "name", not both');
    }
    if (!hasId && !hasName) {
        throw new InvalidArgumentError("deploymentDraftId", 'is required, or "name" instead: give exactly one of "deploymentDraftId" and "name"');
    }
    if (hasName) {
        return { workspace, namespace, name: requireIdentifier("name", args.name) };
    }
    return { workspace, namespace, deploymentDraftId: requirePathSegment("deploymentDraftId", args.deploymentDraftId) };
}

/** Whether validated coordinates select a draft by name. */
export function isNameLookup(c: DraftCoordinates | DraftNameCoordinates): c is DraftNameCoordinates {
    return (c as DraftNameCoordinates).name !== undefined;
}
