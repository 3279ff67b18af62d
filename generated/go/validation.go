// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The spec's rules as a validator of JSON values: a port of the reference validator every
// generated client shares (the Python client's _validation.py), with the same keywords,
// semantics, field paths, rule names and order of violations.
//
// A schema document is normalised JSON Schema 2020-12: one `$defs` entry per schema. Values
// are generic JSON (nil, bool, string, json.Number or float64, []any, map[string]any) and are
// checked with JSON Schema's semantics: no coercion ("35" is no integer, 35.0 is one), null
// only where a type allows it, ECMAScript regular expressions ($ is the end of the text, \d
// only ASCII digits), lengths in code points.
//
// A violation names the field as a dotted path ("" for the body itself), the rule (the x-rule
// name of the innermost subschema that states one, else the keyword), the keyword and a
// message. Keywords are checked in a fixed order, so every language reports the same first
// violation: $ref, type, const, enum, minLength, maxLength, pattern, format, minimum, maximum,
// exclusiveMinimum, exclusiveMaximum, multipleOf, minItems, maxItems, items, required,
// properties (in the schema's order), additionalProperties (in code point order of the
// names), allOf, anyOf, oneOf, not, if/then/else.

// Violation is one rule a JSON value breaks.
type Violation struct {
	// Field is the dotted path of the value ("" for the body itself), e.g. "metadata.tags.0".
	Field string
	// Rule is the spec's name for the rule (its x-rule), else the JSON Schema keyword.
	Rule string
	// Keyword is the JSON Schema keyword that failed: pattern, required, minimum, ...
	Keyword string
	// Message says what the rule asks for, e.g. "must be >= 8000".
	Message string
}

// String is "field: message (rule: rule)", with "body" for the value itself.
func (v Violation) String() string {
	where := v.Field
	if where == "" {
		where = "body"
	}
	return where + ": " + v.Message + " (rule: " + v.Rule + ")"
}

// Validator checks JSON values against the `$defs` of a normalised schema document.
type Validator struct {
	defs  map[string]*definition
	names []string
}

// definition is a `$defs` entry; references point at it, so schemas may be recursive.
type definition struct {
	node *schemaNode
}

// NewValidator compiles every `$defs` entry of a schema document. A schema it cannot apply
// as the other languages do (a pattern Go's regexp cannot compile, an unknown `$ref`) is an
// error that says where.
func NewValidator(document []byte) (*Validator, error) {
	decoder := json.NewDecoder(bytes.NewReader(document))
	decoder.UseNumber()
	parsed, err := parseOrdered(decoder)
	if err != nil {
		return nil, fmt.Errorf("retell: schema document: %w", err)
	}
	root, ok := parsed.(*ordered)
	if !ok {
		return nil, fmt.Errorf("retell: schema document: not an object")
	}
	defs, ok := root.values["$defs"].(*ordered)
	if !ok {
		return nil, fmt.Errorf("retell: schema document: no $defs object")
	}
	validator := &Validator{defs: make(map[string]*definition, len(defs.names)), names: defs.names}
	for _, name := range defs.names {
		validator.defs[name] = &definition{}
	}
	compile := compiler{defs: validator.defs}
	for _, name := range defs.names {
		node, err := compile.node(defs.values[name], "#/$defs/"+name)
		if err != nil {
			return nil, fmt.Errorf("retell: schema document: %w", err)
		}
		validator.defs[name].node = node
	}
	return validator, nil
}

// Names returns the names of the document's schemas, in document order.
func (v *Validator) Names() []string {
	return append([]string(nil), v.names...)
}

// Validate returns every violation of value against the schema called name, in order
// (none: value is valid); an error only when there is no such schema.
func (v *Validator) Validate(name string, value any) ([]Violation, error) {
	return v.run(name, value, 0)
}

// First returns the first violation of value against the schema called name, or nil.
func (v *Validator) First(name string, value any) (*Violation, error) {
	found, err := v.run(name, value, 1)
	if err != nil || len(found) == 0 {
		return nil, err
	}
	return &found[0], nil
}

func (v *Validator) run(name string, value any, limit int) ([]Violation, error) {
	def, ok := v.defs[name]
	if !ok {
		return nil, fmt.Errorf("retell: no schema named %q", name)
	}
	state := evaluation{limit: limit}
	def.node.check(value, nil, &state)
	return state.out, nil
}

// --- evaluation ------------------------------------------------------------------------------

// evaluation collects the violations of one run; limit 0 collects them all.
type evaluation struct {
	limit int
	out   []Violation
	rule  string // the x-rule in force, "" for none
}

func (e *evaluation) full() bool {
	return e.limit > 0 && len(e.out) >= e.limit
}

func (e *evaluation) fail(at *path, keyword, message string) {
	if e.full() {
		return
	}
	rule := e.rule
	if rule == "" {
		rule = keyword
	}
	e.out = append(e.out, Violation{Field: at.String(), Rule: rule, Keyword: keyword, Message: message})
}

// matches reports whether a subschema holds, recording nothing (anyOf, oneOf, not, if).
func (e *evaluation) matches(node *schemaNode, value any, at *path) bool {
	probe := evaluation{limit: 1, rule: e.rule}
	return node.check(value, at, &probe) && len(probe.out) == 0
}

// path is a field path as a list from the leaf up; nil is the body itself.
type path struct {
	parent *path
	name   string
}

func (p *path) child(name string) *path {
	return &path{parent: p, name: name}
}

func (p *path) String() string {
	var names []string
	for at := p; at != nil; at = at.parent {
		names = append(names, at.name)
	}
	for left, right := 0, len(names)-1; left < right; left, right = left+1, right-1 {
		names[left], names[right] = names[right], names[left]
	}
	return strings.Join(names, ".")
}

// schemaNode is one compiled schema object; a nil part is a keyword the schema lacks.
type schemaNode struct {
	rule       string // x-rule, "" for none
	ref        *definition
	kinds      []string
	wanted     string
	values     *valueRules
	strings    *stringRules
	numbers    *numberRules
	array      *arrayRules
	object     *objectRules
	allOf      []*schemaNode
	choice     *choiceRule
	not        *schemaNode
	conditions *conditionalRule
}

func (n *schemaNode) check(value any, at *path, e *evaluation) bool {
	if n.rule == "" {
		return n.body(value, at, e)
	}
	outer := e.rule
	e.rule = n.rule
	ok := n.body(value, at, e)
	e.rule = outer
	return ok
}

func (n *schemaNode) body(value any, at *path, e *evaluation) bool {
	ok := true
	if n.ref != nil {
		ok = n.ref.node.check(value, at, e)
	}
	if n.kinds != nil && !hasAnyType(value, n.kinds) {
		e.fail(at, "type", "must be "+n.wanted+", not "+jsonType(value))
		ok = false
	} else {
		if n.values != nil {
			ok = n.values.check(value, at, e) && ok
		}
		ok = n.typed(value, at, e) && ok
	}
	for _, step := range n.allOf {
		ok = step.check(value, at, e) && ok
	}
	if n.choice != nil {
		ok = n.choice.check(value, at, e) && ok
	}
	if n.not != nil && e.matches(n.not, value, at) {
		e.fail(at, "not", "must not match the excluded schema")
		ok = false
	}
	if n.conditions != nil {
		ok = n.conditions.check(value, at, e) && ok
	}
	return ok
}

// typed runs the keywords of the value's own JSON type.
func (n *schemaNode) typed(value any, at *path, e *evaluation) bool {
	switch typed := value.(type) {
	case string:
		return n.strings == nil || n.strings.check(typed, at, e)
	case map[string]any:
		return n.object == nil || n.object.check(typed, at, e)
	case []any:
		return n.array == nil || n.array.check(typed, at, e)
	case bool, nil:
		return true
	}
	if number, ok := numberOf(value); ok && n.numbers != nil {
		return n.numbers.check(number, at, e)
	}
	return true
}

type valueRules struct {
	hasConst bool
	constant any
	constMsg string
	enum     []any
	enumSet  map[string]bool // the enum's strings, for a fast check of a string
	enumMsg  string
}

func (r *valueRules) check(value any, at *path, e *evaluation) bool {
	ok := true
	if r.hasConst && !same(value, r.constant) {
		e.fail(at, "const", r.constMsg)
		ok = false
	}
	if r.enum != nil && !r.inEnum(value) {
		e.fail(at, "enum", r.enumMsg)
		ok = false
	}
	return ok
}

func (r *valueRules) inEnum(value any) bool {
	if text, isString := value.(string); isString {
		return r.enumSet[text]
	}
	for _, allowed := range r.enum {
		if same(value, allowed) {
			return true
		}
	}
	return false
}

type stringRules struct {
	minLength, maxLength *bounded
	pattern              *regexp.Regexp
	patternText          string
	format               string
	formatCheck          func(string) bool
}

// bounded is a count bound (minLength, minItems, ...) and the text messages show it as.
type bounded struct {
	value float64
	text  string
}

func (r *stringRules) check(value string, at *path, e *evaluation) bool {
	ok := true
	length := float64(utf8.RuneCountInString(value))
	if r.minLength != nil && length < r.minLength.value {
		e.fail(at, "minLength", "must be at least "+r.minLength.text+" characters long")
		ok = false
	}
	if r.maxLength != nil && length > r.maxLength.value {
		e.fail(at, "maxLength", "must be at most "+r.maxLength.text+" characters long")
		ok = false
	}
	if r.pattern != nil && !r.pattern.MatchString(value) {
		e.fail(at, "pattern", "must match the pattern "+r.patternText)
		ok = false
	}
	if r.formatCheck != nil && !r.formatCheck(value) {
		e.fail(at, "format", "must be a valid "+r.format)
		ok = false
	}
	return ok
}

type numberBound struct {
	keyword string
	message string
	bound   number
	holds   func(comparison int) bool
}

type numberRules struct {
	bounds     []numberBound
	multipleOf *number
	stepText   string
}

func (r *numberRules) check(value number, at *path, e *evaluation) bool {
	ok := true
	for _, bound := range r.bounds {
		comparison, comparable := compareNumbers(value, bound.bound)
		if !comparable || !bound.holds(comparison) {
			e.fail(at, bound.keyword, bound.message)
			ok = false
		}
	}
	if r.multipleOf != nil && !isMultiple(value, *r.multipleOf) {
		e.fail(at, "multipleOf", "must be a multiple of "+r.stepText)
		ok = false
	}
	return ok
}

type arrayRules struct {
	minItems, maxItems *bounded
	items              *schemaNode
}

func (r *arrayRules) check(value []any, at *path, e *evaluation) bool {
	ok := true
	count := float64(len(value))
	if r.minItems != nil && count < r.minItems.value {
		e.fail(at, "minItems", "must have at least "+r.minItems.text+" items")
		ok = false
	}
	if r.maxItems != nil && count > r.maxItems.value {
		e.fail(at, "maxItems", "must have at most "+r.maxItems.text+" items")
		ok = false
	}
	if r.items != nil {
		for index, item := range value {
			if e.full() {
				return false
			}
			ok = r.items.check(item, at.child(strconv.Itoa(index)), e) && ok
		}
	}
	return ok
}

type property struct {
	name string
	node *schemaNode
}

type objectRules struct {
	required   []string
	properties []property
	named      map[string]bool
	closed     bool        // additionalProperties: false
	others     *schemaNode // additionalProperties: a schema
}

func (r *objectRules) check(value map[string]any, at *path, e *evaluation) bool {
	ok := true
	for _, name := range r.required {
		if _, present := value[name]; !present {
			e.fail(at.child(name), "required", "is required")
			ok = false
		}
	}
	for _, property := range r.properties {
		if item, present := value[property.name]; present {
			if e.full() {
				return false
			}
			ok = property.node.check(item, at.child(property.name), e) && ok
		}
	}
	if r.closed || r.others != nil {
		var extra []string
		for name := range value {
			if !r.named[name] {
				extra = append(extra, name)
			}
		}
		sort.Strings(extra) // byte order of UTF-8 is code point order
		for _, name := range extra {
			if r.others == nil {
				e.fail(at.child(name), "additionalProperties", "is not allowed")
				ok = false
			} else {
				ok = r.others.check(value[name], at.child(name), e) && ok
			}
		}
	}
	return ok
}

type choiceRule struct {
	keyword  string // anyOf or oneOf
	variants []*schemaNode
	tag      string // the x-discriminator's property, "" for none
	hasTag   bool
	mapping  map[string]*schemaNode
	allowed  string // the mapping's values, for the message
}

func (r *choiceRule) check(value any, at *path, e *evaluation) bool {
	if object, isObject := value.(map[string]any); isObject && r.hasTag {
		tag, present := object[r.tag]
		if !present {
			e.fail(at.child(r.tag), "required", "is required")
			return false
		}
		text, isString := tag.(string)
		variant := r.mapping[text]
		if !isString || variant == nil {
			e.fail(at.child(r.tag), "discriminator", "must be one of "+r.allowed)
			return false
		}
		return variant.check(value, at, e)
	}
	matches := 0
	for _, variant := range r.variants {
		if e.matches(variant, value, at) {
			matches++
		}
	}
	count := strconv.Itoa(len(r.variants))
	if r.keyword == "anyOf" && matches == 0 {
		e.fail(at, r.keyword, "must match at least one of the "+count+" allowed schemas")
		return false
	}
	if r.keyword == "oneOf" && matches != 1 {
		message := "must match exactly one of the " + count + " allowed schemas (matches " + strconv.Itoa(matches) + ")"
		e.fail(at, r.keyword, message)
		return false
	}
	return true
}

type conditionalRule struct {
	condition, then, otherwise *schemaNode
}

func (r *conditionalRule) check(value any, at *path, e *evaluation) bool {
	branch := r.otherwise
	if e.matches(r.condition, value, at) {
		branch = r.then
	}
	return branch == nil || branch.check(value, at, e)
}

// --- compilation -----------------------------------------------------------------------------

type compiler struct {
	defs map[string]*definition
}

func (c compiler) node(raw any, where string) (*schemaNode, error) {
	object, ok := raw.(*ordered)
	if !ok {
		return nil, fmt.Errorf("%s: a schema must be an object", where)
	}
	node := &schemaNode{}
	if rule, ok := object.values["x-rule"].(string); ok {
		node.rule = rule
	}
	if ref, ok := object.values["$ref"]; ok {
		target, _ := ref.(string)
		def := c.defs[strings.TrimPrefix(target, "#/$defs/")]
		if def == nil {
			return nil, fmt.Errorf("%s/$ref: no schema %q in $defs", where, target)
		}
		node.ref = def
	}
	if err := c.kinds(node, object, where); err != nil {
		return nil, err
	}
	node.values = valueRulesOf(object)
	var err error
	if node.strings, err = stringRulesOf(object, where); err != nil {
		return nil, err
	}
	node.numbers = numberRulesOf(object)
	if node.array, err = c.arrayRules(object, where); err != nil {
		return nil, err
	}
	if node.object, err = c.objectRules(object, where); err != nil {
		return nil, err
	}
	if err := c.combinators(node, object, where); err != nil {
		return nil, err
	}
	return node, nil
}

func (c compiler) kinds(node *schemaNode, object *ordered, where string) error {
	raw, ok := object.values["type"]
	if !ok {
		return nil
	}
	var kinds []string
	switch typed := raw.(type) {
	case string:
		kinds = []string{typed}
	case []any:
		for _, item := range typed {
			kind, isString := item.(string)
			if !isString || kind == "" {
				return fmt.Errorf("%s/type: must name JSON types", where)
			}
			kinds = append(kinds, kind)
		}
	default:
		return fmt.Errorf("%s/type: must name JSON types", where)
	}
	wanted := make([]string, len(kinds))
	for index, kind := range kinds {
		article := "a "
		if strings.ContainsRune("aeiou", rune(kind[0])) {
			article = "an "
		}
		wanted[index] = article + kind
	}
	node.kinds, node.wanted = kinds, strings.Join(wanted, " or ")
	return nil
}

func valueRulesOf(object *ordered) *valueRules {
	constant, hasConst := object.values["const"]
	allowed, hasEnum := object.values["enum"].([]any)
	if !hasConst && !hasEnum {
		return nil
	}
	rules := &valueRules{hasConst: hasConst, constant: plain(constant), constMsg: "must be " + show(constant)}
	if hasEnum {
		rules.enum = make([]any, len(allowed))
		rules.enumSet = make(map[string]bool)
		shown := make([]string, len(allowed))
		for index, item := range allowed {
			rules.enum[index] = plain(item)
			shown[index] = show(item)
			if text, isString := item.(string); isString {
				rules.enumSet[text] = true
			}
		}
		rules.enumMsg = "must be one of " + strings.Join(shown, ", ")
	}
	return rules
}

func stringRulesOf(object *ordered, where string) (*stringRules, error) {
	rules := &stringRules{minLength: boundOf(object, "minLength"), maxLength: boundOf(object, "maxLength")}
	if text, ok := object.values["pattern"].(string); ok {
		pattern, err := regexp.Compile(goPattern(text))
		if err != nil {
			return nil, fmt.Errorf("%s/pattern: Go cannot apply %q: %w", where, text, err)
		}
		rules.pattern, rules.patternText = pattern, text
	}
	if name, ok := object.values["format"].(string); ok {
		rules.format, rules.formatCheck = name, formats[name]
	}
	if rules.minLength == nil && rules.maxLength == nil && rules.pattern == nil && rules.formatCheck == nil {
		return nil, nil
	}
	return rules, nil
}

func boundOf(object *ordered, keyword string) *bounded {
	literal, ok := object.values[keyword].(json.Number)
	if !ok {
		return nil
	}
	value, _ := strconv.ParseFloat(literal.String(), 64)
	return &bounded{value: value, text: literal.String()}
}

func numberRulesOf(object *ordered) *numberRules {
	keywords := []struct {
		name, sign string
		holds      func(int) bool
	}{
		{"minimum", ">=", func(c int) bool { return c >= 0 }},
		{"maximum", "<=", func(c int) bool { return c <= 0 }},
		{"exclusiveMinimum", ">", func(c int) bool { return c > 0 }},
		{"exclusiveMaximum", "<", func(c int) bool { return c < 0 }},
	}
	rules := &numberRules{}
	for _, keyword := range keywords {
		literal, ok := object.values[keyword.name].(json.Number)
		if !ok {
			continue
		}
		bound, _ := numberOf(literal)
		message := "must be " + keyword.sign + " " + boundText(literal)
		rules.bounds = append(rules.bounds, numberBound{keyword.name, message, bound, keyword.holds})
	}
	if literal, ok := object.values["multipleOf"].(json.Number); ok {
		step, _ := numberOf(literal)
		rules.multipleOf, rules.stepText = &step, boundText(literal)
	}
	if rules.bounds == nil && rules.multipleOf == nil {
		return nil
	}
	return rules
}

func (c compiler) arrayRules(object *ordered, where string) (*arrayRules, error) {
	rules := &arrayRules{minItems: boundOf(object, "minItems"), maxItems: boundOf(object, "maxItems")}
	if raw, ok := object.values["items"]; ok {
		items, err := c.node(raw, where+"/items")
		if err != nil {
			return nil, err
		}
		rules.items = items
	}
	if rules.minItems == nil && rules.maxItems == nil && rules.items == nil {
		return nil, nil
	}
	return rules, nil
}

func (c compiler) objectRules(object *ordered, where string) (*objectRules, error) {
	rules := &objectRules{named: map[string]bool{}}
	if required, ok := object.values["required"].([]any); ok {
		for _, item := range required {
			if name, isString := item.(string); isString {
				rules.required = append(rules.required, name)
			}
		}
	}
	if properties, ok := object.values["properties"].(*ordered); ok {
		for _, name := range properties.names {
			node, err := c.node(properties.values[name], where+"/properties/"+name)
			if err != nil {
				return nil, err
			}
			rules.properties = append(rules.properties, property{name, node})
			rules.named[name] = true
		}
	}
	open := true
	switch extra := object.values["additionalProperties"].(type) {
	case bool:
		rules.closed, open = !extra, extra
	case *ordered:
		others, err := c.node(extra, where+"/additionalProperties")
		if err != nil {
			return nil, err
		}
		rules.others, open = others, false
	}
	if rules.required == nil && rules.properties == nil && open {
		return nil, nil
	}
	return rules, nil
}

func (c compiler) combinators(node *schemaNode, object *ordered, where string) error {
	if all, ok := object.values["allOf"].([]any); ok {
		for index, raw := range all {
			step, err := c.node(raw, where+"/allOf/"+strconv.Itoa(index))
			if err != nil {
				return err
			}
			node.allOf = append(node.allOf, step)
		}
	}
	if err := c.choice(node, object, where); err != nil {
		return err
	}
	var err error
	if raw, ok := object.values["not"]; ok {
		if node.not, err = c.node(raw, where+"/not"); err != nil {
			return err
		}
	}
	if raw, ok := object.values["if"]; ok {
		rule := &conditionalRule{}
		if rule.condition, err = c.node(raw, where+"/if"); err != nil {
			return err
		}
		if raw, ok := object.values["then"]; ok {
			if rule.then, err = c.node(raw, where+"/then"); err != nil {
				return err
			}
		}
		if raw, ok := object.values["else"]; ok {
			if rule.otherwise, err = c.node(raw, where+"/else"); err != nil {
				return err
			}
		}
		node.conditions = rule
	}
	return nil
}

func (c compiler) choice(node *schemaNode, object *ordered, where string) error {
	keyword := "anyOf"
	if _, ok := object.values["oneOf"]; ok {
		keyword = "oneOf"
	}
	variants, ok := object.values[keyword].([]any)
	if !ok {
		return nil
	}
	rule := &choiceRule{keyword: keyword, mapping: map[string]*schemaNode{}}
	for index, raw := range variants {
		variant, err := c.node(raw, where+"/"+keyword+"/"+strconv.Itoa(index))
		if err != nil {
			return err
		}
		rule.variants = append(rule.variants, variant)
	}
	if discriminator, ok := object.values["x-discriminator"].(*ordered); ok {
		rule.tag, rule.hasTag = discriminator.values["propertyName"].(string)
		mapping, _ := discriminator.values["mapping"].(*ordered)
		var shown []string
		if mapping != nil {
			for _, value := range mapping.names {
				target, _ := mapping.values[value].(string)
				def := c.defs[strings.TrimPrefix(target, "#/$defs/")]
				if def == nil {
					return fmt.Errorf("%s/x-discriminator/mapping/%s: no schema %q in $defs", where, value, target)
				}
				rule.mapping[value] = &schemaNode{ref: def}
				shown = append(shown, show(value))
			}
		}
		rule.allowed = strings.Join(shown, ", ")
	}
	node.choice = rule
	return nil
}

// --- JSON values -----------------------------------------------------------------------------

// ordered is an object of the schema document with its members in document order (the
// order of `properties` is the order violations are reported in).
type ordered struct {
	names  []string
	values map[string]any
}

func parseOrdered(decoder *json.Decoder) (any, error) {
	token, err := decoder.Token()
	if err != nil {
		return nil, err
	}
	delim, isDelim := token.(json.Delim)
	if !isDelim {
		return token, nil
	}
	if delim == '[' {
		items := []any{}
		for decoder.More() {
			item, err := parseOrdered(decoder)
			if err != nil {
				return nil, err
			}
			items = append(items, item)
		}
		_, err := decoder.Token()
		return items, err
	}
	object := &ordered{values: map[string]any{}}
	for decoder.More() {
		key, err := decoder.Token()
		if err != nil {
			return nil, err
		}
		name, _ := key.(string)
		value, err := parseOrdered(decoder)
		if err != nil {
			return nil, err
		}
		if _, seen := object.values[name]; !seen {
			object.names = append(object.names, name)
		}
		object.values[name] = value
	}
	_, err = decoder.Token()
	return object, err
}

// plain converts a parsed schema value to the generic JSON values validated data uses.
func plain(value any) any {
	switch typed := value.(type) {
	case *ordered:
		object := make(map[string]any, len(typed.names))
		for _, name := range typed.names {
			object[name] = plain(typed.values[name])
		}
		return object
	case []any:
		items := make([]any, len(typed))
		for index, item := range typed {
			items[index] = plain(item)
		}
		return items
	}
	return value
}

// number is a JSON number: an int64 when it was written as an integer that fits, else a
// float64 (as the Python validator keeps ints and floats apart).
type number struct {
	isInt bool
	i     int64
	f     float64
}

func numberOf(value any) (number, bool) {
	switch typed := value.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(typed.String(), 10, 64); err == nil {
			return number{isInt: true, i: i}, true
		}
		f, err := strconv.ParseFloat(typed.String(), 64)
		if err != nil && !isRangeError(err) {
			return number{}, false
		}
		return number{f: f}, true
	case float64:
		return number{f: typed}, true
	case float32:
		return number{f: float64(typed)}, true
	case int:
		return number{isInt: true, i: int64(typed)}, true
	case int8:
		return number{isInt: true, i: int64(typed)}, true
	case int16:
		return number{isInt: true, i: int64(typed)}, true
	case int32:
		return number{isInt: true, i: int64(typed)}, true
	case int64:
		return number{isInt: true, i: typed}, true
	case uint8:
		return number{isInt: true, i: int64(typed)}, true
	case uint16:
		return number{isInt: true, i: int64(typed)}, true
	case uint32:
		return number{isInt: true, i: int64(typed)}, true
	case uint:
		return unsignedNumber(uint64(typed)), true
	case uint64:
		return unsignedNumber(typed), true
	}
	return number{}, false
}

func unsignedNumber(value uint64) number {
	if value > math.MaxInt64 {
		return number{f: float64(value)}
	}
	return number{isInt: true, i: int64(value)}
}

func isRangeError(err error) bool {
	numErr, ok := err.(*strconv.NumError)
	return ok && numErr.Err == strconv.ErrRange
}

func (n number) integral() bool {
	return n.isInt || (!math.IsInf(n.f, 0) && n.f == math.Trunc(n.f))
}

func (n number) finite() bool {
	return n.isInt || (!math.IsInf(n.f, 0) && !math.IsNaN(n.f))
}

// compareNumbers compares exactly (an int64 with a float64 too); false when one is NaN.
func compareNumbers(a, b number) (int, bool) {
	switch {
	case a.isInt && b.isInt:
		return compareInts(a.i, b.i), true
	case a.isInt:
		c, ok := compareIntFloat(a.i, b.f)
		return c, ok
	case b.isInt:
		c, ok := compareIntFloat(b.i, a.f)
		return -c, ok
	case math.IsNaN(a.f) || math.IsNaN(b.f):
		return 0, false
	case a.f < b.f:
		return -1, true
	case a.f > b.f:
		return 1, true
	}
	return 0, true
}

func compareInts(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func compareIntFloat(i int64, f float64) (int, bool) {
	switch {
	case math.IsNaN(f):
		return 0, false
	case f >= 1<<63:
		return -1, true
	case f < -(1 << 63):
		return 1, true
	}
	whole := math.Trunc(f)
	if c := compareInts(i, int64(whole)); c != 0 {
		return c, true
	}
	switch {
	case f > whole:
		return -1, true
	case f < whole:
		return 1, true
	}
	return 0, true
}

func isMultiple(value, step number) bool {
	if value.isInt && step.isInt {
		return step.i != 0 && value.i%step.i == 0
	}
	quotient := value.float() / step.float()
	return !math.IsInf(quotient, 0) && !math.IsNaN(quotient) && quotient == math.Trunc(quotient)
}

func (n number) float() float64 {
	if n.isInt {
		return float64(n.i)
	}
	return n.f
}

func hasAnyType(value any, kinds []string) bool {
	for _, kind := range kinds {
		if hasType(value, kind) {
			return true
		}
	}
	return false
}

func hasType(value any, kind string) bool {
	switch kind {
	case "string":
		_, ok := value.(string)
		return ok
	case "integer":
		n, ok := numberOf(value)
		return ok && n.integral()
	case "number":
		n, ok := numberOf(value)
		return ok && n.finite()
	case "boolean":
		_, ok := value.(bool)
		return ok
	case "object":
		_, ok := value.(map[string]any)
		return ok
	case "array":
		_, ok := value.([]any)
		return ok
	case "null":
		return value == nil
	}
	return false
}

// jsonType names the JSON type of a value; an integral number is "integer".
func jsonType(value any) string {
	switch value.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	if n, ok := numberOf(value); ok {
		if n.integral() {
			return "integer"
		}
		return "number"
	}
	return fmt.Sprintf("%T", value)
}

// same is JSON equality: 1 equals 1.0, but true is not 1 and "1" is not 1.
func same(left, right any) bool {
	switch a := left.(type) {
	case string:
		b, ok := right.(string)
		return ok && a == b
	case bool:
		b, ok := right.(bool)
		return ok && a == b
	case nil:
		return right == nil
	case []any:
		b, ok := right.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for index := range a {
			if !same(a[index], b[index]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := right.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for name, item := range a {
			other, present := b[name]
			if !present || !same(item, other) {
				return false
			}
		}
		return true
	}
	a, okLeft := numberOf(left)
	b, okRight := numberOf(right)
	if !okLeft || !okRight {
		return false
	}
	comparison, comparable := compareNumbers(a, b)
	return comparable && comparison == 0
}

// --- messages: values as the Python validator prints them ------------------------------------

// show writes a schema value as Python's json.dumps does (", " and ": " separators, floats
// as repr writes them, non-ASCII characters as they are).
func show(value any) string {
	switch typed := value.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(typed)
	case string:
		return quotePython(typed)
	case json.Number:
		return showNumber(typed)
	case []any:
		items := make([]string, len(typed))
		for index, item := range typed {
			items[index] = show(item)
		}
		return "[" + strings.Join(items, ", ") + "]"
	case *ordered:
		members := make([]string, len(typed.names))
		for index, name := range typed.names {
			members[index] = quotePython(name) + ": " + show(typed.values[name])
		}
		return "{" + strings.Join(members, ", ") + "}"
	}
	return fmt.Sprint(value)
}

func showNumber(literal json.Number) string {
	if text, ok := integerText(literal); ok {
		return text
	}
	f, _ := strconv.ParseFloat(literal.String(), 64)
	switch {
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return pythonRepr(f)
}

// boundText is a bound as the messages print it: integers without a fraction, else shortest.
func boundText(literal json.Number) string {
	if text, ok := integerText(literal); ok {
		return text
	}
	f, _ := strconv.ParseFloat(literal.String(), 64)
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		if f == 0 {
			return "0"
		}
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	return pythonRepr(f)
}

// integerText is an integer literal as Python prints the int it parses to.
func integerText(literal json.Number) (string, bool) {
	text := literal.String()
	digits := strings.TrimPrefix(text, "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return "", false
	}
	if strings.Trim(digits, "0") == "" {
		return "0", true
	}
	return text, true
}

// pythonRepr writes a float64 as Python's repr: the shortest digits that round-trip, in
// positional notation for exponents -4 to 15, else as d.ddde+XX.
func pythonRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	case f == 0 && math.Signbit(f):
		return "-0.0"
	case f == 0:
		return "0.0"
	}
	text := strconv.FormatFloat(f, 'e', -1, 64)
	sign := ""
	if text[0] == '-' {
		sign, text = "-", text[1:]
	}
	mantissa, exponentText, _ := strings.Cut(text, "e")
	exponent, _ := strconv.Atoi(exponentText)
	digits := strings.Replace(mantissa, ".", "", 1)
	switch {
	case exponent >= 16 || exponent < -4:
		out := digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		expSign := "+"
		if exponent < 0 {
			expSign, exponent = "-", -exponent
		}
		return fmt.Sprintf("%s%se%s%02d", sign, out, expSign, exponent)
	case exponent < 0:
		return sign + "0." + strings.Repeat("0", -exponent-1) + digits
	case len(digits) <= exponent+1:
		return sign + digits + strings.Repeat("0", exponent+1-len(digits)) + ".0"
	}
	return sign + digits[:exponent+1] + "." + digits[exponent+1:]
}

// quotePython quotes a string as Python's json.dumps(..., ensure_ascii=False) does.
func quotePython(text string) string {
	var out strings.Builder
	out.WriteByte('"')
	for _, char := range text {
		switch char {
		case '"':
			out.WriteString(`\"`)
		case '\\':
			out.WriteString(`\\`)
		case '\n':
			out.WriteString(`\n`)
		case '\r':
			out.WriteString(`\r`)
		case '\t':
			out.WriteString(`\t`)
		case '\b':
			out.WriteString(`\b`)
		case '\f':
			out.WriteString(`\f`)
		default:
			if char < 0x20 {
				fmt.Fprintf(&out, `\u%04x`, char)
			} else {
				out.WriteRune(char)
			}
		}
	}
	out.WriteByte('"')
	return out.String()
}

// --- patterns and formats --------------------------------------------------------------------

// asciiSpace is what the Python validator's \s matches (its patterns are ASCII-only).
const asciiSpace = `\t\n\v\f\r `

// goPattern is a JSON Schema (ECMAScript) pattern for Go's regexp. Go already reads $ as the
// end of the text and \d, \w, \b as ASCII; \s gains \v (as in the other languages), \uXXXX
// becomes \x{XXXX}, and Python's \Z becomes \z.
func goPattern(pattern string) string {
	var out strings.Builder
	inClass := false
	for index := 0; index < len(pattern); index++ {
		char := pattern[index]
		switch {
		case char == '\\' && index+1 < len(pattern):
			next := pattern[index+1]
			index++
			switch {
			case next == 's' && inClass:
				out.WriteString(asciiSpace)
			case next == 's':
				out.WriteString("[" + asciiSpace + "]")
			case next == 'S' && !inClass:
				out.WriteString("[^" + asciiSpace + "]")
			case next == 'Z':
				out.WriteString(`\z`)
			case next == 'u' && index+4 < len(pattern) && isHex(pattern[index+1:index+5]):
				out.WriteString(`\x{` + pattern[index+1:index+5] + `}`)
				index += 4
			default:
				out.WriteByte('\\')
				out.WriteByte(next)
			}
			continue
		case char == '[' && !inClass:
			inClass = true
		case char == ']' && inClass:
			inClass = false
		}
		out.WriteByte(char)
	}
	return out.String()
}

func isHex(text string) bool {
	for _, char := range text {
		if !strings.ContainsRune("0123456789abcdefABCDEF", char) {
			return false
		}
	}
	return true
}

var formats = map[string]func(string) bool{
	"date-time": isDateTime,
	"uri":       isURI,
}

var dateTimePattern = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$`)

var daysInMonth = [12]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// isDateTime checks an RFC 3339 date-time, with calendar checks (no 30 February; a leap
// second only at 23:59:60 UTC).
func isDateTime(value string) bool {
	hit := dateTimePattern.FindStringSubmatch(value)
	if hit == nil {
		return false
	}
	field := func(index int) int {
		n, _ := strconv.Atoi(hit[index])
		return n
	}
	year, month, day := field(1), field(2), field(3)
	hour, minute, second := field(4), field(5), field(6)
	if month < 1 || month > 12 || day < 1 || day > daysInMonth[month-1] {
		return false
	}
	leap := year%4 == 0 && (year%100 != 0 || year%400 == 0)
	if month == 2 && day == 29 && !leap {
		return false
	}
	if hour > 23 || minute > 59 || second > 60 {
		return false
	}
	offset := 0
	if hit[9] != "" {
		if field(10) > 23 || field(11) > 59 {
			return false
		}
		offset = field(10)*60 + field(11)
		if hit[9] == "-" {
			offset = -offset
		}
	}
	return second < 60 || ((hour*60+minute-offset)%1440+1440)%1440 == 23*60+59
}

var uriPattern = regexp.MustCompile("^[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`\\x00-\\x1f\\x7f]*$")

// isURI checks an absolute URI (RFC 3986): a scheme, a colon, no spaces or characters URIs
// exclude, and every % followed by two hex digits.
func isURI(value string) bool {
	if !uriPattern.MatchString(value) {
		return false
	}
	for index := 0; index < len(value); index++ {
		if value[index] == '%' && (index+2 >= len(value) || !isHex(value[index+1:index+3])) {
			return false
		}
	}
	return true
}
