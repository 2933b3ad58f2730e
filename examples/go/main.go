// Command flatcar imports Flatcar Container Linux as a DigitalOcean custom
// image and boots a droplet from it.
package main

import (
	"strconv"

	"github.com/pulumi/pulumi-digitalocean/sdk/v4/go/digitalocean"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	customimage "github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/sdk/go/digitaloceancustomimage"
)

const flatcarURL = "https://stable.release.flatcar-linux.net/amd64-usr/2605.7.0/" +
	"flatcar_production_digitalocean_image.bin.bz2"

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		image, err := customimage.NewCustomImage(ctx, "flatcar", &customimage.CustomImageArgs{
			Name:        pulumi.String("flatcar"),
			Url:         pulumi.String(flatcarURL),
			Regions:     pulumi.StringArray{pulumi.String("nyc3")},
			Description: pulumi.String("Flatcar Container Linux stable 2605.7.0"),
			Tags:        pulumi.StringArray{pulumi.String("flatcar")},
		})
		if err != nil {
			return err
		}
		ctx.Export("imageId", image.ImageId)
		ctx.Export("status", image.Status)

		// The API emulator serves images only, so a run against it stops here.
		if config.GetBool(ctx, "imageOnly") {
			return nil
		}

		droplet, err := digitalocean.NewDroplet(ctx, "flatcar", &digitalocean.DropletArgs{
			// Droplets take an image slug or id as a string.
			Image:  image.ImageId.ApplyT(strconv.Itoa).(pulumi.StringOutput),
			Region: pulumi.String("nyc3"),
			Size:   pulumi.String("s-1vcpu-2gb"),
		})
		if err != nil {
			return err
		}
		ctx.Export("dropletIp", droplet.Ipv4Address)
		return nil
	})
}
