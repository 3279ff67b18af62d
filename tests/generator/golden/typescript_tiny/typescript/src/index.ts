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
  ColorValues,
} from "./models.js";
export type {
  Color,
  Widget,
  WidgetRequest,
} from "./models.js";
export { SCHEMAS } from "./schemas.js";
export { check, type Shape, type Violation } from "./validation.js";
