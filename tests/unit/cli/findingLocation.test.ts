import * as assert from "node:assert";
import { locateFinding } from "../../../sdk/nodejs/cli/findingLocation";
import { draftLabel, makeDraft } from "../../helpers/draftFactory";

describe("where a finding is in its draft", () => {
    const draft = makeDraft();
    for (const [text, location] of [
        ['SQL statement 2 (CREATE TABLE a: b), line 7: option "password" in a WITH list has a literal value.', "SQL statement 2 (CREATE TABLE a: b), line 7"],
        ['jarArtifact.mainArgs, argument 3: "password" has a literal value.', "jarArtifact.mainArgs, argument 3"],
        ['cdcYamlArtifact.cdcYaml, line 4: key "password" has a literal value.', "cdcYamlArtifact.cdcYaml, line 4"],
        ['sqlArtifact.additionalDependencies[0] "http://x/y.jar" uses the scheme http.', "sqlArtifact.additionalDependencies[0]"],
        ['local variable "db_password" holds a literal value.', 'local variable "db_password"'],
        ["execution mode BATCH is not allowed. Use one of: STREAMING.", undefined],
    ] as const) {
        it(`finds ${location ?? "no place"} in "${text.slice(0, 40)}..."`, () => {
            assert.deepStrictEqual(locateFinding(draft, `${draftLabel}: ${text}`), location === undefined ? { message: text } : { location, message: text });
        });
    }
});
