/**
 * The schema of `ververica:index:getDeploymentArgs`: a draft as the arguments of
 * `alicloud.realtimecompute.Deployment`, what `deploymentArgsFromDraft` gives TypeScript programs
 * (the mapping is `provider/core/deploymentArgs.ts`). The result's properties carry alicloud's
 * names; the artifact's parts are the draft's own types, whose fields are alicloud's too
 * (`sqlScript`, `jarUri`, `pythonArtifactUri`, ...).
 */
import { objectType, ObjectTypeSpec, PropertySpec, typeToken } from "./draftSchemaTypes";

/** The token of the result's `artifact` type. */
export const deploymentArtifactType = typeToken("getDeploymentArgsArtifact");

const ref = (typeName: string, description: string): PropertySpec => ({ $ref: `#/types/${typeToken(typeName)}`, description });
const string = (description: string): PropertySpec => ({ type: "string", description });

/** The function's schema types, by token. */
export const deploymentArgsTypes: { readonly [token: string]: ObjectTypeSpec } = {
    [deploymentArtifactType]: objectType(
        "The `artifact` argument of `alicloud.realtimecompute.Deployment`: `kind` and only the part it selects (parts of other kinds the API sent along are left out).",
        {
            kind: string("`SQLSCRIPT`, `JAR` or `PYTHON`."),
            sqlArtifact: ref("SqlArtifact", "The SQL script and its dependencies, when `kind` is `SQLSCRIPT`."),
            jarArtifact: ref("JarArtifact", "The JAR job, when `kind` is `JAR`."),
            pythonArtifact: ref("PythonArtifact", "The PyFlink job, when `kind` is `PYTHON`."),
        },
        ["kind"],
    ),
};

/**
 * The function's schema entry. `selectorInputs` are `getDeploymentDraft`'s inputs: this function
 * selects a draft the same way.
 */
export function deploymentArgsFunction(selectorInputs: { readonly [name: string]: PropertySpec }): Record<string, unknown> {
    return {
        description:
            "Reads a deployment draft (as `getDeploymentDraft` does) and returns it as the arguments of `alicloud.realtimecompute.Deployment`: " +
            "`resourceId` (the workspace), `namespace`, `deploymentName`, `executionMode`, `engineVersion`, `artifact` (a secret), " +
            "`localVariables` and `labels` (as strings). The deployment's other arguments (`deploymentTarget`, resource settings, " +
            "`flinkConf`) come from the program. Fails with `DraftNotDeployable` for a CDCYAML draft, which that resource does not take, " +
            "and for a draft without artifact, execution mode or name (unless `deploymentName` is given).",
        inputs: objectType(
            "Identifies the draft, as for `getDeploymentDraft`, and what the deployment makes of it.",
            {
                ...selectorInputs,
                deploymentName: string("The deployment's name; the draft's name when not given."),
                storeArtifactAsSecret: {
                    type: "boolean",
                    default: true,
                    description:
                        "Return `artifact` (SQL script, main args: places where passwords hide) as a Pulumi secret, so that the deployment's state " +
                        "holds it as ciphertext. Default `true`; set `false` only for drafts known to hold no secret.",
                },
            },
            ["workspace", "namespace"],
        ),
        outputs: objectType(
            "The arguments of `alicloud.realtimecompute.Deployment` the draft holds, under that resource's names.",
            {
                resourceId: string("The draft's workspace id, the deployment's `resourceId`."),
                namespace: string("The draft's namespace."),
                deploymentName: string("`deploymentName` when given, else the draft's name."),
                executionMode: string("The draft's execution mode: `STREAMING` or `BATCH`."),
                engineVersion: string("The draft's engine version, e.g. `vvr-8.0.9-flink-1.17`; absent when the draft has none."),
                artifact: {
                    $ref: `#/types/${deploymentArtifactType}`,
                    secret: true,
                    description: "What the deployment runs: `kind` and the part it selects. A secret unless `storeArtifactAsSecret` is `false`.",
                },
                localVariables: {
                    type: "array",
                    items: { $ref: `#/types/${typeToken("LocalVariable")}` },
                    description: "The draft's variables (`name`, `value`); absent when the draft has none.",
                },
                labels: {
                    type: "object",
                    additionalProperties: { type: "string" },
                    description: 'The draft\'s labels as strings: strings as they are, any other value as its JSON text (`1` becomes `"1"`, `true` becomes `"true"`).',
                },
            },
            ["resourceId", "namespace", "deploymentName", "executionMode", "artifact"],
        ),
    };
}
