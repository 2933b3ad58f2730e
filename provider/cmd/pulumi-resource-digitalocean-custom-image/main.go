// Command pulumi-resource-digitalocean-custom-image is the provider plugin
// the Pulumi engine starts.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider"
)

func main() {
	prov, err := provider.New()
	if err != nil {
		fmt.Fprintf(os.Stderr, "error: %s\n", err)
		os.Exit(1)
	}

	if err := prov.Run(context.Background(), provider.Name, provider.Version); err != nil {
		fmt.Fprintf(os.Stderr, "error: %s\n", err)
		os.Exit(1)
	}
}
