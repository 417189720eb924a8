// The program under Pulumi's mocks: the alicloud provider cannot run here, so the mocks stand in
// for it and for the ververica plugin, whose answers to getDeploymentArgs they give
// (tests/sdk/deploymentArgsAnswers.json, which tests/integration/plugin/getDeploymentArgsInvoke.test.ts
// checks against the plugin). The test checks every argument the Deployment receives.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const deploymentType = "alicloud:realtimecompute/deployment:Deployment"

// answers is what the plugin answers getDeploymentArgs for drafts of the emulator's fixtures.
type answers struct {
	Workspace string                            `json:"workspace"`
	Namespace string                            `json:"namespace"`
	Answers   map[string]map[string]interface{} `json:"answers"`
	Refusals  map[string]struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"refusals"`
}

func loadAnswers(t *testing.T) answers {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "..", "tests", "sdk", "deploymentArgsAnswers.json"))
	if err != nil {
		t.Fatal(err)
	}
	var a answers
	if err := json.Unmarshal(text, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// exampleSettings is what the program adds to every draft's arguments.
var exampleSettings = map[string]interface{}{
	"deploymentTarget": map[string]interface{}{"mode": "PER_JOB", "name": "default-queue"},
	"streamingResourceSetting": map[string]interface{}{
		"resourceSettingMode": "BASIC",
		"basicResourceSetting": map[string]interface{}{
			"parallelism":                    1,
			"jobmanagerResourceSettingSpec":  map[string]interface{}{"cpu": 1, "memory": "4Gi"},
			"taskmanagerResourceSettingSpec": map[string]interface{}{"cpu": 1, "memory": "4Gi"},
		},
	},
	"flinkConf": map[string]interface{}{"execution.checkpointing.interval": "180s"},
}

type feedMocks struct {
	answers   answers
	mu        sync.Mutex
	invokes   []pulumi.MockCallArgs
	resources []pulumi.MockResourceArgs
}

func (m *feedMocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.invokes = append(m.invokes, args)
	if args.Token != "ververica:index:getDeploymentArgs" {
		return nil, fmt.Errorf("unexpected invoke %s", args.Token)
	}
	name := args.Args["name"].StringValue()
	if refusal, ok := m.answers.Refusals[name]; ok {
		return nil, fmt.Errorf("%s: %s", refusal.Code, refusal.Message)
	}
	answer := resource.NewPropertyMapFromMap(m.answers.Answers[name])
	if store := args.Args["storeArtifactAsSecret"]; !store.IsBool() || store.BoolValue() {
		answer["artifact"] = resource.MakeSecret(answer["artifact"])
	}
	return answer, nil
}

func (m *feedMocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.resources = append(m.resources, args)
	state := args.Inputs.Copy()
	state["deploymentId"] = resource.NewStringProperty(args.Name + "-deployment")
	return args.Name + "-id", state, nil
}

// runExample runs the program for the draft named draftName with the stack config it requires.
func runExample(t *testing.T, draftName string) (*feedMocks, error) {
	mocks := &feedMocks{answers: loadAnswers(t)}
	config, _ := json.Marshal(map[string]string{"project:workspace": mocks.answers.Workspace, "project:draftName": draftName})
	t.Setenv("PULUMI_CONFIG", string(config))
	err := pulumi.RunErr(feedDeployment, pulumi.WithMocks("project", "stack", mocks))
	return mocks, err
}

// registered returns the inputs of the one Deployment registered, without secret marks, and the
// names of the secret ones.
func registered(t *testing.T, mocks *feedMocks, name string) (resource.PropertyMap, map[string]bool) {
	t.Helper()
	var found []pulumi.MockResourceArgs
	for _, r := range mocks.resources {
		if r.TypeToken == deploymentType {
			found = append(found, r)
		}
	}
	if len(found) != 1 || found[0].Name != name {
		t.Fatalf("registered %v, want one %s named %s", found, deploymentType, name)
	}
	inputs, secrets := resource.PropertyMap{}, map[string]bool{}
	for key, value := range found[0].Inputs {
		if value.IsSecret() {
			secrets[string(key)] = true
			value = value.SecretValue().Element
		}
		inputs[key] = value
	}
	return inputs, secrets
}

func TestFeedsTheDeploymentExactlyTheSqlDraftsArgumentsTheArtifactSecret(t *testing.T) {
	mocks, err := runExample(t, "orders-etl")
	if err != nil {
		t.Fatalf("program failed: %v", err)
	}
	if len(mocks.invokes) != 1 {
		t.Fatalf("invokes = %v, want one getDeploymentArgs", mocks.invokes)
	}
	wantArgs := resource.NewPropertyMapFromMap(map[string]interface{}{
		"workspace": "a14bd5d90a", "namespace": "default-namespace", "name": "orders-etl", "storeArtifactAsSecret": true,
	})
	if got := mocks.invokes[0].Args; !got.DeepEquals(wantArgs) {
		t.Errorf("invoke args = %v, want %v", got, wantArgs)
	}

	inputs, secrets := registered(t, mocks, "orders-etl")
	answer := mocks.answers.Answers["orders-etl"]
	want := resource.NewPropertyMapFromMap(answer)
	for key, value := range resource.NewPropertyMapFromMap(exampleSettings) {
		want[key] = value
	}
	if !inputs.DeepEquals(want) {
		t.Errorf("deployment inputs differ from the plugin's answer plus the program's settings:\n got %v\nwant %v", inputs, want)
	}
	// The number label arrives as "1", as TypeScript gives it.
	if labels := inputs["labels"].ObjectValue(); labels["tier"].StringValue() != "1" {
		t.Errorf("labels = %v, want tier \"1\"", labels)
	}
	// The SDK keeps the whole result secret because of its artifact: every fed argument is.
	for key := range answer {
		if !secrets[key] {
			t.Errorf("%s is not secret", key)
		}
	}
}

func TestHandsJarAndPythonArtifactsOverPartForPart(t *testing.T) {
	for name, part := range map[string]string{"clickstream-sessionizer": "jarArtifact", "fraud-scoring": "pythonArtifact"} {
		t.Run(name, func(t *testing.T) {
			mocks, err := runExample(t, name)
			if err != nil {
				t.Fatalf("program failed: %v", err)
			}
			inputs, _ := registered(t, mocks, name)
			want := resource.NewPropertyMapFromMap(mocks.answers.Answers[name])
			if !inputs["artifact"].DeepEquals(want["artifact"]) || !inputs["labels"].DeepEquals(want["labels"]) {
				t.Errorf("artifact, labels = %v, %v; want %v, %v", inputs["artifact"], inputs["labels"], want["artifact"], want["labels"])
			}
			if artifact := inputs["artifact"].ObjectValue(); len(artifact) != 2 || !artifact.HasValue("kind") || !artifact.HasValue(resource.PropertyKey(part)) {
				t.Errorf("artifact = %v, want kind and %s only", artifact, part)
			}
		})
	}
}

func TestStopsAtACdcYamlDraftWithThePluginsErrorAndCreatesNothing(t *testing.T) {
	mocks, err := runExample(t, "mysql-to-paimon")
	refusal := mocks.answers.Refusals["mysql-to-paimon"]
	if err == nil || !strings.Contains(err.Error(), refusal.Code+": "+refusal.Message) {
		t.Fatalf("program error = %v, want the plugin's %s", err, refusal.Code)
	}
	for _, r := range mocks.resources {
		if r.TypeToken == deploymentType {
			t.Errorf("registered %s although the draft cannot be deployed", r.Name)
		}
	}
}
