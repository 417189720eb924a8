"""examples/python-feed-deployment under Pulumi's mocks, with alicloud's real Python SDK: the
program hands ``alicloud.realtimecompute.Deployment`` exactly what ``getDeploymentArgs`` returns
(the plugin's answers, see DEPLOYMENT_ARGS) plus its own settings, the artifact as a secret, and
stops at a CDC YAML draft with the plugin's DraftNotDeployable error. The alicloud provider itself
cannot run here: the mocks stand in for it and for the ververica plugin."""

import copy
import runpy
from pathlib import Path
from typing import Any

import pulumi
import pytest

from draft_mocks import DEPLOYMENT_ARGS, mocks

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "python-feed-deployment" / "__main__.py"
DEPLOYMENT_TYPE = "alicloud:realtimecompute/deployment:Deployment"
SECRET_SIG = ("4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270")

# What the example adds to every draft's arguments.
EXAMPLE_SETTINGS: dict[str, Any] = {
    "deploymentTarget": {"mode": "PER_JOB", "name": "default-queue"},
    "streamingResourceSetting": {
        "resourceSettingMode": "BASIC",
        "basicResourceSetting": {
            "parallelism": 1,
            "jobmanagerResourceSettingSpec": {"cpu": 1, "memory": "4Gi"},
            "taskmanagerResourceSettingSpec": {"cpu": 1, "memory": "4Gi"},
        },
    },
    "flinkConf": {"execution.checkpointing.interval": "180s"},
}


def run_example(draft_name: str) -> dict[str, Any]:
    """Runs the program with the stack config it requires; returns its globals."""
    pulumi.runtime.set_all_config(
        {"project:workspace": DEPLOYMENT_ARGS["workspace"], "project:draftName": draft_name}
    )
    mocks.resources.clear()
    return runpy.run_path(str(EXAMPLE))


def unwrap(inputs: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """Registered inputs without their secret marks, and the names of the secret ones."""
    values, secrets = {}, set()
    for key, value in inputs.items():
        if isinstance(value, dict) and value.get(SECRET_SIG[0]) == SECRET_SIG[1]:
            secrets.add(key)
            value = value["value"]
        values[key] = value
    return values, secrets


def registered_deployment(name: str) -> pulumi.runtime.MockResourceArgs:
    (deployment,) = [r for r in mocks.resources if r.typ == DEPLOYMENT_TYPE]
    assert deployment.name == name
    return deployment


@pulumi.runtime.test
def test_feeds_the_deployment_exactly_the_sql_drafts_arguments_the_artifact_secret():
    program = run_example("orders-etl")

    def check(_):
        (invoke,) = mocks.invokes
        assert invoke.token == "ververica:index:getDeploymentArgs"
        assert invoke.args == {"workspace": "a14bd5d90a", "namespace": "default-namespace", "name": "orders-etl"}
        values, secrets = unwrap(registered_deployment("orders-etl").inputs)
        expected = copy.deepcopy(DEPLOYMENT_ARGS["answers"]["orders-etl"])
        assert values == {**expected, **EXAMPLE_SETTINGS}
        # The number label arrives as "1", as TypeScript gives it, not "1.0".
        assert values["labels"] == {"team": "data-platform", "env": "prod", "tier": "1"}
        # The SDK keeps the whole result secret because of its artifact: every fed argument is.
        assert secrets == set(expected)

    deployment = program["deployment"]
    return pulumi.Output.all(deployment.urn, deployment.artifact.is_secret()).apply(
        lambda values: (check(values), values[1] or pytest.fail("the artifact output is not secret"))
    )


@pytest.mark.parametrize("draft_name, kind, part", [("clickstream-sessionizer", "JAR", "jarArtifact"), ("fraud-scoring", "PYTHON", "pythonArtifact")])
def test_hands_jar_and_python_artifacts_over_part_for_part(draft_name: str, kind: str, part: str):
    @pulumi.runtime.test
    def run():
        program = run_example(draft_name)

        def check(_):
            values, _secrets = unwrap(registered_deployment(draft_name).inputs)
            expected = DEPLOYMENT_ARGS["answers"][draft_name]
            assert values["artifact"] == expected["artifact"]
            assert set(values["artifact"]) == {"kind", part}
            assert values["artifact"]["kind"] == kind
            assert values["labels"] == expected["labels"]

        return program["deployment"].urn.apply(check)

    run()


def test_stops_at_a_cdc_yaml_draft_with_the_plugins_error_and_creates_nothing():
    @pulumi.runtime.test
    def run():
        return run_example("mysql-to-paimon")["deployment"].urn

    with pytest.raises(Exception) as failure:
        run()
    refusal = DEPLOYMENT_ARGS["refusals"]["mysql-to-paimon"]
    assert f"{refusal['code']}: {refusal['message']}" in str(failure.value)
    assert [r for r in mocks.resources if r.typ == DEPLOYMENT_TYPE] == []
