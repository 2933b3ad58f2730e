package main

import (
	"fmt"
	"os"
)

// workspaceEnv is what the Pulumi CLI needs beyond this process's own
// environment: a backend, a temporary one unless given, and an empty
// passphrase when none is set, since the stack holds no secrets (the token
// stays in the environment). cleanup removes a temporary backend.
func workspaceEnv(backend string) (env map[string]string, cleanup func(), err error) {
	env = map[string]string{}
	cleanup = func() {}
	if backend == "" {
		dir, err := os.MkdirTemp("", "flatcar-image-state-")
		if err != nil {
			return nil, nil, fmt.Errorf("creating a state folder: %w", err)
		}
		backend = "file://" + dir
		cleanup = func() { os.RemoveAll(dir) }
	}
	env["PULUMI_BACKEND_URL"] = backend

	_, passphrase := os.LookupEnv("PULUMI_CONFIG_PASSPHRASE")
	_, passphraseFile := os.LookupEnv("PULUMI_CONFIG_PASSPHRASE_FILE")
	if !passphrase && !passphraseFile {
		env["PULUMI_CONFIG_PASSPHRASE"] = ""
	}
	return env, cleanup, nil
}
