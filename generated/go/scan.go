// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A small JSON scanner for the two hot paths of every call: decoding a body into generic
// values (to validate it) and walking the members of an object (to decode a model
// leniently). It accepts exactly what encoding/json accepts and decodes as it does (numbers
// as json.Number, invalid UTF-8 and lone surrogates as U+FFFD, the last of duplicate names),
// without reflection.

const maxNesting = 10000

var (
	errEndOfInput   = errors.New("unexpected end of JSON input")
	errTooDeep      = errors.New("JSON nested too deeply")
	errTrailingData = errors.New("data after the JSON value")
	errNotObject    = errors.New("not a JSON object")
	errNotArray     = errors.New("not a JSON array")
	errNotFit       = errors.New("a value does not fit its type")
)

type scanner struct {
	data  []byte
	pos   int
	depth int
}

func (s *scanner) fail(what string) error {
	if s.pos >= len(s.data) {
		return errEndOfInput
	}
	return errors.New("invalid character " + strconv.QuoteRune(rune(s.data[s.pos])) + " " + what + " at offset " + strconv.Itoa(s.pos))
}

func (s *scanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) peek() byte {
	if s.pos < len(s.data) {
		return s.data[s.pos]
	}
	return 0
}

// decodeValue decodes exactly one JSON value into generic values.
func decodeValue(data []byte) (any, error) {
	s := scanner{data: data}
	s.space()
	value, err := s.value()
	if err != nil {
		return nil, err
	}
	s.space()
	if s.pos != len(s.data) {
		return nil, errTrailingData
	}
	return value, nil
}

func (s *scanner) value() (any, error) {
	switch s.peek() {
	case '{':
		return s.object()
	case '[':
		return s.array()
	case '"':
		return s.string()
	case 't':
		return true, s.literal("true")
	case 'f':
		return false, s.literal("false")
	case 'n':
		return nil, s.literal("null")
	}
	start := s.pos
	if err := s.number(); err != nil {
		return nil, err
	}
	return json.Number(s.data[start:s.pos]), nil
}

func (s *scanner) object() (map[string]any, error) {
	object := map[string]any{}
	err := s.members(func(name []byte, _ int) error {
		value, err := s.value()
		object[string(name)] = value
		return err
	})
	return object, err
}

func (s *scanner) array() ([]any, error) {
	items := []any{}
	err := s.items(func() error {
		value, err := s.value()
		items = append(items, value)
		return err
	})
	return items, err
}

// members walks an object: each name (valid until the next call), then member reads the
// value (from s.pos).
func (s *scanner) members(member func(name []byte, start int) error) error {
	if s.depth++; s.depth > maxNesting {
		return errTooDeep
	}
	s.pos++ // {
	s.space()
	if s.peek() == '}' {
		s.pos++
		s.depth--
		return nil
	}
	for {
		if s.peek() != '"' {
			return s.fail("looking for the beginning of an object key")
		}
		name, err := s.name()
		if err != nil {
			return err
		}
		s.space()
		if s.peek() != ':' {
			return s.fail("after an object key")
		}
		s.pos++
		s.space()
		if err := member(name, s.pos); err != nil {
			return err
		}
		s.space()
		switch s.peek() {
		case ',':
			s.pos++
			s.space()
		case '}':
			s.pos++
			s.depth--
			return nil
		default:
			return s.fail("after an object value")
		}
	}
}

// items walks an array: item reads each value (from s.pos).
func (s *scanner) items(item func() error) error {
	if s.depth++; s.depth > maxNesting {
		return errTooDeep
	}
	s.pos++ // [
	s.space()
	if s.peek() == ']' {
		s.pos++
		s.depth--
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		s.space()
		switch s.peek() {
		case ',':
			s.pos++
			s.space()
		case ']':
			s.pos++
			s.depth--
			return nil
		default:
			return s.fail("after an array element")
		}
	}
}

// skip checks one value and moves past it.
func (s *scanner) skip() error {
	switch s.peek() {
	case '{':
		return s.members(func([]byte, int) error { return s.skip() })
	case '[':
		return s.items(s.skip)
	case '"':
		_, err := s.stringEnd()
		return err
	case 't':
		return s.literal("true")
	case 'f':
		return s.literal("false")
	case 'n':
		return s.literal("null")
	}
	return s.number()
}

func (s *scanner) literal(word string) error {
	if len(s.data)-s.pos < len(word) || string(s.data[s.pos:s.pos+len(word)]) != word {
		return s.fail("in a literal")
	}
	s.pos += len(word)
	return nil
}

// number moves past a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() error {
	if s.peek() == '-' {
		s.pos++
	}
	switch c := s.peek(); {
	case c == '0':
		s.pos++
	case '1' <= c && c <= '9':
		s.digits()
	default:
		return s.fail("looking for the beginning of a value")
	}
	if s.peek() == '.' {
		s.pos++
		if !isDigit(s.peek()) {
			return s.fail("after a decimal point")
		}
		s.digits()
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.pos++
		if c := s.peek(); c == '+' || c == '-' {
			s.pos++
		}
		if !isDigit(s.peek()) {
			return s.fail("in an exponent")
		}
		s.digits()
	}
	return nil
}

func (s *scanner) digits() {
	for isDigit(s.peek()) {
		s.pos++
	}
}

func isDigit(c byte) bool {
	return '0' <= c && c <= '9'
}

// stringEnd moves past a string and reports whether it holds escapes or non-ASCII bytes.
func (s *scanner) stringEnd() (bool, error) {
	s.pos++ // "
	plain := true
	for s.pos < len(s.data) {
		switch c := s.data[s.pos]; {
		case c == '"':
			s.pos++
			return plain, nil
		case c == '\\':
			plain = false
			s.pos++
			if err := s.escape(); err != nil {
				return false, err
			}
		case c < 0x20:
			return false, s.fail("in a string literal")
		default:
			if c >= 0x80 {
				plain = false
			}
			s.pos++
		}
	}
	return false, errEndOfInput
}

func (s *scanner) escape() error {
	switch s.peek() {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		s.pos++
		return nil
	case 'u':
		if len(s.data)-s.pos < 5 || !isHexBytes(s.data[s.pos+1:s.pos+5]) {
			return s.fail("in a \\u escape")
		}
		s.pos += 5
		return nil
	}
	return s.fail("in a string escape")
}

func isHexBytes(data []byte) bool {
	for _, c := range data {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// string decodes a string at s.pos.
func (s *scanner) string() (string, error) {
	start := s.pos
	plain, err := s.stringEnd()
	if err != nil {
		return "", err
	}
	if plain {
		return string(s.data[start+1 : s.pos-1]), nil
	}
	return unquote(s.data[start+1 : s.pos-1]), nil
}

// name decodes an object key at s.pos, without a copy when it holds no escapes.
func (s *scanner) name() ([]byte, error) {
	start := s.pos
	plain, err := s.stringEnd()
	if err != nil {
		return nil, err
	}
	if plain {
		return s.data[start+1 : s.pos-1], nil
	}
	return []byte(unquote(s.data[start+1 : s.pos-1])), nil
}

// unquote decodes the inside of a string literal the scanner checked, as encoding/json does.
func unquote(inner []byte) string {
	out := make([]byte, 0, len(inner))
	for index := 0; index < len(inner); {
		c := inner[index]
		switch {
		case c == '\\':
			index++
			switch inner[index] {
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r := hexRune(inner[index+1 : index+5])
				index += 4
				if utf16.IsSurrogate(r) {
					r = lowSurrogate(inner, index, r)
					if r != utf8.RuneError {
						index += 6 // the pair's second escape
					}
				}
				out = utf8.AppendRune(out, r)
			default: // " \ /
				out = append(out, inner[index])
			}
			index++
		case c < utf8.RuneSelf:
			out = append(out, c)
			index++
		default:
			r, size := utf8.DecodeRune(inner[index:])
			out = utf8.AppendRune(out, r) // an invalid byte becomes U+FFFD
			index += size
		}
	}
	return string(out)
}

// lowSurrogate is the rune of the surrogate pair high starts (its \u escape ends at index),
// or U+FFFD when no valid second half follows, as encoding/json decodes it.
func lowSurrogate(inner []byte, index int, high rune) rune {
	if index+6 >= len(inner) || inner[index+1] != '\\' || inner[index+2] != 'u' {
		return utf8.RuneError
	}
	return utf16.DecodeRune(high, hexRune(inner[index+3:index+7]))
}

func hexRune(data []byte) rune {
	var r rune
	for _, c := range data {
		switch {
		case '0' <= c && c <= '9':
			r = r<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		default:
			r = r<<4 | rune(c-'A'+10)
		}
	}
	return r
}

// eachMember walks the members of a JSON object, each name (valid only during the call) and
// value as raw JSON; an error when data is not exactly one object.
func eachMember(data []byte, member func(name []byte, raw json.RawMessage)) error {
	s := scanner{data: data}
	s.space()
	if s.peek() != '{' {
		return errNotObject
	}
	err := s.members(func(name []byte, start int) error {
		if err := s.skip(); err != nil {
			return err
		}
		member(name, s.data[start:s.pos])
		return nil
	})
	if err != nil {
		return err
	}
	s.space()
	if s.pos != len(s.data) {
		return errTrailingData
	}
	return nil
}

// eachItem walks the items of a JSON array, each as raw JSON.
func eachItem(data []byte, item func(raw json.RawMessage) bool) error {
	s := scanner{data: data}
	s.space()
	if s.peek() != '[' {
		return errNotArray
	}
	err := s.items(func() error {
		start := s.pos
		if err := s.skip(); err != nil {
			return err
		}
		if !item(s.data[start:s.pos]) {
			return errNotFit
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.space()
	if s.pos != len(s.data) {
		return errTrailingData
	}
	return nil
}
