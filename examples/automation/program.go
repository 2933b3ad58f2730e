package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider"
	customimage "github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/sdk/go/digitaloceancustomimage"
)

const flatcarURL = "https://stable.release.flatcar-linux.net/amd64-usr/2605.7.0/" +
	"flatcar_production_digitalocean_image.bin.bz2"

// flatcarImage is the inline program: one custom image, and the outputs a
// caller needs to boot droplets from it.
func flatcarImage(ctx *pulumi.Context) error {
	image, err := customimage.NewCustomImage(ctx, "flatcar", &customimage.CustomImageArgs{
		Url:         pulumi.String(flatcarURL),
		Regions:     pulumi.StringArray{pulumi.String("nyc3")},
		Description: pulumi.String("Flatcar Container Linux stable 2605.7.0"),
		Tags:        pulumi.StringArray{pulumi.String("flatcar")},
	},
		// The provider compiled into this program is the one to use, whatever
		// version the SDK was generated for.
		pulumi.Version(provider.Version))
	if err != nil {
		return err
	}

	ctx.Export("imageId", image.ImageId)
	ctx.Export("status", image.Status)
	ctx.Export("regions", image.ImageRegions)
	return nil
}
