// Imports Flatcar Container Linux as a DigitalOcean custom image and boots a
// droplet from it.
import * as pulumi from "@pulumi/pulumi";
import * as digitalocean from "@pulumi/digitalocean";
import * as customimage from "@digitalocean-custom-image/pulumi";

const flatcarUrl =
    "https://stable.release.flatcar-linux.net/amd64-usr/2605.7.0/" +
    "flatcar_production_digitalocean_image.bin.bz2";

const image = new customimage.CustomImage("flatcar", {
    name: "flatcar",
    url: flatcarUrl,
    regions: ["nyc3"],
    description: "Flatcar Container Linux stable 2605.7.0",
    tags: ["flatcar"],
});

function bootDroplet(image: customimage.CustomImage): pulumi.Output<string> {
    const droplet = new digitalocean.Droplet("flatcar", {
        // Droplets take an image slug or id as a string.
        image: image.imageId.apply((id) => id.toString()),
        region: "nyc3",
        size: "s-1vcpu-2gb",
    });
    return droplet.ipv4Address;
}

// The API emulator serves images only, so a run against it stops at the image.
const imageOnly = new pulumi.Config().getBoolean("imageOnly") ?? false;

export const imageId = image.imageId;
export const status = image.status;
export const dropletIp = imageOnly ? undefined : bootDroplet(image);
