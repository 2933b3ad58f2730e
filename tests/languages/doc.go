// Package languages drives the generated Go, TypeScript and Python SDKs
// through each language's Automation API and the real Pulumi CLI, against
// the DigitalOcean API emulator.
//
// Language hosts cannot be installed here, so every program is inline: the
// Go SDK serves it from the test process, Node.js and Python from a driver
// script in testdata/. The tests need the CLI in .tools/bin (`make tools`)
// and the npm and PyPI packages that `make sdk-deps` installs. Without the
// CLI they fail unless E2E_SKIP=1; without the packages they fail unless
// SKIP_LANGUAGE_SDK_TESTS=1.
package languages
