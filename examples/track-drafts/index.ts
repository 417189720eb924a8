// Tracks the deployment drafts a team ships from, as read-only resources. `pulumi up` records
// them, `pulumi refresh` (or `pulumi up --refresh`) shows when someone edited or locked one in
// the console, and `pulumi destroy` only forgets them; the drafts themselves are never changed.
//
// Where the API is reached and with which credentials comes from the stack config
// (`ververica:region`, `ververica:accessKey` / `ververica:secretKey` as secrets) or the environment.
import * as pulumi from "@pulumi/pulumi";
import * as ververica from "pulumi-ververica";

const config = new pulumi.Config();
const workspace = config.get("workspace") ?? "a14bd5d90a";
const namespace = config.get("namespace") ?? "default-namespace";
// Drafts by name; the defaults are drafts of the offline emulator.
const names = config.getObject<string[]>("drafts") ?? ["orders-etl", "clickstream-sessionizer", "payments-enrichment"];

const drafts = names.map((name) => new ververica.DeploymentDraft(name, { workspace, namespace, name }));

/** What a release manager looks at before shipping from a draft. */
export const tracked = pulumi.all(
    drafts.map((d) =>
        pulumi.all([d.name, d.deploymentDraftId, d.engineVersion, d.executionMode, d.lock, d.modifierName, d.modifiedAt]).apply(
            ([name, id, engineVersion, executionMode, lock, modifierName, modifiedAt]) => ({
                name: name ?? null,
                id,
                engineVersion: engineVersion ?? null,
                executionMode: executionMode ?? null,
                lockedBy: lock?.holderName ?? null,
                lastModifiedBy: modifierName ?? null,
                lastModified: modifiedAt === undefined ? null : new Date(modifiedAt * 1000).toISOString(),
            }),
        ),
    ),
);

// The artifact is a secret in state (it may hold passwords); its kind alone is not.
export const artifactKinds = pulumi.unsecret(pulumi.all(drafts.map((d) => d.artifact.apply((a) => a?.kind ?? null))));
