import * as assert from "node:assert";
import { matchesDraftFilter, maxNameRegexLength, validateDraftFilter } from "../../provider/core/draftFilter";
import { InvalidArgumentError } from "../../provider/core/errors";
import { makeDraft } from "../helpers/draftFactory";

describe("the plural lookup's filter", () => {
    const base = { workspace: " ws ", namespace: "prod" };

    it("trims the workspace and namespace and leaves unused filters out", () => {
        assert.deepStrictEqual(validateDraftFilter(base), { workspace: "ws", namespace: "prod" });
    });

    it("matches a name anywhere unless the pattern is anchored", () => {
        const draft = makeDraft({ name: "orders-enrichment" });
        assert.ok(matchesDraftFilter(draft, validateDraftFilter({ ...base, nameRegex: "enrich" })));
        assert.ok(!matchesDraftFilter(draft, validateDraftFilter({ ...base, nameRegex: "^enrich" })));
        assert.ok(!matchesDraftFilter(makeDraft({ name: undefined }), validateDraftFilter({ ...base, nameRegex: "." })));
    });

    it("needs every label, comparing non-string values as JSON text", () => {
        const draft = makeDraft({ labels: { env: "prod", replicas: 2, canary: false } });
        assert.ok(matchesDraftFilter(draft, validateDraftFilter({ ...base, labels: { env: "prod", replicas: "2", canary: "false" } })));
        assert.ok(!matchesDraftFilter(draft, validateDraftFilter({ ...base, labels: { env: "prod", team: "x" } })));
        assert.ok(!matchesDraftFilter(makeDraft({ labels: undefined }), validateDraftFilter({ ...base, labels: { env: "prod" } })));
    });

    it("keeps only the listed ids", () => {
        const draft = makeDraft();
        assert.ok(matchesDraftFilter(draft, validateDraftFilter({ ...base, ids: [draft.deploymentDraftId] })));
        assert.ok(!matchesDraftFilter(draft, validateDraftFilter({ ...base, ids: [] })));
    });

    it("names the invalid regular expression in one line", () => {
        assert.throws(
            () => validateDraftFilter({ ...base, nameRegex: "[a-" }),
            (e: unknown) => e instanceof InvalidArgumentError && e.argument === "nameRegex" && /^invalid argument "nameRegex": "\[a-" is not a valid regular expression \(.+\)$/.test(e.message),
        );
    });

    it("refuses a namespace the single lookup refuses: one that is a relative path segment", () => {
        for (const namespace of ["..", "."]) {
            assert.throws(
                () => validateDraftFilter({ ...base, namespace }),
                (e: unknown) => e instanceof InvalidArgumentError && e.argument === "namespace" && e.problem === `is ${JSON.stringify(namespace)}, which cannot be sent as a path segment`,
            );
        }
    });

    it("refuses a regular expression longer than the bound by its length, without echoing it", () => {
        const long = "a".repeat(100_000);
        assert.throws(
            () => validateDraftFilter({ ...base, nameRegex: long }),
            (e: unknown) =>
                e instanceof InvalidArgumentError &&
                e.argument === "nameRegex" &&
                e.problem === `is 100000 characters long; at most ${maxNameRegexLength} are allowed` &&
                !e.message.includes("aaaa"),
        );
        assert.ok(validateDraftFilter({ ...base, nameRegex: "a".repeat(maxNameRegexLength) }).nameRegex);
    });

    it("refuses an unknown argument, suggesting the argument it misspells", () => {
        assert.throws(
            () => validateDraftFilter({ ...base, nameRegexp: "^orders" } as Parameters<typeof validateDraftFilter>[0]),
            (e: unknown) => e instanceof InvalidArgumentError && e.message === 'invalid argument "nameRegexp": is not an argument of getDeploymentDrafts; did you mean "nameRegex"?',
        );
    });
});
