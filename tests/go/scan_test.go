package gotests

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	retell "github.com/retell-contract-kit/retell-go"
)

// The client decodes answers with a scanner of its own; it must accept exactly what
// encoding/json accepts and decode free-form JSON to the same values (json.Number numbers).
// `go test` runs the seeds; `go test -fuzz FuzzLenientDecoding` searches further.
func FuzzLenientDecodingMatchesEncodingJSON(f *testing.F) {
	for _, seed := range []string{
		createdCall,
		newerCall,
		`{}`, `[]`, `null`, `"x"`, `1`, ``, ` `, `{`, `{"a":}`, `{"a":1,}`, `[1,]`, `{"a" 1}`,
		`{"metadata":{"k":"v\u00e9\ud83d\ude80","n":-0.5e-3,"big":123456789012345678901234567890}}`,
		`{"metadata":{"a":"\ud800x","b":"\udc00\ud800","c":"\u0000\/\b\f\n\r\t\\\""}}`,
		"{\"metadata\":{\"bad\":\"a\xffb\"}}",
		"{\"metadata\":{\"tab\":\"a\tb\"}}",
		`{"metadata":{"dup":1,"dup":2},"metadata":{"last":true}}`,
		`{"metadata":[1,{"x":[[],{}]}],"call_status":7}`,
		`{"metadata": { "spaced" : [ 1 , 2 ] } }  `,
		`{"metadata":{"n":01}}`, `{"metadata":{"n":1.}}`, `{"metadata":{"n":1e}}`, `{"metadata":{"n":-}}`,
		`{"metadata":{"t":tru}}`, `{"metadata":{"x":"\q"}}`, `{"metadata":{"x":"\u12"}}`,
		`{"call_id":"c"} trailing`, `{"call_id":"c"}{}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var call retell.PhoneCallResponse
		err := call.UnmarshalJSON(data)
		var reference any
		decoder := json.NewDecoder(bytes.NewReader(data))
		decoder.UseNumber()
		referenceErr := decoder.Decode(&reference)
		valid := json.Valid(data)
		object, isObject := reference.(map[string]any)
		if !valid || referenceErr != nil || !isObject {
			if err == nil {
				t.Fatalf("%q: accepted, but encoding/json (valid=%v) says %v / %T", data, valid, referenceErr, reference)
			}
			return
		}
		if err != nil {
			t.Fatalf("%q: refused (%v), but it is a JSON object", data, err)
		}
		metadata, present := object["metadata"]
		if want, isMap := metadata.(map[string]any); present && isMap {
			if got := call.Metadata.Value(); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: metadata %#v, encoding/json %#v", data, got, want)
			}
		} else if present {
			var kept any
			d := json.NewDecoder(bytes.NewReader(call.ExtraFields["metadata"]))
			d.UseNumber()
			if d.Decode(&kept) != nil || !reflect.DeepEqual(kept, metadata) {
				t.Fatalf("%q: a metadata that is no object is not kept as sent: %s", data, call.ExtraFields["metadata"])
			}
		}
		for name := range object {
			if _, kept := call.ExtraFields[name]; !kept && !isNamed(name) {
				t.Fatalf("%q: member %q lost", data, name)
			}
		}
	})
}

// isNamed reports whether PhoneCallResponse has a field of that wire name.
func isNamed(name string) bool {
	for _, field := range reflect.VisibleFields(reflect.TypeOf(retell.PhoneCallResponse{})) {
		if tag := field.Tag.Get("json"); tag == name || len(tag) > len(name) && tag[:len(name)+1] == name+"," {
			return true
		}
	}
	return false
}
