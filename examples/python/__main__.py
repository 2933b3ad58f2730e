"""Imports Flatcar Container Linux as a DigitalOcean custom image and boots a
droplet from it."""

import pulumi
import pulumi_digitalocean as digitalocean
import pulumi_digitalocean_custom_image as customimage

FLATCAR_URL = (
    "https://stable.release.flatcar-linux.net/amd64-usr/2605.7.0/"
    "flatcar_production_digitalocean_image.bin.bz2"
)

image = customimage.CustomImage(
    "flatcar",
    name="flatcar",
    url=FLATCAR_URL,
    regions=["nyc3"],
    description="Flatcar Container Linux stable 2605.7.0",
    tags=["flatcar"],
)
pulumi.export("imageId", image.image_id)
pulumi.export("status", image.status)

# The API emulator serves images only, so a run against it stops at the image.
if not pulumi.Config().get_bool("imageOnly"):
    droplet = digitalocean.Droplet(
        "flatcar",
        # Droplets take an image slug or id as a string.
        image=image.image_id.apply(str),
        region="nyc3",
        size="s-1vcpu-2gb",
    )
    pulumi.export("dropletIp", droplet.ipv4_address)
