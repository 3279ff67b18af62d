// generated from spec/openapi.yaml by `make generate`; do not edit
/** The public API of the package. */

export { RetellClient } from "./client.js";
export {
  API_KEY_ENV,
  BASE_URL_ENV,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ClientOptions,
  type Fetch,
  type RequestOptions,
} from "./core.js";
export {
  APIConnectionError,
  APIError,
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
  UnprocessableEntityError,
  ValidationError,
} from "./errors.js";
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
  Error,
  PhoneCallResponse,
  RegisterCallResponse,
} from "./models.js";
export { SCHEMAS } from "./schemas.js";
export { check, type Shape, type Violation } from "./validation.js";
