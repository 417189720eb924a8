/**
 * Shapes of GetDeploymentDraft / ListDeploymentDrafts as they travel on the wire
 * (ververica 2022-07-18). Every field is optional there; the typed result model in
 * `model.ts` is what users see.
 */

/** Any JSON value, as found in draft labels. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface WireSqlArtifact {
    sqlScript?: string;
    additionalDependencies?: string[];
}

export interface WireJarArtifact {
    jarUri?: string;
    entryClass?: string;
    mainArgs?: string;
    additionalDependencies?: string[];
}

export interface WirePythonArtifact {
    pythonArtifactUri?: string;
    entryModule?: string;
    mainArgs?: string;
    additionalDependencies?: string[];
    additionalPythonLibraries?: string[];
    additionalPythonArchives?: string[];
}

export interface WireCdcYamlArtifact {
    cdcYaml?: string;
    additionalDependencies?: string[];
}

export interface WireArtifact {
    kind?: string;
    sqlArtifact?: WireSqlArtifact;
    jarArtifact?: WireJarArtifact;
    pythonArtifact?: WirePythonArtifact;
    cdcYamlArtifact?: WireCdcYamlArtifact;
}

export interface WireLock {
    id?: string;
    workspace?: string;
    namespace?: string;
    holderId?: string;
    holderName?: string;
}

export interface WireLocalVariable {
    name?: string;
    value?: string;
}

export interface WireDeploymentDraft {
    deploymentDraftId?: string;
    name?: string;
    parentId?: string;
    referencedDeploymentId?: string;
    executionMode?: string;
    artifact?: WireArtifact;
    engineVersion?: string;
    localVariables?: WireLocalVariable[];
    labels?: { [key: string]: JsonValue };
    lock?: WireLock;
    workspace?: string;
    namespace?: string;
    creator?: string;
    creatorName?: string;
    modifier?: string;
    modifierName?: string;
    createdAt?: number;
    modifiedAt?: number;
}

/** The ververica response envelope. */
export interface WireEnvelope<T> {
    requestId?: string;
    success?: boolean;
    httpCode?: number;
    errorCode?: string;
    errorMessage?: string;
    data?: T;
}

/** ListDeploymentDrafts adds paging fields to the envelope. */
export interface WireListEnvelope extends WireEnvelope<WireDeploymentDraft[]> {
    pageIndex?: number;
    pageSize?: number;
    totalSize?: number;
}

/** The PascalCase error body of the API gateway (POP). */
export interface WireGatewayError {
    RequestId?: string;
    HostId?: string;
    Code?: string;
    Message?: string;
    Recommend?: string;
    AccessDeniedDetail?: JsonValue;
}
