/**
 * pulumi-ververica: read Realtime Compute for Apache Flink (Ververica) deployment drafts from
 * Pulumi programs.
 *
 * ```ts
 * import * as ververica from "pulumi-ververica";
 * const draft = ververica.getDeploymentDraftOutput({ workspace, namespace, deploymentDraftId });
 * export const engine = draft.engineVersion;
 * ```
 */
export * from "./getDeploymentDraft";
export * from "./getDeploymentDrafts";
export type {
    ArtifactKind,
    CdcYamlArtifact,
    CdcYamlDraftArtifact,
    DeploymentDraftAttributes,
    DraftArtifact,
    DraftLock,
    ExecutionMode,
    JarArtifact,
    JarDraftArtifact,
    JsonValue,
    LocalVariable,
    PythonArtifact,
    PythonDraftArtifact,
    SqlArtifact,
    SqlScriptDraftArtifact,
    UnrecognizedDraftArtifact,
} from "../../provider/core/model";
export type { ConnectionOptions, Network } from "../../provider/core/connectionSettings";
export type { LookupOptions } from "../../provider/core/draftLookup";
export type { TuningOptions } from "../../provider/core/clientTuning";
export { clearDraftLookupCache } from "../../provider/core/draftLookup";
export {
    AccessDeniedError,
    AmbiguousDraftNameError,
    CancelledError,
    ConfigurationError,
    DraftNameNotFoundError,
    DraftNotDeployableError,
    DraftNotFoundError,
    InvalidArgumentError,
    InvalidCredentialsError,
    InvalidResponseError,
    NetworkError,
    RequestFailedError,
    ServiceError,
    ServiceUnreachableError,
    ThrottledError,
    UnconfirmedNotFoundError,
    VervericaError,
} from "../../provider/core/errors";
export type { ApiFailureDetails, DraftReference, VervericaErrorCode } from "../../provider/core/errors";
export { DeploymentDraft } from "./deploymentDraft";
export type { DeploymentDraftArgs, DeploymentDraftByIdArgs, DeploymentDraftByNameArgs, DeploymentDraftOutputs } from "./deploymentDraft";
