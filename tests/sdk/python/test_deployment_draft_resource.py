"""The DeploymentDraft resource and the Provider from Python, in Pulumi's mock mode: required
arguments, typed outputs, secrets."""

import pulumi
import pytest

import pulumi_ververica as ververica
from pulumi_ververica import outputs
from draft_mocks import as_engine_secret, is_secret, mocks


@pytest.mark.parametrize("missing", ["workspace", "namespace"])
def test_a_missing_required_argument_fails_naming_it(missing):
    args = {"workspace": "a14bd5d90a", "namespace": "default-namespace", "deployment_draft_id": "c84d73be"}
    del args[missing]

    with pytest.raises(TypeError, match=f"Missing required property '{missing}'"):
        ververica.DeploymentDraft("orders-etl", **args)


@pulumi.runtime.test
def test_outputs_are_typed_attributes_and_labels_keep_numbers():
    draft = ververica.DeploymentDraft(
        "orders-etl", workspace="a14bd5d90a", namespace="default-namespace", deployment_draft_id="c84d73be"
    )

    def check_lock(lock):
        # Output.all would turn the typed object into a plain dict, so it is checked on its own.
        assert isinstance(lock, outputs.DraftLock)
        assert lock.holder_name == "userA"

    def check(values):
        engine_version, labels, created_at = values
        assert engine_version == "vvr-6.0.7-flink-1.15"
        assert labels == {"test": "test", "test2": 1}
        assert created_at == 1723537978

    return pulumi.Output.all(
        draft.lock.apply(check_lock), pulumi.Output.all(draft.engine_version, draft.labels, draft.created_at).apply(check)
    )


@pulumi.runtime.test
def test_the_resource_sends_its_arguments_and_the_artifact_secret_default():
    draft = ververica.DeploymentDraft("by-name", workspace="a14bd5d90a", namespace="default-namespace", name="orders-etl")

    def check(_):
        registered = next(r for r in mocks.resources if r.name == "by-name")
        assert registered.typ == "ververica:index:DeploymentDraft"
        assert registered.inputs == {
            "workspace": "a14bd5d90a",
            "namespace": "default-namespace",
            "name": "orders-etl",
            "storeArtifactAsSecret": True,
        }

    return draft.urn.apply(check)


@pulumi.runtime.test
def test_an_artifact_the_provider_returns_as_secret_stays_secret():
    draft = ververica.DeploymentDraft(
        "secret-artifact", workspace="a14bd5d90a", namespace="default-namespace", deployment_draft_id="c84d73be"
    )

    def check(values):
        artifact_secret, engine_secret = values
        assert artifact_secret
        assert not engine_secret

    return pulumi.Output.all(is_secret(draft.artifact), is_secret(draft.engine_version)).apply(check)


@pulumi.runtime.test
def test_provider_credentials_are_secret_inputs():
    provider = ververica.Provider("explicit", region="cn-hangzhou", access_key="LTAI-test", secret_key="not-in-state")

    def check(_):
        registered = next(r for r in mocks.resources if r.name == "explicit")
        assert registered.typ == "pulumi:providers:ververica"
        assert registered.inputs == {
            "region": "cn-hangzhou",
            "accessKey": "LTAI-test",
            "secretKey": as_engine_secret("not-in-state"),
        }

    return provider.urn.apply(check)



@pulumi.runtime.test
def test_get_reads_an_existing_draft_by_its_id():
    draft = ververica.DeploymentDraft.get("existing", "a14bd5d90a/default-namespace/c84d73be")

    def check(engine_version):
        registered = next(r for r in mocks.resources if r.name == "existing")
        assert registered.typ == "ververica:index:DeploymentDraft"
        assert registered.resource_id == "a14bd5d90a/default-namespace/c84d73be"
        assert engine_version == "vvr-6.0.7-flink-1.15"

    return draft.engine_version.apply(check)
