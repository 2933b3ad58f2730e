"""Runs a Pulumi Python program against mocks instead of an engine, then
prints each resource it registered, as JSON lines of type, name and inputs.

Usage: python mockrun.py PROGRAM.py
"""

import json
import runpy
import sys

import pulumi

MOCK_IMAGE_ID = 4242


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        outputs = dict(args.inputs)
        # The output droplets boot from; the provider would report it.
        if args.typ == "digitalocean-custom-image:index:CustomImage":
            outputs["imageId"] = MOCK_IMAGE_ID
        print(json.dumps({"type": args.typ, "name": args.name, "inputs": args.inputs},
                         sort_keys=True))
        return [args.name + "-id", outputs]

    def call(self, args):
        return {}


@pulumi.runtime.test
def run(program):
    program_globals = runpy.run_path(program)
    # Waiting on the URNs of the program's resources lets their registrations,
    # and the apply that turns the image id into a string, finish.
    resources = [v for v in program_globals.values() if isinstance(v, pulumi.Resource)]
    return pulumi.Output.all(*[r.urn for r in resources])


if __name__ == "__main__":
    pulumi.runtime.set_mocks(Mocks(), preview=False)
    run(sys.argv[1])
