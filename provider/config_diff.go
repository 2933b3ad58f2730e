package provider

import (
	"context"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// withConfigChangesInPlace makes every change of provider configuration an
// in-place update. infer replaces the provider on any change, and a
// replaced provider replaces every image it manages: rotating a token or
// moving to another endpoint would import every image again.
func withConfigChangesInPlace(prov p.Provider) p.Provider {
	prov.DiffConfig = func(_ context.Context, req p.DiffRequest) (p.DiffResponse, error) {
		olds := req.OldInputs
		if olds.Len() == 0 {
			olds = req.State
		}
		return configDiff(olds, req.Inputs), nil
	}
	return prov
}

// configDiff lists the configuration keys that changed, each as an update.
func configDiff(olds, news property.Map) p.DiffResponse {
	diff := map[string]p.PropertyDiff{}
	mark := func(key string, kind p.DiffKind) {
		if key != "version" && !strings.HasPrefix(key, "__") {
			diff[key] = p.PropertyDiff{Kind: kind, InputDiff: true}
		}
	}

	for key, old := range olds.All {
		switch now, ok := news.GetOk(key); {
		case !ok:
			mark(key, p.Delete)
		case !old.Equals(now):
			mark(key, p.Update)
		}
	}
	for key := range news.All {
		if _, ok := olds.GetOk(key); !ok {
			mark(key, p.Add)
		}
	}
	return p.DiffResponse{HasChanges: len(diff) > 0, DetailedDiff: diff}
}
