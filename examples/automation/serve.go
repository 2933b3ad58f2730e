package main

import (
	"fmt"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider"
)

// withProvider runs one engine operation against a provider served from
// this process on a loopback port, which the engine attaches to through
// PULUMI_DEBUG_PROVIDERS instead of starting a plugin.
//
// Each operation gets a fresh provider: the engine sends Cancel to every
// provider when an operation ends, and pulumi-go-provider treats Cancel as
// final, so a provider that served one operation fails the next.
func withProvider(ws auto.Workspace, operation func() error) error {
	prov, err := provider.New()
	if err != nil {
		return fmt.Errorf("building the provider: %w", err)
	}

	stop := make(chan bool)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: stop,
		Init: func(srv *grpc.Server) error {
			server, err := p.RawServer(provider.Name, provider.Version, prov)(nil)
			if err != nil {
				return err
			}
			pulumirpc.RegisterResourceProviderServer(srv, server)
			return nil
		},
	})
	if err != nil {
		return fmt.Errorf("serving the provider: %w", err)
	}
	defer func() {
		close(stop)
		<-handle.Done
	}()

	attach := fmt.Sprintf("%s:%d", provider.Name, handle.Port)
	ws.SetEnvVar("PULUMI_DEBUG_PROVIDERS", attach)
	return operation()
}
