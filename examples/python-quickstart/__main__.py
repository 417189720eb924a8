"""Reads two deployment drafts of Realtime Compute for Apache Flink and exports what a
deployment pipeline usually checks: engine version, execution mode, artifact kind, labels, lock.

Where the API is reached and with which credentials is not part of the program: it comes from
the stack config (``ververica:region`` or ``ververica:endpoint``, ``ververica:accessKey`` and
``ververica:secretKey`` as a secret) or from the environment (``ALIBABA_CLOUD_REGION_ID``,
``ALIBABA_CLOUD_ACCESS_KEY_ID`` / ``ALIBABA_CLOUD_ACCESS_KEY_SECRET``).
"""

import pulumi
import pulumi_ververica as ververica

# Which drafts to read. The defaults name drafts of the offline demo; point them at your own
# with e.g. `pulumi config set workspace <workspace id>`.
config = pulumi.Config()
workspace = config.get("workspace") or "a14bd5d90a"
namespace = config.get("namespace") or "default-namespace"
draft_id = config.get("draftId") or "c84d73be-40ad-4627-8bdd-fa1eba51b234"
second_draft_name = config.get("secondDraftName") or "payments-enrichment"

# By id: one GetDeploymentDraft call. The result is a Pulumi secret, because the draft's
# artifact (SQL, main args) may hold passwords; what this program exports holds none, so each
# export is shown in plain text with `unsecret`.
draft = ververica.get_deployment_draft_output(
    workspace=workspace, namespace=namespace, deployment_draft_id=draft_id
)
unsecret = pulumi.Output.unsecret

pulumi.export("draftName", unsecret(draft.name))
pulumi.export("engineVersion", unsecret(draft.engine_version))
pulumi.export("executionMode", unsecret(draft.execution_mode))
# Label values are exported as the API sent them, numbers and booleans included.
pulumi.export("labels", unsecret(draft.labels))
pulumi.export("artifactKind", unsecret(draft.artifact.apply(lambda a: a.kind if a else None)))

# By name: the draft's id is found with ListDeploymentDrafts first.
second = ververica.get_deployment_draft_output(
    workspace=workspace, namespace=namespace, name=second_draft_name
)

pulumi.export(
    "secondDraft",
    unsecret(second.apply(
        lambda d: {
            "id": d.id,
            "engineVersion": d.engine_version,
            "artifactKind": d.artifact.kind if d.artifact else None,
            # Whoever is editing the draft in the console holds its lock.
            "lockHolder": d.lock.holder_name if d.lock else None,
        }
    )),
)
