/**
 * The test-connectors rule: SQL tables on the `datagen`, `blackhole` or `print` connectors
 * generate, swallow or log data instead of reading and writing real systems. They are useful
 * while developing a job and usually a mistake in one that is being deployed.
 *
 * The SQL of every draft that carries one is checked, whatever the artifact's kind (an unknown
 * kind, none, or a JAR, Python or CDC YAML draft with an SQL part sent along): the script is
 * stored with the draft and runs as soon as its kind is SQL.
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

/** Checks that a draft's SQL, whatever the artifact's kind, declares no table on a test connector. */
export function checkTestConnectors(
    draft: DeploymentDraftAttributes,
    partialConfig: Partial<TestConnectorsConfig> = {},
): RuleViolation[] {
    const config = withDefaults(defaultTestConnectorsConfig, partialConfig);
    const flagged = new Set(config.connectors.map((connector) => connector.toLowerCase()));
    return findSqlOptions(draft.artifact?.sqlArtifact?.sqlScript ?? "")
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
