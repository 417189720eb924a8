// Creates a Realtime Compute for Apache Flink deployment from a deployment draft: the draft,
// found by its name, says what runs (artifact, engine version, execution mode, variables,
// labels); this program says where and with how much (deployment target, resources).
//
// Where the Ververica API is reached and with which credentials comes from the stack config
// (`ververica:region` or `ververica:endpoint`, `ververica:accessKey` / `ververica:secretKey` as
// secrets, or `ververica:profile`) or the environment (`ALIBABA_CLOUD_REGION_ID`,
// `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`). The `alicloud` provider
// that creates the deployment reads `alicloud:*` settings and the same variables; without any
// `ververica:*` credential, the draft is read with the `alicloud:*` ones too, so one set does.
//
// Outside this repository, the project needs `@pulumi/pulumi`, `@pulumi/alicloud` and
// `pulumi-ververica` installed (`npm install`), and `pulumi up` needs the alicloud provider plugin.
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import * as ververica from "pulumi-ververica";
import { deploymentArgsFromDraft } from "pulumi-ververica/alicloud";

const config = new pulumi.Config();
const workspace = config.require("workspace");
const namespace = config.get("namespace") ?? "default-namespace";
const draftName = config.require("draftName");

// By name: ListDeploymentDrafts finds the draft's id, GetDeploymentDraft reads it.
const draft = ververica.getDeploymentDraftOutput({ workspace, namespace, name: draftName });

// A CDC YAML draft stops the program here with a DraftNotDeployableError: this resource
// cannot run CDC YAML pipelines. The artifact argument (the SQL, where passwords hide) is a
// secret, so the deployment's state holds it as ciphertext; the other arguments stay readable.
const deployment = new alicloud.realtimecompute.Deployment(
    draftName,
    deploymentArgsFromDraft(draft, {
        deploymentTarget: { mode: "PER_JOB", name: config.get("deploymentTarget") ?? "default-queue" },
        streamingResourceSetting: {
            resourceSettingMode: "BASIC",
            basicResourceSetting: {
                parallelism: config.getNumber("parallelism") ?? 1,
                jobmanagerResourceSettingSpec: { cpu: 1, memory: "4Gi" },
                taskmanagerResourceSettingSpec: { cpu: 1, memory: "4Gi" },
            },
        },
        flinkConf: { "execution.checkpointing.interval": "180s" },
    }),
);

export const draftId = draft.id;
export const deploymentId = deployment.deploymentId;
export const engineVersion = deployment.engineVersion;
