// Drives the custom image scenario of tests/languages through the Node.js
// Automation API, embedding the provider the way the README shows: this
// script starts the provider plugin and the engine attaches to it. Progress
// goes to stderr; the outputs after each update go to stdout as JSON.
//
// Usage: node automation.js <DigitalOcean API endpoint>
import { spawn } from "child_process";
import * as readline from "readline";
import { LocalWorkspace, OutputMap, Stack } from "@pulumi/pulumi/automation";
import * as customimage from "@digitalocean-custom-image/pulumi";

const providerName = "digitalocean-custom-image";

// withProvider serves the provider for one engine operation. Started
// without an engine address, the plugin listens on a free port and prints
// it. The engine cancels an attached provider for good when an operation
// ends, so every operation gets a fresh one.
async function withProvider<T>(stack: Stack, operation: () => Promise<T>): Promise<T> {
    const child = spawn(`pulumi-resource-${providerName}`, [], {
        stdio: ["ignore", "pipe", "inherit"],
    });
    try {
        const port = await new Promise<string>((resolve, reject) => {
            child.once("error", reject);
            child.once("exit", (code) => reject(new Error(`provider exited: ${code}`)));
            readline.createInterface({ input: child.stdout! }).once("line", resolve);
        });
        stack.workspace.envVars["PULUMI_DEBUG_PROVIDERS"] = `${providerName}:${port.trim()}`;
        return await operation();
    } finally {
        child.kill();
    }
}

function values(outputs: OutputMap): Record<string, unknown> {
    return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v.value]));
}

async function main(endpoint: string): Promise<void> {
    // The program runs on every update, so the second one sees the change.
    let description = "first";
    const program = async () => {
        const image = new customimage.CustomImage("image", {
            url: "https://images.example.test/flatcar.bin.bz2",
            regions: ["nyc3"],
            description,
        });
        return {
            imageId: image.imageId,
            status: image.status,
            regions: image.regions,
            description: image.description,
        };
    };

    const stack = await LocalWorkspace.createOrSelectStack({
        stackName: "dev",
        projectName: "custom-image-ts",
        program,
    });
    await stack.setConfig(`${providerName}:apiEndpoint`, { value: endpoint });
    const progress = { onOutput: (text: string) => process.stderr.write(text) };

    const created = await withProvider(stack, () => stack.up(progress));
    description = "second";
    const updated = await withProvider(stack, () => stack.up(progress));
    await withProvider(stack, () => stack.destroy(progress));
    await stack.workspace.removeStack("dev");

    console.log(JSON.stringify({
        created: values(created.outputs),
        updated: values(updated.outputs),
    }));
}

main(process.argv[2]).catch((err) => {
    console.error(err);
    process.exit(1);
});
