package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// buildOutputs are folders that building or installing an SDK leaves beside
// the generated files. They are not generated, so they are neither pruned
// nor compared.
var buildOutputs = map[string]bool{
	"node_modules": true, "bin": true, "build": true, "dist": true,
	"__pycache__": true, ".mypy_cache": true,
}

func isBuildOutput(dir string) bool {
	return buildOutputs[dir] || strings.HasSuffix(dir, ".egg-info")
}

// ReadTree returns the files of every language folder below root, keyed like
// Generate's result. A missing language folder reads as empty.
func ReadTree(root string) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, lang := range Languages {
		langFiles, err := readFiles(filepath.Join(root, lang))
		if err != nil {
			return nil, err
		}
		for name, content := range langFiles {
			files[path.Join(lang, name)] = content
		}
	}
	return files, nil
}

// readFiles returns the files below dir, keyed by slash-separated relative
// path, leaving build outputs out. A missing dir reads as empty.
func readFiles(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	walk := func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return nil
		}
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir && isBuildOutput(d.Name()) {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	}
	return files, filepath.WalkDir(dir, walk)
}

// Write makes the language folders below root hold exactly files: it writes
// each one and removes generated files that are no longer produced.
func Write(root string, files map[string][]byte) error {
	existing, err := ReadTree(root)
	if err != nil {
		return err
	}
	for name := range existing {
		if _, ok := files[name]; !ok {
			if err := os.Remove(filepath.Join(root, filepath.FromSlash(name))); err != nil {
				return err
			}
		}
	}

	for _, name := range sortedNames(files) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Diff lists, one line a file and sorted, how got differs from want.
func Diff(want, got map[string][]byte) []string {
	var lines []string
	for _, name := range sortedNames(want) {
		content, ok := got[name]
		switch {
		case !ok:
			lines = append(lines, "missing: "+name)
		case !bytes.Equal(content, want[name]):
			lines = append(lines, fmt.Sprintf("differs: %s (%s)",
				name, firstDifference(want[name], content)))
		}
	}
	for _, name := range sortedNames(got) {
		if _, ok := want[name]; !ok {
			lines = append(lines, "not generated: "+name)
		}
	}
	return lines
}

// firstDifference names the first line where b departs from a, so a reader
// of a failed check sees what changed without running diff.
func firstDifference(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d: want %q, have %q", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("want %d lines, have %d", len(al), len(bl))
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// withFinalNewline ends content with a newline, as every file in the
// repository is; some generators leave it out.
func withFinalNewline(content []byte) []byte {
	if len(content) == 0 || bytes.HasSuffix(content, []byte("\n")) {
		return content
	}
	return append(content, '\n')
}
