// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

// Package retell is a Go client for Retell AI - Create Phone Call (API version 2.0.0), generated
// from the spec with the standard library only.
//
// Create outbound phone calls with Retell AI: `POST /v2/create-phone-call`, and
// the deprecated `POST /create-phone-call`.
//
// Open or closed objects: request and response bodies allow properties this
// document does not name (`additionalProperties` is left open on purpose).
// The vendor adds fields over time (its SDK of the same period already
// returns `transcript_object`, `call_analysis`, latency objects and more), so
// a closed schema would flag a correct real server for every field it adds.
// Every property that *is* named here is strictly typed, and an optional
// property sent as `null` is invalid: no seed says any field is nullable.
//
// Echo: a response returns the request's numbers, `metadata` and dynamic
// variables exactly as they were sent. JSON Schema cannot relate a response
// to its request, so each operation states it in `x-echo`.
//
// Examples use numbers from the range reserved for fiction (+1 415 555-0100
// to -0199), so a copied example can never ring a real subscriber.
//
// Create a client with NewClient and call the operations through its resource fields; every method
// takes a context first, its params, then request options. Every body is checked against the spec's
// rules before it is sent. README.md shows the first call, the errors, the retry policy and the
// options.
package retell
