package gotests

// confEqual's table (the same as tests/conformance/test_json_equal.py and the TypeScript
// runner's jsonEqual): JSON texts decoded the way the runner decodes bodies (confEqualJSON).

import "testing"

func TestConfEqual(t *testing.T) {
	table := []struct {
		left, right string
		equal       bool
		why         string
	}{
		{`{"a": null}`, `{}`, false, "absent and null are distinct"},
		{`{"a": null}`, `{"a": null}`, true, "null equals null"},
		{`null`, `{}`, false, "null is not an empty object"},
		{`{"a": {"b": null}}`, `{"a": {}}`, false, "a nested null is not dropped"},
		{`{"a": 1, "b": 2}`, `{"b": 2, "a": 1}`, true, "key order is free"},
		{`{"a": {"x": 1, "y": 2}}`, `{"a": {"y": 2, "x": 1}}`, true, "nested key order is free"},
		{`{"a": 1}`, `{"a": 1, "b": 2}`, false, "an extra key counts"},
		{`{"a": 1, "b": null}`, `{"a": 1, "c": null}`, false, "same size, other keys"},
		{`1`, `1.0`, true, "1 and 1.0 are one number"},
		{`{"n": [1]}`, `{"n": [1.0]}`, true, "1 and 1.0 are one number, nested"},
		{`1`, `1.5`, false, "different numbers"},
		{`1e400`, `1.8e308`, true, "beyond a double's range: an infinity"},
		{`true`, `1`, false, "true is not 1"},
		{`false`, `0`, false, "false is not 0"},
		{`"1"`, `1`, false, "a string is not a number"},
		{`""`, `null`, false, "an empty string is not null"},
		{`[1, 2]`, `[2, 1]`, false, "arrays are ordered"},
		{`[[1, 2], [3]]`, `[[1, 2], [3]]`, true, "nested arrays in order"},
		{`[[1, 2], [3]]`, `[[2, 1], [3]]`, false, "nested arrays are ordered"},
		{`[{"a": 1}, {"b": 2}]`, `[{"b": 2}, {"a": 1}]`, false, "arrays of objects are ordered"},
		{`[1, 2]`, `[1, 2, null]`, false, "a trailing null counts"},
		{`[]`, `{}`, false, "an empty array is not an empty object"},
	}
	for _, row := range table {
		if got := confEqualJSON([]byte(row.left), []byte(row.right)); got != row.equal {
			t.Errorf("%s: confEqual(%s, %s) = %v, want %v", row.why, row.left, row.right, got, row.equal)
		}
		if got := confEqualJSON([]byte(row.right), []byte(row.left)); got != row.equal {
			t.Errorf("%s (swapped): confEqual(%s, %s) = %v, want %v", row.why, row.right, row.left, got, row.equal)
		}
	}
	if confEqualJSON([]byte(`{"a": 1}`), []byte(`{"a": 1} trailing`)) {
		t.Errorf("a document with trailing data is equal to nothing")
	}
}
