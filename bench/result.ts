/** What every benchmark section reports: a ratio against a baseline, and its goal. */
export interface Quantity {
    readonly label: string;
    readonly value: number;
    readonly unit: string;
}

export interface SectionResult {
    readonly section: number;
    readonly title: string;
    readonly ours: Quantity;
    readonly baseline: Quantity;
    /** How ours compares with the baseline; `ratioMeaning` says how it was taken. */
    readonly ratio: number;
    readonly ratioMeaning: string;
    readonly goal: { readonly op: "<=" | ">="; readonly value: number };
    readonly met: boolean;
    /** Further figures, each raw sample list included, for results.json. */
    readonly details: Readonly<Record<string, unknown>>;
}

/** A section that did not run, with the reason. */
export interface SkippedSection {
    readonly section: number;
    readonly title: string;
    readonly skipped: string;
}

/** Builds a result, deciding `met` from the goal. */
export function sectionResult(r: Omit<SectionResult, "met">): SectionResult {
    const met = r.goal.op === "<=" ? r.ratio <= r.goal.value : r.ratio >= r.goal.value;
    return { ...r, met };
}
