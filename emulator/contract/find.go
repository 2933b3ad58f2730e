package contract

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// EnvSpecPath names the environment variable that points at the contract
// file, overriding the search next to the repository.
const EnvSpecPath = "DIGITALOCEAN_OPENAPI_SPEC"

// relativeSpecPath is where the contract lives, relative to the repository
// root: outside the repository, shared with the other projects.
const relativeSpecPath = "../shared/digitalocean-api/openapi-images.json"

// ErrSpecNotFound means the contract file is absent; tests skip on it.
var ErrSpecNotFound = errors.New("contract file not found")

// Find returns the path of the contract file: $DIGITALOCEAN_OPENAPI_SPEC if
// set, else ../shared/digitalocean-api/openapi-images.json from the
// repository root (the nearest directory above the working directory that
// holds go.mod). The error wraps ErrSpecNotFound and names where it looked.
func Find() (string, error) {
	if p := os.Getenv(EnvSpecPath); p != "" {
		return existing(p)
	}

	root, err := repositoryRoot()
	if err != nil {
		return "", err
	}
	return existing(filepath.Clean(filepath.Join(root, relativeSpecPath)))
}

// existing returns path when it is a readable file.
func existing(path string) (string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("%w at %s: %v", ErrSpecNotFound, path, err)
	}
	if info.IsDir() {
		return "", fmt.Errorf("%w at %s: is a directory", ErrSpecNotFound, path)
	}
	return path, nil
}

// repositoryRoot walks up from the working directory to the go.mod.
func repositoryRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("%w: working directory: %v", ErrSpecNotFound, err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("%w: no go.mod above the working directory", ErrSpecNotFound)
		}
		dir = parent
	}
}
