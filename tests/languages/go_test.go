package languages

import (
	"context"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"

	customimage "github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/sdk/go/digitaloceancustomimage"
)

func TestGoProgramImportsUpdatesAndDestroysAnImage(t *testing.T) {
	t.Parallel()
	requireTools(t)
	api := startAPI(t)
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()

	// The program reads the description when the engine runs it, so the
	// second update sees the change.
	description := firstDescription
	program := func(ctx *pulumi.Context) error {
		image, err := customimage.NewCustomImage(ctx, "image", &customimage.CustomImageArgs{
			Url:         pulumi.String(imageURL),
			Regions:     pulumi.StringArray{pulumi.String("nyc3")},
			Description: pulumi.String(description),
		})
		if err != nil {
			return err
		}
		ctx.Export("imageId", image.ImageId)
		ctx.Export("status", image.Status)
		ctx.Export("regions", image.Regions)
		ctx.Export("description", image.Description)
		return nil
	}

	// The project names the provider by path, so the engine runs the binary
	// built for this test run and no other.
	project := workspace.Project{
		Name:    "custom-image-go",
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Plugins: &workspace.Plugins{Providers: []workspace.PluginOptions{
			{Name: providerName, Path: tools.ProviderDir},
		}},
	}
	cli, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: tools.Dir})
	require.NoError(t, err)
	stack, err := auto.UpsertStackInlineSource(ctx, "dev", project.Name.String(), program,
		auto.Project(project), auto.Pulumi(cli), auto.EnvVars(cliEnv(t)),
		auto.WorkDir(t.TempDir()))
	require.NoError(t, err)
	require.NoError(t, stack.SetConfig(ctx, providerName+":apiEndpoint",
		auto.ConfigValue{Value: api.Endpoint}))

	var got scenario
	got.Created = upOutputs(ctx, t, stack)
	description = secondDescription
	got.Updated = upOutputs(ctx, t, stack)

	_, err = stack.Destroy(ctx, optdestroy.ProgressStreams(testWriter{t}))
	require.NoError(t, err)
	requireScenario(t, api, got)
}

// upOutputs runs an update and returns the stack outputs it produced.
func upOutputs(ctx context.Context, t *testing.T, stack auto.Stack) outputs {
	t.Helper()
	res, err := stack.Up(ctx, optup.ProgressStreams(testWriter{t}))
	require.NoError(t, err)

	values := map[string]any{}
	for name, output := range res.Outputs {
		values[name] = output.Value
	}
	var out outputs
	require.NoError(t, remarshal(values, &out))
	return out
}
