/**
 * The execution-mode rule: a draft must run in one of the allowed execution modes, e.g. only
 * `STREAMING` for a stack of long-running jobs.
 */
import { DeploymentDraftAttributes, ExecutionMode } from "../../../../provider/core/model";
import { RuleViolation, violation } from "./violation";
import { withDefaults } from "./settings";

/** The name of the execution-mode rule. */
export const executionModeRule = "ververica-execution-mode";

/** Settings of the execution-mode rule. */
export interface ExecutionModeConfig {
    /** The modes a draft may run in. */
    readonly allowedModes: readonly ExecutionMode[];
}

/** The execution-mode rule's defaults: streaming jobs only. */
export const defaultExecutionModeConfig: ExecutionModeConfig = {
    allowedModes: ["STREAMING"],
};

/** Checks that a draft's execution mode is one of the allowed modes. */
export function checkExecutionMode(
    draft: DeploymentDraftAttributes,
    partialConfig: Partial<ExecutionModeConfig> = {},
): RuleViolation[] {
    const config = withDefaults(defaultExecutionModeConfig, partialConfig);
    const allowed = config.allowedModes.join(", ");
    const mode = draft.executionMode;
    if (mode === undefined) {
        return [violation(executionModeRule, draft, `no execution mode (STREAMING or BATCH) is set. Set one of: ${allowed}.`)];
    }
    if (!config.allowedModes.includes(mode)) {
        return [violation(executionModeRule, draft, `execution mode ${mode} is not allowed. Use one of: ${allowed}.`)];
    }
    return [];
}
