// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Version is the version of the spec this package was generated from.
const Version = "2.0.0"

const (
	apiKeyEnv               = "RETELL_API_KEY"
	baseURLEnv              = "RETELL_BASE_URL"
	defaultBaseURL          = "https://api.retellai.com"
	authHeader              = "Authorization"
	userAgent               = "retell-client-go/" + Version
	errorMessageField       = "error_message"
	defaultTimeout          = 60 * time.Second
	connectTimeout          = 5 * time.Second
	defaultMaxRetries       = 2
	defaultMaxResponseBytes = 16777216
)

// Client is a client of Retell AI - Create Phone Call. Make one with [NewClient]; it is safe for
// concurrent use. Printing it (%v, %+v, %#v) never shows the API key.
type Client struct {
	// Call holds the operations tagged call.
	Call *CallService

	core *clientCore
}

// clientCore is what every call of a client shares. The key, and the headers that carry it,
// are held in a *secret: fmt does not follow a pointer inside a struct, and a secret prints
// as [REDACTED] (fmt does print a pointer it is given with a wrong verb, hence Format on
// Client and the services).
type clientCore struct {
	key              *secret
	baseURL          string
	http             *http.Client
	traced           bool // the transport reports writes (*http.Transport)
	sleep            func(context.Context, time.Duration) error
	maxResponseBytes int64
	validator        *Validator
	request          requestConfig
}

// NewClient makes a client. The API key comes from [WithAPIKey], else the RETELL_API_KEY
// environment variable; the server from [WithBaseURL], else RETELL_BASE_URL, else
// https://api.retellai.com. An option or variable it cannot use is a [*ConfigError] that
// names it (and never shows the key).
func NewClient(opts ...ClientOption) (*Client, error) {
	config := clientConfig{
		maxResponseBytes: defaultMaxResponseBytes,
		request:          requestConfig{timeout: defaultTimeout, maxRetries: defaultMaxRetries},
	}
	for _, opt := range opts {
		if opt != nil {
			opt.applyClient(&config)
		}
	}
	if config.request.problem != nil {
		return nil, config.request.problem
	}
	key, err := resolveAPIKey(config.apiKey)
	if err != nil {
		return nil, err
	}
	baseURL, err := resolveBaseURL(config.baseURL)
	if err != nil {
		return nil, err
	}
	validator, err := schemaValidator()
	if err != nil {
		return nil, err
	}
	httpClient, traced := noRedirects(config.httpClient)
	core := &clientCore{
		key:              key,
		baseURL:          baseURL,
		http:             httpClient,
		traced:           traced,
		sleep:            config.sleep,
		maxResponseBytes: config.maxResponseBytes,
		validator:        validator,
		request:          config.request,
	}
	if core.sleep == nil {
		core.sleep = sleepContext
	}
	return &Client{
		Call: &CallService{core: core},
		core: core,
	}, nil
}

// Format prints the client without its API key, for every verb.
func (c Client) Format(state fmt.State, verb rune) {
	baseURL := ""
	if c.core != nil {
		baseURL = c.core.baseURL
	}
	fmt.Fprintf(state, "retell.Client{BaseURL: %q, APIKey: %s}", baseURL, redacted)
}

// headerSafe reports whether value can be a header value as it is: visible ASCII only.
func headerSafe(value string) bool {
	for index := 0; index < len(value); index++ {
		if value[index] < 0x21 || value[index] > 0x7e {
			return false
		}
	}
	return value != ""
}

func resolveAPIKey(option *string) (*secret, error) {
	source, key := apiKeyEnv, os.Getenv(apiKeyEnv)
	if option != nil {
		source, key = "WithAPIKey", *option
	}
	switch {
	case key == "" && option == nil:
		return nil, &ConfigError{Source: source, Problem: "is not set: set it or pass retell.WithAPIKey(key)"}
	case key == "":
		return nil, &ConfigError{Source: source, Problem: "is empty"}
	case headerSafe(key):
		return newSecret(key), nil
	case key != strings.TrimSpace(key):
		return nil, &ConfigError{Source: source, Problem: "has leading or trailing whitespace (a newline read from a file?): strip it (the key is not shown)"}
	}
	return nil, &ConfigError{Source: source, Problem: "may hold only visible ASCII characters (no whitespace, control or non-ASCII characters; the key is not shown)"}
}

func resolveBaseURL(option string) (string, error) {
	source, raw := "WithBaseURL", option
	if raw == "" {
		source, raw = baseURLEnv, os.Getenv(baseURLEnv)
	}
	if raw == "" {
		source, raw = "the spec's server", defaultBaseURL
	}
	parsed, err := url.Parse(raw)
	switch {
	case err != nil:
		return "", &ConfigError{Source: source, Problem: "is not a URL"}
	case parsed.User != nil:
		return "", &ConfigError{Source: source, Problem: "must not hold user info (user:password@); pass the key with retell.WithAPIKey"}
	case parsed.Scheme != "http" && parsed.Scheme != "https" || parsed.Host == "":
		return "", &ConfigError{Source: source, Problem: "must be an absolute http or https URL, not " + strconv.Quote(parsed.Redacted())}
	case parsed.RawQuery != "" || parsed.ForceQuery || parsed.Fragment != "":
		return "", &ConfigError{Source: source, Problem: "must not have a query or a fragment"}
	}
	return strings.TrimRight(raw, "/"), nil
}

// noRedirects is the client's HTTP client: a copy of the caller's (or the default one) that
// never follows a redirect, so a POST is never sent again, and the key never to another
// origin. traced: the transport reports when a request was written.
func noRedirects(caller *http.Client) (*http.Client, bool) {
	client := &http.Client{Transport: defaultTransport()}
	if caller != nil {
		copied := *caller
		client = &copied
	}
	client.CheckRedirect = func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}
	switch client.Transport.(type) {
	case nil, *http.Transport:
		return client, true
	}
	return client, false
}

// defaultTransport is shared by the clients made without WithHTTPClient: the settings of
// Go's default transport, with the connect timeout of the other clients.
var defaultTransport = sync.OnceValue(func() http.RoundTripper {
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   connectTimeout,
		ExpectContinueTimeout: time.Second,
	}
})
