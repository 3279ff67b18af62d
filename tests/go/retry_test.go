package gotests

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	retell "github.com/retell-contract-kit/retell-go"
)

// A create call is not idempotent: a 500 may mean the call was placed, so it is not sent again.
func TestServerErrorIsNotRetriedForACreate(t *testing.T) {
	for _, status := range []int{500, 502, 408, 409} {
		srv := newServer(t, answer(status, `{"error_message":"maybe placed"}`), answer(201, createdCall))
		waits := &sleeps{}
		_, err := newClient(t, srv.URL, waits).Call.CreatePhoneCall(context.Background(), validParams())
		var apiErr *retell.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
			t.Fatalf("%d: err = %v", status, err)
		}
		if got := len(srv.received()); got != 1 || len(waits.recorded()) != 0 {
			t.Fatalf("%d: %d requests, waits %v", status, got, waits.recorded())
		}
	}
}

// WithRetryUnsafe(true) opts into retrying them.
func TestRetryUnsafeRetriesServerErrors(t *testing.T) {
	srv := newServer(t, answer(500, `{}`), answer(201, createdCall))
	waits := &sleeps{}
	call, err := newClient(t, srv.URL, waits, retell.WithRetryUnsafe(true)).Call.CreatePhoneCall(context.Background(), validParams())
	if err != nil || call.CallID == "" {
		t.Fatalf("call %v, err %v", call, err)
	}
	if got := len(srv.received()); got != 2 {
		t.Fatalf("%d requests", got)
	}
	// Per request too.
	srv = newServer(t, answer(503, `{}`), answer(201, createdCall))
	if _, err := newClient(t, srv.URL, &sleeps{}).Call.CreatePhoneCall(context.Background(), validParams(), retell.WithRetryUnsafe(true)); err != nil {
		t.Fatal(err)
	}
}

// 429 is retried for every operation, after the wait the answer asks for.
func TestRateLimitIsRetriedAfterRetryAfter(t *testing.T) {
	srv := newServer(t, answer(429, `{"error_message":"slow down"}`, "Retry-After", "0"), answer(201, createdCall))
	waits := &sleeps{}
	call, err := newClient(t, srv.URL, waits).Call.CreatePhoneCall(context.Background(), validParams())
	if err != nil || call.CallID == "" {
		t.Fatalf("call %v, err %v", call, err)
	}
	if got := len(srv.received()); got != 2 {
		t.Fatalf("%d requests", got)
	}
	if got := waits.recorded(); len(got) != 1 || got[0] != 0 {
		t.Fatalf("waits %v, want [0s]", got)
	}
}

// After max retries the last answer's error is returned; waits back off exponentially with
// jitter (0.5 s, then 1 s, minus up to 25 %).
func TestRetriesStopAtMaxRetriesWithBackoff(t *testing.T) {
	srv := newServer(t, answer(429, `{"error_message":"slow down"}`))
	waits := &sleeps{}
	_, err := newClient(t, srv.URL, waits).Call.CreatePhoneCall(context.Background(), validParams())
	if !errors.Is(err, retell.ErrRateLimit) {
		t.Fatalf("err = %v", err)
	}
	if got := len(srv.received()); got != 3 {
		t.Fatalf("%d requests, want 1 + 2 retries", got)
	}
	got := waits.recorded()
	if len(got) != 2 || got[0] < 375*time.Millisecond || got[0] > 500*time.Millisecond || got[1] < 750*time.Millisecond || got[1] > time.Second {
		t.Fatalf("waits %v", got)
	}
	srv = newServer(t, answer(429, `{}`))
	_, _ = newClient(t, srv.URL, &sleeps{}, retell.WithMaxRetries(5)).Call.CreatePhoneCall(context.Background(), validParams(), retell.WithMaxRetries(0))
	if got := len(srv.received()); got != 1 {
		t.Fatalf("WithMaxRetries(0) per request: %d requests", got)
	}
}

// A connection that could not be made sent nothing: it is retried even for a create.
func TestDialFailureIsRetried(t *testing.T) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	address := listener.Addr().String()
	listener.Close() // nothing listens there now: the first attempt is refused
	srv := httptest.NewUnstartedServer(answer(201, createdCall))
	t.Cleanup(srv.Close)
	var started bool
	waits := &sleeps{}
	startOnWait := func(ctx context.Context, d time.Duration) error {
		_ = waits.sleep(ctx, d)
		if !started {
			started = true
			relisten, err := net.Listen("tcp", address)
			if err != nil {
				return err
			}
			srv.Listener = relisten
			srv.Start()
		}
		return nil
	}
	client, err := retell.NewClient(retell.WithAPIKey(testKey), retell.WithBaseURL("http://"+address), retell.WithSleep(startOnWait))
	if err != nil {
		t.Fatal(err)
	}
	call, err := client.Call.CreatePhoneCall(context.Background(), validParams())
	if err != nil || call.CallID == "" {
		t.Fatalf("call %v, err %v", call, err)
	}
	if len(waits.recorded()) != 1 {
		t.Fatalf("waits %v", waits.recorded())
	}
}

// With nothing listening at all, every attempt fails to connect: retried, then an
// *APIConnectionError that is not a timeout.
func TestRefusedConnectionEndsAsAConnectionError(t *testing.T) {
	listener, _ := net.Listen("tcp", "127.0.0.1:0")
	address := listener.Addr().String()
	listener.Close()
	waits := &sleeps{}
	_, err := newClient(t, "http://"+address, waits).Call.CreatePhoneCall(context.Background(), validParams())
	var connection *retell.APIConnectionError
	if !errors.As(err, &connection) || connection.Timeout() || errors.Is(err, retell.ErrTimeout) {
		t.Fatalf("err = %v", err)
	}
	var base retell.Error
	if !errors.As(err, &base) || len(waits.recorded()) != 2 {
		t.Fatalf("err %v, waits %v", err, waits.recorded())
	}
}

// A request that timed out after it was sent may have placed a call: not sent again.
func TestTimeoutAfterSendingIsNotRetriedForACreate(t *testing.T) {
	hang := func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }
	srv := newServer(t, hang)
	waits := &sleeps{}
	_, err := newClient(t, srv.URL, waits, retell.WithRequestTimeout(150*time.Millisecond)).Call.CreatePhoneCall(context.Background(), validParams())
	var connection *retell.APIConnectionError
	if !errors.As(err, &connection) || !connection.Timeout() || !errors.Is(err, retell.ErrTimeout) {
		t.Fatalf("err = %v", err)
	}
	if got := len(srv.received()); got != 1 {
		t.Fatalf("%d requests", got)
	}
	srv = newServer(t, hang)
	_, _ = newClient(t, srv.URL, &sleeps{}, retell.WithRequestTimeout(150*time.Millisecond), retell.WithRetryUnsafe(true)).Call.CreatePhoneCall(context.Background(), validParams())
	if got := len(srv.received()); got != 3 {
		t.Fatalf("with WithRetryUnsafe: %d requests, want 3", got)
	}
}

// A connection dropped after the request was sent: not sent again by default.
func TestDroppedConnectionIsNotRetriedForACreate(t *testing.T) {
	drop := func(w http.ResponseWriter, r *http.Request) {
		connection, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			connection.Close()
		}
	}
	srv := newServer(t, drop)
	_, err := newClient(t, srv.URL, &sleeps{}).Call.CreatePhoneCall(context.Background(), validParams())
	var connection *retell.APIConnectionError
	if !errors.As(err, &connection) || connection.Timeout() {
		t.Fatalf("err = %v", err)
	}
	if got := len(srv.received()); got != 1 {
		t.Fatalf("%d requests", got)
	}
	srv = newServer(t, drop, answer(201, createdCall))
	if _, err := newClient(t, srv.URL, &sleeps{}, retell.WithRetryUnsafe(true)).Call.CreatePhoneCall(context.Background(), validParams()); err != nil {
		t.Fatalf("with WithRetryUnsafe: %v", err)
	}
}

// The Retry-After rule every generated client shares (tests/typescript/retry-after.json): the
// wait a 429 asks for, else backoff. Dates are moved to the real clock, keeping their offset.
func TestRetryAfterFollowsTheSharedRule(t *testing.T) {
	var table struct {
		Now   int64 `json:"now"`
		Cases []struct {
			Headers map[string]string `json:"headers"`
			Millis  *float64          `json:"ms"`
		} `json:"cases"`
	}
	readJSON(t, "../typescript/retry-after.json", &table)
	tableNow := time.UnixMilli(table.Now).UTC()
	for _, c := range table.Cases {
		headers := []string{}
		for name, value := range c.Headers {
			if date, err := time.Parse(http.TimeFormat, value); err == nil {
				value = time.Now().UTC().Truncate(time.Second).Add(date.Sub(tableNow)).Format(http.TimeFormat)
			}
			headers = append(headers, name, value)
		}
		srv := newServer(t, answer(429, `{}`, headers...), answer(201, createdCall))
		waits := &sleeps{}
		if _, err := newClient(t, srv.URL, waits).Call.CreatePhoneCall(context.Background(), validParams()); err != nil {
			t.Fatalf("%v: %v", c.Headers, err)
		}
		got := waits.recorded()
		if len(got) != 1 {
			t.Fatalf("%v: waits %v", c.Headers, got)
		}
		if c.Millis == nil {
			if got[0] < 375*time.Millisecond || got[0] > 500*time.Millisecond {
				t.Errorf("%v: waited %v, want the first backoff (375-500ms)", c.Headers, got[0])
			}
			continue
		}
		want := time.Duration(*c.Millis * float64(time.Millisecond))
		_, dated := c.Headers["retry-after"]
		if dated && want > 0 && len(c.Headers["retry-after"]) > 20 {
			if got[0] > want || got[0] <= want-time.Second {
				t.Errorf("%v: waited %v, want (%v-1s, %v]", c.Headers, got[0], want, want)
			}
		} else if got[0] != want {
			t.Errorf("%v: waited %v, want %v", c.Headers, got[0], want)
		}
	}
}

// A TLS handshake that fails happens before any byte of the request is written: not sent,
// so retried even for a create (the transport's write trace says so).
func TestFailedTLSHandshakeCountsAsNotSent(t *testing.T) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	var accepted atomic.Int32
	go func() {
		for {
			connection, err := listener.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			connection.Close() // no TLS: the handshake fails
		}
	}()
	waits := &sleeps{}
	_, err = newClient(t, "https://"+listener.Addr().String(), waits).Call.CreatePhoneCall(context.Background(), validParams())
	var connection *retell.APIConnectionError
	if !errors.As(err, &connection) {
		t.Fatalf("err = %v", err)
	}
	if got := accepted.Load(); got != 3 || len(waits.recorded()) != 2 {
		t.Fatalf("%d connections, waits %v: want 1 + 2 retries", got, waits.recorded())
	}
}

// With a transport that reports no writes (not Go's own), only a failed dial counts as not
// sent: any other error may have placed the call.
func TestOtherTransportsCountOnlyADialAsNotSent(t *testing.T) {
	for _, c := range []struct {
		name     string
		err      error
		attempts int
	}{
		{"dial error", &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("refused")}, 3},
		{"DNS error", &net.DNSError{Err: "no such host", Name: "api.invalid"}, 3},
		{"other error", errors.New("stream reset"), 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			failing := &failingTransport{err: c.err}
			waits := &sleeps{}
			_, err := newClient(t, "http://api.invalid", waits, retell.WithHTTPClient(&http.Client{Transport: failing})).
				Call.CreatePhoneCall(context.Background(), validParams())
			if !errors.Is(err, c.err) {
				t.Fatalf("err = %v, want it to wrap %v", err, c.err)
			}
			if failing.calls.Load() != int32(c.attempts) {
				t.Fatalf("%d attempts, want %d", failing.calls.Load(), c.attempts)
			}
		})
	}
}

type failingTransport struct {
	err   error
	calls atomic.Int32
}

func (f *failingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	f.calls.Add(1)
	return nil, f.err
}
