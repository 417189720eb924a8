import * as assert from "node:assert";
import { InvalidArgumentError, VervericaError } from "../../provider/core/errors";
import { isNameLookup, maxIdentifierLength, requireIdentifier, requirePathSegment, validateSelector } from "../../provider/core/validation";

/** Runs `fn`, asserts it throws an InvalidArgumentError for `argument`, and returns it. */
function invalid(fn: () => unknown, argument: string, problem: RegExp): InvalidArgumentError {
    try {
        fn();
    } catch (e) {
        assert.ok(e instanceof InvalidArgumentError, `expected an InvalidArgumentError, got ${String(e)}`);
        assert.strictEqual(e.code, "InvalidArgument");
        assert.strictEqual(e.argument, argument, e.message);
        assert.ok(e.message.includes(`"${argument}"`), e.message);
        assert.match(e.message, problem);
        return e;
    }
    return assert.fail(`expected InvalidArgumentError for ${argument}`);
}

describe("validation: requirePathSegment", () => {
    it("refuses the dot segments '.' and '..', naming the argument, also with whitespace around them", () => {
        invalid(() => requirePathSegment("deploymentDraftId", "."), "deploymentDraftId", /is "\.", which cannot be sent as a path segment/);
        invalid(() => requirePathSegment("namespace", " .. "), "namespace", /is "\.\.", which cannot be sent as a path segment/);
    });

    it("keeps other ids with dots, and what requireIdentifier keeps", () => {
        for (const id of ["...", ".hidden", "v1.2", "a/..", "a/b", "with space"]) {
            assert.strictEqual(requirePathSegment("deploymentDraftId", id), id);
        }
    });

    it("refuses what requireIdentifier refuses", () => {
        invalid(() => requirePathSegment("namespace", ""), "namespace", /is empty$/);
    });
});

describe("validation: requireIdentifier", () => {
    it("returns the identifier with surrounding whitespace trimmed", () => {
        assert.strictEqual(requireIdentifier("workspace", "  a14bd5d90a\t"), "a14bd5d90a");
        assert.strictEqual(requireIdentifier("deploymentDraftId", "c84d73be-40ad-4627-8bdd-fa1eba51b234"), "c84d73be-40ad-4627-8bdd-fa1eba51b234");
    });

    it("keeps characters the path encoder takes care of: '/', '..', spaces, '*' and unicode", () => {
        for (const id of ["a/b", "..", "with space", "00000000-0000-0000-0000-00000012****", "ünïcødé-✓", "100%"]) {
            assert.strictEqual(requireIdentifier("deploymentDraftId", id), id);
        }
    });

    it("says 'is required' for undefined and null", () => {
        invalid(() => requireIdentifier("namespace", undefined), "namespace", /is required$/);
        invalid(() => requireIdentifier("namespace", null), "namespace", /is required$/);
    });

    it("names the type it got when the value is not a string", () => {
        invalid(() => requireIdentifier("deploymentDraftId", 42), "deploymentDraftId", /must be a string, got number/);
        invalid(() => requireIdentifier("deploymentDraftId", { id: "x" }), "deploymentDraftId", /must be a string, got object/);
        invalid(() => requireIdentifier("deploymentDraftId", true), "deploymentDraftId", /must be a string, got boolean/);
    });

    it("tells an empty string from a blank one", () => {
        invalid(() => requireIdentifier("workspace", ""), "workspace", /is empty$/);
        invalid(() => requireIdentifier("workspace", " \t\n "), "workspace", /is blank \(only whitespace\)/);
    });

    it("refuses C0, DEL and C1 control characters, giving the code point and position", () => {
        invalid(() => requireIdentifier("deploymentDraftId", "ab\u0000cd"), "deploymentDraftId", /U\+0000\) at position 2/);
        invalid(() => requireIdentifier("deploymentDraftId", "a\rb"), "deploymentDraftId", /U\+000d\) at position 1/);
        invalid(() => requireIdentifier("deploymentDraftId", "abc\u007f"), "deploymentDraftId", /U\+007f\) at position 3/);
        invalid(() => requireIdentifier("deploymentDraftId", "\u0085x"), "deploymentDraftId", /U\+0085\) at position 0/);
        invalid(() => requireIdentifier("deploymentDraftId", "x\u009fy"), "deploymentDraftId", /U\+009f\)/);
    });

    it("counts the position in the trimmed identifier", () => {
        invalid(() => requireIdentifier("name", "   ab\u0001"), "name", /at position 2/);
    });

    it(`accepts ${maxIdentifierLength} characters and refuses one more`, () => {
        assert.strictEqual(maxIdentifierLength, 256);
        assert.strictEqual(requireIdentifier("name", "x".repeat(256)).length, 256);
        invalid(() => requireIdentifier("name", "x".repeat(257)), "name", /is 257 characters long; at most 256 are allowed/);
    });

    it("measures the length after trimming", () => {
        assert.strictEqual(requireIdentifier("name", `  ${"x".repeat(256)}  `).length, 256);
    });

    it("throws a VervericaError that is also an Error", () => {
        const e = invalid(() => requireIdentifier("workspace", ""), "workspace", /empty/);
        assert.ok(e instanceof VervericaError);
        assert.ok(e instanceof Error);
        assert.strictEqual(e.name, "InvalidArgumentError");
    });
});

describe("validation: validateSelector", () => {
    const base = { workspace: "ws", namespace: "ns" };

    it("returns id coordinates, trimmed, for an id lookup", () => {
        const c = validateSelector({ workspace: " ws ", namespace: " ns ", deploymentDraftId: " id-1 " });
        assert.deepStrictEqual(c, { workspace: "ws", namespace: "ns", deploymentDraftId: "id-1" });
        assert.strictEqual(isNameLookup(c), false);
    });

    it("returns name coordinates for a name lookup", () => {
        const c = validateSelector({ ...base, name: "orders-etl" });
        assert.deepStrictEqual(c, { workspace: "ws", namespace: "ns", name: "orders-etl" });
        assert.strictEqual(isNameLookup(c), true);
    });

    it("treats a null deploymentDraftId as absent when a name is given", () => {
        assert.deepStrictEqual(validateSelector({ ...base, deploymentDraftId: null, name: "n" }), { ...base, name: "n" });
        assert.deepStrictEqual(validateSelector({ ...base, deploymentDraftId: "i", name: undefined }), { ...base, deploymentDraftId: "i" });
    });

    it("refuses both an id and a name", () => {
        invalid(() => validateSelector({ ...base, deploymentDraftId: "i", name: "n" }), "deploymentDraftId", /either "deploymentDraftId" or "name", not both/);
    });

    it("asks for deploymentDraftId when neither id nor name is given", () => {
        invalid(() => validateSelector({ ...base }), "deploymentDraftId", /is required/);
    });

    it("checks workspace first, then namespace, then the id", () => {
        invalid(() => validateSelector({ namespace: "", deploymentDraftId: "" }), "workspace", /is required/);
        invalid(() => validateSelector({ workspace: "w", namespace: "", deploymentDraftId: "" }), "namespace", /is empty/);
        invalid(() => validateSelector({ workspace: "w", namespace: "n", deploymentDraftId: "" }), "deploymentDraftId", /is empty/);
    });

    it("refuses '.' and '..' as namespace or draft id, which go into the path, but not as workspace or name", () => {
        invalid(() => validateSelector({ ...base, deploymentDraftId: ".." }), "deploymentDraftId", /cannot be sent as a path segment/);
        invalid(() => validateSelector({ ...base, namespace: ".", deploymentDraftId: "i" }), "namespace", /cannot be sent as a path segment/);
        invalid(() => validateSelector({ ...base, namespace: "..", name: "n" }), "namespace", /cannot be sent as a path segment/);
        assert.deepStrictEqual(validateSelector({ workspace: ".", namespace: "ns", name: ".." }), { workspace: ".", namespace: "ns", name: ".." });
    });

    it("validates a name like an id", () => {
        invalid(() => validateSelector({ ...base, name: "  " }), "name", /blank/);
        invalid(() => validateSelector({ ...base, name: "a\nb" }), "name", /control character/);
    });

    it("refuses something that is not an object, naming args", () => {
        for (const args of [null, undefined, "ws/ns/id", 7]) {
            invalid(() => validateSelector(args as never), "args", /must be an object/);
        }
    });
});
