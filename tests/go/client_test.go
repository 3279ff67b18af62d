package gotests

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	retell "github.com/retell-contract-kit/retell-go"
)

func TestCreatePhoneCallSendsTheBodyAndReturnsTheCall(t *testing.T) {
	srv := newServer(t, answer(201, createdCall))
	client := newClient(t, srv.URL, nil)
	params := validParams()
	params.Metadata = retell.Some(map[string]any{"customer_id": "cus_123", "attempt": 2})
	params.RetellLlmDynamicVariables = retell.Some(map[string]string{"customer_name": "John Doe"})

	call, err := client.Call.CreatePhoneCall(context.Background(), params)
	if err != nil {
		t.Fatal(err)
	}
	if call.CallID != "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6" || call.CallStatus != retell.CallStatusRegistered ||
		call.Direction != retell.DirectionOutbound || !call.CallStatus.IsKnown() {
		t.Fatalf("call = %+v", call)
	}
	if call.Metadata.IsSet() || call.StartTimestamp.IsSet() {
		t.Fatalf("absent fields are set: %+v", call)
	}
	requests := srv.received()
	if len(requests) != 1 {
		t.Fatalf("%d requests", len(requests))
	}
	sent := requests[0]
	if sent.Method != "POST" || sent.Path != "/v2/create-phone-call" {
		t.Fatalf("sent %s %s", sent.Method, sent.Path)
	}
	for name, want := range map[string]string{
		"Authorization": "Bearer " + testKey,
		"Content-Type":  "application/json",
		"Accept":        "application/json",
		"User-Agent":    "retell-client-go/" + retell.Version,
	} {
		if got := sent.Header.Get(name); got != want {
			t.Errorf("header %s = %q, want %q", name, got, want)
		}
	}
	body := decoded(t, sent.Body)
	want := `{"from_number":"+14155550100","metadata":{"attempt":2,"customer_id":"cus_123"},` +
		`"retell_llm_dynamic_variables":{"customer_name":"John Doe"},"to_number":"+14155550123"}`
	if got, _ := json.Marshal(body); string(got) != want {
		t.Fatalf("body %s, want %s (absent Opts left out)", got, want)
	}
	for _, name := range []string{"Idempotency-Key", "X-Idempotency-Key"} {
		if sent.Header.Get(name) != "" {
			t.Errorf("%s sent, but the spec declares no idempotency header", name)
		}
	}
}

// The deprecated endpoint sits beside the v2 one and returns its own model.
func TestCreatePhoneCallV1(t *testing.T) {
	srv := newServer(t, answer(201, `{"call_id":"c1","agent_id":"a1","audio_websocket_protocol":"twilio",`+
		`"audio_encoding":"mulaw","sample_rate":8000.0,"call_status":"registered","drop_call_if_machine_detected":false}`))
	client := newClient(t, srv.URL, nil, retell.WithStrictResponseValidation(true))
	params := retell.CreatePhoneCallV1Params{FromNumber: "+14155550100", ToNumber: "+14155550123", DropCallIfMachineDetected: retell.Some(true)}
	call, err := client.Call.CreatePhoneCallV1(context.Background(), params)
	if err != nil {
		t.Fatal(err)
	}
	if call.SampleRate != 8000 || call.AudioEncoding != retell.AudioEncodingMulaw || call.DropCallIfMachineDetected.Or(true) {
		t.Fatalf("call = %+v (8000.0 is an integer)", call)
	}
	if sent := srv.received()[0]; sent.Path != "/create-phone-call" || decoded(t, sent.Body)["drop_call_if_machine_detected"] != true {
		t.Fatalf("sent %s %s", sent.Path, sent.Body)
	}
}

// A body that breaks a rule is a *ValidationError (a retell.Error) naming field, rule and
// keyword, and nothing is sent.
func TestValidationErrorSendsNothing(t *testing.T) {
	srv := newServer(t, answer(201, createdCall))
	client := newClient(t, srv.URL, nil)
	cases := []struct {
		name                 string
		params               retell.CreatePhoneCallParams
		field, rule, keyword string
	}{
		{"bad number", retell.CreatePhoneCallParams{FromNumber: "+14155550100", ToNumber: "555-0123"}, "to_number", "e164_numbers", "pattern"},
		{"missing number", retell.CreatePhoneCallParams{FromNumber: "+14155550100"}, "to_number", "e164_numbers", "pattern"},
		{"null where the spec allows none", func() retell.CreatePhoneCallParams {
			p := validParams()
			p.OverrideAgentID = retell.Null[string]()
			return p
		}(), "override_agent_id", "type", "type"},
		{"NaN in metadata", func() retell.CreatePhoneCallParams {
			p := validParams()
			p.Metadata = retell.Some(map[string]any{"score": math.NaN()})
			return p
		}(), "metadata.score", "json", "json"},
		{"invalid raw JSON in ExtraFields", func() retell.CreatePhoneCallParams {
			p := validParams()
			p.ExtraFields = map[string]json.RawMessage{"future": json.RawMessage(`{oops`)}
			return p
		}(), "future", "json", "json"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := client.Call.CreatePhoneCall(context.Background(), c.params)
			var invalid *retell.ValidationError
			if !errors.As(err, &invalid) {
				t.Fatalf("err = %v, want a *ValidationError", err)
			}
			var base retell.Error
			if !errors.As(err, &base) {
				t.Fatal("a ValidationError is not a retell.Error")
			}
			if invalid.Field != c.field || invalid.Rule != c.rule || invalid.Keyword != c.keyword || invalid.Message == "" {
				t.Fatalf("got %q %q %q %q", invalid.Field, invalid.Rule, invalid.Keyword, invalid.Message)
			}
			if !strings.Contains(err.Error(), c.field) || !strings.Contains(err.Error(), c.rule) {
				t.Fatalf("message %q names neither field nor rule", err)
			}
		})
	}
	if got := len(srv.received()); got != 0 {
		t.Fatalf("%d requests sent", got)
	}
}

// An empty required number is reported once per field, in the spec's order.
func TestValidationErrorHoldsEveryViolation(t *testing.T) {
	client := newClient(t, "http://127.0.0.1:9", nil)
	_, err := client.Call.CreatePhoneCall(context.Background(), retell.CreatePhoneCallParams{FromNumber: "1", ToNumber: "2"})
	var invalid *retell.ValidationError
	if !errors.As(err, &invalid) || len(invalid.Violations) != 2 || invalid.Violations[0].Field != "from_number" || invalid.Violations[1].Field != "to_number" {
		t.Fatalf("err = %#v", err)
	}
}

func TestRequestOptionsReachTheRequest(t *testing.T) {
	srv := newServer(t, answer(201, createdCall))
	client := newClient(t, srv.URL, nil, retell.WithExtraHeader("X-Client-Default", "yes"))
	_, err := client.Call.CreatePhoneCall(context.Background(), validParams(),
		retell.WithExtraHeader("X-Trace", "abc"),
		retell.WithExtraQuery("debug", "1"),
		retell.WithExtraBody(map[string]any{"future_field": []int{1, 2}, "to_number": "+14155550199"}),
		retell.WithRequestTimeout(5*time.Second),
		retell.WithMaxRetries(0),
	)
	if err != nil {
		t.Fatal(err)
	}
	sent := srv.received()[0]
	if sent.Header.Get("X-Trace") != "abc" || sent.Header.Get("X-Client-Default") != "yes" || sent.Query != "debug=1" {
		t.Fatalf("header %v query %q", sent.Header, sent.Query)
	}
	body := decoded(t, sent.Body)
	if body["to_number"] != "+14155550199" || len(body["future_field"].([]any)) != 2 {
		t.Fatalf("body %s: the extra body is not merged", sent.Body)
	}
	// Per-request options do not leak into the client's defaults.
	if _, err := client.Call.CreatePhoneCall(context.Background(), validParams()); err != nil {
		t.Fatal(err)
	}
	if second := srv.received()[1]; second.Header.Get("X-Trace") != "" || second.Query != "" || decoded(t, second.Body)["future_field"] != nil {
		t.Fatalf("second request carries the first one's options: %v %q %s", second.Header, second.Query, second.Body)
	}
}

// The extra body is merged before validation: it cannot smuggle a broken value past the rules.
func TestExtraBodyIsValidated(t *testing.T) {
	srv := newServer(t, answer(201, createdCall))
	client := newClient(t, srv.URL, nil)
	_, err := client.Call.CreatePhoneCall(context.Background(), validParams(), retell.WithExtraBody(map[string]any{"to_number": "nope"}))
	var invalid *retell.ValidationError
	if !errors.As(err, &invalid) || invalid.Field != "to_number" {
		t.Fatalf("err = %v", err)
	}
	_, err = client.Call.CreatePhoneCall(context.Background(), validParams(), retell.WithExtraBody(map[string]any{"hook": make(chan int)}))
	if !errors.As(err, &invalid) || invalid.Field != "hook" || invalid.Rule != "json" {
		t.Fatalf("err = %v", err)
	}
	if got := len(srv.received()); got != 0 {
		t.Fatalf("%d requests sent", got)
	}
}

// Options that cannot be used are a *ConfigError naming the option, at NewClient or at the call.
func TestOptionsThatCannotBeUsedAreRefused(t *testing.T) {
	for name, opt := range map[string]retell.ClientOption{
		"WithRequestTimeout":          retell.WithRequestTimeout(0),
		"WithMaxRetries":              retell.WithMaxRetries(-1),
		"WithMaxResponseBytes":        retell.WithMaxResponseBytes(0),
		"WithHTTPClient":              retell.WithHTTPClient(nil),
		"WithSleep":                   retell.WithSleep(nil),
		`WithExtraHeader("X-A")`:      retell.WithExtraHeader("X-A", "line\nbreak"),
		`WithExtraHeader("Bad Name")`: retell.WithExtraHeader("Bad Name", "v"),
	} {
		_, err := retell.NewClient(retell.WithAPIKey(testKey), opt)
		var config *retell.ConfigError
		if !errors.As(err, &config) || config.Source != name {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	srv := newServer(t, answer(201, createdCall))
	client := newClient(t, srv.URL, nil)
	_, err := client.Call.CreatePhoneCall(context.Background(), validParams(), retell.WithRequestTimeout(-time.Second))
	var config *retell.ConfigError
	if !errors.As(err, &config) || config.Source != "WithRequestTimeout" {
		t.Fatalf("err = %v", err)
	}
	//lint:ignore SA1012 a nil context is what this checks
	if _, err := client.Call.CreatePhoneCall(nilContext(), validParams()); !errors.As(err, &config) || config.Source != "ctx" {
		t.Fatalf("nil ctx: err = %v", err)
	}
	if got := len(srv.received()); got != 0 {
		t.Fatalf("%d requests sent", got)
	}
}

func nilContext() context.Context {
	return nil
}

// The key and the server come from the options, else the environment, else the spec.
func TestConstructionReadsTheEnvironment(t *testing.T) {
	srv := newServer(t, answer(201, createdCall))
	t.Setenv("RETELL_API_KEY", testKey)
	t.Setenv("RETELL_BASE_URL", srv.URL+"/")
	client, err := retell.NewClient()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.Call.CreatePhoneCall(context.Background(), validParams()); err != nil {
		t.Fatal(err)
	}
	sent := srv.received()[0]
	if sent.Header.Get("Authorization") != "Bearer "+testKey || sent.Path != "/v2/create-phone-call" {
		t.Fatalf("sent %v to %s", sent.Header, sent.Path)
	}
	if got := fmtClient(client); !strings.Contains(got, srv.URL+`"`) {
		t.Fatalf("client %s does not show its base URL", got)
	}
	t.Setenv("RETELL_BASE_URL", "")
	client, _ = retell.NewClient()
	if got := fmtClient(client); !strings.Contains(got, "https://api.retellai.com") {
		t.Fatalf("default base URL: %s", got)
	}
}

// A key that cannot be a header value, or a base URL with user info, is refused naming its
// source, never showing the key.
func TestConstructionRefusesUnusableSettings(t *testing.T) {
	cases := []struct {
		name, envKey, envURL string
		opts                 []retell.ClientOption
		source               string
	}{
		{"no key", "", "", nil, "RETELL_API_KEY"},
		{"newline in the environment", testKey + "\n", "", nil, "RETELL_API_KEY"},
		{"space in the option", "", "", []retell.ClientOption{retell.WithAPIKey("sk live")}, "WithAPIKey"},
		{"non-ASCII key", "", "", []retell.ClientOption{retell.WithAPIKey("sk_tëst")}, "WithAPIKey"},
		{"empty option", testKey, "", []retell.ClientOption{retell.WithAPIKey("")}, "WithAPIKey"},
		{"user info in the option", testKey, "", []retell.ClientOption{retell.WithBaseURL("https://user:hunter2@example.invalid")}, "WithBaseURL"},
		{"user info in the environment", testKey, "https://user:hunter2@example.invalid", nil, "RETELL_BASE_URL"},
		{"not http", testKey, "", []retell.ClientOption{retell.WithBaseURL("ftp://example.invalid")}, "WithBaseURL"},
		{"relative", testKey, "", []retell.ClientOption{retell.WithBaseURL("/v2")}, "WithBaseURL"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("RETELL_API_KEY", c.envKey)
			t.Setenv("RETELL_BASE_URL", c.envURL)
			_, err := retell.NewClient(c.opts...)
			var config *retell.ConfigError
			if !errors.As(err, &config) || config.Source != c.source {
				t.Fatalf("err = %v, want a ConfigError from %s", err, c.source)
			}
			for _, secret := range []string{testKey, "sk live", "sk_tëst", "hunter2"} {
				if strings.Contains(err.Error(), secret) {
					t.Fatalf("%q shows %q", err, secret)
				}
			}
		})
	}
}

// A canceled context ends the call at once: no retry, the context's error inside.
func TestCanceledContextStopsTheCall(t *testing.T) {
	srv := newServer(t, answer(500, `{"error_message":"boom"}`))
	waits := &sleeps{}
	client := newClient(t, srv.URL, waits, retell.WithRetryUnsafe(true))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := client.Call.CreatePhoneCall(ctx, validParams())
	var connection *retell.APIConnectionError
	if !errors.As(err, &connection) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if len(waits.recorded()) != 0 {
		t.Fatalf("retried after cancellation: %v", waits.recorded())
	}
}

// Every HTTP error status is an *APIError of its kind, its message from the spec's error body.
func TestStatusErrorsHaveKinds(t *testing.T) {
	kinds := map[int]error{400: retell.ErrBadRequest, 401: retell.ErrAuthentication, 402: retell.ErrPaymentRequired,
		403: retell.ErrPermissionDenied, 404: retell.ErrNotFound, 409: retell.ErrConflict,
		422: retell.ErrUnprocessableEntity, 429: retell.ErrRateLimit, 500: retell.ErrInternalServer, 503: retell.ErrInternalServer}
	for status, kind := range kinds {
		srv := newServer(t, answer(status, `{"error_message":"it went wrong"}`))
		client := newClient(t, srv.URL, &sleeps{}, retell.WithMaxRetries(0))
		_, err := client.Call.CreatePhoneCall(context.Background(), validParams())
		var apiErr *retell.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != status || apiErr.Message != "it went wrong" || !errors.Is(err, kind) {
			t.Fatalf("%d: err = %v", status, err)
		}
		for other, otherKind := range kinds {
			if otherKind != kind && errors.Is(err, otherKind) {
				t.Fatalf("%d matches the kind of %d", status, other)
			}
		}
		if !strings.Contains(string(apiErr.Body), "it went wrong") || apiErr.Header.Get("Content-Type") != "application/json" {
			t.Fatalf("%d: body %q header %v", status, apiErr.Body, apiErr.Header)
		}
	}
	srv := newServer(t, answer(418, `not json`))
	_, err := newClient(t, srv.URL, nil).Call.CreatePhoneCall(context.Background(), validParams())
	var apiErr *retell.APIError
	if !errors.As(err, &apiErr) || apiErr.Message != "I'm a teapot" {
		t.Fatalf("err = %v: without an error body the message is the status text", err)
	}
}

// A redirect is never followed: it is an *APIError, and the other server sees nothing.
func TestRedirectsAreNotFollowed(t *testing.T) {
	other := newServer(t, answer(201, createdCall))
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/v2/create-phone-call", http.StatusTemporaryRedirect)
	})
	for _, client := range []*retell.Client{
		newClient(t, srv.URL, &sleeps{}, retell.WithRetryUnsafe(true)),
		newClient(t, srv.URL, &sleeps{}, retell.WithHTTPClient(&http.Client{})),
	} {
		_, err := client.Call.CreatePhoneCall(context.Background(), validParams())
		var apiErr *retell.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusTemporaryRedirect {
			t.Fatalf("err = %v", err)
		}
	}
	if len(other.received()) != 0 || len(srv.received()) != 2 {
		t.Fatalf("redirect target got %d requests, origin %d", len(other.received()), len(srv.received()))
	}
}

// A caller's http.Client is used (its transport sees the request), and still does not follow
// redirects.
func TestCallersHTTPClientIsUsed(t *testing.T) {
	srv := newServer(t, answer(201, createdCall))
	counting := &countingTransport{}
	client := newClient(t, srv.URL, nil, retell.WithHTTPClient(&http.Client{Transport: counting}))
	if _, err := client.Call.CreatePhoneCall(context.Background(), validParams()); err != nil {
		t.Fatal(err)
	}
	if counting.count() != 1 {
		t.Fatalf("the caller's transport saw %d requests", counting.count())
	}
}

// One client serves many goroutines; each call's options stay its own.
func TestConcurrentCallsKeepTheirOwnOptions(t *testing.T) {
	srv := newServer(t, answer(201, createdCall))
	client := newClient(t, srv.URL, nil, retell.WithExtraHeader("X-Shared", "yes"))
	const calls = 32
	errs := make(chan error, calls)
	for index := range calls {
		go func() {
			trace := fmt.Sprintf("call-%d", index)
			_, err := client.Call.CreatePhoneCall(context.Background(), validParams(),
				retell.WithExtraHeader("X-Trace", trace), retell.WithExtraBody(map[string]any{"trace": trace}))
			errs <- err
		}()
	}
	for range calls {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	requests := srv.received()
	if len(requests) != calls {
		t.Fatalf("%d requests", len(requests))
	}
	for _, sent := range requests {
		if sent.Header.Get("X-Trace") != decoded(t, sent.Body)["trace"] || sent.Header.Get("X-Shared") != "yes" {
			t.Fatalf("a call carries another call's options: header %q, body %s", sent.Header.Get("X-Trace"), sent.Body)
		}
	}
}
