/**
 * The test-connectors rule: SQL tables on the `datagen`, `blackhole` or `print` connectors
 * generate, swallow or log data instead of reading and writing real systems. They are useful
 * while developing a job and usually a mistake in one that is being deployed.
 */
import { DeploymentDraftAttributes } from "../../../../provider/core/model";
import { findSqlOptions } from "../sql/options";
import { quote, RuleViolation, violation } from "./violation";
import { withDefaults } from "./settings";

/** The name of the test-connectors rule. */
export const testConnectorsRule = "ververica-test-connectors";

/** Settings of the test-connectors rule. */
export interface TestConnectorsConfig {
    /** Connector names to flag, compared case-insensitively with the `'connector'` option. */
    readonly connectors: readonly string[];
}

/** The test-connectors rule's defaults. */
export const defaultTestConnectorsConfig: TestConnectorsConfig = {
    connectors: ["datagen", "blackhole", "print"],
};

/** Checks that a draft's SQL declares no table on a test connector. */
export function checkTestConnectors(
    draft: DeploymentDraftAttributes,
    partialConfig: Partial<TestConnectorsConfig> = {},
): RuleViolation[] {
    const config = withDefaults(defaultTestConnectorsConfig, partialConfig);
    const flagged = new Set(config.connectors.map((connector) => connector.toLowerCase()));
    // Only the SQL of an SQL draft runs; a script sent along with another kind does not.
    const script = draft.artifact?.kind === "SQLSCRIPT" ? draft.artifact.sqlArtifact?.sqlScript : undefined;
    return findSqlOptions(script ?? "")
        .filter((option) => option.key.toLowerCase() === "connector" && flagged.has(option.value.trim().toLowerCase()))
        .map((option) =>
            violation(
                testConnectorsRule,
                draft,
                `SQL statement ${option.statementIndex} (${option.statementSummary}), line ${option.line}: ` +
                    `uses the test connector ${quote(option.value.trim())}. Replace it with a connector to a real source or sink before deploying.`,
            ),
        );
}
