"""Creates a Realtime Compute for Apache Flink deployment from a deployment draft, as the
TypeScript example examples/feed-deployment does: the draft, found by its name, says what runs
(artifact, engine version, execution mode, variables, labels); this program says where and with
how much (deployment target, resources).

``get_deployment_args_output`` returns the draft as ``alicloud.realtimecompute.Deployment``'s
arguments, exactly what ``deploymentArgsFromDraft`` gives a TypeScript program: the artifact's part
for its kind, the labels as strings (``1`` becomes ``"1"``). A CDC YAML draft, which that resource
cannot run, or a draft without artifact, execution mode or name stops the program with a
``DraftNotDeployable`` error.

The artifact (the SQL, where passwords hide) is a secret. Pulumi's Python SDK makes a function's
whole result secret when any of it is, so every argument taken from ``feed`` reaches the
deployment's state as ciphertext.

Where the Ververica API is reached and with which credentials comes from the stack config
(``ververica:region`` or ``ververica:endpoint``, ``ververica:accessKey`` and ``ververica:secretKey``
as a secret) or the environment (``ALIBABA_CLOUD_REGION_ID``, ``ALIBABA_CLOUD_ACCESS_KEY_ID`` /
``ALIBABA_CLOUD_ACCESS_KEY_SECRET``); the alicloud provider that creates the deployment reads its
own ``alicloud:*`` settings and the same variables.
"""

import pulumi
import pulumi_alicloud as alicloud
import pulumi_ververica as ververica

config = pulumi.Config()
workspace = config.require("workspace")
namespace = config.get("namespace") or "default-namespace"
draft_name = config.require("draftName")

# By name: ListDeploymentDrafts finds the draft's id, GetDeploymentDraft reads it.
feed = ververica.get_deployment_args_output(workspace=workspace, namespace=namespace, name=draft_name)

deployment = alicloud.realtimecompute.Deployment(
    draft_name,
    # From the draft, under the resource's own names.
    resource_id=feed.resource_id,
    namespace=feed.namespace,
    deployment_name=feed.deployment_name,
    execution_mode=feed.execution_mode,
    engine_version=feed.engine_version,
    artifact=feed.artifact,
    local_variables=feed.local_variables,
    labels=feed.labels,
    # From this program.
    deployment_target={"mode": "PER_JOB", "name": config.get("deploymentTarget") or "default-queue"},
    streaming_resource_setting={
        "resource_setting_mode": "BASIC",
        "basic_resource_setting": {
            "parallelism": config.get_int("parallelism") or 1,
            "jobmanager_resource_setting_spec": {"cpu": 1, "memory": "4Gi"},
            "taskmanager_resource_setting_spec": {"cpu": 1, "memory": "4Gi"},
        },
    },
    flink_conf={"execution.checkpointing.interval": "180s"},
)

pulumi.export("deploymentId", deployment.deployment_id)
pulumi.export("engineVersion", deployment.engine_version)
