/**
 * What every rule returns, and the helpers rules share to phrase it.
 */
import { DeploymentDraftAttributes } from "../../../../provider/core/model";

/** One way in which a draft breaks a rule. */
export interface RuleViolation {
    /** The rule's name, the same as the name of the policy that enforces it on drafts. */
    readonly rule: string;
    /** A message that names the draft, says what is wrong and how to fix it. */
    readonly message: string;
}

/**
 * Names a draft as `workspace/namespace/name (id)`. A missing part prints as `?`; the id is left
 * out when there is none (an `alicloud.realtimecompute.Deployment` checked as a draft has none).
 */
export function describeDraft(draft: DeploymentDraftAttributes): string {
    const path = [draft.workspace, draft.namespace, draft.name].map((part) => part || "?").join("/");
    return draft.deploymentDraftId ? `${path} (${draft.deploymentDraftId})` : path;
}

/**
 * Builds a violation of `rule` whose message starts with the draft's name.
 *
 * Rules call it only once they have found a violation, so that checking a compliant draft never
 * reads its name: when a policy checks a resource's inputs during a preview, a name that is not
 * known yet then only matters for a resource that actually breaks the rule.
 */
export function violation(rule: string, draft: DeploymentDraftAttributes, text: string): RuleViolation {
    return { rule, message: `${describeDraft(draft)}: ${text}` };
}

/**
 * Compiles a regular expression taken from configuration, with an error that says which
 * setting holds the bad pattern.
 */
export function compilePattern(pattern: string, flags: string, setting: string): RegExp {
    try {
        return new RegExp(pattern, flags);
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${setting}: '${pattern}' is not a valid regular expression (${reason})`);
    }
}

/**
 * Quotes a value for a message. JSON quoting keeps control characters and quotes inside the
 * value from garbling the message.
 */
export function quote(value: string): string {
    return JSON.stringify(value);
}
