// Package testenv starts what the tests of this repository run against: the
// DigitalOcean API emulator, on loopback, behind DigitalOcean's contract.
package testenv

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator/contract"
)

// Token is the bearer token the test emulators accept.
const Token = "test-token-7f3a9c"

// API is a running emulator whose traffic is checked against DigitalOcean's
// OpenAPI contract.
type API struct {
	*emulator.Server
	// Endpoint is the base URL to configure the provider with.
	Endpoint string
	checked  *contract.Checked
}

// StartAPI serves an emulator for the test and, when the test ends, fails it
// if any request the provider sent or any answer the emulator gave broke the
// contract. Without the contract file the traffic goes unchecked, and the
// test log says so.
func StartAPI(t testing.TB, opts emulator.Options) *API {
	t.Helper()
	if opts.Token == "" {
		opts.Token = Token
	}

	emu := emulator.New(opts)
	api := &API{Server: emu}
	handler := emu.ServeHTTP

	spec, err := contract.FindAndLoad()
	switch {
	case err == nil:
		checked, h := contract.Wrap(spec, emu)
		api.checked = checked
		handler = h.ServeHTTP
	case errors.Is(err, contract.ErrSpecNotFound):
		t.Logf("contract checks skipped for this test: %v", err)
	default:
		t.Fatalf("loading the DigitalOcean contract: %v", err)
	}

	srv := httptest.NewServer(http.HandlerFunc(handler))
	api.Endpoint = srv.URL
	t.Cleanup(func() {
		srv.Close()
		api.requireContract(t)
	})
	return api
}

// requireContract fails the test on every contract violation seen.
func (a *API) requireContract(t testing.TB) {
	if a.checked == nil {
		return
	}
	if v := a.checked.Violations(); len(v) > 0 {
		t.Errorf("traffic broke DigitalOcean's contract:\n  %s", strings.Join(v, "\n  "))
	}
}

// TakeViolations returns the contract violations seen since the last call
// and forgets them, for tests that check many exchanges one by one.
func (a *API) TakeViolations() []string {
	if a.checked == nil {
		return nil
	}
	v := a.checked.Violations()
	a.checked.Reset()
	return v
}
