// Command schemagen writes the provider's Pulumi package schema, as the
// provider itself reports it, to a file.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	pgo "github.com/pulumi/pulumi-go-provider"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider"
)

func main() {
	out := flag.String("out", "schema.json", "where to write the schema")
	version := flag.String("version", provider.Version, "the package version to record")
	flag.Parse()

	if err := write(*out, *version); err != nil {
		fmt.Fprintf(os.Stderr, "schemagen: %s\n", err)
		os.Exit(1)
	}
}

func write(path, version string) error {
	b, err := Schema(context.Background(), version)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// Schema returns the schema JSON, indented, with a final newline.
func Schema(ctx context.Context, version string) ([]byte, error) {
	prov, err := provider.New()
	if err != nil {
		return nil, err
	}
	spec, err := pgo.GetSchema(ctx, provider.Name, version, prov)
	if err != nil {
		return nil, fmt.Errorf("getting the schema: %w", err)
	}
	b, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
