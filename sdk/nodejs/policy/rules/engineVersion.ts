/**
 * The engine-version rule: a draft must name a Ververica Runtime (VVR) engine that is recent
 * enough and not explicitly denied.
 *
 * Engine versions look like `vvr-8.0.9-flink-1.17`. Versions seen in practice also carry a
 * qualifier between the two halves and may leave out the VVR patch number, as in
 * `vvr-11.1-jdk11-flink-1.20` or `vvr-8.0.11-jdk11-flink-1.17`; both are accepted, a missing
 * number counting as 0. Anything else (no `vvr-` prefix, text after the Flink version) is not
 * understood and is itself a violation, like a missing version: a policy that cannot tell which
 * engine a draft runs cannot vouch for it.
 */
import { DeploymentDraftAttributes } from "../../../../provider/core/model";
import { quote, RuleViolation, violation } from "./violation";
import { withDefaults } from "./settings";

/** The name of the engine-version rule. */
export const engineVersionRule = "ververica-engine-version";

/** Settings of the engine-version rule. */
export interface EngineVersionConfig {
    /** The oldest VVR version allowed, as `major.minor[.patch]`, e.g. `8.0.0`. */
    readonly minimumVvrVersion: string;
    /** The oldest Flink version allowed, as `major.minor[.patch]`; no minimum when absent. */
    readonly minimumFlinkVersion?: string;
    /**
     * Engine versions that are not allowed, as glob patterns matched against the whole engine
     * version in any letter case: `*` stands for any run of characters and `?` for one, e.g.
     * `vvr-8.0.1-*`.
     */
    readonly deniedVersions: readonly string[];
}

/** The engine-version rule's defaults: VVR 8.0.0 or newer, nothing denied. */
export const defaultEngineVersionConfig: EngineVersionConfig = {
    minimumVvrVersion: "8.0.0",
    deniedVersions: [],
};

/** A version number as a list of its parts, e.g. `[8, 0, 9]`. */
export type VersionNumber = readonly number[];

/** The parts of a Ververica engine version. */
export interface EngineVersion {
    /** The VVR version with three parts, e.g. `[8, 0, 9]`. */
    readonly vvr: VersionNumber;
    /** The qualifiers between the VVR and Flink versions, e.g. `["jdk11"]`. */
    readonly qualifiers: readonly string[];
    /** The Flink version with three parts, e.g. `[1, 17, 0]`. */
    readonly flink: VersionNumber;
}

const engineVersionPattern = /^vvr-(\d+\.\d+(?:\.\d+)?)((?:-[a-z][a-z0-9_]*)*?)-flink-(\d+\.\d+(?:\.\d+)?)$/i;

/** Parses an engine version such as `vvr-8.0.9-flink-1.17`; undefined when it has another form. */
export function parseEngineVersion(engineVersion: string): EngineVersion | undefined {
    const match = engineVersionPattern.exec(engineVersion.trim());
    if (match === null) {
        return undefined;
    }
    const qualifiers = match[2] === "" ? [] : match[2].slice(1).split("-");
    return { vvr: parseVersionNumber(match[1]), qualifiers, flink: parseVersionNumber(match[3]) };
}

/** Parses `major.minor[.patch]` (or just `major`) into three numbers; missing parts are 0. */
export function parseVersionNumber(text: string): VersionNumber {
    const parts = text.split(".").map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

/** Compares two version numbers part by part: negative, zero or positive like a sort comparator. */
export function compareVersionNumbers(a: VersionNumber, b: VersionNumber): number {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const difference = (a[i] ?? 0) - (b[i] ?? 0);
        if (difference !== 0) {
            return difference;
        }
    }
    return 0;
}

/**
 * Checks a draft's engine version against a minimum VVR version, an optional minimum Flink
 * version and a list of denied versions.
 */
export function checkEngineVersion(
    draft: DeploymentDraftAttributes,
    partialConfig: Partial<EngineVersionConfig> = {},
): RuleViolation[] {
    const config = withDefaults(defaultEngineVersionConfig, partialConfig);
    const minimumVvr = configuredVersion(config.minimumVvrVersion, "minimumVvrVersion");
    const minimumFlink =
        config.minimumFlinkVersion === undefined ? undefined : configuredVersion(config.minimumFlinkVersion, "minimumFlinkVersion");
    const fail = (text: string): RuleViolation[] => [violation(engineVersionRule, draft, text)];

    const engineVersion = draft.engineVersion?.trim();
    if (!engineVersion) {
        return fail(`no engine version is set. Set one such as vvr-${config.minimumVvrVersion}-flink-<version> or newer.`);
    }
    const parsed = parseEngineVersion(engineVersion);
    if (parsed === undefined) {
        return fail(
            `engine version ${quote(engineVersion)} is not of the form vvr-<major>.<minor>[.<patch>][-<qualifier>]-flink-<major>.<minor>, ` +
                `so its age cannot be checked. Choose an engine version offered by Ververica, e.g. vvr-${config.minimumVvrVersion}-flink-<version> or newer.`,
        );
    }
    const violations: RuleViolation[] = [];
    const denied = config.deniedVersions.find((pattern) => globToRegExp(pattern).test(engineVersion));
    if (denied !== undefined) {
        violations.push(
            violation(engineVersionRule, draft, `engine version ${quote(engineVersion)} is denied (matches ${quote(denied)}). Choose another engine version.`),
        );
    }
    if (compareVersionNumbers(parsed.vvr, minimumVvr) < 0) {
        violations.push(
            violation(
                engineVersionRule,
                draft,
                `engine version ${quote(engineVersion)} runs VVR ${parsed.vvr.join(".")}, older than the minimum ${config.minimumVvrVersion}. ` +
                    `Upgrade the draft to VVR ${config.minimumVvrVersion} or newer.`,
            ),
        );
    }
    if (minimumFlink !== undefined && compareVersionNumbers(parsed.flink, minimumFlink) < 0) {
        violations.push(
            violation(
                engineVersionRule,
                draft,
                `engine version ${quote(engineVersion)} runs Flink ${parsed.flink.slice(0, 2).join(".")}, older than the minimum ${config.minimumFlinkVersion}. ` +
                    `Choose an engine version built on Flink ${config.minimumFlinkVersion} or newer.`,
            ),
        );
    }
    return violations;
}

function configuredVersion(text: string, setting: string): VersionNumber {
    if (!/^\d+(\.\d+){0,2}$/.test(text)) {
        throw new Error(`${setting}: '${text}' is not a version of the form major.minor.patch`);
    }
    return parseVersionNumber(text);
}

/**
 * Turns a glob with `*` and `?` into a regular expression that must match a whole string, in any
 * letter case: the engine-version parser accepts `VVR-8.0.1-FLINK-1.17`, so a deny list must
 * catch it too.
 */
function globToRegExp(glob: string): RegExp {
    const body = glob
        .split("")
        .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
        .join("");
    return new RegExp(`^${body}$`, "is");
}
