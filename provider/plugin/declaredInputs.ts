/**
 * The inputs the package schema declares: each function's arguments and the `DeploymentDraft`
 * resource's input properties. The plugin accepts exactly these, so the schema the SDKs are
 * generated from is the one list of what a caller may pass.
 */
import { rejectUnknownArguments } from "../core/unknownArguments";
import { packageSchema, tokens } from "./schema";

type Declared = { readonly [token: string]: readonly string[] };

let declared: { readonly functions: Declared; readonly resources: Declared } | undefined;

function propertyNames(value: unknown): readonly string[] {
    return value !== null && typeof value === "object" ? Object.keys(value) : [];
}

function declaredInputs(): { readonly functions: Declared; readonly resources: Declared } {
    if (declared === undefined) {
        const schema = packageSchema() as { functions?: Record<string, { inputs?: { properties?: unknown } }>; resources?: Record<string, { inputProperties?: unknown }> };
        declared = {
            functions: Object.fromEntries(Object.entries(schema.functions ?? {}).map(([token, spec]) => [token, propertyNames(spec.inputs?.properties)])),
            resources: Object.fromEntries(Object.entries(schema.resources ?? {}).map(([token, spec]) => [token, propertyNames(spec.inputProperties)])),
        };
    }
    return declared;
}

/** The function's short name, as SDKs call it: `getDeploymentDrafts` for `ververica:index:getDeploymentDrafts`. */
function shortName(token: string): string {
    return token.slice(token.lastIndexOf(":") + 1);
}

/** Throws `InvalidArgumentError` naming the first argument the function's schema does not declare. */
export function rejectUndeclaredFunctionArguments(token: string, args: object): void {
    rejectUnknownArguments(args, declaredInputs().functions[token] ?? [], shortName(token));
}

/** Throws `InvalidArgumentError` naming the first input property `DeploymentDraft`'s schema does not declare. */
export function rejectUndeclaredDraftProperties(news: object): void {
    rejectUnknownArguments(news, declaredInputs().resources[tokens.deploymentDraft] ?? [], "DeploymentDraft");
}
