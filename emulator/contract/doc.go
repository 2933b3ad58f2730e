// Package contract checks HTTP traffic against DigitalOcean's OpenAPI
// contract for the image, action, tag and region endpoints.
//
// Wrap puts a checker in front of any handler (normally the emulator): every
// request is validated against the contract's request schemas, every
// response against its response schemas and headers, and each mismatch is
// kept as a violation for the test to assert on. The few places where the
// real API is known to differ from its own contract are tolerated one by
// one, see tolerance.go.
package contract
