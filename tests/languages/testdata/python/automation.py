"""Drives the custom image scenario of tests/languages through the Python
Automation API, embedding the provider the way the README shows: this script
starts the provider plugin and the engine attaches to it. Progress goes to
stderr; the outputs after each update go to stdout as JSON.

Usage: python automation.py <DigitalOcean API endpoint>
"""

import json
import subprocess
import sys

import pulumi
import pulumi_digitalocean_custom_image as customimage
from pulumi import automation as auto

PROVIDER_NAME = "digitalocean-custom-image"


def with_provider(stack, operation):
    """Serves the provider for one engine operation.

    Started without an engine address, the plugin listens on a free port and
    prints it. The engine cancels an attached provider for good when an
    operation ends, so every operation gets a fresh one.
    """
    plugin = subprocess.Popen(
        [f"pulumi-resource-{PROVIDER_NAME}"], stdout=subprocess.PIPE, text=True
    )
    try:
        port = plugin.stdout.readline().strip()
        if not port:
            raise RuntimeError(f"provider exited: {plugin.wait()}")
        stack.workspace.env_vars["PULUMI_DEBUG_PROVIDERS"] = f"{PROVIDER_NAME}:{port}"
        return operation()
    finally:
        plugin.kill()
        plugin.wait()


def progress(line):
    print(line, file=sys.stderr)


def values(outputs):
    return {name: output.value for name, output in outputs.items()}


def main(endpoint):
    # The program runs on every update, so the second one sees the change.
    description = "first"

    def program():
        image = customimage.CustomImage(
            "image",
            url="https://images.example.test/flatcar.bin.bz2",
            regions=["nyc3"],
            description=description,
        )
        pulumi.export("imageId", image.image_id)
        pulumi.export("status", image.status)
        pulumi.export("regions", image.regions)
        pulumi.export("description", image.description)

    stack = auto.create_or_select_stack(
        stack_name="dev", project_name="custom-image-py", program=program
    )
    stack.set_config(f"{PROVIDER_NAME}:apiEndpoint", auto.ConfigValue(value=endpoint))
    created = with_provider(stack, lambda: stack.up(on_output=progress))
    description = "second"
    updated = with_provider(stack, lambda: stack.up(on_output=progress))
    with_provider(stack, lambda: stack.destroy(on_output=progress))
    stack.workspace.remove_stack("dev")

    print(json.dumps({
        "created": values(created.outputs),
        "updated": values(updated.outputs),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
