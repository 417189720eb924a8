// Creates a Realtime Compute for Apache Flink deployment from a deployment draft, as the
// TypeScript example examples/feed-deployment does: the draft, found by its name, says what runs
// (artifact, engine version, execution mode, variables, labels); this program says where and with
// how much (deployment target, resources).
//
// GetDeploymentArgsOutput returns the draft as alicloud.realtimecompute.Deployment's arguments,
// exactly what deploymentArgsFromDraft gives a TypeScript program: the artifact's part for its
// kind, the labels as strings (1 becomes "1"). A CDC YAML draft, which that resource cannot run,
// or a draft without artifact, execution mode or name fails the program with a DraftNotDeployable
// error. The artifact (the SQL, where passwords hide) is a secret; Pulumi's Go SDK makes the
// function's whole result secret when any of it is, so every argument taken from it reaches the
// deployment's state as ciphertext.
//
// Where the Ververica API is reached and with which credentials comes from the stack config
// (`ververica:region` or `ververica:endpoint`, `ververica:accessKey` and `ververica:secretKey` as
// a secret) or the environment (`ALIBABA_CLOUD_REGION_ID`, `ALIBABA_CLOUD_ACCESS_KEY_ID` /
// `ALIBABA_CLOUD_ACCESS_KEY_SECRET`); the alicloud provider reads its own `alicloud:*` settings and
// the same variables.
package main

import (
	"github.com/pulumi-ververica/pulumi-ververica/sdk/go/ververica"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(feedDeployment)
}

// Deployment is alicloud.realtimecompute.Deployment, registered by its type token: the engine and
// the alicloud provider plugin need nothing else. With alicloud's Go SDK
// (github.com/pulumi/pulumi-alicloud/sdk/v3/go/alicloud/realtimecompute), pass the same values to
// realtimecompute.NewDeployment instead.
type Deployment struct {
	pulumi.CustomResourceState

	DeploymentId  pulumi.StringOutput    `pulumi:"deploymentId"`
	EngineVersion pulumi.StringPtrOutput `pulumi:"engineVersion"`
}

func feedDeployment(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")
	workspace := cfg.Require("workspace")
	namespace := orDefault(cfg.Get("namespace"), "default-namespace")
	draftName := cfg.Require("draftName")
	parallelism := cfg.GetInt("parallelism")
	if parallelism == 0 {
		parallelism = 1
	}

	// By name: ListDeploymentDrafts finds the draft's id, GetDeploymentDraft reads it.
	feed := ververica.GetDeploymentArgsOutput(ctx, ververica.GetDeploymentArgsOutputArgs{
		Workspace: pulumi.String(workspace),
		Namespace: pulumi.String(namespace),
		Name:      pulumi.String(draftName),
	})

	var deployment Deployment
	err := ctx.RegisterResource("alicloud:realtimecompute/deployment:Deployment", draftName, pulumi.Map{
		// From the draft, under the resource's own names.
		"resourceId":     feed.ResourceId(),
		"namespace":      feed.Namespace(),
		"deploymentName": feed.DeploymentName(),
		"executionMode":  feed.ExecutionMode(),
		"engineVersion":  feed.EngineVersion(),
		"artifact":       feed.Artifact(),
		"localVariables": feed.LocalVariables(),
		"labels":         feed.Labels(),
		// From this program.
		"deploymentTarget": pulumi.Map{
			"mode": pulumi.String("PER_JOB"),
			"name": pulumi.String(orDefault(cfg.Get("deploymentTarget"), "default-queue")),
		},
		"streamingResourceSetting": pulumi.Map{
			"resourceSettingMode": pulumi.String("BASIC"),
			"basicResourceSetting": pulumi.Map{
				"parallelism":                    pulumi.Int(parallelism),
				"jobmanagerResourceSettingSpec":  pulumi.Map{"cpu": pulumi.Float64(1), "memory": pulumi.String("4Gi")},
				"taskmanagerResourceSettingSpec": pulumi.Map{"cpu": pulumi.Float64(1), "memory": pulumi.String("4Gi")},
			},
		},
		"flinkConf": pulumi.StringMap{"execution.checkpointing.interval": pulumi.String("180s")},
	}, &deployment)
	if err != nil {
		return err
	}
	ctx.Export("deploymentId", deployment.DeploymentId)
	ctx.Export("engineVersion", deployment.EngineVersion)
	return nil
}

func orDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}
