/**
 * Splits a rule's message into the draft it names, where in the draft, and what is wrong. The
 * rules phrase every message as `<workspace/namespace/name (id)>: <place>: <problem>`, with a
 * place only when the finding has one: an SQL statement, a field such as
 * `jarArtifact.mainArgs, argument 3`, or a CDC YAML line.
 */
import type { DeploymentDraftAttributes } from "../../../provider/core/model";
import { describeDraft } from "../policy/rules/violation";

/** A rule's message, split. */
export interface LocatedMessage {
    readonly location?: string;
    /** The message without the draft's name. */
    readonly message: string;
}

const statementPlace = /^(SQL statement \d+ \(.*?\), line \d+): /s;
const fieldPlace = /^((?:sql|jar|python|cdcYaml)Artifact\.[A-Za-z]+(?:\[\d+\])?(?:, (?:argument|line) \d+)?)[: ]/;
const variablePlace = /^(local variable "(?:[^"\\]|\\.)*")/;

/** Splits `message`, which a rule produced for `draft`. */
export function locateFinding(draft: DeploymentDraftAttributes, message: string): LocatedMessage {
    const prefix = `${describeDraft(draft)}: `;
    const text = message.startsWith(prefix) ? message.slice(prefix.length) : message;
    const place = statementPlace.exec(text) ?? fieldPlace.exec(text) ?? variablePlace.exec(text);
    return place ? { location: place[1], message: text } : { message: text };
}
