// A TypeScript program moves from pulumi-digitalocean's CustomImage to this
// provider's by changing its import alone: every input and output the
// bridged SDK declares, this SDK declares under the same name with the same
// type. `tsc --noEmit` on this file fails, naming the property, otherwise.
import * as pulumi from "@pulumi/pulumi";
import * as bridged from "@pulumi/digitalocean";
import * as ours from "@digitalocean-custom-image/pulumi";

// Exactly the same type, not merely assignable one way.
type Same<A, B> =
    (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

// The keys of Want that Got lacks or types differently.
type Different<Want, Got> = {
    [K in keyof Want]-?: K extends keyof Got ? (Same<Want[K], Got[K]> extends true ? never : K) : K;
}[keyof Want];

type Own<R> = Omit<R, keyof pulumi.CustomResource>;

// Each line fails to compile with the offending property names.
type None<T extends never> = T;
export type OutputsDiffer = None<Different<Own<bridged.CustomImage>, Own<ours.CustomImage>>>;
export type InputsDiffer = None<Different<bridged.CustomImageArgs, ours.CustomImageArgs>>;
