package sdktest

import (
	"testing"

	"github.com/pulumi-ververica/pulumi-ververica/sdk/go/ververica"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func runWithMocks(t *testing.T, mocks *draftMocks, program pulumi.RunFunc) {
	t.Helper()
	if err := pulumi.RunErr(program, pulumi.WithMocks("project", "stack", mocks)); err != nil {
		t.Fatalf("program failed: %v", err)
	}
}

func TestLookupSendsTheDraftIdAndReturnsTypedAttributes(t *testing.T) {
	mocks := newDraftMocks()
	var result *ververica.LookupDeploymentDraftResult
	runWithMocks(t, mocks, func(ctx *pulumi.Context) error {
		var err error
		draftID := "c84d73be"
		result, err = ververica.LookupDeploymentDraft(ctx, &ververica.LookupDeploymentDraftArgs{
			Workspace: "a14bd5d90a", Namespace: "default-namespace", DeploymentDraftId: &draftID,
		})
		return err
	})

	// The Go SDK sends the schema's default of storeArtifactAsSecret (true).
	want := resource.NewPropertyMapFromMap(map[string]interface{}{
		"workspace": "a14bd5d90a", "namespace": "default-namespace", "deploymentDraftId": "c84d73be", "storeArtifactAsSecret": true,
	})
	if got := mocks.invokeArgs(); len(got) != 1 || !got[0].DeepEquals(want) {
		t.Fatalf("invoke args = %v, want %v", got, want)
	}
	if result.Id != "00000000-0000-0000-0000-00000012****" || *result.EngineVersion != "vvr-6.0.7-flink-1.15" || *result.ExecutionMode != "STREAMING" {
		t.Errorf("id, engine version, execution mode = %q, %q, %q", result.Id, *result.EngineVersion, *result.ExecutionMode)
	}
	if result.Artifact.Kind == nil || *result.Artifact.Kind != "SQLSCRIPT" || result.Artifact.SqlArtifact == nil || result.Artifact.JarArtifact == nil {
		t.Errorf("artifact = %+v, want kind SQLSCRIPT with its SQL and JAR parts", result.Artifact)
	}
	if *result.Artifact.JarArtifact.EntryClass != "org.apapche.flink.test" {
		t.Errorf("entry class = %q", *result.Artifact.JarArtifact.EntryClass)
	}
	if *result.Lock.HolderName != "userA" || *result.CreatedAt != 1723537978 {
		t.Errorf("lock holder, created at = %q, %v", *result.Lock.HolderName, *result.CreatedAt)
	}
	if len(result.LocalVariables) != 1 || *result.LocalVariables[0].Name != "test" {
		t.Errorf("local variables = %+v", result.LocalVariables)
	}
}

func TestLabelsKeepNumbers(t *testing.T) {
	mocks := newDraftMocks()
	var labels map[string]interface{}
	// The program waits for the invoke's output: it may settle after the program returns.
	done := make(chan struct{})
	runWithMocks(t, mocks, func(ctx *pulumi.Context) error {
		draft := ververica.LookupDeploymentDraftOutput(ctx, ververica.LookupDeploymentDraftOutputArgs{
			Workspace: pulumi.String("a14bd5d90a"), Namespace: pulumi.String("default-namespace"), Name: pulumi.String("orders-etl"),
		})
		draft.Labels().ApplyT(func(l map[string]interface{}) map[string]interface{} {
			labels = l
			close(done)
			return l
		})
		<-done
		return nil
	})

	if labels["test"] != "test" || labels["test2"] != float64(1) {
		t.Fatalf("labels = %#v, want test=\"test\" and test2=1 (a number)", labels)
	}
}

func TestOutputFormSendsALookupByName(t *testing.T) {
	mocks := newDraftMocks()
	var holder string
	done := make(chan struct{})
	runWithMocks(t, mocks, func(ctx *pulumi.Context) error {
		draft := ververica.LookupDeploymentDraftOutput(ctx, ververica.LookupDeploymentDraftOutputArgs{
			Workspace: pulumi.String("a14bd5d90a"), Namespace: pulumi.String("default-namespace"), Name: pulumi.String("orders-etl"),
		})
		draft.Lock().HolderName().ApplyT(func(h *string) string {
			holder = *h
			close(done)
			return holder
		})
		<-done
		return nil
	})

	want := resource.NewPropertyMapFromMap(map[string]interface{}{
		"workspace": "a14bd5d90a", "namespace": "default-namespace", "name": "orders-etl", "storeArtifactAsSecret": true,
	})
	if got := mocks.invokeArgs(); len(got) != 1 || !got[0].DeepEquals(want) {
		t.Fatalf("invoke args = %v, want %v", got, want)
	}
	if holder != "userA" {
		t.Errorf("lock holder = %q", holder)
	}
}

func TestASecretInputMakesTheResultSecret(t *testing.T) {
	mocks := newDraftMocks()
	var secret bool
	runWithMocks(t, mocks, func(ctx *pulumi.Context) error {
		draft := ververica.LookupDeploymentDraftOutput(ctx, ververica.LookupDeploymentDraftOutputArgs{
			Workspace: pulumi.ToSecret(pulumi.String("a14bd5d90a")).(pulumi.StringOutput), Namespace: pulumi.String("default-namespace"),
			DeploymentDraftId: pulumi.String("c84d73be"),
		})
		secret = pulumi.IsSecret(draft.EngineVersion())
		return nil
	})

	if !secret {
		t.Error("the engine version of a lookup with a secret workspace is not secret")
	}
}
