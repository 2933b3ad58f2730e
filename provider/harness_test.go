package provider_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider"
)

const imageType = "digitalocean-custom-image:index:CustomImage"

// testingT is what the harness needs of a test: a *testing.T, or a
// *rapid.T inside a property.
type testingT interface {
	Helper()
	Errorf(format string, args ...any)
	FailNow()
}

// harness is the provider served in-process, configured against an emulator.
type harness struct {
	t      testingT
	api    *testenv.API
	server integration.Server
}

// fast is an emulator whose imports and transfers take a few milliseconds.
var fast = emulator.Options{ImportDuration: 40 * time.Millisecond,
	TransferDuration: 20 * time.Millisecond}

func newHarness(t testing.TB, opts emulator.Options, config map[string]property.Value) *harness {
	t.Helper()
	api := testenv.StartAPI(t, opts)
	return &harness{t: t, api: api, server: configuredServer(t, api, config)}
}

// configuredServer serves a new provider in-process, configured against api.
func configuredServer(
	t testing.TB, api *testenv.API, config map[string]property.Value,
) integration.Server {
	t.Helper()
	args := map[string]property.Value{
		"apiEndpoint":  property.New(api.Endpoint),
		"token":        property.New(testenv.Token),
		"httpRetryMax": property.New(2.0),
		// Retries wait little, so fault tests stay fast.
		"httpRetryWaitMin": property.New(0.01),
		"httpRetryWaitMax": property.New(0.05),
	}
	for k, v := range config {
		args[k] = v
	}
	server := newServer(t)
	require.NoError(t, server.Configure(p.ConfigureRequest{Args: property.NewMap(args)}))
	return server
}

// newServer serves a new provider in-process, polling fast; it is not yet
// configured.
func newServer(t testing.TB) integration.Server {
	t.Helper()
	prov, err := provider.New(provider.WithPollInterval(2*time.Millisecond, 10*time.Millisecond))
	require.NoError(t, err)
	server, err := integration.NewServer(context.Background(), provider.Name,
		semver.MustParse("0.1.0"), integration.WithProvider(prov))
	require.NoError(t, err)
	return server
}

func urn(name string) resource.URN {
	return resource.NewURN("test", "proj", "", imageType, name)
}

// inputs builds a property map from plain Go values.
func inputs(m map[string]any) property.Map {
	values := map[string]property.Value{}
	for k, v := range m {
		values[k] = toValue(v)
	}
	return property.NewMap(values)
}

func toValue(v any) property.Value {
	switch v := v.(type) {
	case []string:
		arr := make([]property.Value, len(v))
		for i, s := range v {
			arr[i] = property.New(s)
		}
		return property.New(arr)
	case property.Value:
		return v
	case int:
		return property.New(float64(v))
	case string:
		return property.New(v)
	case bool:
		return property.New(v)
	case float64:
		return property.New(v)
	default:
		panic("unsupported input value")
	}
}

// check runs Check and returns the checked inputs, failing on failures.
func (h *harness) check(name string, olds, news property.Map) property.Map {
	h.t.Helper()
	resp, err := h.server.Check(p.CheckRequest{Urn: urn(name), State: olds, Inputs: news,
		RandomSeed: []byte(name)})
	require.NoError(h.t, err)
	require.Empty(h.t, resp.Failures, "check failures")
	return resp.Inputs
}

// create checks and creates a resource; it returns the ID and state.
func (h *harness) create(name string, in map[string]any) (string, property.Map) {
	h.t.Helper()
	resp, err := h.tryCreate(name, in, 0)
	require.NoError(h.t, err)
	return resp.ID, resp.Properties
}

// tryCreate checks and creates a resource and returns how the create ended.
// A failing Check fails the test, so call it on the test goroutine only.
func (h *harness) tryCreate(name string, in map[string]any, timeout time.Duration) (
	p.CreateResponse, error,
) {
	h.t.Helper()
	checked := h.check(name, property.Map{}, inputs(in))
	return h.createChecked(name, checked, timeout)
}

// createChecked creates a resource from inputs already checked. It never
// fails the test itself, so concurrent creates may call it from goroutines:
// FailNow must run on the test goroutine.
func (h *harness) createChecked(name string, checked property.Map, timeout time.Duration) (
	p.CreateResponse, error,
) {
	return h.server.Create(p.CreateRequest{Urn: urn(name), Properties: checked,
		Timeout: timeout.Seconds()})
}

func (h *harness) read(name, id string, state, in property.Map) p.ReadResponse {
	h.t.Helper()
	resp, err := h.server.Read(p.ReadRequest{ID: id, Urn: urn(name), Properties: state,
		Inputs: in})
	require.NoError(h.t, err)
	return resp
}

// within returns the harness reporting to another test, such as a property.
func (h *harness) within(t testingT) *harness {
	clone := *h
	clone.t = t
	return &clone
}

// image returns the emulator's view of the image behind a Pulumi ID.
func (h *harness) image(id string) (emulator.Image, bool) {
	h.t.Helper()
	n, err := strconv.Atoi(id)
	require.NoError(h.t, err)
	return h.api.Image(n)
}

func str(m property.Map, key string) string { return m.Get(key).AsString() }

func num(m property.Map, key string) float64 { return m.Get(key).AsNumber() }

func strs(m property.Map, key string) []string {
	var out []string
	for _, v := range m.Get(key).AsArray().All {
		out = append(out, v.AsString())
	}
	return out
}
