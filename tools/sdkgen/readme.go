package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// readmes returns the README.md at the root of the Node.js and Python SDKs.
// The generators write only the schema description, and the Python one puts
// it inside the module, where pyproject.toml's readme entry does not look.
func readmes(spec schema.PackageSpec) (map[string][]byte, error) {
	npmName, err := languagePackageName(spec, "nodejs")
	if err != nil {
		return nil, err
	}
	pyName, err := languagePackageName(spec, "python")
	if err != nil {
		return nil, err
	}

	return map[string][]byte{
		"nodejs/README.md": readme(spec, "Node.js", []string{
			"npm install " + npmName + "@" + spec.Version,
		}, "From a checkout, build this folder first (make sdk-nodejs compiles it into\n"+
			"bin/), then install it as a package rather than a link:", []string{
			"npm install --install-links path/to/sdk/nodejs",
		}),
		"python/README.md": readme(spec, "Python", []string{
			"pip install " + pyName + "==" + spec.Version,
		}, "From a checkout, install this folder:", []string{
			"pip install path/to/sdk/python",
		}),
	}, nil
}

// readme writes commands as indented blocks, which every Markdown reader
// shows as code.
func readme(spec schema.PackageSpec, language string, install []string, local string,
	localInstall []string,
) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: the %s SDK\n\n%s\n\n", spec.DisplayName, language, spec.Description)
	fmt.Fprintf(&b, "## Install\n%s\n%s\n%s\n", codeBlock(install), local, codeBlock(localInstall))
	fmt.Fprintf(&b, "Programs also need the provider plugin,\npulumi-resource-%s, on the "+
		"PATH or listed\nunder plugins.providers in Pulumi.yaml. Source and examples:\n%s\n",
		spec.Name, spec.Repository)
	return []byte(b.String())
}

func codeBlock(lines []string) string {
	var b strings.Builder
	for _, line := range lines {
		fmt.Fprintf(&b, "\n    %s\n", line)
	}
	return b.String()
}

func languagePackageName(spec schema.PackageSpec, lang string) (string, error) {
	var options struct {
		PackageName string `json:"packageName"`
	}
	if err := json.Unmarshal(spec.Language[lang], &options); err != nil {
		return "", fmt.Errorf("reading the %s language options: %w", lang, err)
	}
	if options.PackageName == "" {
		return "", fmt.Errorf("the schema sets no %s packageName", lang)
	}
	return options.PackageName, nil
}
