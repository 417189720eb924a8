/**
 * What the plugin's functions answer: a result, or failures naming arguments (check failures,
 * which the engine and the SDKs report as such, before any request).
 */
import { InvalidArgumentError } from "../core/errors";
import type { PropertyValues } from "./propertyValues";

/** A failure naming one argument, as an invoke or a check reports it. */
export interface ArgumentFailure {
    readonly property: string;
    readonly reason: string;
}

/** An invoke's answer: the result, or failures naming the arguments. */
export interface InvokeAnswer {
    readonly result?: PropertyValues;
    readonly failures: readonly ArgumentFailure[];
}

/**
 * An invalid argument of a function, as a failure. Every SDK prints an invoke's failure as
 * `<reason> (<property>)` (Python: `invoke of <token> failed: is empty (namespace)`), so the
 * reason is the problem alone: the argument is named once.
 */
export function invokeFailure(e: InvalidArgumentError): ArgumentFailure {
    return { property: e.argument, reason: e.problem };
}

/** Runs `validate`; an invalid argument becomes a failure naming it (`failureOf`), anything else is thrown. */
export function validated<T>(
    validate: () => T,
    failureOf: (e: InvalidArgumentError) => ArgumentFailure = invokeFailure,
): { readonly value: T } | { readonly failures: readonly ArgumentFailure[] } {
    try {
        return { value: validate() };
    } catch (e) {
        if (e instanceof InvalidArgumentError) {
            return { failures: [failureOf(e)] };
        }
        throw e;
    }
}

/** A function's result: `values`, every one of them secret when an argument was (the result may reveal it). */
export function invokeResult(values: Record<string, unknown>, args: PropertyValues): InvokeAnswer {
    return { result: { values, secrets: new Set(args.secrets.size > 0 ? Object.keys(values) : []) }, failures: [] };
}
