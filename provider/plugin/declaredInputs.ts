/**
 * The arguments the package schema declares for each function. The plugin accepts exactly
 * these, so the schema the SDKs are generated from is the one list of what a caller may pass.
 * (The `DeploymentDraft` resource's inputs are `draftResourceInputNames`, which both hosts check.)
 */
import { rejectUnknownArguments } from "../core/unknownArguments";
import { packageSchema } from "./schema";

type Declared = { readonly [token: string]: readonly string[] };

let declared: Declared | undefined;

function propertyNames(value: unknown): readonly string[] {
    return value !== null && typeof value === "object" ? Object.keys(value) : [];
}

function declaredArguments(): Declared {
    if (declared === undefined) {
        const schema = packageSchema() as { functions?: Record<string, { inputs?: { properties?: unknown } }> };
        declared = Object.fromEntries(Object.entries(schema.functions ?? {}).map(([token, spec]) => [token, propertyNames(spec.inputs?.properties)]));
    }
    return declared;
}

/** The function's short name, as SDKs call it: `getDeploymentDrafts` for `ververica:index:getDeploymentDrafts`. */
function shortName(token: string): string {
    return token.slice(token.lastIndexOf(":") + 1);
}

/** Throws `InvalidArgumentError` naming the first argument the function's schema does not declare. */
export function rejectUndeclaredFunctionArguments(token: string, args: object): void {
    rejectUnknownArguments(args, declaredArguments()[token] ?? [], shortName(token));
}
