"""getDeploymentDraft from Python, in Pulumi's mock mode: what the generated functions send to the
plugin and the typed result a program reads."""

import pulumi

import pulumi_ververica as ververica
from draft_mocks import is_secret, mocks
from pulumi_ververica import outputs


@pulumi.runtime.test
def test_output_form_sends_the_lookup_by_id_and_returns_typed_attributes():
    draft = ververica.get_deployment_draft_output(
        workspace="a14bd5d90a", namespace="default-namespace", deployment_draft_id="c84d73be"
    )

    def check(result: ververica.GetDeploymentDraftResult):
        (invoke,) = mocks.invokes
        assert invoke.token == "ververica:index:getDeploymentDraft"
        assert invoke.args == {
            "workspace": "a14bd5d90a",
            "namespace": "default-namespace",
            "deploymentDraftId": "c84d73be",
        }
        assert result.id == "00000000-0000-0000-0000-00000012****"
        assert result.engine_version == "vvr-6.0.7-flink-1.15"
        assert result.execution_mode == "STREAMING"
        assert isinstance(result.artifact, outputs.DraftArtifact)
        assert result.artifact.kind == "SQLSCRIPT"
        assert result.artifact.sql_artifact.sql_script.startswith("CREATE TEMPORARY TABLE")
        assert result.artifact.jar_artifact.entry_class == "org.apapche.flink.test"
        assert result.lock.holder_name == "userA"
        assert [(v.name, v.value) for v in result.local_variables] == [("test", "datagen")]
        assert result.created_at == 1723537978

    return draft.apply(check)


@pulumi.runtime.test
def test_labels_keep_numbers():
    draft = ververica.get_deployment_draft_output(
        workspace="a14bd5d90a", namespace="default-namespace", deployment_draft_id="c84d73be"
    )

    def check(labels):
        assert labels == {"test": "test", "test2": 1}
        assert not isinstance(labels["test2"], str)

    return draft.labels.apply(check)


@pulumi.runtime.test
def test_output_form_sends_a_lookup_by_name():
    draft = ververica.get_deployment_draft_output(
        workspace="a14bd5d90a", namespace="default-namespace", name="orders-etl"
    )

    def check(_):
        (invoke,) = mocks.invokes
        assert invoke.args == {"workspace": "a14bd5d90a", "namespace": "default-namespace", "name": "orders-etl"}

    return draft.apply(check)


def test_plain_form_returns_the_result_directly():
    result = ververica.get_deployment_draft(
        workspace="a14bd5d90a", namespace="default-namespace", deployment_draft_id="c84d73be"
    )

    assert result.deployment_draft_id == "00000000-0000-0000-0000-00000012****"
    assert result.labels["test2"] == 1
    assert result.artifact.kind == "SQLSCRIPT"


@pulumi.runtime.test
def test_a_secret_input_makes_the_result_secret():
    draft = ververica.get_deployment_draft_output(
        workspace=pulumi.Output.secret("a14bd5d90a"),
        namespace="default-namespace",
        deployment_draft_id="c84d73be",
    )

    def check(secret: bool):
        assert secret

    return is_secret(draft.engine_version).apply(check)
