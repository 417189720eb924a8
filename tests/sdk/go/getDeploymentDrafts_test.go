package sdktest

import (
	"testing"

	"github.com/pulumi-ververica/pulumi-ververica/sdk/go/ververica"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestGetDeploymentDraftsSendsEveryFilterAndReturnsTypedDrafts(t *testing.T) {
	mocks := newDraftMocks()
	var result *ververica.GetDeploymentDraftsResult
	runWithMocks(t, mocks, func(ctx *pulumi.Context) error {
		var err error
		nameRegex := "^orders-"
		result, err = ververica.GetDeploymentDrafts(ctx, &ververica.GetDeploymentDraftsArgs{
			Workspace: "a14bd5d90a", Namespace: "default-namespace", NameRegex: &nameRegex,
			Ids:    []string{"c84d73be", "9b2d6c1e"},
			Labels: map[string]interface{}{"team": "payments", "replicas": 2},
		})
		return err
	})

	// The Go SDK sends the schema's default of storeArtifactAsSecret (true).
	want := resource.NewPropertyMapFromMap(map[string]interface{}{
		"workspace": "a14bd5d90a", "namespace": "default-namespace", "nameRegex": "^orders-",
		"ids":                   []interface{}{"c84d73be", "9b2d6c1e"},
		"labels":                map[string]interface{}{"team": "payments", "replicas": 2},
		"storeArtifactAsSecret": true,
	})
	if got := mocks.invokeArgs(); len(got) != 1 || !got[0].DeepEquals(want) {
		t.Fatalf("invoke args = %v, want %v", got, want)
	}
	if result.Workspace != "a14bd5d90a" || len(result.Drafts) != 2 || len(result.Ids) != 2 || result.Names[1] != "orders-jar" {
		t.Fatalf("result = %+v, want two drafts of workspace a14bd5d90a", result)
	}
	first, second := result.Drafts[0], result.Drafts[1]
	if first.Id != result.Ids[0] || second.DeploymentDraftId != result.Ids[1] {
		t.Errorf("draft ids = %q, %q; ids = %v", first.Id, second.DeploymentDraftId, result.Ids)
	}
	if *first.EngineVersion != "vvr-6.0.7-flink-1.15" || *first.Artifact.Kind != "SQLSCRIPT" || *first.Lock.HolderName != "userA" || *first.CreatedAt != 1723537978 {
		t.Errorf("first draft = %+v", first)
	}
	if *second.Artifact.Kind != "JAR" || *second.Artifact.JarArtifact.EntryClass != "com.example.Orders" || second.Lock != nil {
		t.Errorf("second draft = %+v, want a JAR job without a lock", second)
	}
	if second.Labels["replicas"] != float64(2) || second.Labels["team"] != "payments" {
		t.Errorf("labels = %#v, want team=\"payments\" and replicas=2 (a number)", second.Labels)
	}
}

func TestGetDeploymentDraftsOutputFormReturnsNames(t *testing.T) {
	mocks := newDraftMocks()
	var names []string
	done := make(chan struct{})
	runWithMocks(t, mocks, func(ctx *pulumi.Context) error {
		found := ververica.GetDeploymentDraftsOutput(ctx, ververica.GetDeploymentDraftsOutputArgs{
			Workspace: pulumi.String("a14bd5d90a"), Namespace: pulumi.String("default-namespace"),
			Labels: pulumi.Map{"team": pulumi.String("payments")},
		})
		found.Names().ApplyT(func(n []string) []string {
			names = n
			close(done)
			return n
		})
		<-done
		return nil
	})

	want := resource.NewPropertyMapFromMap(map[string]interface{}{
		"workspace": "a14bd5d90a", "namespace": "default-namespace", "labels": map[string]interface{}{"team": "payments"}, "storeArtifactAsSecret": true,
	})
	if got := mocks.invokeArgs(); len(got) != 1 || !got[0].DeepEquals(want) {
		t.Fatalf("invoke args = %v, want %v", got, want)
	}
	if len(names) != 2 || names[0] != "test-draft" || names[1] != "orders-jar" {
		t.Errorf("names = %v", names)
	}
}

func TestGetDeploymentDraftsWithASecretInputIsSecret(t *testing.T) {
	mocks := newDraftMocks()
	var secret bool
	runWithMocks(t, mocks, func(ctx *pulumi.Context) error {
		found := ververica.GetDeploymentDraftsOutput(ctx, ververica.GetDeploymentDraftsOutputArgs{
			Workspace: pulumi.String("a14bd5d90a"), Namespace: pulumi.ToSecret(pulumi.String("default-namespace")).(pulumi.StringOutput),
		})
		secret = pulumi.IsSecret(found.Drafts())
		return nil
	})

	if !secret {
		t.Error("the drafts of a lookup with a secret namespace are not secret")
	}
}
