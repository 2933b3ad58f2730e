// Package emulator is an in-memory stand-in for the parts of the DigitalOcean
// API that a custom-image provider calls: images, image actions, actions,
// tags and regions.
//
// It answers with the JSON shapes, status codes and headers of DigitalOcean's
// own OpenAPI contract, and models the behaviour the contract leaves out:
// asynchronous imports that end available or deleted, region transfers that
// complete later, rate limits and server faults. Time-driven states are
// computed on read from the clock, so the emulator runs no goroutines of its
// own and an injected clock makes every test deterministic.
//
// Tests drive it through Go methods (OnImport, FailNext, DeleteImage, ...);
// humans and non-Go tests use the same controls under /_emulator/.
package emulator
