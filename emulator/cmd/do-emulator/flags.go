package main

import (
	"flag"
	"os"
	"time"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// config is what the command line asks for.
type config struct {
	options    emulator.Options
	urlFile    string
	failEvery  int
	failStatus int
	retryAfter int
}

// parseFlags reads the command line; defaults suit a demo where a human
// watches an import take a few seconds.
func parseFlags(args []string) config {
	var c config
	fs := flag.NewFlagSet("do-emulator", flag.ExitOnError)
	fs.StringVar(&c.options.Addr, "addr", "127.0.0.1:8085",
		"listen address; 127.0.0.1:0 picks a free port")
	fs.StringVar(&c.options.Token, "token", "",
		"the only bearer token accepted; empty accepts any non-empty token")
	fs.DurationVar(&c.options.ImportDuration, "import-duration", 4*time.Second,
		"time from create to available, half NEW and half pending")
	fs.DurationVar(&c.options.TransferDuration, "transfer-duration", 2*time.Second,
		"time a region transfer stays in-progress")
	fs.DurationVar(&c.options.FailedImageRetention, "failed-retention", 0,
		"how long a failed import reads back as deleted; 0 keeps it until deleted")
	fs.StringVar(&c.urlFile, "url-file", "",
		"also write the URL to this file once listening, for scripts to wait on")
	fs.IntVar(&c.failEvery, "fail-every", 0,
		"answer every nth API request with -fail-status; 0 turns it off")
	fs.IntVar(&c.failStatus, "fail-status", 429, "status of the -fail-every answers")
	fs.IntVar(&c.retryAfter, "retry-after", 1, "retry-after seconds on a 429 answer")
	_ = fs.Parse(args)

	c.options.Log = os.Stderr
	return c
}
