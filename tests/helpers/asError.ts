/** `e` as the Error a promise rejects with: Node's callback errors are not typed as `Error`. */
export function asError(e: unknown): Error {
    return e instanceof Error ? e : new Error(String(e));
}
