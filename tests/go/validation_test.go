package gotests

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	retell "github.com/retell-contract-kit/retell-go"
)

type violationCase struct {
	Field   string `json:"field"`
	Rule    string `json:"rule"`
	Keyword string `json:"keyword"`
}

type validatorCase struct {
	Description string          `json:"description"`
	Schema      json.RawMessage `json:"schema"`
	Value       json.RawMessage `json:"value"`
	Valid       bool            `json:"valid"`
	First       *violationCase  `json:"first"`
	Violations  []violationCase `json:"violations"`
}

// The shared cases every generated validator runs (tests/validation/cases.json): the same
// violations, in the same order, as the Python reference validator.
func TestValidatorReportsTheSharedViolations(t *testing.T) {
	var file struct {
		Cases []validatorCase `json:"cases"`
	}
	readJSON(t, "../validation/cases.json", &file)
	if len(file.Cases) < 100 {
		t.Fatalf("only %d shared cases", len(file.Cases))
	}
	for _, c := range file.Cases {
		t.Run(c.Description, func(t *testing.T) {
			validator, err := retell.NewValidator(c.Schema)
			if err != nil {
				t.Fatalf("NewValidator: %v", err)
			}
			value := decodeNumbers(t, c.Value)
			found, err := validator.Validate("T", value)
			if err != nil {
				t.Fatal(err)
			}
			got := make([]violationCase, len(found))
			for index, v := range found {
				got[index] = violationCase{v.Field, v.Rule, v.Keyword}
				if v.Message == "" {
					t.Errorf("violation %d has no message", index)
				}
			}
			want := c.Violations
			if want == nil {
				want = []violationCase{}
			}
			if !equalViolations(got, want) {
				t.Fatalf("violations\n got %v\nwant %v", got, want)
			}
			if (len(found) == 0) != c.Valid {
				t.Fatalf("valid = %v, want %v", len(found) == 0, c.Valid)
			}
			first, err := validator.First("T", value)
			if err != nil {
				t.Fatal(err)
			}
			if (first == nil) != (c.First == nil) || (first != nil && (violationCase{first.Field, first.Rule, first.Keyword}) != *c.First) {
				t.Fatalf("first violation %v, want %v", first, c.First)
			}
		})
	}
}

func equalViolations(a, b []violationCase) bool {
	if len(a) != len(b) {
		return false
	}
	for index := range a {
		if a[index] != b[index] {
			return false
		}
	}
	return true
}

// decodeNumbers decodes a value as the client does: numbers exactly as written.
func decodeNumbers(t *testing.T, raw json.RawMessage) any {
	t.Helper()
	decoder := json.NewDecoder(bytes.NewReader(raw))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		t.Fatal(err)
	}
	return value
}

// Plain float64 values (json.Unmarshal without UseNumber) validate the same way.
func TestValidatorTakesFloatsToo(t *testing.T) {
	validator, err := retell.NewValidator([]byte(`{"$defs": {"T": {"type": "integer", "minimum": 8000}}}`))
	if err != nil {
		t.Fatal(err)
	}
	for value, wantValid := range map[any]bool{8000.0: true, 7999.0: false, 8000.5: false, 9000: true} {
		found, _ := validator.Validate("T", value)
		if (len(found) == 0) != wantValid {
			t.Errorf("%v: violations %v", value, found)
		}
	}
}

// Messages say what the rule asks for, as the Python validator words them.
func TestValidatorMessagesMatchTheReference(t *testing.T) {
	document := `{"$defs": {"T": {"type": "object", "required": ["n"], "properties": {
		"n": {"type": "integer", "minimum": 8000, "maximum": 4.8e4},
		"s": {"type": "string", "pattern": "^a$", "minLength": 2},
		"e": {"enum": ["x", 1.5, null]},
		"c": {"const": 8000.0},
		"m": {"type": "number", "multipleOf": 0.5}}}}}`
	validator, err := retell.NewValidator([]byte(document))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		`{}`:                    "n: is required (rule: required)",
		`{"n": 7999}`:           "n: must be >= 8000 (rule: minimum)",
		`{"n": 48001}`:          "n: must be <= 48000 (rule: maximum)",
		`{"n": "1"}`:            "n: must be an integer, not string (rule: type)",
		`{"n": 8000, "s": 1}`:   "s: must be a string, not integer (rule: type)",
		`{"n": 8000, "s": "b"}`: "s: must be at least 2 characters long (rule: minLength)",
		`{"n": 8000, "e": 2}`:   `e: must be one of "x", 1.5, null (rule: enum)`,
		`{"n": 8000, "c": 1}`:   "c: must be 8000.0 (rule: const)",
		`{"n": 8000, "m": 0.3}`: "m: must be a multiple of 0.5 (rule: multipleOf)",
	}
	for body, want := range cases {
		first, err := validator.First("T", decodeNumbers(t, json.RawMessage(body)))
		if err != nil || first == nil {
			t.Fatalf("%s: %v %v", body, first, err)
		}
		if first.String() != want {
			t.Errorf("%s: %q, want %q", body, first.String(), want)
		}
	}
}

// A schema Go's regexp cannot apply, or a reference to nothing, is refused at construction,
// naming where it is.
func TestValidatorRefusesWhatItCannotApply(t *testing.T) {
	for document, where := range map[string]string{
		`{"$defs": {"T": {"type": "string", "pattern": "a{2000}"}}}`:        "#/$defs/T/pattern",
		`{"$defs": {"T": {"properties": {"x": {"$ref": "#/$defs/Nope"}}}}}`: "#/$defs/T/properties/x/$ref",
		`{"$defs": {"T": {"allOf": [true]}}}`:                               "#/$defs/T/allOf/0",
		`[1]`:                                                               "not an object",
	} {
		_, err := retell.NewValidator([]byte(document))
		if err == nil || !strings.Contains(err.Error(), where) {
			t.Errorf("%s: error %v, want one naming %s", document, err, where)
		}
	}
	validator, _ := retell.NewValidator([]byte(`{"$defs": {"T": {}}}`))
	if _, err := validator.Validate("Other", 1); err == nil {
		t.Error("an unknown schema name is not an error")
	}
	if names := validator.Names(); len(names) != 1 || names[0] != "T" {
		t.Errorf("Names() = %v", names)
	}
}

// The messages, too, are the reference validator's, case by case: tests/go/test_go.py writes
// them from the Python validator and passes the file in RETELL_GO_TEST_MESSAGES.
func TestValidatorMessagesAreTheReferenceOnes(t *testing.T) {
	path := os.Getenv("RETELL_GO_TEST_MESSAGES")
	if path == "" {
		t.Fatal("RETELL_GO_TEST_MESSAGES is not set: run these tests with `.venv/bin/python -m pytest tests/go`")
	}
	var file struct {
		Cases []struct {
			Schema   json.RawMessage `json:"schema"`
			Value    json.RawMessage `json:"value"`
			Messages []string        `json:"messages"`
		} `json:"cases"`
	}
	readJSON(t, path, &file)
	if len(file.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range file.Cases {
		validator, err := retell.NewValidator(c.Schema)
		if err != nil {
			t.Fatal(err)
		}
		found, _ := validator.Validate("T", decodeNumbers(t, c.Value))
		got := make([]string, len(found))
		for index, v := range found {
			got[index] = v.String()
		}
		if strings.Join(got, "\n") != strings.Join(c.Messages, "\n") {
			t.Errorf("%s against %s:\n got %q\nwant %q", c.Value, c.Schema, got, c.Messages)
		}
	}
}
