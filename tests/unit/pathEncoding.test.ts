import * as assert from "node:assert";
import { draftPath, draftsPath, encodePathSegment } from "../../provider/core/pathEncoding";

/** What the V3 signer makes of a wire path (see the spec): it must change nothing we send. */
const canonicalUri = (path: string) => path.replace(/\+/g, "%20").replace(/\*/g, "%2A").replace(/%7E/g, "~");

const awkwardIds = [
    "a/b",
    "/",
    "..",
    ".",
    "...",
    "with space",
    "plus+sign",
    "x?y#z",
    "100%",
    "50%2F",
    "it's (v2)*!",
    "a&b=c;d",
    "tilde~dash-under_dot.",
    "ünïcødé-✓",
    "emoji-🚀",
    "00000000-0000-0000-0000-00000012****",
];

describe("pathEncoding", () => {
    it("leaves unreserved characters as they are", () => {
        assert.strictEqual(encodePathSegment("c84d73be-40ad-4627-8bdd-fa1eba51b234"), "c84d73be-40ad-4627-8bdd-fa1eba51b234");
        assert.strictEqual(encodePathSegment("default-namespace"), "default-namespace");
        assert.strictEqual(encodePathSegment("a.b_c~d"), "a.b_c~d");
    });

    it("encodes '/' so an id can never add a path segment", () => {
        assert.strictEqual(encodePathSegment("a/b"), "a%2Fb");
        assert.strictEqual(encodePathSegment("../../x"), "..%2F..%2Fx");
    });

    it("encodes '*' as %2A, as the spec requires for the documented example id", () => {
        assert.strictEqual(encodePathSegment("00000000-0000-0000-0000-00000012****"), "00000000-0000-0000-0000-00000012%2A%2A%2A%2A");
    });

    it("encodes ! ' ( ) too, in upper-case hex", () => {
        assert.strictEqual(encodePathSegment("!'()"), "%21%27%28%29");
    });

    it("encodes the dot segments '.' and '..' but not other dots", () => {
        assert.strictEqual(encodePathSegment("."), "%2E");
        assert.strictEqual(encodePathSegment(".."), "%2E%2E");
        assert.strictEqual(encodePathSegment("..."), "...");
        assert.strictEqual(encodePathSegment("v1.2"), "v1.2");
    });

    it("encodes space, '+', '?', '#', '%' and '&' so they keep their literal meaning", () => {
        assert.strictEqual(encodePathSegment("a b"), "a%20b");
        assert.strictEqual(encodePathSegment("a+b"), "a%2Bb");
        assert.strictEqual(encodePathSegment("x?y#z"), "x%3Fy%23z");
        assert.strictEqual(encodePathSegment("100%"), "100%25");
        assert.strictEqual(encodePathSegment("a&b=c"), "a%26b%3Dc");
    });

    it("encodes unicode as UTF-8 percent escapes", () => {
        assert.strictEqual(encodePathSegment("ü"), "%C3%BC");
        assert.strictEqual(encodePathSegment("✓"), "%E2%9C%93");
    });

    it("produces segments of unreserved characters and %XX escapes only, which decode back to the id", () => {
        for (const id of awkwardIds) {
            const encoded = encodePathSegment(id);
            assert.match(encoded, /^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})+$/, `${id} -> ${encoded}`);
            assert.strictEqual(decodeURIComponent(encoded), id);
        }
    });

    it("produces paths the V3 signer canonicalises to themselves, so what is signed is what is sent", () => {
        for (const id of awkwardIds) {
            const path = draftPath("odd ns/1", id);
            assert.strictEqual(canonicalUri(path), path, id);
        }
    });

    it("builds the GetDeploymentDraft path from encoded segments", () => {
        assert.strictEqual(draftPath("default-namespace", "c84d73be"), "/api/v2/namespaces/default-namespace/deployment-drafts/c84d73be");
        assert.strictEqual(draftPath("odd ns/1", "a/b"), "/api/v2/namespaces/odd%20ns%2F1/deployment-drafts/a%2Fb");
        assert.strictEqual(draftPath("ns", ".."), "/api/v2/namespaces/ns/deployment-drafts/%2E%2E");
    });

    it("always yields exactly six path segments for GetDeploymentDraft, whatever the ids contain", () => {
        for (const id of awkwardIds) {
            assert.strictEqual(draftPath(id, id).split("/").length, 7, id);
        }
    });

    it("builds the ListDeploymentDrafts path from the encoded namespace", () => {
        assert.strictEqual(draftsPath("default-namespace"), "/api/v2/namespaces/default-namespace/deployment-drafts");
        assert.strictEqual(draftsPath("a/b"), "/api/v2/namespaces/a%2Fb/deployment-drafts");
    });
});
