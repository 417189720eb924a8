// Reads two deployment drafts of Realtime Compute for Apache Flink and exports what a deployment
// pipeline usually checks: engine version, execution mode, artifact kind, labels, lock.
//
// Where the API is reached and with which credentials is not part of the program: it comes from
// the stack config (`ververica:region` or `ververica:endpoint`, `ververica:accessKey` and
// `ververica:secretKey` as a secret) or from the environment (`ALIBABA_CLOUD_REGION_ID`,
// `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`).
package main

import (
	"github.com/pulumi-ververica/pulumi-ververica/sdk/go/ververica"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		// Which drafts to read. The defaults name drafts of the offline demo; point them at your
		// own with e.g. `pulumi config set workspace <workspace id>`.
		cfg := config.New(ctx, "")
		workspace := orDefault(cfg.Get("workspace"), "a14bd5d90a")
		namespace := orDefault(cfg.Get("namespace"), "default-namespace")
		draftID := orDefault(cfg.Get("draftId"), "c84d73be-40ad-4627-8bdd-fa1eba51b234")
		secondDraftName := orDefault(cfg.Get("secondDraftName"), "payments-enrichment")

		// By id: one GetDeploymentDraft call. The result is a Pulumi secret, because the draft's
		// artifact (SQL, main args) may hold passwords; what this program exports holds none, so
		// each export is shown in plain text with pulumi.Unsecret.
		draft := ververica.LookupDeploymentDraftOutput(ctx, ververica.LookupDeploymentDraftOutputArgs{
			Workspace:         pulumi.String(workspace),
			Namespace:         pulumi.String(namespace),
			DeploymentDraftId: pulumi.String(draftID),
		})
		ctx.Export("draftName", pulumi.Unsecret(draft.Name()))
		ctx.Export("engineVersion", pulumi.Unsecret(draft.EngineVersion()))
		ctx.Export("executionMode", pulumi.Unsecret(draft.ExecutionMode()))
		// Label values are exported as the API sent them, numbers and booleans included.
		ctx.Export("labels", pulumi.Unsecret(draft.Labels()))
		ctx.Export("artifactKind", pulumi.Unsecret(draft.Artifact().Kind()))

		// By name: the draft's id is found with ListDeploymentDrafts first.
		second := ververica.LookupDeploymentDraftOutput(ctx, ververica.LookupDeploymentDraftOutputArgs{
			Workspace: pulumi.String(workspace),
			Namespace: pulumi.String(namespace),
			Name:      pulumi.String(secondDraftName),
		})
		ctx.Export("secondDraft", pulumi.Unsecret(pulumi.Map{
			"id":            second.Id(),
			"engineVersion": second.EngineVersion(),
			"artifactKind":  second.Artifact().Kind(),
			// Whoever is editing the draft in the console holds its lock.
			"lockHolder": second.Lock().HolderName(),
		}.ToMapOutput()))
		return nil
	})
}

func orDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}
