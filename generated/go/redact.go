// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

const redacted = "[REDACTED]"

// secret is the API key. The client keeps it only behind a pointer, which fmt does not follow
// inside a struct, and it formats as [REDACTED] itself, so no %v, %+v or %#v shows it.
type secret struct {
	value      string
	forms      []string    // the key as a server may echo it: raw, escaped, encoded
	header     http.Header // the headers of every call without a body (they carry the key)
	bodyHeader http.Header // and with one
}

func newSecret(key string) *secret {
	forms := []string{key, url.QueryEscape(key), url.PathEscape(key), percentEncoded(key, "%%%02X"), percentEncoded(key, "%%%02x")}
	quoted, _ := json.Marshal(key)
	escaped := string(quoted[1 : len(quoted)-1])
	forms = append(forms, escaped, strings.ReplaceAll(escaped, "/", `\/`), unicodeEscaped(key, `\u%04x`), unicodeEscaped(key, `\u%04X`))
	for _, encoding := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		forms = append(forms, encoding.EncodeToString([]byte(key)))
	}
	unique := forms[:0]
	seen := map[string]bool{}
	for _, form := range forms {
		if form != "" && !seen[form] {
			seen[form] = true
			unique = append(unique, form)
		}
	}
	header := make(http.Header, 4)
	header.Set(authHeader, "Bearer "+key)
	header.Set("Accept", "application/json")
	header.Set("User-Agent", userAgent)
	bodyHeader := header.Clone()
	bodyHeader.Set("Content-Type", "application/json")
	return &secret{value: key, forms: unique, header: header, bodyHeader: bodyHeader}
}

func percentEncoded(text, format string) string {
	var out strings.Builder
	for index := 0; index < len(text); index++ {
		fmt.Fprintf(&out, format, text[index])
	}
	return out.String()
}

func unicodeEscaped(text, format string) string {
	var out strings.Builder
	for _, char := range text {
		fmt.Fprintf(&out, format, char)
	}
	return out.String()
}

// Format writes [REDACTED] for every verb.
func (s *secret) Format(state fmt.State, verb rune) {
	_, _ = state.Write([]byte(redacted))
}

// String returns [REDACTED].
func (s *secret) String() string {
	return redacted
}

// GoString returns [REDACTED].
func (s *secret) GoString() string {
	return redacted
}

// redact replaces the key, in every form it knows, in text that came from a server.
func (s *secret) redact(text string) string {
	for _, form := range s.forms {
		text = strings.ReplaceAll(text, form, redacted)
	}
	return text
}

// redactBytes is redact for a body. A JSON body whose strings still hold the key once their
// escapes are decoded (an escape form redact does not list) is written again without it.
func (s *secret) redactBytes(data []byte) []byte {
	out := data
	for _, form := range s.forms {
		if bytes.Contains(out, []byte(form)) {
			out = bytes.ReplaceAll(out, []byte(form), []byte(redacted))
		}
	}
	if !bytes.Contains(out, []byte(`\`)) {
		return out
	}
	value, err := decodeValue(out)
	if err != nil || !s.appearsIn(value) {
		return out
	}
	clean, err := json.Marshal(s.redactValue(value))
	if err != nil {
		return []byte(redacted)
	}
	return clean
}

func (s *secret) appearsIn(value any) bool {
	switch typed := value.(type) {
	case string:
		return strings.Contains(typed, s.value)
	case []any:
		for _, item := range typed {
			if s.appearsIn(item) {
				return true
			}
		}
	case map[string]any:
		for name, item := range typed {
			if strings.Contains(name, s.value) || s.appearsIn(item) {
				return true
			}
		}
	}
	return false
}

func (s *secret) redactValue(value any) any {
	switch typed := value.(type) {
	case string:
		return s.redact(typed)
	case []any:
		items := make([]any, len(typed))
		for index, item := range typed {
			items[index] = s.redactValue(item)
		}
		return items
	case map[string]any:
		object := make(map[string]any, len(typed))
		for name, item := range typed {
			object[s.redact(name)] = s.redactValue(item)
		}
		return object
	}
	return value
}

// redactHeader is a copy of a response's header without the key.
func (s *secret) redactHeader(header http.Header) http.Header {
	clean := make(http.Header, len(header))
	for name, values := range header {
		copied := make([]string, len(values))
		for index, value := range values {
			copied[index] = s.redact(value)
		}
		clean[s.redact(name)] = copied
	}
	return clean
}
