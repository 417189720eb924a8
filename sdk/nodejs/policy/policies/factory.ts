/**
 * Turns a rule into `@pulumi/policy` policies: a stack policy over the outputs of
 * `DeploymentDraft` resources (the dynamic ones and the plugin's) and a resource policy over the inputs of
 * `alicloud.realtimecompute.Deployment` resources.
 *
 * Only types are imported from `@pulumi/policy`: policies are plain objects, so this module can
 * be loaded (and its policies unit-tested) without starting the SDK's policy server.
 */
import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import { DeploymentDraftAttributes } from "../../../../provider/core/model";
import { RuleViolation } from "../rules/violation";
import { AlicloudDeploymentInputs, draftFromDeploymentInputs, draftFromOutputs } from "./adapters";
import { alicloudDeploymentType, deploymentDraftType, deploymentDraftTypes, pluginDeploymentDraftType } from "./resourceTypes";

/** A rule together with what a policy needs to enforce it. */
export interface DraftRuleDefinition<C extends object> {
    /** What the rule requires, for the policy's description. */
    readonly description: string;
    /** The complete configuration used where the policy's configuration leaves a setting out. */
    readonly defaults: C;
    /** The JSON schema of the configuration, with the defaults filled in. */
    readonly configSchema: PolicyConfigSchema;
    /** The rule: the ways in which a draft breaks it under a configuration. */
    readonly check: (draft: DeploymentDraftAttributes, config: C) => readonly RuleViolation[];
}

/**
 * Reads a policy's configuration over the rule's defaults. The defaults are applied here even
 * though the schema declares them too, so that a policy behaves the same whether or not the
 * engine filled them in.
 */
function readConfig<C extends object>(defaults: C, args: { getConfig<T extends object>(): T }): C {
    return { ...defaults, ...args.getConfig<Partial<C>>() };
}

/**
 * A stack policy that checks the outputs of every `DeploymentDraft` resource in the stack,
 * reporting each violation against the resource's URN.
 *
 * During a preview some drafts cannot be checked yet:
 *
 * - a draft resource being created or updated shows its inputs as outputs (see
 *   `draftFromOutputs`): it is skipped without a violation and checked after the update;
 * - an output that is unknown makes the SDK's proxy throw `UnknownValueError`, which the SDK
 *   turns into an advisory "can't run policy during preview" diagnostic. The policy first checks
 *   every draft that is known and then rethrows the first such error, so one unknown draft
 *   neither hides the violations of the others nor goes unmentioned.
 */
export function draftStackPolicy<C extends object>(
    name: string,
    rule: DraftRuleDefinition<C>,
    enforcementLevel: EnforcementLevel,
): StackValidationPolicy {
    return {
        name,
        description: rule.description,
        enforcementLevel,
        configSchema: rule.configSchema,
        validateStack: (args, reportViolation) => {
            const resources = args.resources.filter((resource) => deploymentDraftTypes.has(resource.type));
            if (resources.length === 0) {
                args.notApplicable(`Policy only applies to resources of type '${deploymentDraftType}' or '${pluginDeploymentDraftType}'`);
            }
            const config = readConfig(rule.defaults, args);
            let deferred: { readonly error: unknown } | undefined;
            for (const resource of resources) {
                let draft: DeploymentDraftAttributes | undefined;
                try {
                    draft = draftFromOutputs(resource.props);
                } catch (error) {
                    deferred ??= { error };
                    continue;
                }
                if (draft !== undefined) {
                    for (const { message } of rule.check(draft, config)) {
                        reportViolation(message, resource.urn);
                    }
                }
            }
            if (deferred !== undefined) {
                throw deferred.error;
            }
        },
    };
}

/**
 * A resource policy that checks the inputs of `alicloud.realtimecompute.Deployment` resources
 * as drafts, before the deployment is created or updated.
 *
 * The type is matched by its token instead of through `validateResourceOfType(Deployment, ...)`,
 * which would need `@pulumi/alicloud` loaded wherever the policies are. Inputs that are unknown
 * during a preview are left to the SDK: reading one throws its `UnknownValueError` and the SDK
 * reports that the policy cannot run yet; during the update the inputs are known and the policy
 * is enforced.
 */
export function deploymentResourcePolicy<C extends object>(
    name: string,
    rule: DraftRuleDefinition<C>,
    enforcementLevel: EnforcementLevel,
): ResourceValidationPolicy {
    return {
        name,
        description: `${rule.description} Checks the inputs of alicloud.realtimecompute.Deployment resources.`,
        enforcementLevel,
        configSchema: rule.configSchema,
        validateResource: (args, reportViolation) => {
            if (args.type !== alicloudDeploymentType) {
                args.notApplicable(`Policy only applies to resources of type '${alicloudDeploymentType}'`);
            }
            const inputs: AlicloudDeploymentInputs = args.props;
            for (const { message } of rule.check(draftFromDeploymentInputs(inputs), readConfig(rule.defaults, args))) {
                reportViolation(message);
            }
        },
    };
}
