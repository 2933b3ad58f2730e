package e2e

import (
	"encoding/json"
	"strings"

	"github.com/stretchr/testify/require"
)

// imageType is the resource token of a custom image.
const imageType = "digitalocean-custom-image:index:CustomImage"

// stateResource is one resource as `pulumi stack export` writes it.
type stateResource struct {
	URN        string         `json:"urn"`
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Inputs     map[string]any `json:"inputs"`
	Outputs    map[string]any `json:"outputs"`
	InitErrors []string       `json:"initErrors"`
}

// exported is a stack export: the raw text, for searching, and the
// resources it holds.
type exported struct {
	Text      string
	Resources []stateResource
}

// image returns the custom image with the resource name, if the stack has it.
func (e exported) image(name string) (stateResource, bool) {
	for _, r := range e.Resources {
		if r.Type == imageType && strings.HasSuffix(r.URN, "::"+name) {
			return r, true
		}
	}
	return stateResource{}, false
}

// export returns `pulumi stack export`, secrets left encrypted.
func (s *stack) export() exported {
	s.t.Helper()
	res := s.run("stack", "export")

	var doc struct {
		Deployment struct {
			Resources []stateResource `json:"resources"`
		} `json:"deployment"`
	}
	require.NoError(s.t, json.Unmarshal([]byte(res.Stdout), &doc), res.Stdout)
	return exported{Text: res.Stdout, Resources: doc.Deployment.Resources}
}

// step is one planned step of `pulumi preview --json`.
type step struct {
	Op          string   `json:"op"`
	URN         string   `json:"urn"`
	DiffReasons []string `json:"diffReasons"`
}

// plan returns the steps `pulumi preview --json` plans.
func (s *stack) plan() []step {
	s.t.Helper()
	res := s.run("preview", "--json", "--diff")

	var doc struct {
		Steps []step `json:"steps"`
	}
	require.NoError(s.t, json.Unmarshal([]byte(res.Stdout), &doc), res.Stdout)
	return doc.Steps
}

// stepFor returns the planned step for the resource with the name.
func stepFor(steps []step, name string) (step, bool) {
	for _, st := range steps {
		if strings.HasSuffix(st.URN, "::"+name) {
			return st, true
		}
	}
	return step{}, false
}
