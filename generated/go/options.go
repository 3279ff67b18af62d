// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ClientOption configures a [Client]; pass it to [NewClient].
type ClientOption interface {
	applyClient(config *clientConfig)
}

// RequestOption configures one call; pass it to a method after its params.
type RequestOption interface {
	applyRequest(config *requestConfig)
}

// Option is an option for both: given to [NewClient] it is the default of every call, given
// to a method it applies to that call.
type Option interface {
	ClientOption
	RequestOption
}

// clientConfig is what the client options say, before NewClient checks it.
type clientConfig struct {
	apiKey           *string // nil: from the environment
	baseURL          string  // "": from the environment, else the spec's server
	httpClient       *http.Client
	sleep            func(context.Context, time.Duration) error
	maxResponseBytes int64
	problem          error
	request          requestConfig
}

// requestConfig is what applies to one call: the client's defaults, then the call's options.
type requestConfig struct {
	timeout        time.Duration
	maxRetries     int
	strict         bool
	retryUnsafe    bool
	header         http.Header
	query          url.Values
	body           map[string]any
	idempotencyKey string
	problem        error // the first option that cannot be used
}

// with is a copy of the defaults with the options applied (the maps are copied first, so a
// call never changes the client's defaults).
func (r requestConfig) with(opts []RequestOption) requestConfig {
	if len(opts) == 0 {
		return r
	}
	r.header, r.query, r.body = r.header.Clone(), cloneValues(r.query), maps.Clone(r.body)
	for _, opt := range opts {
		if opt != nil {
			opt.applyRequest(&r)
		}
	}
	return r
}

func cloneValues(values url.Values) url.Values {
	if values == nil {
		return nil
	}
	return url.Values(http.Header(values).Clone())
}

func (r *requestConfig) refuse(source, problem string) {
	if r.problem == nil {
		r.problem = &ConfigError{Source: source, Problem: problem}
	}
}

type clientOption func(*clientConfig)

func (f clientOption) applyClient(config *clientConfig) {
	f(config)
}

type requestOption func(*requestConfig)

func (f requestOption) applyRequest(config *requestConfig) {
	f(config)
}

// sharedOption sets a default of every call on a client, or applies to one call.
type sharedOption func(*requestConfig)

func (f sharedOption) applyClient(config *clientConfig) {
	f(&config.request)
}

func (f sharedOption) applyRequest(config *requestConfig) {
	f(config)
}

// WithAPIKey sets the API key (default: the RETELL_API_KEY environment variable). A key
// that cannot be a header value (whitespace, control or non-ASCII characters) is refused.
func WithAPIKey(key string) ClientOption {
	return clientOption(func(config *clientConfig) {
		config.apiKey = &key
	})
}

// WithBaseURL sets the server (default: the RETELL_BASE_URL environment variable, else
// https://api.retellai.com). A URL with user info (user:password@) is refused.
func WithBaseURL(baseURL string) ClientOption {
	return clientOption(func(config *clientConfig) {
		config.baseURL = baseURL
	})
}

// WithHTTPClient sends the calls through client (its transport, proxy, TLS settings). The
// client still never follows a redirect, and its per-attempt deadline still applies.
func WithHTTPClient(client *http.Client) ClientOption {
	return clientOption(func(config *clientConfig) {
		if client == nil {
			config.request.refuse("WithHTTPClient", "is nil")
		}
		config.httpClient = client
	})
}

// WithMaxResponseBytes caps the size of an answer's body (default 16777216 bytes); a
// larger one is an [*APIResponseTooLargeError] and is not read further.
func WithMaxResponseBytes(limit int64) ClientOption {
	return clientOption(func(config *clientConfig) {
		if limit <= 0 {
			config.request.refuse("WithMaxResponseBytes", "must be positive, not "+strconv.FormatInt(limit, 10))
		}
		config.maxResponseBytes = limit
	})
}

// WithSleep replaces how the client waits before a retry (by default a timer that ends early
// when the context does). Tests use it to observe the waits without waiting.
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) ClientOption {
	return clientOption(func(config *clientConfig) {
		if sleep == nil {
			config.request.refuse("WithSleep", "is nil")
		}
		config.sleep = sleep
	})
}

// WithRequestTimeout sets the deadline of each attempt (default 60s), covering
// connecting, sending and reading the whole answer.
func WithRequestTimeout(timeout time.Duration) Option {
	return sharedOption(func(config *requestConfig) {
		if timeout <= 0 {
			config.refuse("WithRequestTimeout", "must be positive, not "+timeout.String())
		}
		config.timeout = timeout
	})
}

// WithMaxRetries sets how many times a call may be retried (default 2) under the retry
// policy; 0 sends it once.
func WithMaxRetries(retries int) Option {
	return sharedOption(func(config *requestConfig) {
		if retries < 0 {
			config.refuse("WithMaxRetries", "must not be negative, not "+strconv.Itoa(retries))
		}
		config.maxRetries = retries
	})
}

// WithStrictResponseValidation(true) checks every 2xx answer against the spec and returns an
// [*APIResponseValidationError] for one that breaks a rule. By default answers are read
// leniently: an enum value the spec does not list and fields it does not name are kept.
func WithStrictResponseValidation(strict bool) Option {
	return sharedOption(func(config *requestConfig) {
		config.strict = strict
	})
}

// WithRetryUnsafe(true) also retries, for operations that are not idempotent (creating a
// call), the failures after which the request may have reached the server: 408, 409, 5xx,
// and a timeout or dropped connection. Each such retry may place a second, paid call.
func WithRetryUnsafe(unsafe bool) Option {
	return sharedOption(func(config *requestConfig) {
		config.retryUnsafe = unsafe
	})
}

// WithExtraHeader sends a header (replacing one of the same name the client would send).
func WithExtraHeader(name, value string) Option {
	return sharedOption(func(config *requestConfig) {
		source := "WithExtraHeader(" + strconv.Quote(name) + ")"
		if !validHeaderName(name) {
			config.refuse(source, "is not a valid header name")
			return
		}
		if !validHeaderValue(value) {
			config.refuse(source, "the value holds a control character (a newline?); it is not shown")
			return
		}
		if config.header == nil {
			config.header = make(http.Header)
		}
		config.header.Set(name, value)
	})
}

// WithExtraQuery adds a query parameter to the URL.
func WithExtraQuery(name, value string) Option {
	return sharedOption(func(config *requestConfig) {
		if config.query == nil {
			config.query = make(url.Values)
		}
		config.query.Add(name, value)
	})
}

// WithExtraBody merges fields into the JSON body (replacing params of the same name), for a
// field the spec does not name yet. The merged body is validated like any other.
func WithExtraBody(fields map[string]any) RequestOption {
	return requestOption(func(config *requestConfig) {
		if config.body == nil {
			config.body = make(map[string]any, len(fields))
		}
		maps.Copy(config.body, fields)
	})
}

// validHeaderName reports whether name is an HTTP token.
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for index := 0; index < len(name); index++ {
		char := name[index]
		if char <= ' ' || char >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, char) >= 0 {
			return false
		}
	}
	return true
}

// validHeaderValue reports whether value holds no control character but tab.
func validHeaderValue(value string) bool {
	for index := 0; index < len(value); index++ {
		if char := value[index]; (char < ' ' && char != '\t') || char == 0x7f {
			return false
		}
	}
	return true
}
