// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// encode is the JSON body of a call: the params, the extra body merged in, checked against
// the operation's request schema. A body that breaks a rule is a *ValidationError.
func (c *clientCore) encode(op *operation, params any, extra map[string]any) ([]byte, error) {
	if op.requestSchema == "" && len(extra) == 0 {
		return nil, nil
	}
	body := []byte("{}")
	if op.requestSchema != "" {
		var err error
		if body, err = marshalParams(params); err != nil {
			return nil, jsonError(params, nil, err)
		}
	}
	if len(extra) > 0 {
		var err error
		if body, err = mergeExtraBody(body, extra); err != nil {
			return nil, err
		}
	}
	if op.requestSchema == "" {
		return body, nil
	}
	value, err := decodeValue(body)
	if err != nil {
		return nil, &ValidationError{Rule: "json", Keyword: "json", Message: "is not JSON: " + err.Error()}
	}
	violations, err := c.validator.Validate(op.requestSchema, value)
	if err != nil {
		return nil, err
	}
	if len(violations) > 0 {
		first := violations[0]
		return nil, &ValidationError{Field: first.Field, Rule: first.Rule, Keyword: first.Keyword, Message: first.Message, Violations: violations}
	}
	return body, nil
}

// marshalParams encodes params: a model writes itself (its output needs no second check).
func marshalParams(params any) ([]byte, error) {
	if model, ok := params.(json.Marshaler); ok {
		return model.MarshalJSON()
	}
	return json.Marshal(params)
}

// mergeExtraBody adds the members of extra to the JSON object body, replacing those of the
// same name.
func mergeExtraBody(body []byte, extra map[string]any) ([]byte, error) {
	members := make(map[string]json.RawMessage, len(extra))
	for name, value := range extra {
		raw, err := json.Marshal(value)
		if err != nil {
			return nil, jsonError(value, []string{name}, err)
		}
		members[name] = raw
	}
	merged, err := mergeObject(body, members)
	if err != nil {
		return nil, &ValidationError{Rule: "json", Keyword: "json", Message: "must be a JSON object to take an extra body"}
	}
	return merged, nil
}

// jsonError is the *ValidationError (rule "json") for a value encoding/json refuses, naming
// the innermost field that does not encode: NaN, a channel, a cycle, invalid raw JSON.
func jsonError(value any, at []string, err error) *ValidationError {
	finder := problemFinder{seen: map[uintptr]bool{}}
	found, problem := finder.find(reflect.ValueOf(value), at, 0)
	if found == nil {
		found, problem = at, err
	}
	return &ValidationError{Field: strings.Join(found, "."), Rule: "json", Keyword: "json", Message: "cannot be encoded as JSON: " + problem.Error()}
}

// optional is implemented by Opt: the value it holds, if any.
type optional interface {
	held() (any, bool)
}

func (o Opt[T]) held() (any, bool) {
	if o.value == nil {
		return nil, false
	}
	return *o.value, true
}

// problemFinder walks a value that did not encode, down to the innermost part that does not.
// It runs only after encoding/json has refused the whole.
type problemFinder struct {
	seen map[uintptr]bool // pointers on the way, to name a cycle
}

const maxProblemDepth = 64

func (f *problemFinder) find(current reflect.Value, at []string, depth int) ([]string, error) {
	if !current.IsValid() || !current.CanInterface() || depth > maxProblemDepth {
		return nil, nil
	}
	if inner, ok := current.Interface().(optional); ok {
		held, present := inner.held()
		if !present {
			return nil, nil
		}
		return f.find(reflect.ValueOf(held), at, depth+1)
	}
	_, err := json.Marshal(current.Interface())
	if err == nil {
		return nil, nil
	}
	if found, problem := f.members(current, at, depth); found != nil {
		return found, problem
	}
	return at, err
}

// members searches the parts of a value: a pointer's target, a struct's fields (by JSON
// name, ExtraFields included), a map's entries, a slice's items.
func (f *problemFinder) members(current reflect.Value, at []string, depth int) ([]string, error) {
	switch current.Kind() {
	case reflect.Pointer, reflect.Interface:
		if current.IsNil() {
			return nil, nil
		}
		if current.Kind() == reflect.Pointer {
			if f.seen[current.Pointer()] {
				return at, errors.New("the value holds a cycle")
			}
			f.seen[current.Pointer()] = true
		}
		return f.find(current.Elem(), at, depth+1)
	case reflect.Struct:
		return f.fields(current, at, depth)
	case reflect.Map:
		keys := current.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, key := range keys {
			if found, problem := f.find(current.MapIndex(key), within(at, fmt.Sprint(key)), depth+1); found != nil {
				return found, problem
			}
		}
	case reflect.Slice, reflect.Array:
		for index := 0; index < current.Len(); index++ {
			if found, problem := f.find(current.Index(index), within(at, strconv.Itoa(index)), depth+1); found != nil {
				return found, problem
			}
		}
	}
	return nil, nil
}

func (f *problemFinder) fields(current reflect.Value, at []string, depth int) ([]string, error) {
	for index := 0; index < current.NumField(); index++ {
		field := current.Type().Field(index)
		if !field.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(field.Tag.Get("json"), ",")
		if name == "-" {
			if extra, ok := current.Field(index).Interface().(map[string]json.RawMessage); ok {
				for key, raw := range extra {
					if !json.Valid(raw) {
						return within(at, key), errors.New("ExtraFields holds invalid JSON")
					}
				}
			}
			continue
		}
		if name == "" {
			name = field.Name
		}
		if found, problem := f.find(current.Field(index), within(at, name), depth+1); found != nil {
			return found, problem
		}
	}
	return nil, nil
}

func within(at []string, name string) []string {
	return append(append(make([]string, 0, len(at)+1), at...), name)
}
