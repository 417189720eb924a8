/**
 * The registry of rules: every rule of this package, in the policy pack's order. The pack's
 * policies (`allDraftPolicies`), their names (`DraftPolicyName`), the audit's rules and the rules
 * reference (`docs/policies.md`) are all derived from this list.
 *
 * A new rule is one file, `policies/<rule>.ts`, defining it with `defineDraftRule` (name,
 * description, default level, settings schema and defaults, check, and whether it has a
 * `ververica-deployment-<rule>` resource policy), and one line here.
 */
import { artifactSourcesDefinition } from "./artifactSources";
import { engineVersionDefinition } from "./engineVersion";
import { executionModeDefinition } from "./executionMode";
import { DeploymentPolicyName } from "./factory";
import { requiredLabelsDefinition } from "./labels";
import { draftLockDefinition } from "./lock";
import { plaintextSecretsDefinition } from "./secrets";
import { testConnectorsDefinition } from "./testConnectors";

/** Every rule of this package, in the policy pack's order. */
export const draftRules = [
    engineVersionDefinition,
    plaintextSecretsDefinition,
    draftLockDefinition,
    executionModeDefinition,
    requiredLabelsDefinition,
    artifactSourcesDefinition,
    testConnectorsDefinition,
] as const;

/** One of the rules of {@link draftRules}. */
export type RegisteredDraftRule = (typeof draftRules)[number];

/**
 * The name of one of this package's policies: `ververica-<rule>` checks `DeploymentDraft`
 * resources, `ververica-deployment-<rule>` checks `alicloud.realtimecompute.Deployment` resources.
 */
export type DraftPolicyName =
    | RegisteredDraftRule["name"]
    | DeploymentPolicyName<
          Extract<
              RegisteredDraftRule,
              {
                  /** Only the rules with a resource policy. */
                  readonly deploymentPolicy: true;
              }
          >["name"]
      >;
