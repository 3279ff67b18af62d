// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// operation is what the client needs to know to send one operation of the spec.
type operation struct {
	method            string
	path              string
	requestSchema     string // the $defs entry of the body ("" when it has none)
	successSchema     string // the $defs entry of the 2xx body ("" when it has none)
	idempotent        bool   // may be sent again after it may have reached the server
	idempotencyHeader string // the header that carries an idempotency key ("": none)
}

// response is a 2xx answer.
type response struct {
	status int
	body   []byte
}

// send validates and sends one call, retrying as the policy allows, and returns the 2xx
// answer (in strict mode, validated against the spec).
func (c *clientCore) send(ctx context.Context, op *operation, params any, opts []RequestOption) (*response, error) {
	if ctx == nil {
		return nil, &ConfigError{Source: "ctx", Problem: "is nil: pass context.Background() or a request's context"}
	}
	config := c.request.with(opts)
	if config.problem != nil {
		return nil, config.problem
	}
	body, err := c.encode(op, params, config.body)
	if err != nil {
		return nil, err
	}
	target := c.baseURL + op.path
	if len(config.query) > 0 {
		target += "?" + config.query.Encode()
	}
	header := c.header(op, &config, body != nil)
	mayRepeat := op.idempotent || config.retryUnsafe
	for retries := 0; ; retries++ {
		result := c.attempt(ctx, op, target, header, body, config.timeout)
		if result.succeeded() {
			return c.accept(op, &config, result)
		}
		if ctx.Err() != nil {
			return nil, canceled(ctx.Err())
		}
		if retries >= config.maxRetries || !result.retryable(mayRepeat) {
			return nil, c.failure(result, config.timeout)
		}
		if err := c.sleep(ctx, c.wait(result, retries)); err != nil {
			return nil, canceled(err)
		}
	}
}

// header is the header of every attempt of a call. Without per-call headers it is one the
// client made once, shared read-only: only when the transport is Go's own, which never
// changes a request's header, and no cookie jar adds to it.
func (c *clientCore) header(op *operation, config *requestConfig, hasBody bool) http.Header {
	shared := c.key.bodyHeader
	if !hasBody {
		shared = c.key.header
	}
	if len(config.header) == 0 && op.idempotencyHeader == "" && c.traced && c.http.Jar == nil {
		return shared
	}
	header := shared.Clone()
	if op.idempotencyHeader != "" {
		key := config.idempotencyKey
		if key == "" {
			key = newIdempotencyKey()
		}
		header.Set(op.idempotencyHeader, key) // the same on every attempt
	}
	for name, values := range config.header {
		header[name] = values
	}
	return header
}

// attemptResult is what one attempt ended with.
type attemptResult struct {
	status   int
	header   http.Header
	reason   string
	body     []byte
	err      error // no complete answer: the transport's error, or the body read's
	sent     bool  // the request may have reached the server
	timeout  bool
	tooLarge bool
}

func (r *attemptResult) succeeded() bool {
	return r.err == nil && !r.tooLarge && r.status >= 200 && r.status < 300
}

// attempt sends the request once; its deadline covers reading the whole answer.
func (c *clientCore) attempt(ctx context.Context, op *operation, target string, header http.Header, body []byte, timeout time.Duration) *attemptResult {
	attemptCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var wrote atomic.Bool
	trace := &httptrace.ClientTrace{WroteHeaders: func() { wrote.Store(true) }}
	var reader io.Reader
	if body != nil {
		reader = bytes.NewReader(body)
	}
	request, err := http.NewRequestWithContext(httptrace.WithClientTrace(attemptCtx, trace), op.method, target, reader)
	if err != nil {
		return &attemptResult{err: err}
	}
	request.Header = header
	if !c.traced || c.http.Jar != nil {
		request.Header = header.Clone() // a jar adds cookies to it; another transport may change it
	}
	answer, err := c.http.Do(request)
	if err != nil {
		return &attemptResult{err: err, sent: c.mightHaveSent(err, wrote.Load()), timeout: timedOut(attemptCtx, err)}
	}
	defer answer.Body.Close()
	result := &attemptResult{status: answer.StatusCode, header: answer.Header, reason: answer.Status, sent: true}
	result.body, result.tooLarge, err = readLimited(answer, c.maxResponseBytes)
	if err != nil {
		result.err, result.timeout = err, timedOut(attemptCtx, err)
	}
	return result
}

// mightHaveSent tells a request the server cannot have seen (the connection was never made,
// or no byte of it was written) from one it may have acted on. With a transport other than
// *http.Transport, which reports no writes, only a failed dial counts as not sent.
func (c *clientCore) mightHaveSent(err error, wrote bool) bool {
	var dial *net.OpError
	if errors.As(err, &dial) && (dial.Op == "dial" || dial.Op == "proxyconnect") {
		return false
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return false
	}
	return wrote || !c.traced
}

func timedOut(attemptCtx context.Context, err error) bool {
	var netErr net.Error
	return errors.Is(attemptCtx.Err(), context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout())
}

// readLimited reads a body of at most limit bytes; a larger one is not read further.
func readLimited(answer *http.Response, limit int64) ([]byte, bool, error) {
	if answer.ContentLength > limit {
		return nil, true, nil
	}
	size := int64(512)
	if answer.ContentLength >= 0 {
		size = answer.ContentLength + 1
	}
	data := make([]byte, 0, size)
	reader := io.LimitReader(answer.Body, limit+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := reader.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, err
		}
	}
	if int64(len(data)) > limit {
		return nil, true, nil
	}
	return data, false, nil
}

// accept returns a 2xx answer, first validating it in strict mode.
func (c *clientCore) accept(op *operation, config *requestConfig, result *attemptResult) (*response, error) {
	if config.strict && op.successSchema != "" {
		value, err := decodeValue(result.body)
		if err != nil {
			return nil, c.unusable(result.status, result.body, Violation{Rule: "json", Keyword: "json", Message: "is not JSON"})
		}
		first, err := c.validator.First(op.successSchema, value)
		if err != nil {
			return nil, err
		}
		if first != nil {
			return nil, c.unusable(result.status, result.body, *first)
		}
	}
	return &response{status: result.status, body: result.body}, nil
}

// decodeResponse decodes a 2xx body leniently into the method's result type.
func decodeResponse[T any](c *clientCore, answer *response, decode func(json.RawMessage, *T) bool) (*T, error) {
	var out T
	if decode(answer.body, &out) {
		return &out, nil
	}
	if !json.Valid(answer.body) {
		return nil, c.unusable(answer.status, answer.body, Violation{Rule: "json", Keyword: "json", Message: "is not JSON"})
	}
	message := fmt.Sprintf("does not decode into %T", out)
	return nil, c.unusable(answer.status, answer.body, Violation{Rule: "type", Keyword: "type", Message: message})
}

// decodeValueResponse is decodeResponse for a result that is not a model (an array, say).
func decodeValueResponse[T any](c *clientCore, answer *response, decode func(json.RawMessage, *T) bool) (T, error) {
	out, err := decodeResponse(c, answer, decode)
	if err != nil {
		var zero T
		return zero, err
	}
	return *out, nil
}

func (c *clientCore) unusable(status int, body []byte, found Violation) *APIResponseValidationError {
	return &APIResponseValidationError{
		StatusCode: status,
		Field:      found.Field,
		Rule:       found.Rule,
		Keyword:    found.Keyword,
		Message:    c.key.redact(found.Message),
		Body:       c.key.redactBytes(body),
	}
}

// failure is the error of the last attempt of a call.
func (c *clientCore) failure(result *attemptResult, timeout time.Duration) error {
	switch {
	case result.tooLarge:
		return &APIResponseTooLargeError{StatusCode: result.status, Limit: c.maxResponseBytes}
	case result.err != nil && result.timeout:
		message := fmt.Sprintf("retell: request timed out (%s per attempt): %s", timeout, c.key.redact(result.err.Error()))
		return &APIConnectionError{Message: message, Err: result.err, timeout: true}
	case result.err != nil:
		message := "retell: connection error: " + c.key.redact(result.err.Error())
		return &APIConnectionError{Message: message, Err: result.err}
	}
	body := c.key.redactBytes(result.body)
	message := c.key.redact(errorMessage(body))
	if message == "" {
		message = c.key.redact(strings.TrimSpace(strings.TrimPrefix(result.reason, strconv.Itoa(result.status))))
	}
	if message == "" {
		message = http.StatusText(result.status)
	}
	return &APIError{StatusCode: result.status, Header: c.key.redactHeader(result.header), Body: body, Message: message}
}

// errorMessage is the message of an error body ("" when it has none).
func errorMessage(body []byte) string {
	if errorMessageField == "" {
		return ""
	}
	var message string
	_ = eachMember(body, func(name []byte, value json.RawMessage) {
		if string(name) == errorMessageField {
			decodeString(value, &message)
		}
	})
	return message
}

// canceled is the error for a call whose context ended (or whose sleep failed).
func canceled(err error) *APIConnectionError {
	return &APIConnectionError{Message: "retell: request canceled: " + err.Error(), Err: err, timeout: errors.Is(err, context.DeadlineExceeded)}
}
