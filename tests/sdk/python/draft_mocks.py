"""Pulumi mocks answering for the ververica plugin: the documented GetDeploymentDraft example
as the draft, and a record of every invoke and registration, so tests can see what the SDK sent."""

import copy
import json
from pathlib import Path
from typing import Any

import pulumi

# The example draft of the GetDeploymentDraft API reference, as the plugin returns it (camelCase
# attributes plus `id`). Label `test2` is the number 1, not the string "1".
DOCUMENTED_DRAFT: dict[str, Any] = {
    "id": "00000000-0000-0000-0000-00000012****",
    "deploymentDraftId": "00000000-0000-0000-0000-00000012****",
    "name": "test-draft",
    "parentId": "00000000-0000-0000-0000-00000013****",
    "referencedDeploymentId": "00000000-0000-0000-0000-0000012312****",
    "executionMode": "STREAMING",
    "artifact": {
        "kind": "SQLSCRIPT",
        "sqlArtifact": {
            "sqlScript": "CREATE TEMPORARY TABLE datagen_source(   name VARCHAR ) WITH (   'connector' = 'datagen' );",
            "additionalDependencies": ["https://oss/bucket/addition.jar"],
        },
        "jarArtifact": {
            "jarUri": "https://oss/bucket/test.jar",
            "entryClass": "org.apapche.flink.test",
            "mainArgs": "start from main",
            "additionalDependencies": ["https://oss/bucket/addition.jar"],
        },
    },
    "engineVersion": "vvr-6.0.7-flink-1.15",
    "localVariables": [{"name": "test", "value": "datagen"}],
    "labels": {"test": "test", "test2": 1},
    "lock": {
        "id": "stt-fu1658tbk6mnkk2****",
        "workspace": "a14bd5d90a****",
        "namespace": "default-namespace",
        "holderId": "18389966****",
        "holderName": "userA",
    },
    "workspace": "edcef******b4f",
    "namespace": "default-namespace",
    "creator": "27846363877456****",
    "creatorName": "****@streamcompute.onaliyun.com",
    "modifier": "27846363877456****",
    "modifierName": "****@streamcompute.onaliyun.com",
    "createdAt": 1723537978,
    "modifiedAt": 1723537978,
}

# A second draft of the same namespace, for the plural lookup: a JAR job without a lock.
SECOND_DRAFT: dict[str, Any] = {
    **{k: v for k, v in DOCUMENTED_DRAFT.items() if k not in ("lock", "parentId", "referencedDeploymentId")},
    "id": "00000000-0000-0000-0000-00000034****",
    "deploymentDraftId": "00000000-0000-0000-0000-00000034****",
    "name": "orders-jar",
    "artifact": {"kind": "JAR", "jarArtifact": {"jarUri": "oss://bucket/orders.jar", "entryClass": "com.example.Orders"}},
    "labels": {"team": "payments", "replicas": 2},
}


# What the plugin answers getDeploymentArgs for drafts of the emulator's fixtures, by name, and the
# drafts it refuses; tests/integration/plugin/getDeploymentArgsInvoke.test.ts checks that these are
# the plugin's own answers.
DEPLOYMENT_ARGS: dict[str, Any] = json.loads((Path(__file__).parent.parent / "deploymentArgsAnswers.json").read_text())


def as_engine_secret(value: Any) -> dict[str, Any]:
    """`value` marked secret as it travels between the SDK and the engine (Pulumi's secret signature)."""
    return {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": value}


class DraftMocks(pulumi.runtime.Mocks):
    """Answers getDeploymentDraft with the documented draft, getDeploymentDrafts with it and
    SECOND_DRAFT, getDeploymentArgs from DEPLOYMENT_ARGS, and DeploymentDraft with its attributes
    (the artifact as a secret, as the plugin stores it by default)."""

    def __init__(self) -> None:
        self.invokes: list[pulumi.runtime.MockCallArgs] = []
        self.resources: list[pulumi.runtime.MockResourceArgs] = []

    def call(self, args: pulumi.runtime.MockCallArgs):
        self.invokes.append(args)
        if args.token == "ververica:index:getDeploymentDraft":
            return copy.deepcopy(DOCUMENTED_DRAFT)
        if args.token == "ververica:index:getDeploymentDrafts":
            drafts = copy.deepcopy([DOCUMENTED_DRAFT, SECOND_DRAFT])
            return {
                "workspace": args.args["workspace"],
                "namespace": args.args["namespace"],
                "ids": [d["id"] for d in drafts],
                "names": [d["name"] for d in drafts],
                "drafts": drafts,
            }
        if args.token == "ververica:index:getDeploymentArgs":
            return deployment_args_answer(args.args)
        raise ValueError(f"unexpected invoke {args.token}")

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        self.resources.append(args)
        if args.typ != "ververica:index:DeploymentDraft":
            return f"{args.name}-id", dict(args.inputs)
        state = {k: v for k, v in copy.deepcopy(DOCUMENTED_DRAFT).items() if k != "id"}
        state["artifact"] = as_engine_secret(state["artifact"])
        return state["deploymentDraftId"], {**args.inputs, **state}


def deployment_args_answer(args: dict[str, Any]) -> dict[str, Any]:
    """getDeploymentArgs as the plugin answers it: the artifact a secret unless
    storeArtifactAsSecret is false, a refused draft as the plugin's error."""
    refusal = DEPLOYMENT_ARGS["refusals"].get(args.get("name"))
    if refusal is not None:
        raise Exception(f"{refusal['code']}: {refusal['message']}")
    answer = copy.deepcopy(DEPLOYMENT_ARGS["answers"][args["name"]])
    if args.get("deploymentName") is not None:
        answer["deploymentName"] = args["deploymentName"]
    if args.get("storeArtifactAsSecret") is not False:
        answer["artifact"] = as_engine_secret(answer["artifact"])
    return answer


# The one instance the tests share (see conftest.py).
mocks = DraftMocks()


def is_secret(output: pulumi.Output) -> pulumi.Output:
    """Whether `output` is a secret, as an output to combine with others."""
    return pulumi.Output.from_input(output.is_secret())
