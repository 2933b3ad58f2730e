package provider

import (
	"context"

	p "github.com/pulumi/pulumi-go-provider"
)

// withUnknownInputsKept hands back, still unknown, the inputs that were
// unknown when Check received them. During a preview an input can depend on
// another resource's output; infer decodes an unknown list as an empty one
// and leaves it out of Check's answer, so the engine would then plan the
// image without its regions and fail the preview on a missing required input.
func withUnknownInputsKept(prov p.Provider) p.Provider {
	check := prov.Check
	prov.Check = func(ctx context.Context, req p.CheckRequest) (p.CheckResponse, error) {
		resp, err := check(ctx, req)
		if err != nil {
			return resp, err
		}

		for key, value := range req.Inputs.All {
			if _, kept := resp.Inputs.GetOk(key); value.IsComputed() && !kept {
				resp.Inputs = resp.Inputs.Set(key, value)
			}
		}
		return resp, nil
	}
	return prov
}
