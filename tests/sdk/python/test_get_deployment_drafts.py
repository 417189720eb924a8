"""getDeploymentDrafts (the plural lookup) from Python, in Pulumi's mock mode: the filters the
generated functions send to the plugin and the typed drafts a program reads."""

import pulumi

import pulumi_ververica as ververica
from draft_mocks import is_secret, mocks
from pulumi_ververica import outputs


@pulumi.runtime.test
def test_output_form_sends_every_filter_and_returns_typed_drafts():
    found = ververica.get_deployment_drafts_output(
        workspace="a14bd5d90a",
        namespace="default-namespace",
        name_regex="^orders-",
        ids=["c84d73be", "9b2d6c1e"],
        labels={"team": "payments", "replicas": 2},
    )

    def check(result: ververica.GetDeploymentDraftsResult):
        (invoke,) = mocks.invokes
        assert invoke.token == "ververica:index:getDeploymentDrafts"
        assert invoke.args == {
            "workspace": "a14bd5d90a",
            "namespace": "default-namespace",
            "nameRegex": "^orders-",
            "ids": ["c84d73be", "9b2d6c1e"],
            "labels": {"team": "payments", "replicas": 2},
        }
        assert result.workspace == "a14bd5d90a"
        assert result.names == ["test-draft", "orders-jar"]
        assert result.ids == [d.id for d in result.drafts]
        first, second = result.drafts
        assert isinstance(first, outputs.GetDeploymentDraftsDraft)
        assert first.engine_version == "vvr-6.0.7-flink-1.15"
        assert first.artifact.sql_artifact.sql_script.startswith("CREATE TEMPORARY TABLE")
        assert first.lock.holder_name == "userA"
        assert [(v.name, v.value) for v in first.local_variables] == [("test", "datagen")]
        assert first.created_at == 1723537978
        assert second.artifact.kind == "JAR"
        assert second.artifact.jar_artifact.entry_class == "com.example.Orders"
        assert second.lock is None
        assert second.labels == {"team": "payments", "replicas": 2}

    return found.apply(check)


def test_plain_form_returns_the_result_directly():
    result = ververica.get_deployment_drafts(workspace="a14bd5d90a", namespace="default-namespace")

    (invoke,) = mocks.invokes
    assert invoke.args == {"workspace": "a14bd5d90a", "namespace": "default-namespace"}
    assert [d.deployment_draft_id for d in result.drafts] == result.ids
    assert result.drafts[0].labels["test2"] == 1


@pulumi.runtime.test
def test_a_secret_input_makes_the_result_secret():
    found = ververica.get_deployment_drafts_output(
        workspace="a14bd5d90a", namespace=pulumi.Output.secret("default-namespace")
    )

    def check(secret: bool):
        assert secret

    return is_secret(found.names).apply(check)
