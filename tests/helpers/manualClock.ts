/** A clock that moves only when the test says, for code that takes a `now` function. */
export interface ManualClock {
    readonly now: () => number;
    readonly advance: (ms: number) => void;
}

/** A clock at an arbitrary fixed time, moved by `advance`. */
export function manualClock(): ManualClock {
    let time = 1_000_000;
    return { now: () => time, advance: (ms) => void (time += ms) };
}
