// Package e2e runs the real Pulumi CLI on Pulumi YAML programs against the
// DigitalOcean API emulator, with the provider built from this checkout.
//
// The tests need the Pulumi CLI and the YAML language host in .tools/bin
// (`make tools`). `make test` builds them and runs these tests with the rest
// through `go test ./...`; on their own: `go test ./tests/e2e/...`. Without
// the tools the tests fail, unless E2E_SKIP=1 is set, which skips them.
package e2e
