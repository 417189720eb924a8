// An ES module Pulumi program: `"type": "module"` in package.json, and in Pulumi.yaml
// `nodeargs: "--loader ts-node/esm"`, which runs TypeScript as ES modules. Named exports are
// the stack outputs, and top-level `await` works.
//
// Where the API is reached and with which credentials comes from the stack config
// (`ververica:region` or `ververica:endpoint`, `ververica:accessKey` / `ververica:secretKey` as
// secrets) or the environment, as for any program.
import * as pulumi from "@pulumi/pulumi";
import * as ververica from "pulumi-ververica";

const config = new pulumi.Config();
const workspace = config.require("workspace");
const namespace = config.get("namespace") ?? "default-namespace";
const draftName = config.require("draftName");

// The promise form, awaited at the top level of the module.
const draft = await ververica.getDeploymentDraft({ workspace, namespace, name: draftName });

export const draftId = draft.id;
export const engineVersion = draft.engineVersion ?? null;
// The output form: its result is a secret (the artifact may hold passwords); the kind is not.
export const artifactKind = pulumi.unsecret(ververica.getDeploymentDraftOutput({ workspace, namespace, name: draftName }).apply((d) => d.artifact?.kind ?? null));
