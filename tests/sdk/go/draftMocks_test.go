package sdktest

import (
	"fmt"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// documentedDraft is the example draft of the GetDeploymentDraft API reference, as the plugin
// returns it (camelCase attributes plus `id`). Label `test2` is the number 1, not "1".
func documentedDraft() resource.PropertyMap {
	return resource.NewPropertyMapFromMap(map[string]interface{}{
		"id":                     "00000000-0000-0000-0000-00000012****",
		"deploymentDraftId":      "00000000-0000-0000-0000-00000012****",
		"name":                   "test-draft",
		"parentId":               "00000000-0000-0000-0000-00000013****",
		"referencedDeploymentId": "00000000-0000-0000-0000-0000012312****",
		"executionMode":          "STREAMING",
		"artifact": map[string]interface{}{
			"kind": "SQLSCRIPT",
			"sqlArtifact": map[string]interface{}{
				"sqlScript":              "CREATE TEMPORARY TABLE datagen_source(   name VARCHAR ) WITH (   'connector' = 'datagen' );",
				"additionalDependencies": []interface{}{"https://oss/bucket/addition.jar"},
			},
			"jarArtifact": map[string]interface{}{
				"jarUri":     "https://oss/bucket/test.jar",
				"entryClass": "org.apapche.flink.test",
				"mainArgs":   "start from main",
			},
		},
		"engineVersion":  "vvr-6.0.7-flink-1.15",
		"localVariables": []interface{}{map[string]interface{}{"name": "test", "value": "datagen"}},
		"labels":         map[string]interface{}{"test": "test", "test2": 1},
		"lock": map[string]interface{}{
			"id":         "stt-fu1658tbk6mnkk2****",
			"workspace":  "a14bd5d90a****",
			"namespace":  "default-namespace",
			"holderId":   "18389966****",
			"holderName": "userA",
		},
		"workspace":    "edcef******b4f",
		"namespace":    "default-namespace",
		"creator":      "27846363877456****",
		"creatorName":  "****@streamcompute.onaliyun.com",
		"modifier":     "27846363877456****",
		"modifierName": "****@streamcompute.onaliyun.com",
		"createdAt":    1723537978,
		"modifiedAt":   1723537978,
	})
}

// secondDraft is another draft of the same namespace, for the plural lookup: a JAR job without
// a lock, with a numeric label.
func secondDraft() resource.PropertyMap {
	draft := documentedDraft()
	delete(draft, "lock")
	for key, value := range map[string]interface{}{
		"id":                "00000000-0000-0000-0000-00000034****",
		"deploymentDraftId": "00000000-0000-0000-0000-00000034****",
		"name":              "orders-jar",
		"artifact":          map[string]interface{}{"kind": "JAR", "jarArtifact": map[string]interface{}{"jarUri": "oss://bucket/orders.jar", "entryClass": "com.example.Orders"}},
		"labels":            map[string]interface{}{"team": "payments", "replicas": 2},
	} {
		draft[resource.PropertyKey(key)] = resource.NewPropertyValue(value)
	}
	return draft
}

// draftMocks answers getDeploymentDraft with the documented draft, getDeploymentDrafts with it
// and secondDraft, and DeploymentDraft with its attributes (the artifact as a secret, as the
// plugin stores it by default), and records what the SDK sent.
type draftMocks struct {
	mu        sync.Mutex
	invokes   []pulumi.MockCallArgs
	resources map[string]pulumi.MockResourceArgs
}

func newDraftMocks() *draftMocks {
	return &draftMocks{resources: map[string]pulumi.MockResourceArgs{}}
}

func (m *draftMocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.invokes = append(m.invokes, args)
	switch args.Token {
	case "ververica:index:getDeploymentDraft":
		return documentedDraft(), nil
	case "ververica:index:getDeploymentDrafts":
		drafts := []resource.PropertyValue{resource.NewObjectProperty(documentedDraft()), resource.NewObjectProperty(secondDraft())}
		var ids, names []resource.PropertyValue
		for _, draft := range drafts {
			ids = append(ids, draft.ObjectValue()["id"])
			names = append(names, draft.ObjectValue()["name"])
		}
		return resource.PropertyMap{
			"workspace": args.Args["workspace"],
			"namespace": args.Args["namespace"],
			"ids":       resource.NewArrayProperty(ids),
			"names":     resource.NewArrayProperty(names),
			"drafts":    resource.NewArrayProperty(drafts),
		}, nil
	}
	return nil, fmt.Errorf("unexpected invoke %s", args.Token)
}

func (m *draftMocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.resources[args.Name] = args
	if args.TypeToken != "ververica:index:DeploymentDraft" {
		return args.Name + "-id", args.Inputs, nil
	}
	state := documentedDraft()
	delete(state, "id")
	state["artifact"] = resource.MakeSecret(state["artifact"])
	for k, v := range args.Inputs {
		state[k] = v
	}
	return state["deploymentDraftId"].StringValue(), state, nil
}

func (m *draftMocks) invokeArgs() []resource.PropertyMap {
	m.mu.Lock()
	defer m.mu.Unlock()
	var all []resource.PropertyMap
	for _, call := range m.invokes {
		all = append(all, call.Args)
	}
	return all
}

func (m *draftMocks) registered(name string) pulumi.MockResourceArgs {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.resources[name]
}
