package gotests

// The Go client's conformance runner: every client vector of conformance/ (the derived ones in
// generated/conformance/vectors.json and conformance/handwritten.json) run against the
// generated client through WithHTTPClient (a RoundTripper that answers with the vector's script,
// records every attempt and fails the way net/http fails) and WithSleep (the waits are recorded,
// not slept), one subtest per vector id: go test -run TestConformance -v.
//
// Operations are found by reflection from the IR's words (client.<Resource>.<Name>, matched
// without regard to case, so Go's initialisms need no table), and parameters are decoded from
// the vector's JSON into the method's params type. Known failures:
// conformance/known-failures/go.json (a listed vector that passes fails as a stale entry). The
// files are read from CONFORMANCE_ROOT (default: ../.., the repository's root).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	retell "github.com/retell-contract-kit/retell-go"
)

const (
	confKey     = "sk_conformance_0123456789abcdefABCDEF"
	confBaseURL = "http://conformance.test"
)

type confOperation struct {
	Resource      []string `json:"resource"`
	Name          []string `json:"name"`
	SuccessStatus int      `json:"success_status"`
	SuccessSchema *string  `json:"success_schema"`
}

type confAnswer struct {
	Status  int               `json:"status"`
	Reason  string            `json:"reason"`
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body"`
	RawBody *string           `json:"raw_body"`
	Fail    string            `json:"fail"`
}

type confError struct {
	Class           string          `json:"class"`
	Field           *string         `json:"field"`
	Rule            *string         `json:"rule"`
	Keyword         *string         `json:"keyword"`
	Status          *int            `json:"status"`
	MessageContains *string         `json:"message_contains"`
	Body            json.RawMessage `json:"body"`
}

type confOutcome struct {
	Value json.RawMessage `json:"value"`
	Error *confError      `json:"error"`
}

type confOptions struct {
	MaxRetries       *int              `json:"max_retries"`
	RetryUnsafe      bool              `json:"retry_unsafe"`
	Timeout          *float64          `json:"timeout"`
	MaxResponseBytes *int64            `json:"max_response_bytes"`
	ExtraHeaders     map[string]string `json:"extra_headers"`
	ExtraQuery       map[string]string `json:"extra_query"`
	ExtraBody        json.RawMessage   `json:"extra_body"`
}

type confRequest struct {
	Method         string            `json:"method"`
	Path           string            `json:"path"`
	Query          map[string]string `json:"query"`
	Headers        map[string]string `json:"headers"`
	RequireHeaders []string          `json:"require_headers"`
	ForbidHeaders  []string          `json:"forbid_headers"`
	Body           json.RawMessage   `json:"body"`
}

type confWait struct {
	Seconds *float64 `json:"seconds"`
	Min     *float64 `json:"min"`
	Max     *float64 `json:"max"`
}

type confVector struct {
	ID          string          `json:"id"`
	Kind        string          `json:"kind"`
	AppliesTo   string          `json:"appliesTo"`
	Operation   string          `json:"operation"`
	Description string          `json:"description"`
	Params      json.RawMessage `json:"params"`
	Options     confOptions     `json:"options"`
	Request     *confRequest    `json:"request"`
	Error       *confError      `json:"error"`
	Response    *confAnswer     `json:"response"`
	Lenient     *confOutcome    `json:"lenient"`
	Strict      *confOutcome    `json:"strict"`
	MasksKey    bool            `json:"masks_key"`
	Answers     []confAnswer    `json:"answers"`
	Attempts    int             `json:"attempts"`
	Waits       []confWait      `json:"waits"`
	Outcome     *confOutcome    `json:"outcome"`
}

type confSuite struct {
	operations map[string]confOperation
	vectors    []confVector
}

// --- loading --------------------------------------------------------------------------------

func confRoot() string {
	if root := os.Getenv("CONFORMANCE_ROOT"); root != "" {
		return root
	}
	return filepath.Join("..", "..")
}

// confRead reads a vector file with the key's placeholders replaced in its text: {api_key} by
// the key, {api_key_json_escaped} by the key as \uXXXX escapes (written as a JSON string holds
// them).
func confRead(t *testing.T, parts ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(append([]string{confRoot()}, parts...)...))
	if err != nil {
		t.Fatalf("read %s: %v", filepath.Join(parts...), err)
	}
	var escaped strings.Builder
	for _, char := range confKey {
		fmt.Fprintf(&escaped, `\\u%04x`, char)
	}
	text := strings.ReplaceAll(string(data), "{api_key_json_escaped}", escaped.String())
	return []byte(strings.ReplaceAll(text, "{api_key}", confKey))
}

func confLoad(t *testing.T) confSuite {
	t.Helper()
	var derived struct {
		Operations map[string]confOperation `json:"operations"`
		Vectors    []confVector             `json:"vectors"`
	}
	var handwritten struct {
		Vectors []confVector `json:"vectors"`
	}
	if err := json.Unmarshal(confRead(t, "generated", "conformance", "vectors.json"), &derived); err != nil {
		t.Fatalf("decode the derived vectors: %v", err)
	}
	if err := json.Unmarshal(confRead(t, "conformance", "handwritten.json"), &handwritten); err != nil {
		t.Fatalf("decode the hand-written vectors: %v", err)
	}
	return confSuite{derived.Operations, append(derived.Vectors, handwritten.Vectors...)}
}

func confKnownFailures(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(confRoot(), "conformance", "known-failures", "go.json"))
	if err != nil {
		t.Fatalf("read known-failures/go.json: %v", err)
	}
	known := map[string]string{}
	if err := json.Unmarshal(data, &known); err != nil {
		t.Fatalf("decode known-failures/go.json: %v", err)
	}
	return known
}

// --- JSON --------------------------------------------------------------------------------------

func confDecode(data []byte) (any, error) {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		return nil, err
	}
	if decoder.More() {
		return nil, errors.New("trailing data after the JSON value")
	}
	return value, nil
}

// confEqual is JSON equality: key order free, absent and null distinct, 1 and 1.0 one number.
func confEqual(left, right any) bool {
	switch a := left.(type) {
	case json.Number:
		b, ok := right.(json.Number)
		if !ok {
			return false
		}
		return confFloat(a) == confFloat(b)
	case []any:
		b, ok := right.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for index := range a {
			if !confEqual(a[index], b[index]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := right.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for key, value := range a {
			other, present := b[key]
			if !present || !confEqual(value, other) {
				return false
			}
		}
		return true
	}
	return left == right
}

// confFloat is a JSON number as a double (beyond its range: an infinity, as in the other
// runners; not a number at all: NaN, equal to nothing).
func confFloat(number json.Number) float64 {
	value, err := strconv.ParseFloat(number.String(), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return math.NaN()
	}
	return value
}

func confEqualJSON(got, want []byte) bool {
	left, errLeft := confDecode(got)
	right, errRight := confDecode(want)
	return errLeft == nil && errRight == nil && confEqual(left, right)
}

// --- the scripted transport -----------------------------------------------------------------------

type confAttempt struct {
	Method string
	URL    string
	Header http.Header
	Body   []byte
}

// confTimeoutError is a net.Error that timed out (a dial that took too long).
type confTimeoutError struct{}

func (confTimeoutError) Error() string   { return "i/o timeout" }
func (confTimeoutError) Timeout() bool   { return true }
func (confTimeoutError) Temporary() bool { return true }

// confTransport answers each attempt with the next scripted answer and records the attempts.
type confTransport struct {
	mu         sync.Mutex
	answers    []confAnswer
	attempts   []confAttempt
	unscripted bool
}

func (c *confTransport) RoundTrip(request *http.Request) (*http.Response, error) {
	var body []byte
	if request.Body != nil {
		body, _ = io.ReadAll(request.Body)
		_ = request.Body.Close()
	}
	c.mu.Lock()
	c.attempts = append(c.attempts, confAttempt{request.Method, request.URL.String(), request.Header.Clone(), body})
	index := len(c.attempts) - 1
	if index >= len(c.answers) {
		c.unscripted = true
	}
	c.mu.Unlock()
	if index >= len(c.answers) {
		return nil, fmt.Errorf("conformance: attempt %d is not in the vector's script", index+1)
	}
	answer := c.answers[index]
	switch answer.Fail {
	case "":
	case "connect":
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &os.SyscallError{Syscall: "connect", Err: syscall.ECONNREFUSED}}
	case "dns":
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: request.URL.Hostname(), IsNotFound: true}}
	case "connect_timeout":
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: confTimeoutError{}}
	case "after_send":
		return nil, &net.OpError{Op: "read", Net: "tcp", Err: &os.SyscallError{Syscall: "read", Err: syscall.ECONNRESET}}
	case "timeout":
		<-request.Context().Done()
		return nil, request.Context().Err()
	default:
		return nil, fmt.Errorf("conformance: unknown failure %q", answer.Fail)
	}
	header := http.Header{}
	for name, value := range answer.Headers {
		header.Set(name, value)
	}
	var content []byte
	switch {
	case answer.RawBody != nil:
		content = []byte(*answer.RawBody)
	case answer.Body != nil:
		content = answer.Body
		if header.Get("Content-Type") == "" {
			header.Set("Content-Type", "application/json")
		}
	}
	reason := answer.Reason
	if reason == "" {
		reason = http.StatusText(answer.Status)
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", answer.Status, reason),
		StatusCode:    answer.Status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          io.NopCloser(bytes.NewReader(content)),
		ContentLength: int64(len(content)),
		Request:       request,
	}, nil
}

func (c *confTransport) recorded() ([]confAttempt, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]confAttempt(nil), c.attempts...), c.unscripted
}

// --- one call --------------------------------------------------------------------------------------

type confResult struct {
	attempts   []confAttempt
	unscripted bool
	waits      []float64
	value      []byte
	err        error
	setup      error // the runner could not make the call (a vector or runner problem)
}

func confCall(suite confSuite, vector confVector, answers []confAnswer, strict bool, maxRetries *int) confResult {
	transport := &confTransport{answers: answers}
	var mu sync.Mutex
	var waits []float64
	options := []retell.ClientOption{
		retell.WithAPIKey(confKey),
		retell.WithBaseURL(confBaseURL),
		retell.WithHTTPClient(&http.Client{Transport: transport}),
		retell.WithSleep(func(_ context.Context, d time.Duration) error {
			mu.Lock()
			defer mu.Unlock()
			waits = append(waits, d.Seconds())
			return nil
		}),
		retell.WithStrictResponseValidation(strict),
		retell.WithRetryUnsafe(vector.Options.RetryUnsafe),
	}
	if vector.Options.MaxResponseBytes != nil {
		options = append(options, retell.WithMaxResponseBytes(*vector.Options.MaxResponseBytes))
	}
	client, err := retell.NewClient(options...)
	if err != nil {
		return confResult{setup: fmt.Errorf("NewClient: %w", err)}
	}
	perCall, err := confRequestOptions(vector.Options, maxRetries)
	if err != nil {
		return confResult{setup: err}
	}
	method, params, err := confMethod(client, suite.operations[vector.Operation], vector.Params)
	if err != nil {
		return confResult{setup: err}
	}
	args := []reflect.Value{reflect.ValueOf(context.Background()), params}
	for _, option := range perCall {
		args = append(args, reflect.ValueOf(option))
	}
	out := method.Call(args)
	result := confResult{}
	if failure := out[1]; !failure.IsNil() {
		result.err = failure.Interface().(error)
	} else if result.value, err = json.Marshal(out[0].Interface()); err != nil {
		result.err = fmt.Errorf("conformance: the result does not encode: %w", err)
	}
	result.attempts, result.unscripted = transport.recorded()
	mu.Lock()
	result.waits = append([]float64(nil), waits...)
	mu.Unlock()
	return result
}

func confRequestOptions(options confOptions, maxRetries *int) ([]retell.RequestOption, error) {
	var out []retell.RequestOption
	if maxRetries == nil {
		maxRetries = options.MaxRetries
	}
	if maxRetries != nil {
		out = append(out, retell.WithMaxRetries(*maxRetries))
	}
	if options.Timeout != nil {
		out = append(out, retell.WithRequestTimeout(time.Duration(*options.Timeout*float64(time.Second))))
	}
	for _, name := range confSorted(options.ExtraHeaders) {
		out = append(out, retell.WithExtraHeader(name, options.ExtraHeaders[name]))
	}
	for _, name := range confSorted(options.ExtraQuery) {
		out = append(out, retell.WithExtraQuery(name, options.ExtraQuery[name]))
	}
	if options.ExtraBody != nil {
		decoder := json.NewDecoder(bytes.NewReader(options.ExtraBody))
		decoder.UseNumber()
		var extra map[string]any
		if err := decoder.Decode(&extra); err != nil {
			return nil, fmt.Errorf("extra_body: %w", err)
		}
		out = append(out, retell.WithExtraBody(extra))
	}
	return out, nil
}

// confMethod finds client.<Resource>.<Name> and decodes the params into its params type.
func confMethod(client *retell.Client, operation confOperation, params json.RawMessage) (reflect.Value, reflect.Value, error) {
	resource := strings.Join(operation.Resource, "")
	service := reflect.ValueOf(client).Elem().FieldByNameFunc(func(name string) bool {
		return strings.EqualFold(name, resource)
	})
	if !service.IsValid() {
		return reflect.Value{}, reflect.Value{}, fmt.Errorf("the client has no service %q", resource)
	}
	name := strings.Join(operation.Name, "")
	for index := 0; index < service.NumMethod(); index++ {
		if !strings.EqualFold(service.Type().Method(index).Name, name) {
			continue
		}
		method := service.Method(index)
		if method.Type().NumIn() < 2 {
			return reflect.Value{}, reflect.Value{}, fmt.Errorf("%s takes no params", name)
		}
		value := reflect.New(method.Type().In(1))
		if params != nil {
			if err := json.Unmarshal(params, value.Interface()); err != nil {
				return reflect.Value{}, reflect.Value{}, fmt.Errorf("params: %w", err)
			}
		}
		return method, value.Elem(), nil
	}
	return reflect.Value{}, reflect.Value{}, fmt.Errorf("the %s service has no method %q", resource, name)
}

func confSorted(values map[string]string) []string {
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// --- errors -------------------------------------------------------------------------------------

var confStatusKinds = []struct {
	class string
	kind  error
}{
	{"BadRequestError", retell.ErrBadRequest},
	{"AuthenticationError", retell.ErrAuthentication},
	{"PaymentRequiredError", retell.ErrPaymentRequired},
	{"PermissionDeniedError", retell.ErrPermissionDenied},
	{"NotFoundError", retell.ErrNotFound},
	{"ConflictError", retell.ErrConflict},
	{"UnprocessableEntityError", retell.ErrUnprocessableEntity},
	{"RateLimitError", retell.ErrRateLimit},
	{"InternalServerError", retell.ErrInternalServer},
}

// confClass names an error by the language-neutral class of conformance/README.md.
func confClass(err error) string {
	var validation *retell.ValidationError
	var status *retell.APIError
	var connection *retell.APIConnectionError
	var invalid *retell.APIResponseValidationError
	var tooLarge *retell.APIResponseTooLargeError
	var config *retell.ConfigError
	switch {
	case errors.As(err, &validation):
		return "ValidationError"
	case errors.As(err, &status):
		var matched []string
		for _, kind := range confStatusKinds {
			if errors.Is(err, kind.kind) {
				matched = append(matched, kind.class)
			}
		}
		switch len(matched) {
		case 0:
			return "APIStatusError"
		case 1:
			return matched[0]
		}
		return "several status kinds: " + strings.Join(matched, ", ")
	case errors.As(err, &connection):
		timeout, matches := connection.Timeout(), errors.Is(err, retell.ErrTimeout)
		switch {
		case timeout && matches:
			return "APITimeoutError"
		case !timeout && !matches:
			return "APIConnectionError"
		}
		return "APIConnectionError whose Timeout() and errors.Is(err, ErrTimeout) disagree"
	case errors.As(err, &invalid):
		return "APIResponseValidationError"
	case errors.As(err, &tooLarge):
		return "APIResponseTooLargeError"
	case errors.As(err, &config):
		return "ConfigError"
	}
	return fmt.Sprintf("%T", err)
}

// confDetails are the fields, status and body an error carries (nil where it has none).
func confDetails(err error) (field, rule, keyword *string, status *int, body []byte) {
	var validation *retell.ValidationError
	var apiError *retell.APIError
	var invalid *retell.APIResponseValidationError
	var tooLarge *retell.APIResponseTooLargeError
	switch {
	case errors.As(err, &validation):
		return &validation.Field, &validation.Rule, &validation.Keyword, nil, nil
	case errors.As(err, &apiError):
		return nil, nil, nil, &apiError.StatusCode, apiError.Body
	case errors.As(err, &invalid):
		return &invalid.Field, &invalid.Rule, &invalid.Keyword, &invalid.StatusCode, invalid.Body
	case errors.As(err, &tooLarge):
		return nil, nil, nil, &tooLarge.StatusCode, nil
	}
	return nil, nil, nil, nil, nil
}

// confSurfaces is every text of an error a program may print or log.
func confSurfaces(err error) map[string]string {
	found := map[string]string{
		"Error()": err.Error(),
		"%v":      fmt.Sprintf("%v", err),
		"%+v":     fmt.Sprintf("%+v", err),
		"%#v":     fmt.Sprintf("%#v", err),
	}
	var apiError *retell.APIError
	if errors.As(err, &apiError) {
		found["Body"] = string(apiError.Body)
		found["Message"] = apiError.Message
		found["Header"] = fmt.Sprint(apiError.Header)
	}
	var invalid *retell.APIResponseValidationError
	if errors.As(err, &invalid) {
		found["Body"] = string(invalid.Body)
		found["Message"] = invalid.Message
	}
	return found
}

func confErrorProblems(result confResult, expected confError, masksKey bool) []string {
	switch {
	case result.unscripted:
		return []string{fmt.Sprintf("made an attempt the vector does not script, expected %s", expected.Class)}
	case result.err == nil:
		return []string{fmt.Sprintf("returned %s, expected %s", result.value, expected.Class)}
	}
	if class := confClass(result.err); class != expected.Class {
		return []string{fmt.Sprintf("returned %s (%v), expected %s", class, result.err, expected.Class)}
	}
	var problems []string
	field, rule, keyword, status, body := confDetails(result.err)
	for _, check := range []struct {
		name      string
		got, want *string
	}{{"field", field, expected.Field}, {"rule", rule, expected.Rule}, {"keyword", keyword, expected.Keyword}} {
		if check.want != nil && (check.got == nil || *check.got != *check.want) {
			problems = append(problems, fmt.Sprintf("%s %s, expected %q", check.name, confShow(check.got), *check.want))
		}
	}
	if expected.Status != nil && (status == nil || *status != *expected.Status) {
		problems = append(problems, fmt.Sprintf("status %v, expected %d", confShowInt(status), *expected.Status))
	}
	if expected.MessageContains != nil && !strings.Contains(result.err.Error(), *expected.MessageContains) {
		problems = append(problems, fmt.Sprintf("message %q does not say %q", result.err.Error(), *expected.MessageContains))
	}
	if expected.Body != nil && !confEqualJSON(body, expected.Body) {
		problems = append(problems, fmt.Sprintf("body %s, expected %s", body, expected.Body))
	}
	if masksKey {
		surfaces := confSurfaces(result.err)
		for _, where := range confSorted(surfaces) {
			if strings.Contains(surfaces[where], confKey) {
				problems = append(problems, "the key shows in the error's "+where)
			}
		}
	}
	return problems
}

func confShow(value *string) string {
	if value == nil {
		return "(none)"
	}
	return strconv.Quote(*value)
}

func confShowInt(value *int) string {
	if value == nil {
		return "(none)"
	}
	return strconv.Itoa(*value)
}

// --- checks ---------------------------------------------------------------------------------------

func confUnexpected(result confResult) []string {
	switch {
	case result.unscripted:
		return []string{fmt.Sprintf("made an attempt the vector does not script (attempt %d)", len(result.attempts))}
	case result.err != nil:
		return []string{fmt.Sprintf("returned %s: %v", confClass(result.err), result.err)}
	}
	return nil
}

func confOutcomeProblems(result confResult, expected confOutcome, masksKey bool) []string {
	if expected.Error != nil {
		return confErrorProblems(result, *expected.Error, masksKey)
	}
	problems := confUnexpected(result)
	if len(problems) == 0 && !confEqualJSON(result.value, expected.Value) {
		problems = append(problems, fmt.Sprintf("returned %s, expected %s", result.value, expected.Value))
	}
	return problems
}

func confRequestProblems(attempt confAttempt, expected confRequest) []string {
	var problems []string
	request, err := http.NewRequest(attempt.Method, attempt.URL, nil)
	if err != nil {
		return []string{"the URL does not parse: " + err.Error()}
	}
	if attempt.Method != expected.Method {
		problems = append(problems, fmt.Sprintf("method %s, expected %s", attempt.Method, expected.Method))
	}
	if request.URL.Path != expected.Path {
		problems = append(problems, fmt.Sprintf("path %q, expected %q", request.URL.Path, expected.Path))
	}
	query := request.URL.Query()
	wanted := map[string][]string{}
	for name, value := range expected.Query {
		wanted[name] = []string{value}
	}
	if len(query) != len(wanted) || (len(wanted) > 0 && !reflect.DeepEqual(map[string][]string(query), wanted)) {
		problems = append(problems, fmt.Sprintf("query %v, expected %v", query, wanted))
	}
	for _, name := range confSorted(expected.Headers) {
		value := expected.Headers[name]
		if sent := attempt.Header.Values(name); len(sent) != 1 || sent[0] != value {
			shown := value
			if strings.Contains(value, confKey) {
				shown = "the key"
			}
			problems = append(problems, fmt.Sprintf("header %s: %d value(s) sent, expected %s", name, len(sent), shown))
		}
	}
	for _, name := range expected.RequireHeaders {
		if len(attempt.Header.Values(name)) == 0 {
			problems = append(problems, "header "+name+" was not sent; it must be")
		}
	}
	for _, name := range expected.ForbidHeaders {
		if len(attempt.Header.Values(name)) > 0 {
			problems = append(problems, "header "+name+" was sent; it must not be")
		}
	}
	if expected.Body != nil && !confEqualJSON(attempt.Body, expected.Body) {
		problems = append(problems, fmt.Sprintf("body %s, expected %s", attempt.Body, expected.Body))
	}
	return problems
}

func confWaitProblems(waits []float64, expected []confWait) []string {
	if len(waits) != len(expected) {
		return []string{fmt.Sprintf("waited %d times %v, expected %d", len(waits), waits, len(expected))}
	}
	var problems []string
	for index, rule := range expected {
		wait := waits[index]
		switch {
		case rule.Seconds != nil && math.Abs(wait-*rule.Seconds) > 0.001:
			problems = append(problems, fmt.Sprintf("wait %d was %v s, expected %v s", index+1, wait, *rule.Seconds))
		case rule.Seconds == nil && (rule.Min == nil || rule.Max == nil):
			problems = append(problems, fmt.Sprintf("wait %d of the vector has neither seconds nor min and max", index+1))
		case rule.Seconds == nil && (wait < *rule.Min-1e-9 || wait > *rule.Max+1e-9):
			problems = append(problems, fmt.Sprintf("wait %d was %v s, expected %v..%v s", index+1, wait, *rule.Min, *rule.Max))
		}
	}
	return problems
}

func confSuccess(suite confSuite, vector confVector) confAnswer {
	operation := suite.operations[vector.Operation]
	if operation.SuccessSchema == nil {
		empty := ""
		return confAnswer{Status: operation.SuccessStatus, RawBody: &empty}
	}
	return confAnswer{Status: operation.SuccessStatus, Body: json.RawMessage("{}")}
}

func confRun(suite confSuite, vector confVector) []string {
	if _, known := suite.operations[vector.Operation]; !known {
		return []string{"unknown operation " + vector.Operation}
	}
	switch vector.Kind {
	case "request":
		result := confCall(suite, vector, []confAnswer{confSuccess(suite, vector)}, false, nil)
		if result.setup != nil {
			return []string{result.setup.Error()}
		}
		problems := confUnexpected(result)
		if len(result.attempts) != 1 {
			return append(problems, fmt.Sprintf("sent %d requests, expected 1", len(result.attempts)))
		}
		return append(problems, confRequestProblems(result.attempts[0], *vector.Request)...)
	case "rejection":
		result := confCall(suite, vector, []confAnswer{confSuccess(suite, vector)}, false, nil)
		if result.setup != nil {
			return []string{result.setup.Error()}
		}
		problems := confErrorProblems(result, *vector.Error, false)
		if len(result.attempts) > 0 {
			problems = append(problems, fmt.Sprintf("sent %d request(s); a refused call sends none", len(result.attempts)))
		}
		return problems
	case "response":
		var problems []string
		zero := 0
		for _, mode := range []struct {
			name     string
			strict   bool
			expected *confOutcome
		}{{"lenient", false, vector.Lenient}, {"strict", true, vector.Strict}} {
			if mode.expected == nil {
				continue
			}
			result := confCall(suite, vector, []confAnswer{*vector.Response}, mode.strict, &zero)
			if result.setup != nil {
				return []string{result.setup.Error()}
			}
			found := confOutcomeProblems(result, *mode.expected, vector.MasksKey)
			if len(result.attempts) != 1 {
				found = append(found, fmt.Sprintf("sent %d requests, expected 1", len(result.attempts)))
			}
			for _, problem := range found {
				problems = append(problems, mode.name+": "+problem)
			}
		}
		return problems
	case "retry":
		result := confCall(suite, vector, vector.Answers, false, nil)
		if result.setup != nil {
			return []string{result.setup.Error()}
		}
		problems := confOutcomeProblems(result, *vector.Outcome, false)
		if len(result.attempts) != vector.Attempts {
			problems = append(problems, fmt.Sprintf("made %d attempts, expected %d", len(result.attempts), vector.Attempts))
		}
		problems = append(problems, confWaitProblems(result.waits, vector.Waits)...)
		for index := 1; index < len(result.attempts); index++ {
			first, again := result.attempts[0], result.attempts[index]
			if again.Method != first.Method || again.URL != first.URL || !bytes.Equal(again.Body, first.Body) {
				problems = append(problems, fmt.Sprintf("attempt %d is not the same request as the first", index+1))
			}
			if !reflect.DeepEqual(again.Header, first.Header) {
				problems = append(problems, fmt.Sprintf("attempt %d sent other headers than the first", index+1))
			}
		}
		return problems
	}
	return []string{"not a client vector: kind " + vector.Kind}
}

// --- the test --------------------------------------------------------------------------------------

func TestConformance(t *testing.T) {
	suite := confLoad(t)
	known := confKnownFailures(t)
	ids := map[string]bool{}
	var vectors []confVector
	for _, vector := range suite.vectors {
		ids[vector.ID] = true
		if vector.AppliesTo != "server" && vector.Kind != "server" {
			vectors = append(vectors, vector)
		}
	}
	for _, id := range confSorted(known) {
		if !ids[id] {
			t.Errorf("known-failures/go.json names no vector: %s", id)
		}
	}
	if len(vectors) == 0 {
		t.Fatal("no client vectors loaded")
	}
	for _, vector := range vectors {
		t.Run(vector.ID, func(t *testing.T) {
			problems := confRun(suite, vector)
			if reason, listed := known[vector.ID]; listed {
				if len(problems) == 0 {
					t.Errorf("%s passes now: remove it from conformance/known-failures/go.json", vector.ID)
					return
				}
				t.Logf("known failure: %s\n  %s", reason, strings.Join(problems, "\n  "))
				return
			}
			if len(problems) > 0 {
				t.Errorf("%s (%s):\n  %s", vector.ID, vector.Description, strings.Join(problems, "\n  "))
			}
		})
	}
}
