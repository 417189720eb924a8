// Reads two deployment drafts of Realtime Compute for Apache Flink and exports what a
// deployment pipeline usually checks: engine version, execution mode, artifact, labels, lock.
//
// Where the API is reached and with which credentials is not part of the program: it comes
// from the stack config (`ververica:region` or `ververica:endpoint`, `ververica:accessKey` /
// `ververica:secretKey` as secrets, or `ververica:profile`) or from the environment
// (`ALIBABA_CLOUD_REGION_ID`, `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`).
import * as pulumi from "@pulumi/pulumi";
import * as ververica from "pulumi-ververica";

// Which drafts to read. The defaults name drafts of the offline demo (`npm run demo`); point
// them at your own with e.g. `pulumi config set workspace <workspace id>`.
const config = new pulumi.Config();
const workspace = config.get("workspace") ?? "a14bd5d90a";
const namespace = config.get("namespace") ?? "default-namespace";
const draftId = config.get("draftId") ?? "c84d73be-40ad-4627-8bdd-fa1eba51b234";
const secondDraftName = config.get("secondDraftName") ?? "payments-enrichment";

// By id: one GetDeploymentDraft call. The result is a Pulumi secret, because the draft's
// artifact (SQL, main args) may hold passwords; what this program exports holds none, so each
// export is shown in plain text with `pulumi.unsecret`.
const draft = ververica.getDeploymentDraftOutput({ workspace, namespace, deploymentDraftId: draftId });

// `apply` reads the looked-up draft; each export is an output typed after the draft's attributes.
export const draftName = pulumi.unsecret(draft.apply((d) => d.name));
export const engineVersion = pulumi.unsecret(draft.apply((d) => d.engineVersion));
export const executionMode = pulumi.unsecret(draft.apply((d) => d.executionMode));
// Label values are exported as the API sent them, numbers and booleans included.
export const labels = pulumi.unsecret(draft.apply((d) => d.labels ?? {}));
export const artifactKind = pulumi.unsecret(draft.apply((d) => d.artifact?.kind ?? null));
// A description of the artifact, not its text.
export const artifactSource = pulumi.unsecret(draft.apply((d) => describeArtifact(d.artifact)));
export const modifiedAt = pulumi.unsecret(draft.apply((d) => isoTime(d.modifiedAt)));

// By name: the draft's id is found with ListDeploymentDrafts first.
const second = ververica.getDeploymentDraftOutput({ workspace, namespace, name: secondDraftName });

export const secondDraft = pulumi.unsecret(second.apply((d) => ({
    id: d.id,
    engineVersion: d.engineVersion ?? null,
    artifactKind: d.artifact?.kind ?? null,
    // Whoever is editing the draft in the console holds its lock.
    lockHolder: d.lock?.holderName ?? null,
    modifiedAt: isoTime(d.modifiedAt),
})));

/**
 * Where the job's code comes from; `kind` tells which part of the artifact is present. A kind
 * the API added later comes as sent, so every part is read with `?.`.
 */
function describeArtifact(artifact: ververica.DraftArtifact | undefined): string | null {
    switch (artifact?.kind) {
        case "SQLSCRIPT":
            return `${artifact.sqlArtifact?.sqlScript?.split("\n").length ?? 0} lines of Flink SQL`;
        case "JAR":
            return artifact.jarArtifact?.jarUri ?? null;
        case "PYTHON":
            return artifact.pythonArtifact?.pythonArtifactUri ?? null;
        case "CDCYAML":
            return `${artifact.cdcYamlArtifact?.cdcYaml?.split("\n").length ?? 0} lines of Flink CDC YAML`;
        case undefined:
            return null;
        default:
            return `an artifact of kind ${artifact?.kind}`;
    }
}

/** The API reports times in unix seconds. */
function isoTime(seconds: number | undefined): string | null {
    return seconds === undefined ? null : new Date(seconds * 1000).toISOString();
}
