/** Small measuring helpers shared by the benchmark sections. */
import { performance } from "perf_hooks";

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
    if (values.length === 0) throw new RangeError("median of no values");
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Wall time of `fn` in ms, and the CPU time (user and system) this process spent meanwhile.
 * CPU time does not grow while other processes hold the cores, wall time does.
 */
export async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await fn();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Runs `count` calls of `call(i)` with at most `concurrency` in flight. */
export async function runPool(count: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<void> {
    let next = 0;
    const worker = async () => {
        while (next < count) {
            await call(next++);
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/**
 * Measures each named variant `rounds` times, rotating the order every round so that a slow
 * spell of the machine (other processes, GC, CPU frequency) is shared out among all of them.
 */
export async function interleaved<K extends string, R>(
    variants: Readonly<Record<K, () => Promise<R>>>,
    rounds: number,
): Promise<Record<K, R[]>> {
    const names = Object.keys(variants) as K[];
    const results = Object.fromEntries(names.map((n) => [n, [] as R[]])) as Record<K, R[]>;
    for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < names.length; k++) {
            const name = names[(round + k) % names.length];
            results[name].push(await variants[name]());
        }
    }
    return results;
}

/** `n` formatted with `digits` decimals. */
export function fixed(n: number, digits = 2): string {
    return n.toFixed(digits);
}
