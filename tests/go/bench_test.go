package gotests

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	retell "github.com/retell-contract-kit/retell-go"
)

// The per-call overhead of the client against raw net/http doing the same job (encode the
// params, POST them, read and decode the answer) on a loopback server:
//
//	go test -run '^$' -bench . -benchmem ./...
//
// The target is at most 1.10x the raw figure. Nothing here asserts a time.

func loopback(b *testing.B) *httptest.Server {
	b.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(201)
		_, _ = io.WriteString(w, createdCall)
	}))
	b.Cleanup(srv.Close)
	return srv
}

func BenchmarkClientCreatePhoneCall(b *testing.B) {
	srv := loopback(b)
	client, err := retell.NewClient(retell.WithAPIKey(testKey), retell.WithBaseURL(srv.URL))
	if err != nil {
		b.Fatal(err)
	}
	params := validParams()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := client.Call.CreatePhoneCall(ctx, params); err != nil {
			b.Fatal(err)
		}
	}
}

// rawCall is what a caller of raw net/http would decode the answer into.
type rawCall struct {
	CallType   string `json:"call_type"`
	FromNumber string `json:"from_number"`
	ToNumber   string `json:"to_number"`
	Direction  string `json:"direction"`
	CallID     string `json:"call_id"`
	AgentID    string `json:"agent_id"`
	CallStatus string `json:"call_status"`
}

func BenchmarkRawNetHTTP(b *testing.B) {
	srv := loopback(b)
	httpClient := &http.Client{}
	params := struct {
		FromNumber string `json:"from_number"`
		ToNumber   string `json:"to_number"`
	}{"+14155550100", "+14155550123"}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		body, _ := json.Marshal(params)
		request, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/v2/create-phone-call", bytes.NewReader(body))
		request.Header.Set("Authorization", "Bearer "+testKey)
		request.Header.Set("Content-Type", "application/json")
		answer, err := httpClient.Do(request)
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(answer.Body)
		answer.Body.Close()
		var call rawCall
		if err != nil || answer.StatusCode != 201 || json.Unmarshal(data, &call) != nil {
			b.Fatalf("status %d, %v", answer.StatusCode, err)
		}
	}
}
