package gotests

import (
	"context"
	"errors"
	"net/http"
	"os"
	"testing"

	retell "github.com/retell-contract-kit/retell-go"
)

// mockServer is the project's mock server, started by tests/go/test_go.py, which passes its
// URL and key in the environment. These tests fail, rather than skip, without it.
func mockServer(t *testing.T) (string, string) {
	t.Helper()
	url, key := os.Getenv("RETELL_GO_TEST_MOCK_URL"), os.Getenv("RETELL_GO_TEST_MOCK_KEY")
	if url == "" || key == "" {
		t.Fatal("RETELL_GO_TEST_MOCK_URL and RETELL_GO_TEST_MOCK_KEY are not set: run these tests " +
			"with `.venv/bin/python -m pytest tests/go`, which starts the mock server")
	}
	return url, key
}

// A program using the client creates a call against the mock, configured from the environment
// as a user would, with strict response validation.
func TestMockCreatesACall(t *testing.T) {
	url, key := mockServer(t)
	t.Setenv("RETELL_API_KEY", key)
	t.Setenv("RETELL_BASE_URL", url)
	client, err := retell.NewClient(retell.WithStrictResponseValidation(true))
	if err != nil {
		t.Fatal(err)
	}
	params := validParams()
	params.Metadata = retell.Some(map[string]any{"customer_id": "cus_123", "attempt": 2})
	call, err := client.Call.CreatePhoneCall(context.Background(), params)
	if err != nil {
		t.Fatal(err)
	}
	if call.FromNumber != params.FromNumber || call.ToNumber != params.ToNumber || call.CallID == "" ||
		call.Direction != retell.DirectionOutbound || !call.CallStatus.IsKnown() {
		t.Fatalf("call = %+v", call)
	}
	if got := call.Metadata.Value(); got["customer_id"] != "cus_123" {
		t.Fatalf("metadata = %v, want it echoed", got)
	}
	v1, err := client.Call.CreatePhoneCallV1(context.Background(), retell.CreatePhoneCallV1Params{FromNumber: params.FromNumber, ToNumber: params.ToNumber})
	if err != nil || v1.CallID == "" || v1.CallID == call.CallID {
		t.Fatalf("v1 call %+v, err %v", v1, err)
	}
}

// A bad number is a ValidationError, and no request leaves the client.
func TestMockBadNumberIsNotSent(t *testing.T) {
	url, key := mockServer(t)
	counting := &countingTransport{}
	client, err := retell.NewClient(retell.WithAPIKey(key), retell.WithBaseURL(url), retell.WithHTTPClient(&http.Client{Transport: counting}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.Call.CreatePhoneCall(context.Background(), retell.CreatePhoneCallParams{FromNumber: "+14155550100", ToNumber: "+1 415 555 0123"})
	var invalid *retell.ValidationError
	if !errors.As(err, &invalid) || invalid.Field != "to_number" || invalid.Rule != "e164_numbers" {
		t.Fatalf("err = %v", err)
	}
	if counting.count() != 0 {
		t.Fatalf("%d requests reached the mock", counting.count())
	}
	if _, err := client.Call.CreatePhoneCall(context.Background(), validParams()); err != nil || counting.count() != 1 {
		t.Fatalf("a valid call: %v (%d requests)", err, counting.count())
	}
}

// The mock refuses a wrong key: an *APIError of kind ErrAuthentication, never retried.
func TestMockRefusesAWrongKey(t *testing.T) {
	url, _ := mockServer(t)
	waits := &sleeps{}
	client, err := retell.NewClient(retell.WithAPIKey("sk_wrong_key"), retell.WithBaseURL(url), retell.WithSleep(waits.sleep))
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.Call.CreatePhoneCall(context.Background(), validParams())
	var apiErr *retell.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 401 || !errors.Is(err, retell.ErrAuthentication) || apiErr.Message == "" {
		t.Fatalf("err = %v", err)
	}
	if len(waits.recorded()) != 0 {
		t.Fatalf("a 401 was retried: %v", waits.recorded())
	}
}
