// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * Errors thrown by the client.
 *
 * ```
 * Error
 * ├── ValidationError                 a request broke a rule of the spec (nothing was sent)
 * └── APIError
 *     ├── APIResponseValidationError  a 2xx response broke a rule of the spec
 *     ├── APIConnectionError          no response (DNS, refused, reset, aborted)
 *     │   └── APITimeoutError         no response within `timeout`
 *     └── APIStatusError              any non-2xx response
 *         ├── BadRequestError           400
 *         ├── AuthenticationError       401
 *         ├── PaymentRequiredError      402
 *         ├── PermissionDeniedError     403
 *         ├── NotFoundError             404
 *         ├── ConflictError             409
 *         ├── UnprocessableEntityError  422
 *         ├── RateLimitError            429
 *         └── InternalServerError       >= 500
 * ```
 *
 * Every `APIError` carries `status` (`undefined` when no response arrived), `message` and
 * `body` (the parsed JSON body, or its text when it is not JSON). The API key never appears in
 * any of them.
 */

/** A request broke a rule of the spec; it was not sent. `field` is a dotted path, `rule` the rule. */
export class ValidationError extends Error {
  override readonly name: string = "ValidationError";
  readonly field: string;
  readonly rule: string;

  constructor(field: string, rule: string, detail: string) {
    super(`${field === "" ? "body" : field}: ${detail} (rule: ${rule})`);
    this.field = field;
    this.rule = rule;
  }
}

export interface APIErrorInit {
  readonly status?: number | undefined;
  readonly body?: unknown;
  readonly headers?: Headers | undefined;
  readonly cause?: unknown;
}

/** The root of every error about a call to the API. */
export class APIError extends Error {
  override readonly name: string = "APIError";
  /** The HTTP status, or `undefined` when no response arrived. */
  readonly status: number | undefined;
  /** The response body: parsed JSON, the raw text when it is not JSON, or `undefined`. */
  readonly body: unknown;
  /** The response headers, when a response arrived. */
  readonly headers: Headers | undefined;

  constructor(message: string, init: APIErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
  }
}

/** A 2xx response whose body is not JSON or breaks a rule of the spec. */
export class APIResponseValidationError extends APIError {
  override readonly name: string = "APIResponseValidationError";
  /** The dotted path of the offending field ("" for the body itself). */
  readonly field: string;
  readonly rule: string;

  constructor(message: string, field: string, rule: string, init: APIErrorInit = {}) {
    super(message, init);
    this.field = field;
    this.rule = rule;
  }
}

/** No response arrived: the connection failed or the request was aborted. */
export class APIConnectionError extends APIError {
  override readonly name: string = "APIConnectionError";

  constructor(message = "Connection error.", init: APIErrorInit = {}) {
    super(message, init);
  }
}

/** No response arrived within the timeout. */
export class APITimeoutError extends APIConnectionError {
  override readonly name: string = "APITimeoutError";

  constructor(message = "Request timed out.", init: APIErrorInit = {}) {
    super(message, init);
  }
}

/** The server answered with a status outside 2xx. */
export class APIStatusError extends APIError {
  override readonly name: string = "APIStatusError";
  declare readonly status: number;
  declare readonly headers: Headers;

  constructor(message: string, init: APIErrorInit & { readonly status: number; readonly headers: Headers }) {
    super(message, init);
  }
}

/** 400: the body is not valid JSON or breaks a rule of the request schema. */
export class BadRequestError extends APIStatusError {
  override readonly name: string = "BadRequestError";
}

/** 401: the API key is missing or not valid. */
export class AuthenticationError extends APIStatusError {
  override readonly name: string = "AuthenticationError";
}

/** 402: the account has no credit left. */
export class PaymentRequiredError extends APIStatusError {
  override readonly name: string = "PaymentRequiredError";
}

/** 403: the API key may not do this. */
export class PermissionDeniedError extends APIStatusError {
  override readonly name: string = "PermissionDeniedError";
}

/** 404: no such resource. */
export class NotFoundError extends APIStatusError {
  override readonly name: string = "NotFoundError";
}

/** 409: the request conflicts with the state of the resource. */
export class ConflictError extends APIStatusError {
  override readonly name: string = "ConflictError";
}

/** 422: well formed, but it cannot be carried out. */
export class UnprocessableEntityError extends APIStatusError {
  override readonly name: string = "UnprocessableEntityError";
}

/** 429: too many requests. */
export class RateLimitError extends APIStatusError {
  override readonly name: string = "RateLimitError";
}

/** 500 and above: the server failed. */
export class InternalServerError extends APIStatusError {
  override readonly name: string = "InternalServerError";
}

type StatusErrorClass = new (
  message: string,
  init: APIErrorInit & { readonly status: number; readonly headers: Headers },
) => APIStatusError;

const ERROR_BY_STATUS: ReadonlyMap<number, StatusErrorClass> = new Map<number, StatusErrorClass>([
  [400, BadRequestError],
  [401, AuthenticationError],
  [402, PaymentRequiredError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
]);

/** The error class for a non-2xx status. */
export function errorClassForStatus(status: number): StatusErrorClass {
  return ERROR_BY_STATUS.get(status) ?? (status >= 500 ? InternalServerError : APIStatusError);
}
