import * as assert from "assert";
import { VervericaError, VervericaErrorCode } from "../../provider/core/errors";

/** Awaits `promise`, asserts it rejects with a VervericaError of `code`, and returns the error. */
export async function rejectsWithCode(promise: Promise<unknown>, code: VervericaErrorCode): Promise<VervericaError> {
    try {
        await promise;
    } catch (e) {
        if (!(e instanceof VervericaError)) {
            assert.fail(`expected a VervericaError with code ${code}, got ${String(e)}`);
        }
        assert.strictEqual(e.code, code, `expected code ${code}, got ${e.code}: ${e.message}`);
        return e;
    }
    return assert.fail(`expected a rejection with code ${code}, but it resolved`);
}

/** Asserts a message names what users need and nothing they must not see. */
export function assertCleanMessage(message: string, mustContain: readonly string[], mustNotContain: readonly string[] = []): void {
    for (const s of mustContain) {
        assert.ok(message.includes(s), `message should contain ${JSON.stringify(s)}: ${message}`);
    }
    for (const s of mustNotContain) {
        assert.ok(!message.includes(s), `message must not contain ${JSON.stringify(s)}: ${message}`);
    }
    assert.ok(!/\bundefined\b/.test(message), `message must not say "undefined": ${message}`);
}
