// generated from spec/openapi.yaml by `make generate`; do not edit
/** `RetellClient`: one method per operation of the spec. */

import { APIClientCore, warnDeprecated, type ClientOptions, type Operation, type RequestOptions } from "./core.js";
import type { CreatePhoneCallRequest, CreatePhoneCallV1Request, PhoneCallResponse, RegisterCallResponse } from "./models.js";
import { SCHEMAS } from "./schemas.js";

const CREATE_PHONE_CALL: Operation = {
  method: "POST",
  path: "/v2/create-phone-call",
  requestSchema: { kind: "ref", name: "CreatePhoneCallRequest" },
  responseSchema: { kind: "ref", name: "PhoneCallResponse" },
};

const CREATE_PHONE_CALL_V1: Operation = {
  method: "POST",
  path: "/create-phone-call",
  requestSchema: { kind: "ref", name: "CreatePhoneCallV1Request" },
  responseSchema: { kind: "ref", name: "RegisterCallResponse" },
};

/**
 * The client of Retell AI - Create Phone Call (spec version 2.0.0).
 *
 * Options default to the environment: `apiKey` to `RETELL_API_KEY`, `baseURL` to
 * `RETELL_BASE_URL`, then to {@link DEFAULT_BASE_URL}. The API key is kept in a
 * private field: `JSON.stringify`, `util.inspect` and error messages never show it.
 */
export class RetellClient extends APIClientCore {
  constructor(options: ClientOptions = {}) {
    super(options, SCHEMAS);
  }

  /**
   * Create a new outbound phone call
   *
   * `POST /v2/create-phone-call`, answering 201.
   *
   * Throws `ValidationError` before sending when the body breaks a rule of the spec; an `APIStatusError` subclass for an error status (documented: 400, 401, 402, 422, 429, 500); `APIConnectionError` or `APITimeoutError` when no response arrives; `APIResponseValidationError` when the response breaks the spec.
   */
  async createPhoneCall(body: CreatePhoneCallRequest, options?: RequestOptions): Promise<PhoneCallResponse> {
    return (await this.request(CREATE_PHONE_CALL, body, options)) as PhoneCallResponse;
  }

  /**
   * Create a new phone call (deprecated)
   *
   * `POST /create-phone-call`, answering 201.
   *
   * Throws `ValidationError` before sending when the body breaks a rule of the spec; an `APIStatusError` subclass for an error status (documented: 400, 401, 422, 429, 500); `APIConnectionError` or `APITimeoutError` when no response arrives; `APIResponseValidationError` when the response breaks the spec.
   *
   * @deprecated Deprecated by the vendor in favour of `POST /v2/create-phone-call`.
   */
  async createPhoneCallV1(body: CreatePhoneCallV1Request, options?: RequestOptions): Promise<RegisterCallResponse> {
    warnDeprecated("createPhoneCallV1", "Deprecated by the vendor in favour of `POST /v2/create-phone-call`.");
    return (await this.request(CREATE_PHONE_CALL_V1, body, options)) as RegisterCallResponse;
  }
}
