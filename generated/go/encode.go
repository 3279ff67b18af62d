// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"sort"
	"strconv"
	"unicode/utf8"
)

// Models encode themselves field by field (no reflection on the hot path of every call):
// the fields that are set, in the spec's order, then ExtraFields in code point order, an
// extra field replacing a named one of the same name. Values without a writer of their own
// (maps, slices, free-form JSON, unions) go through encoding/json.

// objectWriter writes one JSON object.
type objectWriter struct {
	out   []byte
	extra map[string]json.RawMessage
	err   error
}

// member starts a named field's member (false: ExtraFields replaces it, or an earlier
// member failed).
func (w *objectWriter) member(name string) bool {
	if _, replaced := w.extra[name]; replaced || w.err != nil {
		return false
	}
	w.key(name)
	return true
}

func (w *objectWriter) key(name string) {
	if len(w.out) == 0 {
		w.out = append(make([]byte, 0, 256), '{')
	} else {
		w.out = append(w.out, ',')
	}
	w.out = append(appendQuoted(w.out, name), ':')
}

// finish writes ExtraFields and closes the object.
func (w *objectWriter) finish() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	names := make([]string, 0, len(w.extra))
	for name := range w.extra {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !json.Valid(w.extra[name]) {
			return nil, &memberError{name: name, err: errors.New("ExtraFields holds invalid JSON")}
		}
		w.key(name)
		w.out = append(w.out, w.extra[name]...)
	}
	if len(w.out) == 0 {
		return []byte("{}"), nil
	}
	return append(w.out, '}'), nil
}

// writeField writes a member that is always sent.
func writeField[T any](w *objectWriter, name string, value T, encode func([]byte, T) ([]byte, error)) {
	if w.member(name) {
		w.out, w.err = encode(w.out, value)
	}
}

// writeOpt writes an Opt member, unless it is absent.
func writeOpt[T any](w *objectWriter, name string, value Opt[T], encode func([]byte, T) ([]byte, error)) {
	switch {
	case value.IsZero():
	case value.null:
		if w.member(name) {
			w.out = append(w.out, "null"...)
		}
	default:
		writeField(w, name, *value.value, encode)
	}
}

// memberError is a member that cannot be encoded.
type memberError struct {
	name string
	err  error
}

func (e *memberError) Error() string {
	return strconv.Quote(e.name) + ": " + e.err.Error()
}

const hexDigits = "0123456789abcdef"

// appendString writes a JSON string: control characters, quotes and backslashes escaped,
// <, > and & escaped as encoding/json does, invalid UTF-8 as U+FFFD.
func appendString(out []byte, text string) ([]byte, error) {
	return appendQuoted(out, text), nil
}

func appendQuoted(out []byte, text string) []byte {
	out = append(out, '"')
	start := 0
	for index := 0; index < len(text); {
		c := text[index]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				index++
				continue
			}
			out = append(out, text[start:index]...)
			switch c {
			case '"', '\\':
				out = append(out, '\\', c)
			case '\n':
				out = append(out, '\\', 'n')
			case '\r':
				out = append(out, '\\', 'r')
			case '\t':
				out = append(out, '\\', 't')
			default:
				out = append(out, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			index++
			start = index
			continue
		}
		r, size := utf8.DecodeRuneInString(text[index:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			out = append(out, text[start:index]...)
			if r == utf8.RuneError {
				out = append(out, `\ufffd`...)
			} else {
				out = append(out, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			}
			index += size
			start = index
			continue
		}
		index += size
	}
	out = append(out, text[start:]...)
	return append(out, '"')
}

func appendEnum[E ~string](out []byte, value E) ([]byte, error) {
	return appendQuoted(out, string(value)), nil
}

func appendInteger(out []byte, value int64) ([]byte, error) {
	return strconv.AppendInt(out, value, 10), nil
}

func appendBool(out []byte, value bool) ([]byte, error) {
	return strconv.AppendBool(out, value), nil
}

// appendNumber writes a float64 as encoding/json does; NaN and infinities are refused.
func appendNumber(out []byte, value float64) ([]byte, error) {
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return out, &json.UnsupportedValueError{Str: strconv.FormatFloat(value, 'g', -1, 64)}
	}
	format := byte('f')
	if abs := math.Abs(value); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	out = strconv.AppendFloat(out, value, format, -1, 64)
	if n := len(out); format == 'e' && n >= 4 && out[n-4] == 'e' && out[n-3] == '-' && out[n-2] == '0' {
		out[n-2] = out[n-1] // e-07 as e-7
		out = out[:n-1]
	}
	return out, nil
}

// appendModel writes a model (its own MarshalJSON).
func appendModel[M json.Marshaler](out []byte, value M) ([]byte, error) {
	data, err := value.MarshalJSON()
	return append(out, data...), err
}

// appendJSON writes any other value through encoding/json.
func appendJSON[T any](out []byte, value T) ([]byte, error) {
	data, err := json.Marshal(value)
	return append(out, data...), err
}

// mergeObject returns the JSON object data with the members of extra added, replacing those
// of the same name; data's members keep their order, extra's follow in code point order.
func mergeObject(data []byte, extra map[string]json.RawMessage) ([]byte, error) {
	var out bytes.Buffer
	out.WriteByte('{')
	write := func(name string, value json.RawMessage) error {
		if out.Len() > 1 {
			out.WriteByte(',')
		}
		key, _ := json.Marshal(name) // a string always encodes
		out.Write(key)
		out.WriteByte(':')
		return json.Compact(&out, value)
	}
	var failed error
	err := eachMember(data, func(name []byte, value json.RawMessage) {
		if _, replaced := extra[string(name)]; !replaced && failed == nil {
			failed = write(string(name), value)
		}
	})
	if err != nil || failed != nil {
		return nil, errNotObject
	}
	names := make([]string, 0, len(extra))
	for name := range extra {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := write(name, extra[name]); err != nil {
			return nil, err
		}
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}
