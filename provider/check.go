package provider

import (
	"context"
	"fmt"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// autonameSuffixLength matches pulumi-digitalocean: "<resource name>-<7 hex>".
const autonameSuffixLength = 7

// Check names the image when the program does not, and rejects inputs that
// DigitalOcean would refuse, before anything is created. Values that are
// still unknown during a preview are checked once they are known.
func (c CustomImage) Check(
	ctx context.Context, req infer.CheckRequest,
) (infer.CheckResponse[CustomImageArgs], error) {
	args, failures, err := infer.DefaultCheck[CustomImageArgs](ctx, req.NewInputs)
	if err != nil || len(failures) > 0 {
		return infer.CheckResponse[CustomImageArgs]{Inputs: args, Failures: failures}, err
	}

	if args.Name == nil && !isUnknown(req.NewInputs, "name") {
		name, err := autoname(ctx, req)
		if err != nil {
			return infer.CheckResponse[CustomImageArgs]{}, err
		}
		args.Name = &name
	}

	failures = validate(req.NewInputs, args)
	if len(failures) == 0 {
		warn(ctx, req.NewInputs, args)
	}
	return infer.CheckResponse[CustomImageArgs]{Inputs: args, Failures: failures}, nil
}

// validate applies every rule to the inputs that are known.
func validate(inputs property.Map, args CustomImageArgs) []p.CheckFailure {
	var failures []p.CheckFailure
	if args.Name != nil && !isUnknown(inputs, "name") {
		failures = append(failures, validateName(*args.Name)...)
	}
	if !isUnknown(inputs, "url") {
		failures = append(failures, validateURL(args.URL)...)
	}
	if !isUnknown(inputs, "regions") {
		failures = append(failures, validateRegions(args.Regions)...)
	}
	if !isUnknown(inputs, "tags") {
		failures = append(failures, validateTags(args.Tags)...)
	}
	return failures
}

// warn points out inputs DigitalOcean accepts but will not honour.
func warn(ctx context.Context, inputs property.Map, args CustomImageArgs) {
	log := p.GetLogger(ctx)
	if suffix := rejectedFormat(args.URL); suffix != "" && !isUnknown(inputs, "url") {
		log.Warningf("url ends in %s: DigitalOcean does not import %s files and the "+
			"import will fail; use a raw, qcow2, VHDX, VDI or VMDK image, optionally "+
			"gzip or bzip2 compressed", suffix, suffix)
	}

	d := args.Distribution
	if d != nil && !isUnknown(inputs, "distribution") {
		if _, ok := knownDistribution(*d); !ok && *d != "" && !strings.EqualFold(*d, "Unknown OS") {
			log.Warningf("distribution %q is not one DigitalOcean knows; it will be stored "+
				"as Unknown OS. Known values: %s", *d, quotedList(knownDistributions))
		}
	}
}

// autoname keeps the name an image already has, so an update never renames
// it by surprise, and otherwise derives one from the engine's random seed,
// as the engine expects of providers: a Check it repeats within one run names
// the image the same way. A separate `pulumi preview` may show another name.
func autoname(ctx context.Context, req infer.CheckRequest) (string, error) {
	if old := req.OldInputs.Get("name"); old.IsString() && old.AsString() != "" {
		return old.AsString(), nil
	}

	name, err := resource.NewUniqueName(randomSeed(ctx), req.Name+"-",
		autonameSuffixLength, maxNameLength, nil)
	if err != nil {
		return "", fmt.Errorf("generating a name for %s: %w", req.Name, err)
	}
	return name, nil
}

// isUnknown reports whether an input, or any element of it, is not known
// yet, as happens during a preview when it depends on another resource.
func isUnknown(inputs property.Map, key string) bool {
	return containsUnknown(inputs.Get(key))
}

func containsUnknown(v property.Value) bool {
	switch {
	case v.IsComputed():
		return true
	case v.IsArray():
		for _, e := range v.AsArray().All {
			if containsUnknown(e) {
				return true
			}
		}
	}
	return false
}
