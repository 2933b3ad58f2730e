package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	nodejsgen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	pythongen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// Languages are the SDK folders Generate fills, each below the SDK root.
var Languages = []string{"go", "nodejs", "python"}

// Generate returns every SDK file for the schema, keyed by its slash-separated
// path below the SDK root: go/..., nodejs/... and python/....
func Generate(schemaJSON []byte) (map[string][]byte, error) {
	var spec schema.PackageSpec
	if err := json.Unmarshal(schemaJSON, &spec); err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}

	files, err := readmes(spec)
	if err != nil {
		return nil, err
	}
	for _, lang := range Languages {
		// Each generator records its own options in the bound package, so
		// every language gets a package of its own.
		pkg, err := bind(spec)
		if err != nil {
			return nil, err
		}
		generated, err := generateLanguage(lang, pkg)
		if err != nil {
			return nil, fmt.Errorf("generating the %s SDK: %w", lang, err)
		}
		for name, content := range generated {
			// The READMEs from readmes replace the generators' one-line ones.
			if _, ours := files[path.Join(lang, name)]; ours {
				continue
			}
			files[path.Join(lang, name)] = withFinalNewline(content)
		}
	}
	return files, nil
}

func bind(spec schema.PackageSpec) (*schema.Package, error) {
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("binding the schema: %w", err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("binding the schema: %w", errors.Join(diags.Errs()...))
	}
	return pkg, nil
}

// The tool names are the ones the Pulumi CLI's language hosts pass, so the
// generated headers read as they would from `pulumi package gen-sdk`.
func generateLanguage(lang string, pkg *schema.Package) (map[string][]byte, error) {
	switch lang {
	case "go":
		return gogen.GeneratePackage("pulumi-language-go", pkg, nil)
	case "nodejs":
		files, err := nodejsgen.GeneratePackage(
			"pulumi-language-nodejs", pkg, nil, nil, false, noPackages{})
		if err != nil {
			return nil, err
		}
		return files, addEntryPoints(files)
	case "python":
		return pythongen.GeneratePackage("pulumi-language-python", pkg, nil, noPackages{})
	}
	return nil, fmt.Errorf("unknown language %q", lang)
}

// addEntryPoints points package.json at the compiled output in bin/. The
// generator leaves main and types out because Pulumi's own release scripts
// publish bin/ as the package; here the SDK folder itself is the package.
func addEntryPoints(files map[string][]byte) error {
	var manifest map[string]any
	if err := json.Unmarshal(files["package.json"], &manifest); err != nil {
		return fmt.Errorf("reading the generated package.json: %w", err)
	}

	manifest["main"] = "bin/index.js"
	manifest["types"] = "bin/index.d.ts"
	// The generated .gitignore lists bin/, which npm pack would honour.
	manifest["files"] = []string{"bin/"}

	b, err := json.MarshalIndent(manifest, "", "    ")
	if err != nil {
		return err
	}
	files["package.json"] = append(b, '\n')
	return nil
}

// noPackages is the schema loader for a package that references no other
// package: any lookup is a mistake in the schema, reported as such.
type noPackages struct{}

var _ schema.ReferenceLoader = noPackages{}

func (noPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema references package %q; sdkgen loads none", name)
}

func (l noPackages) LoadPackageV2(
	_ context.Context, d *schema.PackageDescriptor,
) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

func (l noPackages) LoadPackageReference(
	name string, v *semver.Version,
) (schema.PackageReference, error) {
	_, err := l.LoadPackage(name, v)
	return nil, err
}

func (l noPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, d.Version)
}
