// generated from spec/openapi.yaml by `make generate`; do not edit
/** The public API of the package. */

export { Retell, Retell as default } from "./client.js";
export {
  API_KEY_ENV,
  BASE_URL_ENV,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ClientOptions,
  type IdempotentRequestOptions,
  type RequestOptions,
  type Sleep,
} from "./core.js";
export {
  APIConnectionError,
  APIError,
  APIResponseTooLargeError,
  APIResponseValidationError,
  APIStatusError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  RetellError,
  UnprocessableEntityError,
  ValidationError,
} from "./errors.js";
export type { Fetch } from "./http.js";
export {
  AudioEncodingValues,
  AudioWebsocketProtocolValues,
  CallStatusValues,
  CallTypeValues,
  DirectionValues,
  DisconnectionReasonValues,
} from "./models.js";
export type {
  AudioEncoding,
  AudioWebsocketProtocol,
  CallStatus,
  CallType,
  CreatePhoneCallRequest,
  CreatePhoneCallV1Request,
  Direction,
  DisconnectionReason,
  ErrorResponse,
  OpenEnum,
  PhoneCallResponse,
  RegisterCallResponse,
} from "./models.js";
export { CallResource } from "./resources.js";
export { SCHEMAS } from "./schemas.js";
export { Validator, type JsonValue, type SchemaDocument, type SchemaNode, type Violation } from "./validation.js";
