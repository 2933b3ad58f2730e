// Command automation imports Flatcar Container Linux as a DigitalOcean
// custom image through the Pulumi Automation API, with the provider served
// from this program, then tears everything down again.
//
// It is what a platform team would write to offer images as a service: no
// Pulumi project on disk, no provider plugin to install. The Pulumi CLI must
// be on PATH or named with -pulumi-root. The token comes from
// DIGITALOCEAN_TOKEN only, so it never shows up in a process list.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	var opts options
	flag.StringVar(&opts.apiURL, "api-url", os.Getenv("DIGITALOCEAN_API_URL"),
		"DigitalOcean API address (default $DIGITALOCEAN_API_URL, then the real API)")
	flag.StringVar(&opts.backend, "backend", os.Getenv("PULUMI_BACKEND_URL"),
		"Pulumi state backend URL (default $PULUMI_BACKEND_URL, then a temporary folder)")
	flag.StringVar(&opts.pulumiRoot, "pulumi-root", "",
		"folder whose bin/ holds the Pulumi CLI (default: pulumi on PATH)")
	flag.StringVar(&opts.stack, "stack", "dev", "stack name")
	flag.Parse()

	// Ctrl-C cancels the running operation; the engine then stops cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	if err := run(ctx, opts, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
