package provider

import (
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

var _ infer.ExplicitDependencies[CustomImageArgs, CustomImageState] = CustomImage{}

// WireDependencies tells the engine which outputs an in-place change can
// alter, so a preview shows the others as they are. Without it every output
// would read as unknown after any change, and a droplet booted from imageId
// would be planned for replacement over an edited description.
func (CustomImage) WireDependencies(
	f infer.FieldSelector, args *CustomImageArgs, state *CustomImageState,
) {
	// Each input is recorded as the program gives it.
	f.OutputField(&state.Name).DependsOn(f.InputField(&args.Name))
	f.OutputField(&state.URL).DependsOn(f.InputField(&args.URL))
	f.OutputField(&state.Regions).DependsOn(f.InputField(&args.Regions))
	f.OutputField(&state.Description).DependsOn(f.InputField(&args.Description))
	f.OutputField(&state.Distribution).DependsOn(f.InputField(&args.Distribution))
	f.OutputField(&state.Tags).DependsOn(f.InputField(&args.Tags))

	// New regions are transfers, which the image's region list shows.
	f.OutputField(&state.ImageRegions).DependsOn(f.InputField(&args.Regions))

	// imageId, type, slug, public and createdAt never change in place. What
	// an import settles (status and sizes) changes only when an earlier wait
	// was cut short and this update resumes it. It may then be unknown, but
	// is never secret: no input goes into it.
	if !doclient.IsAvailable(state.Status) {
		everyInput := f.InputField(args).Computed()
		f.OutputField(&state.Status).DependsOn(everyInput)
		f.OutputField(&state.MinDiskSize).DependsOn(everyInput)
		f.OutputField(&state.SizeGigabytes).DependsOn(everyInput)
		f.OutputField(&state.ImageRegions).DependsOn(everyInput)
	}
}
