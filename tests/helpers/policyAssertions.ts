/**
 * Tiny assertions shared by the policy tests.
 */
import * as assert from "node:assert/strict";
import { RuleViolation } from "../../sdk/nodejs/policy";

/** Asserts that a rule found nothing, showing the messages when it did. */
export function assertCompliant(violations: readonly RuleViolation[]): void {
    assert.deepEqual(
        violations.map((v) => v.message),
        [],
    );
}

/**
 * Asserts that there are exactly `count` violations of `rule`, and that the first one's message
 * contains every fragment. Returns the messages.
 */
export function assertViolations(violations: readonly RuleViolation[], rule: string, count: number, ...fragments: string[]): string[] {
    const messages = violations.map((v) => v.message);
    assert.equal(violations.length, count, `expected ${count} violation(s), got:\n${messages.join("\n")}`);
    for (const v of violations) {
        assert.equal(v.rule, rule);
    }
    for (const fragment of fragments) {
        assert.ok(messages[0].includes(fragment), `expected ${JSON.stringify(messages[0])} to contain ${JSON.stringify(fragment)}`);
    }
    return messages;
}

/** Asserts that no message contains any of the given secret values. */
export function assertNotLeaked(messages: readonly string[], ...secrets: string[]): void {
    for (const message of messages) {
        for (const secret of secrets) {
            assert.ok(!message.includes(secret), `message leaks a secret value: ${message}`);
        }
    }
}
