/** When a breaker opens and for how long, and the clock it reads. */
export interface CircuitBreakerOptions {
    /** Consecutive calls that could not connect, across callers, before the breaker opens (default 5). */
    readonly failureThreshold: number;
    /** How long an open breaker fails calls at once, in ms (default 30000). */
    readonly coolDownMs: number;
    /** Injected for tests. */
    readonly now: () => number;
}

const defaultBreakerOptions: CircuitBreakerOptions = { failureThreshold: 5, coolDownMs: 30_000, now: () => Date.now() };

/** Why calls are refused now: the last connection failure and how long the refusal lasts. */
export interface OpenCircuit {
    readonly lastCause: string;
    readonly retryInMs: number;
}

/**
 * Watches whether one endpoint can be reached at all. After `failureThreshold` calls in a row
 * could not connect (refused, name not found, connect timeout), it opens: calls are refused for
 * `coolDownMs` instead of each retrying against a service that is not there. After the
 * cool-down calls go through again; the first that cannot connect reopens it at once, and any
 * answer from the service (even an error) closes it.
 */
export class CircuitBreaker {
    private consecutiveFailures = 0;
    private openUntil = Number.NEGATIVE_INFINITY;
    private lastCause = "";
    private readonly options: CircuitBreakerOptions;

    constructor(options: Partial<CircuitBreakerOptions> = {}) {
        this.options = { ...defaultBreakerOptions, ...options };
    }

    /** Whether calls are refused now, and why; undefined when a call may go ahead. */
    refusal(): OpenCircuit | undefined {
        const retryInMs = this.openUntil - this.options.now();
        return retryInMs > 0 ? { lastCause: this.lastCause, retryInMs } : undefined;
    }

    /** A call could not connect: `cause` says how (no credential, no request data). */
    unreachable(cause: string): void {
        this.lastCause = cause;
        this.consecutiveFailures++;
        if (this.consecutiveFailures >= this.options.failureThreshold) {
            this.openUntil = this.options.now() + this.options.coolDownMs;
        }
    }

    /** The service answered: it can be reached. */
    reached(): void {
        this.consecutiveFailures = 0;
        this.openUntil = Number.NEGATIVE_INFINITY;
    }
}

/** One breaker per endpoint for the whole process, as every lookup of the process shares the endpoint's fate. */
export class EndpointBreakers {
    private readonly breakers = new Map<string, CircuitBreaker>();

    /** The breaker of `endpoint` (e.g. `https://host:port`), created closed on first use. */
    for(endpoint: string): CircuitBreaker {
        let breaker = this.breakers.get(endpoint);
        if (!breaker) {
            breaker = new CircuitBreaker();
            this.breakers.set(endpoint, breaker);
        }
        return breaker;
    }

    /** Forgets every breaker: the next calls go ahead whatever happened before. */
    clear(): void {
        this.breakers.clear();
    }
}

/** The process's breakers. */
export const endpointBreakers = new EndpointBreakers();
