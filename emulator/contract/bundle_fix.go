package contract

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// readBundled reads the contract file and drops discriminators whose
// mapping still points into the source repository's YAML files (for
// example models/image_action.yml): the bundler inlined every $ref but
// left those mappings, which no loader can resolve. The schemas they sit
// on are anyOf lists that validate the same bodies without them.
func readBundled(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("not JSON: %w", err)
	}
	if dropDanglingDiscriminators(doc) == 0 {
		return raw, nil
	}
	return json.Marshal(doc)
}

// dropDanglingDiscriminators removes, everywhere in v, discriminators with
// a mapping outside the document, and returns how many it removed.
func dropDanglingDiscriminators(v any) int {
	n := 0
	switch node := v.(type) {
	case map[string]any:
		if d, ok := node["discriminator"].(map[string]any); ok && mapsOutside(d) {
			delete(node, "discriminator")
			n++
		}
		for _, child := range node {
			n += dropDanglingDiscriminators(child)
		}
	case []any:
		for _, child := range node {
			n += dropDanglingDiscriminators(child)
		}
	}
	return n
}

// mapsOutside reports whether a discriminator maps to another file.
func mapsOutside(d map[string]any) bool {
	mapping, _ := d["mapping"].(map[string]any)
	for _, target := range mapping {
		if s, ok := target.(string); ok && !strings.HasPrefix(s, "#") {
			return true
		}
	}
	return false
}
