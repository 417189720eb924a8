/**
 * What defines a rule (`DraftRuleDefinition`), and how a rule is turned into `@pulumi/policy`
 * policies: a stack policy over the outputs of
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

/** The name of a rule, which is also the name of its stack policy: `ververica-<rule>`. */
export type DraftRuleName = `ververica-${string}`;

/** The name of the resource policy of the rule named `N`: `ververica-deployment-<rule>`. */
export type DeploymentPolicyName<N extends DraftRuleName> = N extends `ververica-${infer Rule}` ? `ververica-deployment-${Rule}` : never;

/**
 * A rule together with everything the policy pack, the audit and the rules reference need of it.
 * Each `policies/<rule>.ts` defines one with `defineDraftRule`; the registry
 * (`policies/registry.ts`) lists them all.
 */
export interface DraftRuleDefinition<C extends object, N extends DraftRuleName = DraftRuleName, D extends boolean = boolean> {
    /** The rule's name, also the name of its stack policy over `DeploymentDraft` resources, e.g. `ververica-engine-version`. */
    readonly name: N;
    /** What the rule requires, for the policies' descriptions and the rules reference. */
    readonly description: string;
    /** The enforcement level of the rule's policies when none is configured. */
    readonly defaultLevel: EnforcementLevel;
    /**
     * Whether the rule also has a resource policy, `ververica-deployment-<rule>`, over the inputs
     * of `alicloud.realtimecompute.Deployment` resources (false when deployments lack what it checks).
     */
    readonly deploymentPolicy: D;
    /** The complete configuration used where the policy's configuration leaves a setting out. */
    readonly defaults: C;
    /** The JSON schema of the configuration, with the defaults filled in. */
    readonly configSchema: PolicyConfigSchema;
    /**
     * The rule: the ways in which a draft breaks it under a configuration. (A method, so that a
     * registry of rules with different settings can hold them all.)
     */
    check(draft: DeploymentDraftAttributes, config: C): readonly RuleViolation[];
}

/** Defines a rule, keeping its name and whether it has a resource policy as literal types (see `DraftPolicyName`). */
export function defineDraftRule<C extends object, N extends DraftRuleName, D extends boolean>(definition: DraftRuleDefinition<C, N, D>): DraftRuleDefinition<C, N, D> {
    return definition;
}

/** The name of a rule's resource policy over `alicloud.realtimecompute.Deployment` inputs. */
export function deploymentPolicyName<N extends DraftRuleName>(rule: N): DeploymentPolicyName<N> {
    return rule.replace(/^ververica-/, "ververica-deployment-") as DeploymentPolicyName<N>;
}

/**
 * A rule's check with its defaults overridden by `settings` (a policy's or a configuration
 * file's, already checked against the schema). The defaults are applied here even though the
 * schema declares them too, so that a policy behaves the same whether or not the engine filled
 * them in.
 */
export function configureDraftRule<C extends object>(
    rule: DraftRuleDefinition<C>,
    settings: Partial<C>,
): (draft: DeploymentDraftAttributes) => readonly RuleViolation[] {
    const config: C = { ...rule.defaults, ...settings };
    return (draft) => rule.check(draft, config);
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
export function draftStackPolicy<C extends object>(rule: DraftRuleDefinition<C>, enforcementLevel: EnforcementLevel = rule.defaultLevel): StackValidationPolicy {
    return {
        name: rule.name,
        description: rule.description,
        enforcementLevel,
        configSchema: rule.configSchema,
        validateStack: (args, reportViolation) => {
            const resources = args.resources.filter((resource) => deploymentDraftTypes.has(resource.type));
            if (resources.length === 0) {
                args.notApplicable(`Policy only applies to resources of type '${deploymentDraftType}' or '${pluginDeploymentDraftType}'`);
            }
            const check = configureDraftRule(rule, args.getConfig<Partial<C>>());
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
                    for (const { message } of check(draft)) {
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
    rule: DraftRuleDefinition<C>,
    enforcementLevel: EnforcementLevel = rule.defaultLevel,
): ResourceValidationPolicy {
    return {
        name: deploymentPolicyName(rule.name),
        description: `${rule.description} Checks the inputs of alicloud.realtimecompute.Deployment resources.`,
        enforcementLevel,
        configSchema: rule.configSchema,
        validateResource: (args, reportViolation) => {
            if (args.type !== alicloudDeploymentType) {
                args.notApplicable(`Policy only applies to resources of type '${alicloudDeploymentType}'`);
            }
            const inputs: AlicloudDeploymentInputs = args.props;
            for (const { message } of configureDraftRule(rule, args.getConfig<Partial<C>>())(draftFromDeploymentInputs(inputs))) {
                reportViolation(message);
            }
        },
    };
}

/** Makes a policy at the given enforcement level, or at its rule's default level. */
export type DraftPolicyFactory<P> = (enforcementLevel?: EnforcementLevel) => P;

/** The factory of a rule's stack policy over `DeploymentDraft` resources. */
export function stackPolicyFactory<C extends object>(rule: DraftRuleDefinition<C>): DraftPolicyFactory<StackValidationPolicy> {
    return (enforcementLevel) => draftStackPolicy(rule, enforcementLevel);
}

/** The factory of a rule's resource policy over `alicloud.realtimecompute.Deployment` resources. */
export function deploymentPolicyFactory<C extends object>(rule: DraftRuleDefinition<C, DraftRuleName, true>): DraftPolicyFactory<ResourceValidationPolicy> {
    return (enforcementLevel) => deploymentResourcePolicy(rule, enforcementLevel);
}
