// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import (
	"context"
	"fmt"
)

// CallService holds the operations tagged call: use it as client.Call.
type CallService struct {
	core *clientCore
}

// Format prints the service without its client's API key, for every verb.
func (s CallService) Format(state fmt.State, verb rune) {
	fmt.Fprint(state, "retell.CallService{}")
}

// CreatePhoneCall sends POST /v2/create-phone-call (operation createPhoneCall): Create a new
// outbound phone call.
//
// It returns a [*ValidationError], before sending anything, when the body breaks a rule of the
// spec; an [*APIError] for an error status (documented: 400, 401, 402, 413, 415, 422, 429, 500); an
// [*APIConnectionError] when no response arrives; an [*APIResponseValidationError] or
// [*APIResponseTooLargeError] when the answer cannot be used.
func (s *CallService) CreatePhoneCall(ctx context.Context, params CreatePhoneCallParams, opts ...RequestOption) (*PhoneCallResponse, error) {
	answer, err := s.core.send(ctx, &operationCreatePhoneCall, params, opts)
	if err != nil {
		return nil, err
	}
	return decodeResponse(s.core, answer, decodeModel[PhoneCallResponse])
}

// CreatePhoneCallParams is the body of CallService.CreatePhoneCall.
type CreatePhoneCallParams = CreatePhoneCallRequest

var operationCreatePhoneCall = operation{
	method:            "POST",
	path:              "/v2/create-phone-call",
	requestSchema:     "CreatePhoneCallRequest",
	successSchema:     "createPhoneCall:201",
	idempotent:        false,
	idempotencyHeader: "",
}

// CreatePhoneCallV1 sends POST /create-phone-call (operation createPhoneCallV1): Create a new phone
// call (deprecated).
//
// It returns a [*ValidationError], before sending anything, when the body breaks a rule of the
// spec; an [*APIError] for an error status (documented: 400, 401, 413, 415, 422, 429, 500); an
// [*APIConnectionError] when no response arrives; an [*APIResponseValidationError] or
// [*APIResponseTooLargeError] when the answer cannot be used.
//
// Deprecated: Deprecated by the vendor in favour of `POST /v2/create-phone-call`.
func (s *CallService) CreatePhoneCallV1(ctx context.Context, params CreatePhoneCallV1Params, opts ...RequestOption) (*RegisterCallResponse, error) {
	answer, err := s.core.send(ctx, &operationCreatePhoneCallV1, params, opts)
	if err != nil {
		return nil, err
	}
	return decodeResponse(s.core, answer, decodeModel[RegisterCallResponse])
}

// CreatePhoneCallV1Params is the body of CallService.CreatePhoneCallV1.
type CreatePhoneCallV1Params = CreatePhoneCallV1Request

var operationCreatePhoneCallV1 = operation{
	method:            "POST",
	path:              "/create-phone-call",
	requestSchema:     "CreatePhoneCallV1Request",
	successSchema:     "RegisterCallResponse",
	idempotent:        false,
	idempotencyHeader: "",
}
