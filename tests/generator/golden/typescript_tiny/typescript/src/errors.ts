// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * Errors thrown by the client.
 *
 * ```
 * RetellError                          every error of this package (a misuse of the client, too)
 * ├── ValidationError                  a request broke a rule of the spec: nothing was sent
 * └── APIError                         about a call to the API: `message`, `body`
 *     ├── APIStatusError               a non-2xx answer: `status`, `headers`, `body`
 *     │   ├── BadRequestError          400
 *     │   ├── AuthenticationError      401
 *     │   ├── PaymentRequiredError     402
 *     │   ├── PermissionDeniedError    403
 *     │   ├── NotFoundError            404
 *     │   ├── ConflictError            409
 *     │   ├── UnprocessableEntityError 422
 *     │   ├── RateLimitError           429
 *     │   └── InternalServerError      >= 500
 *     ├── APIConnectionError           no answer (refused, DNS, reset, aborted)
 *     │   └── APITimeoutError          no answer within `timeout`
 *     ├── APIResponseValidationError   a 2xx body that is not JSON or breaks the spec
 *     └── APIResponseTooLargeError     an answer larger than `maxResponseBytes`
 * ```
 *
 * Text that came from the server (bodies, headers, reason phrases) has the API key removed
 * before it reaches an error; no error shows the key.
 */

import type { Violation } from "./validation.js";

/** The root of every error the package throws. */
export class RetellError extends Error {
  override readonly name: string = "RetellError";
}

/**
 * A request broke a rule: of the spec (`keyword` is the JSON Schema keyword, `rule` the spec's
 * `x-rule` name or the keyword), or of JSON (`rule` "json": a value `JSON.stringify` would change
 * or drop), or a request option that cannot be sent. Nothing was sent.
 */
export class ValidationError extends RetellError {
  override readonly name: string = "ValidationError";
  /** Dotted path of the field ("" for the body itself), e.g. "to_number" or "metadata.when". */
  readonly field: string;
  readonly rule: string;
  readonly keyword: string;
  /** Every violation found, the first one (the one this error names) first. */
  readonly violations: readonly Violation[];

  constructor(violations: readonly [Violation, ...Violation[]]) {
    const [first] = violations;
    super(`${first.field === "" ? "body" : first.field}: ${first.message} (rule: ${first.rule})`);
    this.field = first.field;
    this.rule = first.rule;
    this.keyword = first.keyword;
    this.violations = violations;
  }
}

export interface APIErrorInit {
  readonly status?: number | undefined;
  readonly headers?: Headers | undefined;
  readonly body?: unknown;
  readonly cause?: unknown;
}

/** Something went wrong with a call to the API. */
export class APIError extends RetellError {
  override readonly name: string = "APIError";
  /** The HTTP status, or `undefined` when no answer arrived. */
  readonly status: number | undefined;
  /** The answer's headers (the key removed from their values), when an answer arrived. */
  readonly headers: Headers | undefined;
  /** The answer's body: parsed JSON, its text when it is not JSON, or `undefined`. */
  readonly body: unknown;

  constructor(message: string, init: APIErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
  }
}

export interface APIStatusErrorInit extends APIErrorInit {
  readonly status: number;
  readonly headers: Headers;
}

/** The server answered with a status outside 2xx (a redirect, too: redirects are not followed). */
export class APIStatusError extends APIError {
  override readonly name: string = "APIStatusError";
  declare readonly status: number;
  declare readonly headers: Headers;

  constructor(message: string, init: APIStatusErrorInit) {
    super(message, init);
  }
}

/**
 * 400: Bad request *\/ with a "quote".
 */
export class BadRequestError extends APIStatusError {
  override readonly name: string = "BadRequestError";
}

/**
 * 401: the server answered with this status.
 */
export class AuthenticationError extends APIStatusError {
  override readonly name: string = "AuthenticationError";
}

/**
 * 402: the server answered with this status.
 */
export class PaymentRequiredError extends APIStatusError {
  override readonly name: string = "PaymentRequiredError";
}

/**
 * 403: the server answered with this status.
 */
export class PermissionDeniedError extends APIStatusError {
  override readonly name: string = "PermissionDeniedError";
}

/**
 * 404: the server answered with this status.
 */
export class NotFoundError extends APIStatusError {
  override readonly name: string = "NotFoundError";
}

/**
 * 409: the server answered with this status.
 */
export class ConflictError extends APIStatusError {
  override readonly name: string = "ConflictError";
}

/**
 * 422: the server answered with this status.
 */
export class UnprocessableEntityError extends APIStatusError {
  override readonly name: string = "UnprocessableEntityError";
}

/**
 * 429: Slow down.
 */
export class RateLimitError extends APIStatusError {
  override readonly name: string = "RateLimitError";
}

/**
 * 500 and above: the server answered with this status.
 */
export class InternalServerError extends APIStatusError {
  override readonly name: string = "InternalServerError";
}

/** No answer arrived: the connection failed, dropped, or the call was aborted. */
export class APIConnectionError extends APIError {
  override readonly name: string = "APIConnectionError";

  constructor(message = "Connection error.", init: APIErrorInit = {}) {
    super(message, init);
  }
}

/** No complete answer arrived within the timeout of an attempt (reading the body included). */
export class APITimeoutError extends APIConnectionError {
  override readonly name: string = "APITimeoutError";

  constructor(message = "Request timed out.", init: APIErrorInit = {}) {
    super(message, init);
  }
}

export interface APIResponseValidationErrorInit extends APIStatusErrorInit {
  readonly field: string;
  readonly rule: string;
  readonly keyword: string;
}

/** A 2xx answer whose body is not JSON, or (in strict mode) breaks a rule of the spec. */
export class APIResponseValidationError extends APIError {
  override readonly name: string = "APIResponseValidationError";
  declare readonly status: number;
  declare readonly headers: Headers;
  /** Dotted path of the offending field ("" for the body itself). */
  readonly field: string;
  readonly rule: string;
  readonly keyword: string;

  constructor(message: string, init: APIResponseValidationErrorInit) {
    super(message, init);
    this.field = init.field;
    this.rule = init.rule;
    this.keyword = init.keyword;
  }
}

/** An answer larger than `maxResponseBytes`: reading stopped at the limit and the connection was dropped. */
export class APIResponseTooLargeError extends APIError {
  override readonly name: string = "APIResponseTooLargeError";
  declare readonly status: number;
  declare readonly headers: Headers;
  /** The limit, in bytes. */
  readonly limit: number;

  constructor(message: string, init: APIStatusErrorInit & { readonly limit: number }) {
    super(message, init);
    this.limit = init.limit;
  }
}

type StatusErrorClass = new (message: string, init: APIStatusErrorInit) => APIStatusError;

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

/** The error class of a non-2xx status. */
export function errorClassForStatus(status: number): StatusErrorClass {
  if (status >= 500) return InternalServerError;
  return ERROR_BY_STATUS.get(status) ?? APIStatusError;
}
