/**
 * Counters and a bounded log of what reached the emulator, for tests that check what a
 * client put on the wire and how hard it pushed.
 */
import type { FaultKind } from "./faults";

export const MAX_LOG_ENTRIES = 1000;

export interface RequestLogEntry {
    method: string;
    /** The path exactly as sent, still percent-encoded, without the query. */
    rawPath: string;
    /** The query exactly as sent, without "?"; "" when there is none. */
    rawQuery: string;
    headers: Record<string, string | string[] | undefined>;
    /** The HTTP status sent; 0 when the fault was to send none ("reset", "timeout"). */
    status: number;
    /** The API action the path maps to, or "Unrouted". */
    action: string;
    fault?: FaultKind;
}

export interface EmulatorStats {
    readonly requests: number;
    readonly byAction: Readonly<Record<string, number>>;
    /** Keyed by HTTP status code; requests that got no response are not counted here. */
    readonly byStatus: Readonly<Record<string, number>>;
    /** Requests between arrival and the end of their response (latency included). */
    readonly inFlight: number;
    readonly peakInFlight: number;
    /** Keyed by FaultKind. */
    readonly faultsServed: Readonly<Record<string, number>>;
    /** The last MAX_LOG_ENTRIES requests, oldest first. */
    readonly log: readonly RequestLogEntry[];
    /** Zeroes the counters and empties the log; requests still in flight stay counted as such. */
    reset(): void;
}

export class StatsRecorder implements EmulatorStats {
    requests = 0;
    byAction: Record<string, number> = {};
    byStatus: Record<string, number> = {};
    inFlight = 0;
    peakInFlight = 0;
    faultsServed: Record<string, number> = {};
    log: RequestLogEntry[] = [];

    reset(): void {
        this.requests = 0;
        this.byAction = {};
        this.byStatus = {};
        this.peakInFlight = this.inFlight;
        this.faultsServed = {};
        this.log = [];
    }

    arrived(action: string): void {
        this.requests++;
        this.byAction[action] = (this.byAction[action] ?? 0) + 1;
        this.inFlight++;
        this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    }

    /** Called once per request, when its response ends or its connection goes away. */
    departed(): void {
        this.inFlight--;
    }

    faultServed(kind: FaultKind): void {
        this.faultsServed[kind] = (this.faultsServed[kind] ?? 0) + 1;
    }

    answered(entry: RequestLogEntry): void {
        if (entry.status !== 0) {
            const status = String(entry.status);
            this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
        }
        this.log.push(entry);
        if (this.log.length > MAX_LOG_ENTRIES) {
            this.log.shift();
        }
    }
}
