/**
 * The plugin's admission of invokes. A program may start thousands of lookups at once (a loop
 * over drafts); each running invoke holds its listing and its answer, so the plugin runs at most
 * {@link maxRunningInvokes} and lets the others wait their turn in arrival order, each holding
 * only its request (a few hundred bytes). Waiting is what the engine and the SDKs expect of a
 * provider: an invoke is never refused for being one too many. The API calls of running invokes
 * stay bounded by `maxConcurrency` as ever.
 */
import { ConcurrencyLimiter } from "../core/concurrencyLimiter";

/** Invokes running at once in one plugin process; well above `maxConcurrency`, so the API stays busy. */
export const maxRunningInvokes = 64;

/** Runs invokes at most {@link maxRunningInvokes} at a time, the rest in arrival order. */
export function createInvokeAdmission(): <T>(invoke: () => Promise<T>) => Promise<T> {
    const limiter = new ConcurrencyLimiter(maxRunningInvokes);
    return (invoke) => limiter.run(invoke);
}
