// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Opt is a field that may be left out. It is absent (the zero Opt: not sent, and what a
// response that lacks the field decodes to), null (sent as JSON null; only valid where the
// spec allows null), or a value. Build one with [Some] or [Null].
type Opt[T any] struct {
	value *T // behind a pointer, so that a model may hold an Opt of itself
	null  bool
}

// Some returns an Opt holding v.
func Some[T any](v T) Opt[T] {
	return Opt[T]{value: &v}
}

// Null returns an Opt holding JSON null.
func Null[T any]() Opt[T] {
	return Opt[T]{null: true}
}

// Get returns the value and true, or T's zero value and false when o is absent or null.
func (o Opt[T]) Get() (T, bool) {
	if o.value == nil {
		var zero T
		return zero, false
	}
	return *o.value, true
}

// Value returns the value, or T's zero value when o is absent or null.
func (o Opt[T]) Value() T {
	value, _ := o.Get()
	return value
}

// Or returns the value, or fallback when o is absent or null.
func (o Opt[T]) Or(fallback T) T {
	if value, ok := o.Get(); ok {
		return value
	}
	return fallback
}

// IsSet reports whether o holds a value (it is neither absent nor null).
func (o Opt[T]) IsSet() bool {
	return o.value != nil
}

// IsNull reports whether o holds JSON null.
func (o Opt[T]) IsNull() bool {
	return o.null
}

// IsZero reports whether o is absent, for the `omitzero` struct tag, which leaves it out.
func (o Opt[T]) IsZero() bool {
	return o.value == nil && !o.null
}

// MarshalJSON encodes the value, or null. An absent Opt in a struct field tagged
// `omitzero` is left out before this is called.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if o.value == nil {
		return []byte("null"), nil
	}
	return json.Marshal(*o.value)
}

// UnmarshalJSON decodes null as [Null] and any other value as [Some] of it.
func (o *Opt[T]) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		*o = Null[T]()
		return nil
	}
	var value T
	if err := json.Unmarshal(data, &value); err != nil {
		return err
	}
	*o = Some(value)
	return nil
}

// String formats the value, or says "null" or "absent" (so %v of a model reads well).
func (o Opt[T]) String() string {
	switch {
	case o.value != nil:
		return fmt.Sprint(*o.value)
	case o.null:
		return "null"
	}
	return "absent"
}
