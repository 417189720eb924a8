import { InvalidArgumentError } from "../core/errors";
import type { InvokeAnswer } from "./getDeploymentDraftInvoke";

/**
 * An invoke's arguments as `validate` returns them, or, when it refuses one with an
 * {@link InvalidArgumentError}, the invoke's answer: a failure naming that argument, which the
 * engine reports before any request is made. Other errors are thrown.
 */
export function validInvokeArguments<T>(validate: () => T): { readonly valid: T } | { readonly answer: InvokeAnswer } {
    try {
        return { valid: validate() };
    } catch (e) {
        if (e instanceof InvalidArgumentError) {
            return { answer: { failures: [{ property: e.argument, reason: e.message }] } };
        }
        throw e;
    }
}
