package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// repoRoot is where go test runs this package from, two folders down.
const repoRoot = "../.."

func TestCommittedSDKsMatchTheSchema(t *testing.T) {
	out := t.TempDir()
	if err := run(filepath.Join(repoRoot, "schema.json"), out); err != nil {
		t.Fatal(err)
	}

	want, err := ReadTree(out)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := ReadTree(filepath.Join(repoRoot, "sdk"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := Diff(want, committed); len(diff) > 0 {
		t.Fatalf("sdk/ is not what schema.json generates; run `make sdks`:\n  %s",
			strings.Join(diff, "\n  "))
	}
}

func TestRegeneratingRemovesFilesNoLongerGenerated(t *testing.T) {
	out := t.TempDir()
	stale := filepath.Join(out, "nodejs", "oldResource.ts")
	built := filepath.Join(out, "nodejs", "node_modules", "kept.js")
	for _, p := range []string{stale, built} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if err := run(filepath.Join(repoRoot, "schema.json"), out); err != nil {
		t.Fatal(err)
	}

	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("%s survived regeneration (stat: %v)", stale, err)
	}
	if _, err := os.Stat(built); err != nil {
		t.Errorf("regeneration removed an installed dependency: %v", err)
	}
}

func TestGenerationIsDeterministic(t *testing.T) {
	schemaJSON := readSchema(t)
	first, err := Generate(schemaJSON)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Generate(schemaJSON)
	if err != nil {
		t.Fatal(err)
	}
	if diff := Diff(first, second); len(diff) > 0 {
		t.Fatalf("two generations differ:\n  %s", strings.Join(diff, "\n  "))
	}
	for name, content := range first {
		if len(content) > 0 && content[len(content)-1] != '\n' {
			t.Errorf("%s has no final newline", name)
		}
	}
}

func TestSchemaCarriesPackageMetadata(t *testing.T) {
	spec := readSpec(t)
	fields := map[string]string{
		"displayName": spec.DisplayName, "description": spec.Description,
		"repository": spec.Repository, "publisher": spec.Publisher,
		"license": spec.License, "version": spec.Version,
	}
	for field, value := range fields {
		if value == "" {
			t.Errorf("schema.json has no %s", field)
		}
	}
	if len(spec.Keywords) == 0 {
		t.Error("schema.json has no keywords")
	}
}

func TestEveryPropertyTellsTheUserWhatItIs(t *testing.T) {
	spec := readSpec(t)
	var undocumented []string
	note := func(owner string, props map[string]schema.PropertySpec) {
		for name, prop := range props {
			if strings.TrimSpace(prop.Description) == "" {
				undocumented = append(undocumented, owner+"."+name)
			}
		}
	}
	for token, res := range spec.Resources {
		note(token, res.Properties)
		note(token+" input", res.InputProperties)
	}
	note("provider", spec.Provider.InputProperties)
	note("config", spec.Config.Variables)

	sort.Strings(undocumented)
	if len(undocumented) > 0 {
		t.Fatalf("properties without a description:\n  %s", strings.Join(undocumented, "\n  "))
	}
}

func readSchema(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readSpec(t *testing.T) schema.PackageSpec {
	t.Helper()
	var spec schema.PackageSpec
	if err := json.Unmarshal(readSchema(t), &spec); err != nil {
		t.Fatal(err)
	}
	return spec
}
