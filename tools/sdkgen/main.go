// Command sdkgen writes the Go, Node.js and Python SDKs for the provider's
// schema. It runs Pulumi's code generators in-process, because
// `pulumi package gen-sdk` needs language hosts that are not installed here.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	schemaPath := flag.String("schema", "schema.json", "the package schema to generate from")
	out := flag.String("out", "sdk", "the SDK root; go/, nodejs/ and python/ are written below it")
	flag.Parse()

	if err := run(*schemaPath, *out); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %s\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, out string) error {
	schemaJSON, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	files, err := Generate(schemaJSON)
	if err != nil {
		return err
	}
	return Write(out, files)
}
