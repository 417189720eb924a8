import type { RequestLogEntry } from "../emulator";

/**
 * The emulator's request log with each run of ListDeploymentDrafts requests in page order: the
 * pages after the first are requested together, so they may reach the emulator in any order.
 */
export function inPageOrder(log: readonly RequestLogEntry[]): RequestLogEntry[] {
    const pageOf = (e: RequestLogEntry) => Number(new URLSearchParams(e.rawQuery).get("pageIndex"));
    const ordered: RequestLogEntry[] = [];
    let listing: RequestLogEntry[] = [];
    for (const e of [...log, undefined]) {
        if (e?.action === "ListDeploymentDrafts") {
            listing.push(e);
            continue;
        }
        ordered.push(...listing.sort((a, b) => pageOf(a) - pageOf(b)));
        listing = [];
        if (e) ordered.push(e);
    }
    return ordered;
}
