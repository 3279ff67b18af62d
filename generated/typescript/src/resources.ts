// generated from spec/openapi.yaml by `make generate`; do not edit
/** The API's resources: one class per resource, one method per operation of the spec. */

import type { Operation, RequestOptions, Send } from "./core.js";
import type { CreatePhoneCallRequest, CreatePhoneCallV1Request, PhoneCallResponse, RegisterCallResponse } from "./models.js";

const warned = new Set<string>();

/** A DeprecationWarning once per process and method, where the runtime has `process.emitWarning`. */
function warnDeprecated(method: string, reason: string): void {
  if (warned.has(method)) return;
  warned.add(method);
  const runtime = (globalThis as { process?: { emitWarning?: (message: string, type: string) => void } }).process;
  runtime?.emitWarning?.(`${method}() is deprecated: ${reason}`, "DeprecationWarning");
}

const CREATE_PHONE_CALL: Operation = {
  name: "call.createPhoneCall",
  method: "POST",
  path: "/v2/create-phone-call",
  idempotent: false,
  idempotencyHeader: undefined,
  requestSchema: "CreatePhoneCallRequest",
  response: { schema: "createPhoneCall:201", kind: "object" },
};

const CREATE_PHONE_CALL_V1: Operation = {
  name: "call.createPhoneCallV1",
  method: "POST",
  path: "/create-phone-call",
  idempotent: false,
  idempotencyHeader: undefined,
  requestSchema: "CreatePhoneCallV1Request",
  response: { schema: "RegisterCallResponse", kind: "object" },
};

/** `client.call`: `createPhoneCall()`, `createPhoneCallV1()`. */
export class CallResource {
  readonly #send: Send;

  /** Made by the client, which passes its request loop. */
  constructor(send: Send) {
    this.#send = send;
  }

  /**
   * Create a new outbound phone call
   *
   * `POST /v2/create-phone-call`, answering 201.
   *
   * Throws a `ValidationError` (nothing sent) when the body breaks a rule of the spec; an
   * `APIStatusError` subclass for a non-2xx answer (documented: 400, 401, 402, 413, 415, 422,
   * 429, 500); `APIConnectionError` or `APITimeoutError` when no answer arrives;
   * `APIResponseValidationError` when a success body is not JSON (or, in strict mode, breaks the
   * spec); `APIResponseTooLargeError` beyond `maxResponseBytes`.
   */
  createPhoneCall(params: CreatePhoneCallRequest, options?: RequestOptions): Promise<PhoneCallResponse> {
    return this.#send(CREATE_PHONE_CALL, params, options) as Promise<PhoneCallResponse>;
  }

  /**
   * Create a new phone call (deprecated)
   *
   * `POST /create-phone-call`, answering 201.
   *
   * Throws a `ValidationError` (nothing sent) when the body breaks a rule of the spec; an
   * `APIStatusError` subclass for a non-2xx answer (documented: 400, 401, 413, 415, 422, 429,
   * 500); `APIConnectionError` or `APITimeoutError` when no answer arrives;
   * `APIResponseValidationError` when a success body is not JSON (or, in strict mode, breaks the
   * spec); `APIResponseTooLargeError` beyond `maxResponseBytes`.
   *
   * @deprecated Deprecated by the vendor in favour of `POST /v2/create-phone-call`.
   */
  createPhoneCallV1(params: CreatePhoneCallV1Request, options?: RequestOptions): Promise<RegisterCallResponse> {
    warnDeprecated("call.createPhoneCallV1", "Deprecated by the vendor in favour of \u0060POST /v2/create-phone-call\u0060.");
    return this.#send(CREATE_PHONE_CALL_V1, params, options) as Promise<RegisterCallResponse>;
  }
}
