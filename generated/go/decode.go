// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"encoding/json"
	"math"
	"strconv"
)

// Lenient decoding reads a response as it was sent. Each field the spec names is decoded into
// its Go type when its JSON value fits (an integral number into an int64, 35.0 included; a
// string into a string or an enum, whatever its value); a value that does not fit is kept, as
// sent, in the model's ExtraFields next to the fields the spec does not name. Nothing is
// coerced and nothing fails but a body that is not a JSON object. Strict mode validates the
// body against the spec before this runs.

// keepMember adds a member to a model's ExtraFields (copies: both point into the input).
func keepMember(extra map[string]json.RawMessage, name []byte, raw json.RawMessage) map[string]json.RawMessage {
	if extra == nil {
		extra = make(map[string]json.RawMessage)
	}
	extra[string(name)] = append(json.RawMessage(nil), raw...)
	return extra
}

// isNumber reports whether raw (checked JSON) is a number.
func isNumber(raw json.RawMessage) bool {
	return len(raw) > 0 && (raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9')
}

func decodeString(raw json.RawMessage, dst *string) bool {
	if len(raw) < 2 || raw[0] != '"' {
		return false
	}
	s := scanner{data: raw}
	text, err := s.string()
	if err != nil || s.pos != len(raw) {
		return false
	}
	*dst = text
	return true
}

func decodeBool(raw json.RawMessage, dst *bool) bool {
	switch string(raw) {
	case "true":
		*dst = true
	case "false":
		*dst = false
	default:
		return false
	}
	return true
}

// decodeInteger accepts what JSON Schema calls an integer: 35, and 35.0 or 3.5e1 as well.
func decodeInteger(raw json.RawMessage, dst *int64) bool {
	if !isNumber(raw) {
		return false
	}
	if value, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
		*dst = value
		return true
	}
	value, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || value != math.Trunc(value) || value < -(1<<63) || value >= 1<<63 {
		return false
	}
	*dst = int64(value)
	return true
}

func decodeNumber(raw json.RawMessage, dst *float64) bool {
	if !isNumber(raw) {
		return false
	}
	value, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		return false
	}
	*dst = value
	return true
}

// decodeEnum keeps any string: a value the spec does not list yet stays as sent.
func decodeEnum[E ~string](raw json.RawMessage, dst *E) bool {
	var text string
	if !decodeString(raw, &text) {
		return false
	}
	*dst = E(text)
	return true
}

func decodeModel[M any, P interface {
	*M
	json.Unmarshaler
}](raw json.RawMessage, dst *M) bool {
	var value M
	if P(&value).UnmarshalJSON(raw) != nil {
		return false
	}
	*dst = value
	return true
}

// decodeAs decodes a model into an any (a variant of a tagged union).
func decodeAs[M any, P interface {
	*M
	json.Unmarshaler
}](raw json.RawMessage) (any, bool) {
	var value M
	if !decodeModel[M, P](raw, &value) {
		return nil, false
	}
	return value, true
}

func decodeSlice[T any](raw json.RawMessage, dst *[]T, item func(json.RawMessage, *T) bool) bool {
	values := []T{}
	err := eachItem(raw, func(entry json.RawMessage) bool {
		var value T
		values = append(values, value)
		return item(entry, &values[len(values)-1])
	})
	if err != nil {
		return false
	}
	*dst = values
	return true
}

func decodeMap[T any](raw json.RawMessage, dst *map[string]T, value func(json.RawMessage, *T) bool) bool {
	values := map[string]T{}
	fit := true
	err := eachMember(raw, func(name []byte, entry json.RawMessage) {
		var decoded T
		fit = fit && value(entry, &decoded)
		values[string(name)] = decoded
	})
	if err != nil || !fit {
		return false
	}
	*dst = values
	return true
}

func decodeOpt[T any](raw json.RawMessage, dst *Opt[T], inner func(json.RawMessage, *T) bool) bool {
	if string(raw) == "null" {
		*dst = Null[T]()
		return true
	}
	var value T
	if !inner(raw, &value) {
		return false
	}
	*dst = Some(value)
	return true
}

// sliceOf, mapOf, optOf and taggedOf make the decoder of an array, a map, an Opt or a tagged
// union from the decoders of their parts.
func sliceOf[T any](item func(json.RawMessage, *T) bool) func(json.RawMessage, *[]T) bool {
	return func(raw json.RawMessage, dst *[]T) bool { return decodeSlice(raw, dst, item) }
}

func mapOf[T any](value func(json.RawMessage, *T) bool) func(json.RawMessage, *map[string]T) bool {
	return func(raw json.RawMessage, dst *map[string]T) bool { return decodeMap(raw, dst, value) }
}

func optOf[T any](inner func(json.RawMessage, *T) bool) func(json.RawMessage, *Opt[T]) bool {
	return func(raw json.RawMessage, dst *Opt[T]) bool { return decodeOpt(raw, dst, inner) }
}

func taggedOf(property string, variants []taggedVariant) func(json.RawMessage, *any) bool {
	return func(raw json.RawMessage, dst *any) bool { return decodeTagged(raw, dst, property, variants) }
}

// decodeAny decodes free-form JSON: objects as map[string]any, arrays as []any, numbers as
// json.Number (exactly as sent: a large integer is not rounded to a float64).
func decodeAny(raw json.RawMessage, dst *any) bool {
	value, err := decodeValue(raw)
	if err != nil {
		return false
	}
	*dst = value
	return true
}

func decodeObject(raw json.RawMessage, dst *map[string]any) bool {
	value, err := decodeValue(raw)
	object, ok := value.(map[string]any)
	if err != nil || !ok {
		return false
	}
	*dst = object
	return true
}

// taggedVariant is one variant of a union with a discriminator: its tag and its model.
type taggedVariant struct {
	tag    string
	decode func(json.RawMessage) (any, bool)
}

// decodeTagged decodes a union into the model its discriminator names, or, for a tag it does
// not know, into free-form JSON.
func decodeTagged(raw json.RawMessage, dst *any, property string, variants []taggedVariant) bool {
	var tag string
	_ = eachMember(raw, func(name []byte, value json.RawMessage) {
		if string(name) == property {
			decodeString(value, &tag)
		}
	})
	for _, variant := range variants {
		if variant.tag != tag {
			continue
		}
		if value, ok := variant.decode(raw); ok {
			*dst = value
			return true
		}
	}
	return decodeAny(raw, dst)
}
