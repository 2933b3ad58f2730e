// Package provider implements the digitalocean-custom-image Pulumi provider:
// one resource, CustomImage, that imports a DigitalOcean custom image from a
// URL, waits until it is usable, keeps it in sync and removes it.
package provider

import (
	"context"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
)

// Name is the Pulumi package name.
const Name = "digitalocean-custom-image"

// Version is set at build time with -ldflags "-X <module>/provider.Version=...".
var Version = "0.0.1-dev"

// goImportPath is where the generated Go SDK lives in this repository.
const goImportPath = "github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/" +
	"sdk/go/digitaloceancustomimage"

// Option tunes a provider built by New.
type Option func(*CustomImage)

// WithPollInterval sets how often the provider asks DigitalOcean about an
// import or a transfer in progress. Tests against the emulator poll fast.
func WithPollInterval(first, max time.Duration) Option {
	return func(c *CustomImage) { c.poll = pollSchedule{first: first, max: max} }
}

// New returns the provider.
func New(opts ...Option) (p.Provider, error) {
	image := CustomImage{poll: defaultPoll}
	for _, opt := range opts {
		opt(&image)
	}

	prov, err := infer.NewProviderBuilder().
		WithResources(infer.Resource(image)).
		WithConfig(infer.Config(&Config{})).
		WithModuleMap(map[tokens.ModuleName]tokens.ModuleName{"provider": "index"}).
		WithDisplayName("DigitalOcean Custom Image").
		WithDescription("Import DigitalOcean custom images from a URL, wait until they are "+
			"usable, and keep their regions, tags and metadata in sync.").
		WithKeywords("pulumi", "digitalocean", "custom-image", "category/cloud", "kind/native").
		WithHomepage("https://github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image").
		WithRepository("https://github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image").
		WithPublisher("digitalocean-custom-image").
		WithLicense("Apache-2.0").
		WithNamespace("digitalocean-custom-image").
		// WithLanguageMap replaces infer's defaults, so they are repeated here;
		// it comes before WithGoImportPath, which writes into the "go" entry.
		WithLanguageMap(map[string]any{
			"go": map[string]any{
				"generateResourceContainerTypes": true,
				"respectSchemaVersion":           true,
			},
			"nodejs": map[string]any{
				"packageName":          "@digitalocean-custom-image/pulumi",
				"packageDescription":   "Pulumi SDK for DigitalOcean custom images imported from a URL.",
				"respectSchemaVersion": true,
				"typescriptVersion":    "5.9.3",
				"dependencies":         map[string]any{"@pulumi/pulumi": "^3.276.0"},
				"devDependencies":      map[string]any{"@types/node": "20.19.43"},
			},
			"python": map[string]any{
				"packageName":          "pulumi_digitalocean_custom_image",
				"respectSchemaVersion": true,
				"requires":             map[string]any{"pulumi": ">=3.272.0,<4.0.0"},
				"pyproject":            map[string]any{"enabled": true},
			},
			"csharp": map[string]any{
				"respectSchemaVersion": true,
			},
		}).
		WithGoImportPath(goImportPath).
		Build()
	if err != nil {
		return p.Provider{}, err
	}

	return withConfigChangesInPlace(withUnknownInputsKept(withRandomSeed(prov))), nil
}

type randomSeedKey struct{}

// withRandomSeed hands the engine's per-resource random seed to Check,
// which infer does not pass on, so that generated names follow the seed.
func withRandomSeed(prov p.Provider) p.Provider {
	check := prov.Check
	prov.Check = func(ctx context.Context, req p.CheckRequest) (p.CheckResponse, error) {
		return check(context.WithValue(ctx, randomSeedKey{}, req.RandomSeed), req)
	}
	return prov
}

func randomSeed(ctx context.Context) []byte {
	seed, _ := ctx.Value(randomSeedKey{}).([]byte)
	return seed
}
