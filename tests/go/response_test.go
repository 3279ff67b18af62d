package gotests

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	retell "github.com/retell-contract-kit/retell-go"
)

// An answer from a newer server: an enum value the spec does not list, and fields (nested
// ones too) it does not name.
const newerCall = `{"call_type":"phone_call","from_number":"+14155550100","to_number":"+14155550123",` +
	`"direction":"outbound","call_id":"c1","agent_id":"a1","call_status":"not_connected",` +
	`"metadata":{"customer":{"id":12345678901234567890,"tags":["vip"]}},` +
	`"call_analysis":{"summary":{"text":"ok","sentiment":{"score":0.9}}},"latency":[1,2.5]}`

// Lenient by default: the answer is kept as sent, nothing fails.
func TestLenientResponsesKeepWhatTheSpecDoesNotKnow(t *testing.T) {
	srv := newServer(t, answer(201, newerCall))
	call, err := newClient(t, srv.URL, nil).Call.CreatePhoneCall(context.Background(), validParams())
	if err != nil {
		t.Fatal(err)
	}
	if call.CallStatus != "not_connected" || call.CallStatus.IsKnown() {
		t.Fatalf("call_status = %q", call.CallStatus)
	}
	analysis := call.ExtraFields["call_analysis"]
	var nested struct {
		Summary struct {
			Sentiment struct{ Score float64 } `json:"sentiment"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(analysis, &nested); err != nil || nested.Summary.Sentiment.Score != 0.9 {
		t.Fatalf("call_analysis %s: %v", analysis, err)
	}
	customer := call.Metadata.Value()["customer"].(map[string]any)
	if customer["id"] != json.Number("12345678901234567890") {
		t.Fatalf("metadata id = %#v: free-form numbers are kept exactly as sent", customer["id"])
	}
	again, err := json.Marshal(call)
	if err != nil {
		t.Fatal(err)
	}
	var sent, back map[string]any
	_ = json.Unmarshal([]byte(newerCall), &sent)
	_ = json.Unmarshal(again, &back)
	if got, want := mustJSON(back), mustJSON(sent); got != want {
		t.Fatalf("round trip\n got %s\nwant %s", got, want)
	}
}

// Strict mode validates the answer first: the same answer is an APIResponseValidationError
// naming the field and the rule.
func TestStrictResponsesAreValidated(t *testing.T) {
	srv := newServer(t, answer(201, newerCall))
	_, err := newClient(t, srv.URL, nil, retell.WithStrictResponseValidation(true)).Call.CreatePhoneCall(context.Background(), validParams())
	var invalid *retell.APIResponseValidationError
	if !errors.As(err, &invalid) || invalid.Field != "call_status" || invalid.Rule != "enum" || invalid.StatusCode != 201 {
		t.Fatalf("err = %v", err)
	}
	// Per request too; and a valid answer with unknown fields passes (the spec's objects are open).
	srv = newServer(t, answer(201, newerCall), answer(201, strings.Replace(newerCall, "not_connected", "ongoing", 1)))
	client := newClient(t, srv.URL, nil)
	if _, err := client.Call.CreatePhoneCall(context.Background(), validParams(), retell.WithStrictResponseValidation(true)); !errors.As(err, &invalid) {
		t.Fatalf("per request: err = %v", err)
	}
	if _, err := client.Call.CreatePhoneCall(context.Background(), validParams(), retell.WithStrictResponseValidation(true)); err != nil {
		t.Fatalf("a valid answer with unknown fields: %v", err)
	}
}

// The spec's composed 201 schema is what strict mode checks: this endpoint creates outbound calls.
func TestStrictModeChecksTheComposedSchema(t *testing.T) {
	srv := newServer(t, answer(201, strings.Replace(createdCall, `"outbound"`, `"inbound"`, 1)))
	_, err := newClient(t, srv.URL, nil, retell.WithStrictResponseValidation(true)).Call.CreatePhoneCall(context.Background(), validParams())
	var invalid *retell.APIResponseValidationError
	if !errors.As(err, &invalid) || invalid.Field != "direction" || invalid.Rule != "outbound_direction" {
		t.Fatalf("err = %v", err)
	}
}

// A named field whose value does not fit its Go type is kept in ExtraFields (lenient), and is
// a violation in strict mode.
func TestValuesThatDoNotFitAreKeptLeniently(t *testing.T) {
	body := `{"call_id":"c1","agent_id":"a1","audio_websocket_protocol":"web","audio_encoding":"s16le",` +
		`"sample_rate":"24000","call_status":"registered","end_call_after_silence_ms":1e5}`
	srv := newServer(t, answer(201, body))
	call, err := newClient(t, srv.URL, nil).Call.CreatePhoneCallV1(context.Background(), retell.CreatePhoneCallV1Params{FromNumber: "+14155550100", ToNumber: "+14155550123"})
	if err != nil {
		t.Fatal(err)
	}
	if call.SampleRate != 0 || string(call.ExtraFields["sample_rate"]) != `"24000"` || call.EndCallAfterSilenceMs.Value() != 100000 {
		t.Fatalf("call = %+v, extra %s", call, call.ExtraFields)
	}
	srv = newServer(t, answer(201, body))
	_, err = newClient(t, srv.URL, nil, retell.WithStrictResponseValidation(true)).Call.CreatePhoneCallV1(context.Background(), retell.CreatePhoneCallV1Params{FromNumber: "+14155550100", ToNumber: "+14155550123"})
	var invalid *retell.APIResponseValidationError
	if !errors.As(err, &invalid) || invalid.Field != "sample_rate" || invalid.Rule != "sample_rate_range" || invalid.Keyword != "type" {
		t.Fatalf("err = %v", err)
	}
}

// A 2xx body that is not JSON, or not an object, cannot be used, in every mode.
func TestAnswersThatAreNotJSONAreRefusedInEveryMode(t *testing.T) {
	for _, body := range []string{"<html>oops</html>", "", `{"call_id":`, `[1,2]`, `"text"`} {
		for _, strict := range []bool{false, true} {
			srv := newServer(t, answer(201, body))
			_, err := newClient(t, srv.URL, nil, retell.WithStrictResponseValidation(strict)).Call.CreatePhoneCall(context.Background(), validParams())
			var invalid *retell.APIResponseValidationError
			if !errors.As(err, &invalid) || invalid.StatusCode != 201 {
				t.Fatalf("%q strict=%v: err = %v", body, strict, err)
			}
			if got := len(srv.received()); got != 1 {
				t.Fatalf("%q: %d requests", body, got)
			}
		}
	}
}

// A body over the cap is not read further: an *APIResponseTooLargeError, never retried.
func TestResponseSizeIsCapped(t *testing.T) {
	const total = 64 << 20
	var written atomic.Int64
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(201)
		chunk := []byte(strings.Repeat(" ", 64<<10))
		for written.Load() < total {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	_, err := newClient(t, srv.URL, &sleeps{}, retell.WithRetryUnsafe(true)).Call.CreatePhoneCall(context.Background(), validParams())
	var tooLarge *retell.APIResponseTooLargeError
	if !errors.As(err, &tooLarge) || tooLarge.Limit != 16<<20 {
		t.Fatalf("err = %v", err)
	}
	if got := len(srv.received()); got != 1 {
		t.Fatalf("%d requests: a too-large answer was retried", got)
	}
	srv.Close() // wait for the handler
	if written.Load() >= total {
		t.Fatalf("the server wrote all %d bytes: the client read past the cap", total)
	}
	// A declared length over the cap is refused before reading.
	srv = newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(4096))
		w.WriteHeader(201)
		_, _ = io.WriteString(w, strings.Repeat(" ", 4096))
	})
	_, err = newClient(t, srv.URL, nil, retell.WithMaxResponseBytes(1024)).Call.CreatePhoneCall(context.Background(), validParams())
	if !errors.As(err, &tooLarge) || tooLarge.Limit != 1024 {
		t.Fatalf("err = %v", err)
	}
}

// The attempt's deadline covers reading the body: a server dripping it byte by byte cannot
// hold a call past its timeout.
func TestDripFedBodyEndsAtTheDeadline(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(201)
		for {
			if _, err := io.WriteString(w, " "); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	_, err := newClient(t, srv.URL, &sleeps{}, retell.WithRequestTimeout(300*time.Millisecond)).Call.CreatePhoneCall(context.Background(), validParams())
	var connection *retell.APIConnectionError
	if !errors.As(err, &connection) || !connection.Timeout() {
		t.Fatalf("err = %v", err)
	}
	if got := len(srv.received()); got != 1 {
		t.Fatalf("%d requests: the 201 was already on its way, a retry could place a second call", got)
	}
}

func mustJSON(value any) string {
	data, _ := json.Marshal(value)
	return string(data)
}
