// Package gotests holds the tests of the generated Go client (generated/go), run by
// tests/go/test_go.py: `go test ./...` here, with the mock server's URL in the environment.
package gotests

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	retell "github.com/retell-contract-kit/retell-go"
)

const testKey = "sk_test_0123456789abcdef"

// createdCall is a 201 body of POST /v2/create-phone-call.
const createdCall = `{"call_type":"phone_call","from_number":"+14155550100","to_number":"+14155550123",` +
	`"direction":"outbound","call_id":"Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6",` +
	`"agent_id":"oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD","call_status":"registered"}`

// validParams are the params of a call the spec accepts.
func validParams() retell.CreatePhoneCallParams {
	return retell.CreatePhoneCallParams{FromNumber: "+14155550100", ToNumber: "+14155550123"}
}

// recorded is a request a test server received.
type recorded struct {
	Method string
	Path   string
	Query  string
	Header http.Header
	Body   []byte
}

// server is an httptest server that answers with a script of handlers, one per request (the
// last repeats), and records every request.
type server struct {
	*httptest.Server
	mu       sync.Mutex
	requests []recorded
	script   []http.HandlerFunc
}

func newServer(t *testing.T, script ...http.HandlerFunc) *server {
	t.Helper()
	s := &server{script: script}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.requests = append(s.requests, recorded{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), body})
		handler := s.script[min(len(s.requests), len(s.script))-1]
		s.mu.Unlock()
		handler(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) received() []recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]recorded(nil), s.requests...)
}

// answer is a handler writing a status, a JSON body and headers (name, value pairs).
func answer(status int, body string, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for index := 0; index+1 < len(header); index += 2 {
			w.Header().Set(header[index], header[index+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

// sleeps records the waits a client asks for instead of waiting.
type sleeps struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeps) sleep(_ context.Context, d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.waits = append(s.waits, d)
	return nil
}

func (s *sleeps) recorded() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// newClient is a client of url with the test key, recording its waits in waits (if given).
func newClient(t *testing.T, url string, waits *sleeps, opts ...retell.ClientOption) *retell.Client {
	t.Helper()
	options := []retell.ClientOption{retell.WithAPIKey(testKey), retell.WithBaseURL(url)}
	if waits != nil {
		options = append(options, retell.WithSleep(waits.sleep))
	}
	client, err := retell.NewClient(append(options, opts...)...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return client
}

// readJSON decodes a file of the repository (relative to tests/go).
func readJSON(t *testing.T, relative string, into any) {
	t.Helper()
	data, err := os.ReadFile(filepath.FromSlash(relative))
	if err != nil {
		t.Fatalf("read %s: %v", relative, err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		t.Fatalf("decode %s: %v", relative, err)
	}
}

// decoded is a request body as generic JSON.
func decoded(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var value map[string]any
	if err := json.Unmarshal(body, &value); err != nil {
		t.Fatalf("request body %q: %v", body, err)
	}
	return value
}

// countingTransport counts the requests that reach the network.
type countingTransport struct {
	mu       sync.Mutex
	requests int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.requests++
	c.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

func (c *countingTransport) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.requests
}

// fmtClient is how a client prints.
func fmtClient(client *retell.Client) string {
	return fmt.Sprintf("%v", client)
}
