/**
 * Which fault, if any, the next authenticated request gets. Queued faults are served first,
 * in order; then each rate rule rolls its own seeded generator, so a run with the same calls
 * sees the same faults every time.
 */

export type FaultKind =
    | "throttle"
    | "throttleNoRetryAfter"
    | "rejectedThrottling"
    | "retryAfterOn400"
    | "successFalseThrottling"
    | "notFoundWithoutCode"
    | "error500"
    | "error503"
    | "reset"
    | "timeout"
    | "malformedJson"
    | "truncatedJson"
    | "successFalse"
    | "forbidden"
    | "badSignature";

export interface FaultOptions {
    /** Value of `x-acs-retry-after` for "throttle" and "retryAfterOn400", in milliseconds. Default 200. */
    retryAfterMs?: number;
}

export interface RateOptions extends FaultOptions {
    /** Seed of the rule's generator. Default 1. */
    seed?: number;
}

export interface Fault {
    kind: FaultKind;
    retryAfterMs: number;
}

export interface FaultInjector {
    /** Milliseconds added before every response, including errors and faults. */
    latencyMs: number;
    /** The next `times` (default 1) requests get this fault. */
    next(kind: FaultKind, times?: number, options?: FaultOptions): void;
    /** Each request gets this fault with the given probability; replaces an earlier rule for the same kind, 0 removes it. */
    rate(kind: FaultKind, probability: number, options?: RateOptions): void;
    /** Drops queued faults and rate rules; latency is left as it is. */
    clear(): void;
}

const DEFAULT_RETRY_AFTER_MS = 200;

interface RateRule {
    fault: Fault;
    probability: number;
    random: () => number;
}

export class FaultController implements FaultInjector {
    private latency = 0;
    private readonly queue: Fault[] = [];
    private rules: RateRule[] = [];

    get latencyMs(): number {
        return this.latency;
    }

    set latencyMs(value: number) {
        if (!Number.isFinite(value) || value < 0) {
            throw new RangeError(`latencyMs must be a finite number >= 0, got ${value}`);
        }
        this.latency = value;
    }

    next(kind: FaultKind, times = 1, options: FaultOptions = {}): void {
        if (!Number.isInteger(times) || times < 1) {
            throw new RangeError(`times must be a positive integer, got ${times}`);
        }
        const fault = makeFault(kind, options);
        for (let i = 0; i < times; i++) {
            this.queue.push(fault);
        }
    }

    rate(kind: FaultKind, probability: number, options: RateOptions = {}): void {
        if (!(probability >= 0 && probability <= 1)) {
            throw new RangeError(`probability must be within [0, 1], got ${probability}`);
        }
        this.rules = this.rules.filter((rule) => rule.fault.kind !== kind);
        if (probability > 0) {
            this.rules.push({ fault: makeFault(kind, options), probability, random: mulberry32(options.seed ?? 1) });
        }
    }

    clear(): void {
        this.queue.length = 0;
        this.rules = [];
    }

    /** The fault for the request being served, if any. */
    take(): Fault | undefined {
        const queued = this.queue.shift();
        if (queued) {
            return queued;
        }
        // Every rule rolls on every request, so one rule's sequence does not depend on the others' hits.
        let hit: Fault | undefined;
        for (const rule of this.rules) {
            if (rule.random() < rule.probability && !hit) {
                hit = rule.fault;
            }
        }
        return hit;
    }
}

function makeFault(kind: FaultKind, options: FaultOptions): Fault {
    const retryAfterMs = options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
    if (!Number.isInteger(retryAfterMs) || retryAfterMs < 0) {
        throw new RangeError(`retryAfterMs must be an integer >= 0, got ${retryAfterMs}`);
    }
    return { kind, retryAfterMs };
}

/** A small, well-distributed 32-bit PRNG; returns numbers in [0, 1). */
function mulberry32(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
