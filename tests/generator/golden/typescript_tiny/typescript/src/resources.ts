// generated from spec/openapi.yaml by `make generate`; do not edit
/** The API's resources: one class per resource, one method per operation of the spec. */

import type { IdempotentRequestOptions, Operation, RequestOptions, Send } from "./core.js";
import type { Widget, WidgetRequest } from "./models.js";

const warned = new Set<string>();

/** A DeprecationWarning once per process and method, where the runtime has `process.emitWarning`. */
function warnDeprecated(method: string, reason: string): void {
  if (warned.has(method)) return;
  warned.add(method);
  const runtime = (globalThis as { process?: { emitWarning?: (message: string, type: string) => void } }).process;
  runtime?.emitWarning?.(`${method}() is deprecated: ${reason}`, "DeprecationWarning");
}

const CREATE_WIDGET: Operation = {
  name: "widgets.createWidget",
  method: "POST",
  path: "/v1/widgets",
  idempotent: false,
  idempotencyHeader: "Idempotency-Key",
  requestSchema: "WidgetRequest",
  response: { schema: "Widget", kind: "object" },
};

const PING_SERVER: Operation = {
  name: "widgets.pingServer",
  method: "GET",
  path: "/v1/ping",
  idempotent: true,
  idempotencyHeader: undefined,
  requestSchema: undefined,
  response: undefined,
};

/** `client.widgets`: `createWidget()`, `pingServer()`. */
export class WidgetsResource {
  readonly #send: Send;

  /** Made by the client, which passes its request loop. */
  constructor(send: Send) {
    this.#send = send;
  }

  /**
   * Make a widget *\/ alert("x") /*
   *
   * `POST /v1/widgets`, answering 200.
   *
   * Throws a `ValidationError` (nothing sent) when the body breaks a rule of the spec; an
   * `APIStatusError` subclass for a non-2xx answer (documented: 400, 429); `APIConnectionError`
   * or `APITimeoutError` when no answer arrives; `APIResponseValidationError` when a success
   * body is not JSON (or, in strict mode, breaks the spec); `APIResponseTooLargeError` beyond
   * `maxResponseBytes`.
   */
  createWidget(params: WidgetRequest, options?: IdempotentRequestOptions): Promise<Widget> {
    return this.#send(CREATE_WIDGET, params, options) as Promise<Widget>;
  }

  /**
   * `GET /v1/ping`, answering 204.
   *
   * Throws a `ValidationError` (nothing sent) when the body breaks a rule of the spec; an
   * `APIStatusError` subclass for a non-2xx answer (documented: none); `APIConnectionError` or
   * `APITimeoutError` when no answer arrives; `APIResponseValidationError` when a success body
   * is not JSON (or, in strict mode, breaks the spec); `APIResponseTooLargeError` beyond
   * `maxResponseBytes`.
   *
   * @deprecated Line one.
   * Line *\/ two with ${injection} and `backticks`.
   */
  pingServer(options?: RequestOptions): Promise<void> {
    warnDeprecated("widgets.pingServer", "Line one.\nLine */ two with ${injection} and \u0060backticks\u0060.");
    return this.#send(PING_SERVER, undefined, options) as Promise<void>;
  }
}
