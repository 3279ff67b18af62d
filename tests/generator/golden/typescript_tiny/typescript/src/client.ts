// generated from spec/openapi.yaml by `make generate`; do not edit
/** `RetellClient`: one method per operation of the spec. */

import { APIClientCore, warnDeprecated, type ClientOptions, type Operation, type RequestOptions } from "./core.js";
import type { Widget, WidgetRequest } from "./models.js";
import { SCHEMAS } from "./schemas.js";

const CREATE_WIDGET: Operation = {
  method: "POST",
  path: "/v1/widgets",
  requestSchema: { kind: "ref", name: "WidgetRequest" },
  responseSchema: { kind: "ref", name: "Widget" },
};

const PING: Operation = {
  method: "POST",
  path: "/v1/ping",
  requestSchema: undefined,
  responseSchema: undefined,
};

/**
 * The client of Tiny *\/ API "quoted" (spec version 0.0.1).
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
   * Make a widget *\/ alert("x") /*
   *
   * `POST /v1/widgets`, answering 200.
   *
   * Throws `ValidationError` before sending when the body breaks a rule of the spec; an `APIStatusError` subclass for an error status (documented: 400); `APIConnectionError` or `APITimeoutError` when no response arrives; `APIResponseValidationError` when the response breaks the spec.
   */
  async createWidget(body: WidgetRequest, options?: RequestOptions): Promise<Widget> {
    return (await this.request(CREATE_WIDGET, body, options)) as Widget;
  }

  /**
   * `POST /v1/ping`, answering 204.
   *
   * Throws `ValidationError` before sending when the body breaks a rule of the spec; an `APIStatusError` subclass for an error status (documented: none); `APIConnectionError` or `APITimeoutError` when no response arrives; `APIResponseValidationError` when the response breaks the spec.
   *
   * @deprecated Line one.
   * Line *\/ two with ${injection} and `backticks`.
   */
  async ping(options?: RequestOptions): Promise<void> {
    warnDeprecated("ping", "Line one.\nLine */ two with ${injection} and `backticks`.");
    await this.request(PING, undefined, options);
  }
}
