// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"errors"
	"fmt"
	"net/http"
)

// Every error a client returns implements [Error] (RetellError in the Python and TypeScript
// clients). The other classes of those clients map to Go as:
//
//   - ValidationError: [*ValidationError] (the body breaks a rule of the spec; nothing was sent)
//   - APIStatusError and its subclasses per status: [*APIError], with errors.Is(err, ErrRateLimit) and the other status kinds
//   - APIConnectionError: [*APIConnectionError]; APITimeoutError: the same with Timeout() true, errors.Is(err, ErrTimeout)
//   - APIResponseValidationError: [*APIResponseValidationError]
//   - APIResponseTooLargeError: [*APIResponseTooLargeError]
//
// A client option or environment variable that cannot be used is a [*ConfigError].

// Error is implemented by every error the client returns:
//
//	var failure retell.Error
//	if errors.As(err, &failure) {
//		// the client said no, not the network of the caller's own code
//	}
type Error interface {
	error
	retellError()
}

// ConfigError reports an option, argument or environment variable the client cannot use.
// It names where the value came from and never shows an API key.
type ConfigError struct {
	// Source is where the value came from, e.g. "WithAPIKey" or "RETELL_API_KEY".
	Source string
	// Problem says what is wrong with it.
	Problem string
}

func (e *ConfigError) Error() string {
	return "retell: " + e.Source + ": " + e.Problem
}

func (*ConfigError) retellError() {}

// ValidationError reports a request body that breaks a rule of the spec. Nothing was sent.
type ValidationError struct {
	// Field is the dotted path of the value ("" for the body itself).
	Field string
	// Rule is the spec's name for the rule (its x-rule), else the JSON Schema keyword; "json"
	// for a value that cannot be encoded as JSON (NaN, a channel, a cycle, ...).
	Rule string
	// Keyword is the JSON Schema keyword that failed ("json" for an encoding failure).
	Keyword string
	// Message says what the rule asks for.
	Message string
	// Violations holds every violation, the first of them the one above.
	Violations []Violation
}

func (e *ValidationError) Error() string {
	return "retell: invalid request: " + Violation{Field: e.Field, Rule: e.Rule, Keyword: e.Keyword, Message: e.Message}.String()
}

func (*ValidationError) retellError() {}

// APIError reports an answer with a status that is not 2xx (a redirect included: the client
// never follows one). errors.Is(err, ErrRateLimit) and the other status kinds tell the
// statuses apart. Text that came from the server has the API key redacted.
type APIError struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Header holds the answer's headers.
	Header http.Header
	// Body is the answer's body (at most the client's response size cap).
	Body []byte
	// Message is the error message of the body, else the status text.
	Message string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("retell: HTTP %d: %s", e.StatusCode, e.Message)
}

// Is reports whether target is the status kind of e (ErrRateLimit for a 429, ...).
func (e *APIError) Is(target error) bool {
	kind, ok := target.(*statusKind)
	return ok && kind.matches(e.StatusCode)
}

func (*APIError) retellError() {}

// statusKind is a class of statuses, matched by errors.Is against an [*APIError].
type statusKind struct {
	name   string
	status int // 500 stands for every status from 500 up
}

func (k *statusKind) Error() string {
	return "retell: " + k.name
}

func (k *statusKind) matches(status int) bool {
	if k.status == 500 {
		return status >= 500
	}
	return status == k.status
}

// The status kinds: errors.Is(err, ErrRateLimit) reports whether err is an [*APIError] of
// that status. Each is the Python and TypeScript class named in its comment.
var (
	// ErrBadRequest matches status 400 (BadRequestError).
	ErrBadRequest error = &statusKind{name: "bad request error", status: 400}

	// ErrAuthentication matches status 401 (AuthenticationError).
	ErrAuthentication error = &statusKind{name: "authentication error", status: 401}

	// ErrPaymentRequired matches status 402 (PaymentRequiredError).
	ErrPaymentRequired error = &statusKind{name: "payment required error", status: 402}

	// ErrPermissionDenied matches status 403 (PermissionDeniedError).
	ErrPermissionDenied error = &statusKind{name: "permission denied error", status: 403}

	// ErrNotFound matches status 404 (NotFoundError).
	ErrNotFound error = &statusKind{name: "not found error", status: 404}

	// ErrConflict matches status 409 (ConflictError).
	ErrConflict error = &statusKind{name: "conflict error", status: 409}

	// ErrUnprocessableEntity matches status 422 (UnprocessableEntityError).
	ErrUnprocessableEntity error = &statusKind{name: "unprocessable entity error", status: 422}

	// ErrRateLimit matches status 429 (RateLimitError).
	ErrRateLimit error = &statusKind{name: "rate limit error", status: 429}

	// ErrInternalServer matches statuses from 500 up (InternalServerError).
	ErrInternalServer error = &statusKind{name: "internal server error", status: 500}
)

// ErrTimeout matches an [*APIConnectionError] for a request that timed out
// (APITimeoutError in Python and TypeScript).
var ErrTimeout = errors.New("retell: request timed out")

// APIConnectionError reports a request that got no answer: the connection failed, dropped or
// timed out, or the context was canceled. Err is the cause.
type APIConnectionError struct {
	// Message says what happened, without the API key.
	Message string
	// Err is the cause: a context error, a *url.Error, ...
	Err     error
	timeout bool
}

func (e *APIConnectionError) Error() string {
	return e.Message
}

func (e *APIConnectionError) Unwrap() error {
	return e.Err
}

// Timeout reports whether the request timed out (APITimeoutError in Python and TypeScript).
func (e *APIConnectionError) Timeout() bool {
	return e.timeout
}

// Is reports whether target is ErrTimeout and the request timed out.
func (e *APIConnectionError) Is(target error) bool {
	return target == ErrTimeout && e.timeout
}

func (*APIConnectionError) retellError() {}

// APIResponseValidationError reports a 2xx answer the client cannot use: its body is not
// JSON (in every mode), does not decode into the result type, or, in strict mode, breaks a
// rule of the spec.
type APIResponseValidationError struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Field is the dotted path of the value ("" for the body itself).
	Field string
	// Rule is the spec's name for the broken rule, else the keyword ("json" for no JSON).
	Rule string
	// Keyword is the JSON Schema keyword that failed.
	Keyword string
	// Message says what the rule asks for.
	Message string
	// Body is the answer's body, with the API key redacted.
	Body []byte
}

func (e *APIResponseValidationError) Error() string {
	return fmt.Sprintf("retell: unusable answer (HTTP %d): %s", e.StatusCode, Violation{Field: e.Field, Rule: e.Rule, Keyword: e.Keyword, Message: e.Message})
}

func (*APIResponseValidationError) retellError() {}

// APIResponseTooLargeError reports an answer whose body is larger than the client's cap
// (see WithMaxResponseBytes). The client stopped reading it.
type APIResponseTooLargeError struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Limit is the cap, in bytes.
	Limit int64
}

func (e *APIResponseTooLargeError) Error() string {
	return fmt.Sprintf("retell: the answer (HTTP %d) is larger than %d bytes: not read further", e.StatusCode, e.Limit)
}

func (*APIResponseTooLargeError) retellError() {}
