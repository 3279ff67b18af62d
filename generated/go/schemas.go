// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	_ "embed"
	"sync"
)

// schemaDocument is the spec's validation view: its schemas as normalised JSON Schema
// 2020-12, one $defs entry each (schemas.json, generated from the same spec).
//
//go:embed schemas.json
var schemaDocument []byte

// schemaValidator is the validator of schemaDocument, compiled once, on first use.
var schemaValidator = sync.OnceValues(func() (*Validator, error) {
	return NewValidator(schemaDocument)
})
