package provider_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider"
)

// BenchmarkImportIsNoticed measures, with the provider's real poll schedule,
// how long after DigitalOcean reports an image available the create
// returns, and how many status requests the wait costs, for imports of
// several lengths. Run with `make bench`.
func BenchmarkImportIsNoticed(b *testing.B) {
	for _, importFor := range []time.Duration{2 * time.Second, 10 * time.Second,
		30 * time.Second} {
		b.Run(fmt.Sprintf("import=%s", importFor), func(b *testing.B) {
			api := testenv.StartAPI(b, emulator.Options{ImportDuration: importFor})
			server := realScheduleServer(b, api)

			var late time.Duration
			for i := 0; b.Loop(); i++ {
				checked := checkWith(b, server, fmt.Sprintf("img%d", i))
				start := time.Now()
				_, err := server.Create(p.CreateRequest{Urn: urn("img"), Properties: checked})
				require.NoError(b, err)
				late += time.Since(start) - importFor
			}

			gets := len(api.RequestsTo("GET", "/v2/images/"))
			b.ReportMetric(float64(late.Milliseconds())/float64(b.N), "ms-late/op")
			b.ReportMetric(float64(gets)/float64(b.N), "polls/op")
		})
	}
}

// BenchmarkCheck measures validating a typical program's inputs.
func BenchmarkCheck(b *testing.B) {
	api := testenv.StartAPI(b, emulator.Options{})
	server := realScheduleServer(b, api)
	in := inputs(with(base(), "regions", []string{"nyc3", "sfo3", "ams3"},
		"tags", []string{"env:prod", "team_a"}, "description", "Flatcar stable"))

	for b.Loop() {
		if _, err := server.Check(p.CheckRequest{Urn: urn("img"), Inputs: in}); err != nil {
			b.Fatal(err)
		}
	}
}

func realScheduleServer(b *testing.B, api *testenv.API) integration.Server {
	prov, err := provider.New()
	require.NoError(b, err)
	server, err := integration.NewServer(context.Background(), provider.Name,
		semver.MustParse("0.1.0"), integration.WithProvider(prov))
	require.NoError(b, err)
	require.NoError(b, server.Configure(p.ConfigureRequest{Args: property.NewMap(
		map[string]property.Value{
			"apiEndpoint": property.New(api.Endpoint),
			"token":       property.New(testenv.Token),
		})}))
	return server
}

func checkWith(b *testing.B, server integration.Server, name string) property.Map {
	resp, err := server.Check(p.CheckRequest{Urn: urn(name), Inputs: inputs(base())})
	require.NoError(b, err)
	return resp.Inputs
}
