package sdktest

import (
	"strings"
	"testing"

	"github.com/pulumi-ververica/pulumi-ververica/sdk/go/ververica"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestAMissingRequiredArgumentFailsNamingIt(t *testing.T) {
	cases := map[string]*ververica.DeploymentDraftArgs{
		"Workspace": {Namespace: pulumi.String("default-namespace"), DeploymentDraftId: pulumi.String("c84d73be")},
		"Namespace": {Workspace: pulumi.String("a14bd5d90a"), DeploymentDraftId: pulumi.String("c84d73be")},
	}
	for missing, args := range cases {
		t.Run(missing, func(t *testing.T) {
			err := pulumi.RunErr(func(ctx *pulumi.Context) error {
				_, err := ververica.NewDeploymentDraft(ctx, "orders-etl", args)
				return err
			}, pulumi.WithMocks("project", "stack", newDraftMocks()))
			if err == nil || !strings.Contains(err.Error(), "'"+missing+"'") {
				t.Fatalf("error = %v, want one naming '%s'", err, missing)
			}
		})
	}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := ververica.NewDeploymentDraft(ctx, "orders-etl", nil)
		return err
	}, pulumi.WithMocks("project", "stack", newDraftMocks()))
	if err == nil || !strings.Contains(err.Error(), "missing one or more required arguments") {
		t.Fatalf("error without arguments = %v", err)
	}
}

func TestResourceOutputsAreTypedAndLabelsKeepNumbers(t *testing.T) {
	mocks := newDraftMocks()
	var engine, holder string
	var labels map[string]interface{}
	var artifactSecret, engineSecret bool
	runWithMocks(t, mocks, func(ctx *pulumi.Context) error {
		draft, err := ververica.NewDeploymentDraft(ctx, "orders-etl", &ververica.DeploymentDraftArgs{
			Workspace: pulumi.String("a14bd5d90a"), Namespace: pulumi.String("default-namespace"), Name: pulumi.String("orders-etl"),
		})
		if err != nil {
			return err
		}
		draft.EngineVersion.ApplyT(func(v *string) string { engine = *v; return engine })
		draft.Lock.HolderName().ApplyT(func(v *string) string { holder = *v; return holder })
		draft.Labels.ApplyT(func(l map[string]interface{}) map[string]interface{} { labels = l; return l })
		artifactSecret = pulumi.IsSecret(draft.Artifact)
		engineSecret = pulumi.IsSecret(draft.EngineVersion)
		return nil
	})

	if engine != "vvr-6.0.7-flink-1.15" || holder != "userA" {
		t.Errorf("engine version, lock holder = %q, %q", engine, holder)
	}
	if labels["test2"] != float64(1) {
		t.Errorf("labels = %#v, want test2=1 (a number)", labels)
	}
	if !artifactSecret || engineSecret {
		t.Errorf("secret: artifact %v (want true), engine version %v (want false)", artifactSecret, engineSecret)
	}
	want := resource.NewPropertyMapFromMap(map[string]interface{}{
		"workspace": "a14bd5d90a", "namespace": "default-namespace", "name": "orders-etl", "storeArtifactAsSecret": true,
	})
	if got := mocks.registered("orders-etl"); got.TypeToken != "ververica:index:DeploymentDraft" || !got.Inputs.DeepEquals(want) {
		t.Errorf("registered %s with %v, want %v", got.TypeToken, got.Inputs, want)
	}
}

func TestProviderCredentialsAreSecretInputs(t *testing.T) {
	mocks := newDraftMocks()
	runWithMocks(t, mocks, func(ctx *pulumi.Context) error {
		_, err := ververica.NewProvider(ctx, "explicit", &ververica.ProviderArgs{
			Region: pulumi.String("cn-hangzhou"), AccessKey: pulumi.String("LTAI-test"), SecretKey: pulumi.String("not-in-state"),
		})
		return err
	})

	got := mocks.registered("explicit")
	if got.TypeToken != "pulumi:providers:ververica" {
		t.Fatalf("type = %q", got.TypeToken)
	}
	if key := got.Inputs["secretKey"]; !key.IsSecret() || key.SecretValue().Element.StringValue() != "not-in-state" {
		t.Errorf("secretKey = %v, want the secret \"not-in-state\"", key)
	}
	if got.Inputs["accessKey"].IsSecret() || got.Inputs["region"].IsSecret() {
		t.Errorf("accessKey or region is secret: %v", got.Inputs)
	}
}

func TestGetReadsAnExistingDraftByItsID(t *testing.T) {
	mocks := newDraftMocks()
	var engine string
	runWithMocks(t, mocks, func(ctx *pulumi.Context) error {
		draft, err := ververica.GetDeploymentDraft(ctx, "existing", pulumi.ID("a14bd5d90a/default-namespace/c84d73be"), nil)
		if err != nil {
			return err
		}
		draft.EngineVersion.ApplyT(func(v *string) string { engine = *v; return engine })
		return nil
	})

	got := mocks.registered("existing")
	if got.TypeToken != "ververica:index:DeploymentDraft" || got.ID != "a14bd5d90a/default-namespace/c84d73be" {
		t.Errorf("read %s with id %q", got.TypeToken, got.ID)
	}
	if engine != "vvr-6.0.7-flink-1.15" {
		t.Errorf("engine version = %q", engine)
	}
}
