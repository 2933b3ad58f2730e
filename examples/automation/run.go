package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider"
)

const projectName = "flatcar-image"

// options are what main reads from flags and the environment.
type options struct {
	apiURL     string // DigitalOcean API address; empty means the real API
	backend    string // Pulumi state backend URL; empty means a temporary folder
	pulumiRoot string // folder whose bin/ holds the Pulumi CLI; empty means PATH
	stack      string
}

// run imports the image, prints the outputs, and tears down again: it
// destroys the stack even when the update failed, so that a failed run
// leaves no image behind.
func run(ctx context.Context, opts options, out io.Writer) error {
	if os.Getenv("DIGITALOCEAN_TOKEN") == "" {
		return errors.New("set DIGITALOCEAN_TOKEN to a DigitalOcean API token")
	}
	env, cleanup, err := workspaceEnv(opts.backend)
	if err != nil {
		return err
	}
	defer cleanup()

	wsOpts := []auto.LocalWorkspaceOption{auto.EnvVars(env)}
	if opts.pulumiRoot != "" {
		// The workspace runs the CLI from another directory, so a relative
		// root would point nowhere.
		root, err := filepath.Abs(opts.pulumiRoot)
		if err != nil {
			return err
		}
		cli, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: root})
		if err != nil {
			return fmt.Errorf("finding the Pulumi CLI: %w", err)
		}
		wsOpts = append(wsOpts, auto.Pulumi(cli))
	}
	stack, err := auto.UpsertStackInlineSource(ctx, opts.stack, projectName, flatcarImage,
		wsOpts...)
	if err != nil {
		return fmt.Errorf("creating the stack: %w", err)
	}
	if opts.apiURL != "" {
		endpoint := auto.ConfigValue{Value: opts.apiURL}
		if err := stack.SetConfig(ctx, provider.Name+":apiEndpoint", endpoint); err != nil {
			return err
		}
	}

	upErr := up(ctx, stack, out)
	if err := tearDown(ctx, stack, out); err != nil {
		return errors.Join(upErr, err)
	}
	return upErr
}

// up imports the image, streaming the engine's progress, and prints the
// stack outputs.
func up(ctx context.Context, stack auto.Stack, out io.Writer) error {
	fmt.Fprintf(out, "Importing the Flatcar image into stack %q\n", stack.Name())
	var res auto.UpResult
	err := withProvider(stack.Workspace(), func() error {
		var err error
		res, err = stack.Up(ctx, optup.ProgressStreams(out))
		return err
	})
	if err != nil {
		return fmt.Errorf("update: %w", err)
	}

	fmt.Fprintln(out, "Image outputs:")
	names := make([]string, 0, len(res.Outputs))
	for name := range res.Outputs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		// JSON, because numbers arrive as float64 and would print as 1.7e+08.
		value, err := json.Marshal(res.Outputs[name].Value)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "  %s = %s\n", name, value)
	}
	return nil
}

// tearDown destroys the image and removes the stack with its history.
func tearDown(ctx context.Context, stack auto.Stack, out io.Writer) error {
	fmt.Fprintln(out, "Destroying the stack")
	err := withProvider(stack.Workspace(), func() error {
		_, err := stack.Destroy(ctx, optdestroy.ProgressStreams(out))
		return err
	})
	if err != nil {
		return fmt.Errorf("destroy: %w", err)
	}
	if err := stack.Workspace().RemoveStack(ctx, stack.Name()); err != nil {
		return fmt.Errorf("removing the stack: %w", err)
	}
	fmt.Fprintln(out, "Stack removed")
	return nil
}
