// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"math"
	mathrand "math/rand/v2"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The retry policy, the same in every generated client (README.md has the table):
//
//   - a connection that failed before the request was sent (refused, DNS, connect timeout)
//     and 429 Too Many Requests are retried for every operation;
//   - 408, 409, 5xx, and a timeout or dropped connection after the request was sent, only for
//     an operation the spec marks idempotent, or with WithRetryUnsafe(true): a create call
//     that may have reached the server is never sent twice by default (a second paid call);
//   - other statuses, validation errors and too-large answers are never retried.
const (
	initialBackoff = 500 * time.Millisecond
	maxBackoff     = 8 * time.Second
	maxRetryAfter  = 60 * time.Second
)

// retryable reports whether an attempt that ended so may be made again; mayRepeat: the
// operation may reach the server twice (it is idempotent, or the caller allows it).
func (r *attemptResult) retryable(mayRepeat bool) bool {
	switch {
	case r.tooLarge:
		return false
	case r.err != nil:
		return !r.sent || mayRepeat
	case r.status == http.StatusTooManyRequests:
		return true
	case r.status == http.StatusRequestTimeout || r.status == http.StatusConflict || r.status >= 500:
		return mayRepeat
	}
	return false
}

// wait is how long to wait before retry number retries+1: what the answer asked for, else
// exponential backoff with jitter.
func (c *clientCore) wait(result *attemptResult, retries int) time.Duration {
	if result.header != nil {
		if wait, ok := retryAfter(result.header, time.Now()); ok {
			return wait
		}
	}
	return backoff(retries)
}

// backoff doubles from initialBackoff up to maxBackoff, minus up to 25 % jitter.
func backoff(retries int) time.Duration {
	delay := float64(maxBackoff)
	if retries < 16 {
		delay = math.Min(float64(initialBackoff)*math.Pow(2, float64(retries)), delay)
	}
	return time.Duration(delay * (1 - 0.25*mathrand.Float64()))
}

var (
	retryAfterDecimal = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)?$`)
	retryAfterDate    = regexp.MustCompile(`^[A-Za-z]{3}, [0-9]{2} [A-Za-z]{3} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$`)
)

// retryAfter is the wait an answer asks for, the rule every generated client follows: the
// first of `retry-after-ms` (milliseconds) and `Retry-After` (seconds, or an HTTP date, a
// date in the past meaning now) that parses, as an unsigned decimal number; a negative,
// malformed or empty value is ignored, and a wait beyond maxRetryAfter is not honoured
// (false: back off instead).
func retryAfter(header http.Header, now time.Time) (time.Duration, bool) {
	millis := strings.TrimSpace(header.Get("Retry-After-Ms"))
	value := strings.TrimSpace(header.Get("Retry-After"))
	var seconds float64
	switch {
	case retryAfterDecimal.MatchString(millis):
		parsed, _ := strconv.ParseFloat(millis, 64)
		seconds = parsed / 1000
	case retryAfterDecimal.MatchString(value):
		seconds, _ = strconv.ParseFloat(value, 64)
	case retryAfterDate.MatchString(value):
		date, err := time.Parse(http.TimeFormat, value)
		if err != nil {
			return 0, false
		}
		seconds = math.Max(date.Sub(now).Seconds(), 0)
	default:
		return 0, false
	}
	if seconds > maxRetryAfter.Seconds() {
		return 0, false
	}
	return time.Duration(math.Round(seconds * float64(time.Second))), true
}

// sleepContext waits d, or until ctx ends.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// newIdempotencyKey is a random key for the operations that declare an idempotency header.
func newIdempotencyKey() string {
	var random [16]byte
	_, _ = rand.Read(random[:])
	return "retell-go-" + hex.EncodeToString(random[:])
}
