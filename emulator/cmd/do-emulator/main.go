// Command do-emulator serves the DigitalOcean API emulator on loopback for
// end-to-end tests and demos. It prints the URL it listens on to stdout,
// then one line per request (method, path, status) to stderr; the token
// never appears in either.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// main runs the emulator until SIGINT or SIGTERM.
func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "do-emulator:", err)
		os.Exit(1)
	}
}

// run parses flags, starts the emulator and waits for a signal.
func run() error {
	cfg := parseFlags(os.Args[1:])
	emu, err := emulator.Start(cfg.options)
	if err != nil {
		return err
	}
	if cfg.failEvery > 0 {
		emu.FailEvery(cfg.failEvery, cfg.failStatus, cfg.retryAfter)
	}

	if err := writeURLFile(cfg.urlFile, emu.URL()); err != nil {
		_ = emu.Close()
		return err
	}
	fmt.Println("do-emulator listening on " + emu.URL())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	return emu.Close()
}

// writeURLFile writes the URL through a rename, so a script polling for a
// non-empty file never reads half of it.
func writeURLFile(path, url string) error {
	if path == "" {
		return nil
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(url+"\n"), 0o600); err != nil {
		return fmt.Errorf("write url file: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write url file: %w", err)
	}
	return nil
}
