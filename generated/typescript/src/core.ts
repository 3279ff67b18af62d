// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * The HTTP layer: global `fetch`, a timeout per attempt (AbortController), retries with
 * exponential backoff and jitter, typed errors. No dependencies beyond the platform.
 *
 * Retries use the same `Idempotency-Key`, yet a retried create may place a second call when
 * the first attempt reached the server but its answer was lost (a timeout, a dropped
 * connection). `maxRetries: 0` sends every request exactly once.
 */

import {
  APIConnectionError,
  APIError,
  APIResponseValidationError,
  APITimeoutError,
  ValidationError,
  errorClassForStatus,
} from "./errors.js";
import { check, type Schemas, type Shape } from "./validation.js";

/** The spec's first server URL, used when neither `baseURL` nor {@link BASE_URL_ENV} is set. */
export const DEFAULT_BASE_URL = "https://api.retellai.com";
/** The environment variables read when the options leave them out. */
export const API_KEY_ENV = "RETELL_API_KEY";
export const BASE_URL_ENV = "RETELL_BASE_URL";
/** Milliseconds an attempt may take before it is abandoned (`APITimeoutError`). */
export const DEFAULT_TIMEOUT_MS = 60000;
/** Retries after the first attempt, on connection errors, timeouts and statuses 408, 409, 429 and >= 500. */
export const DEFAULT_MAX_RETRIES = 2;

const INITIAL_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 8000;
const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 409, 429]);
/** A `Retry-After` longer than this is not honoured: the computed backoff is used instead. */
const MAX_RETRY_AFTER_MS = 60000;
/** A wait: an unsigned decimal number. */
const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;
/** An HTTP date (IMF-fixdate), e.g. "Wed, 21 Oct 2015 07:28:00 GMT". */
const HTTP_DATE = /^[A-Za-z]{3}, [0-9]{2} [A-Za-z]{3} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/;
/** What a key (API key, Idempotency-Key) may hold: visible ASCII, no whitespace or control characters. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;
/** What any other header value may hold: ASCII text (spaces and tabs allowed), no control characters. */
const HEADER_TEXT = /^[\t\x20-\x7e]*$/;

/** The `fetch` the client calls: the global one unless another is given. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Defaults to the {@link API_KEY_ENV} environment variable. */
  readonly apiKey?: string | undefined;
  /** Defaults to the {@link BASE_URL_ENV} environment variable, then to {@link DEFAULT_BASE_URL}. */
  readonly baseURL?: string | undefined;
  /** Milliseconds per attempt; defaults to {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeout?: number | undefined;
  /** Defaults to {@link DEFAULT_MAX_RETRIES}. */
  readonly maxRetries?: number | undefined;
  /** Headers sent with every request. */
  readonly defaultHeaders?: { readonly [name: string]: string } | undefined;
  /** Defaults to the global `fetch` (Node >= 18). */
  readonly fetch?: Fetch | undefined;
}

export interface RequestOptions {
  readonly timeout?: number | undefined;
  readonly maxRetries?: number | undefined;
  /** Sent as `Idempotency-Key` on every attempt of the call; a random one by default. */
  readonly idempotencyKey?: string | undefined;
  readonly headers?: { readonly [name: string]: string } | undefined;
  /** Aborts the call (an `APIConnectionError`, never retried). */
  readonly signal?: AbortSignal | undefined;
}

/** What an operation tells the HTTP layer. */
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly requestSchema: Shape | undefined;
  /** The shape of a 2xx body; `undefined` when the operation documents none (it is not checked). */
  readonly responseSchema: Shape | undefined;
}

/** Why `value` cannot be sent as a header value, or `undefined` when it can. */
function headerValueProblem(value: string): string | undefined {
  if (HEADER_SAFE.test(value)) return undefined;
  if (value !== value.trim()) return "has leading or trailing whitespace (a newline read from a file?): strip it";
  return "may hold only visible ASCII characters (no whitespace, control or non-ASCII characters)";
}

/**
 * The API key from the options or the environment, checked before any request carries it.
 * The error names where the key came from, never the key.
 */
function resolveApiKey(option: unknown): string {
  const source = option === undefined ? API_KEY_ENV : "apiKey";
  const apiKey = option === undefined ? environment(API_KEY_ENV) : option;
  if (apiKey === undefined || apiKey === "") {
    throw new APIError(`No API key: pass the apiKey option or set the ${API_KEY_ENV} environment variable.`);
  }
  if (typeof apiKey !== "string") throw new APIError(`${source}: must be a string, not ${typeof apiKey}.`);
  const problem = headerValueProblem(apiKey);
  if (problem !== undefined) throw new APIError(`${source}: ${problem} (the key is not shown).`);
  return apiKey;
}

/** The first header whose value cannot be sent, as `[where.name, problem]` (values are not shown). */
function badHeader(
  headers: { readonly [name: string]: string } | undefined,
  where: string,
): readonly [string, string] | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) {
    const problem =
      typeof value !== "string"
        ? "must be a string"
        : HEADER_TEXT.test(value)
          ? undefined
          : "may hold only ASCII text (no line breaks, control or non-ASCII characters)";
    if (problem !== undefined) return [`${where}.${name}`, problem];
  }
  return undefined;
}

function environment(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: { [key: string]: string | undefined } } }).process?.env;
  const value = env?.[name];
  return value === undefined || value === "" ? undefined : value;
}

/** A fresh `Idempotency-Key`: a random UUID (or 128 random bits on runtimes without one). */
function randomKey(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  const hex = () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, "0");
  const random = crypto?.randomUUID !== undefined ? crypto.randomUUID() : `${hex()}${hex()}-${hex()}${hex()}`;
  return "retell-typescript-" + random;
}

/** Waits `ms` milliseconds; an abort of `signal` ends the wait early (the loop then stops). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

const warned = new Set<string>();

/** Emits a DeprecationWarning once per process and method, where the runtime has `process.emitWarning`. */
export function warnDeprecated(method: string, reason: string): void {
  if (warned.has(method)) return;
  warned.add(method);
  const runtime = (globalThis as { process?: { emitWarning?: (message: string, type: string) => void } }).process;
  runtime?.emitWarning?.(`${method}() is deprecated: ${reason}`, "DeprecationWarning");
}

/** The reason a fetch failed, from its cause chain (undici puts the system error in `cause`). */
function failureReason(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${current.message} (${code})` : current.message);
    current = current.cause;
  }
  return parts.length === 0 ? "unknown error" : parts.join(": ");
}

function isRetryableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status) || status >= 500;
}

/**
 * Milliseconds the server asks to wait before the next attempt, or `undefined` to back off
 * instead. The rule both generated clients follow: a wait is an unsigned decimal number;
 * `Retry-After` may instead be an HTTP date (IMF-fixdate), and a date in the past means "now".
 * The first of `retry-after-ms` (milliseconds) and `Retry-After` (seconds or date) that parses
 * wins; a negative, malformed or empty value is ignored; a wait beyond MAX_RETRY_AFTER_MS is
 * not honoured.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const millis = (headers.get("retry-after-ms") ?? "").trim();
  const after = (headers.get("retry-after") ?? "").trim();
  let delay: number;
  if (DECIMAL.test(millis)) delay = Number(millis);
  else if (DECIMAL.test(after)) delay = Number(after) * 1000;
  else if (HTTP_DATE.test(after)) {
    const date = Date.parse(after);
    if (Number.isNaN(date)) return undefined;
    delay = Math.max(0, date - now);
  } else return undefined;
  return delay <= MAX_RETRY_AFTER_MS ? delay : undefined;
}

/** Exponential backoff (doubling from INITIAL_RETRY_DELAY_MS up to MAX_RETRY_DELAY_MS) less up to 25 % jitter. */
function backoffMs(retry: number): number {
  const delay = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retry, MAX_RETRY_DELAY_MS);
  return delay * (1 - Math.random() * 0.25);
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function checkedCount(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number`);
  return value;
}

/** The settings and the request loop shared by every operation. The API key is a private field. */
export class APIClientCore {
  readonly #apiKey: string;
  readonly #fetch: Fetch;
  readonly #schemas: Schemas;
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly defaultHeaders: { readonly [name: string]: string };

  protected constructor(options: ClientOptions, schemas: Schemas) {
    this.#apiKey = resolveApiKey(options.apiKey);
    this.#schemas = schemas;
    const globalFetch = (globalThis as { fetch?: Fetch }).fetch;
    if (options.fetch !== undefined) this.#fetch = options.fetch;
    else if (globalFetch !== undefined) this.#fetch = (input, init) => globalFetch(input, init);
    else throw new Error("No global fetch: use Node >= 18 or pass the fetch option.");
    this.baseURL = (options.baseURL ?? environment(BASE_URL_ENV) ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
    this.timeout = checkedCount(options.timeout ?? DEFAULT_TIMEOUT_MS, "timeout");
    this.maxRetries = Math.floor(checkedCount(options.maxRetries ?? DEFAULT_MAX_RETRIES, "maxRetries"));
    const bad = badHeader(options.defaultHeaders, "defaultHeaders");
    if (bad !== undefined) throw new APIError(`${bad[0]}: ${bad[1]} (the value is not shown).`);
    this.defaultHeaders = { ...options.defaultHeaders };
  }

  /** What `JSON.stringify` shows: the settings, never the API key. */
  toJSON(): { [key: string]: unknown } {
    return { baseURL: this.baseURL, timeout: this.timeout, maxRetries: this.maxRetries };
  }

  /** What `util.inspect` and `console.log` show. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `${this.constructor.name} ${JSON.stringify(this.toJSON())}`;
  }

  toString(): string {
    return `${this.constructor.name} ${JSON.stringify(this.toJSON())}`;
  }

  /** Removes the API key from text that came from outside (a message the server echoed). */
  #redact(text: string): string {
    return text.split(this.#apiKey).join("[REDACTED]");
  }

  #redactDeep(value: unknown): unknown {
    if (typeof value === "string") return this.#redact(value);
    if (Array.isArray(value)) return value.map((item) => this.#redactDeep(item));
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.#redact(key), this.#redactDeep(item)]));
    }
    return value;
  }

  #statusMessage(status: number, body: unknown): string {
    const detail =
      typeof body === "object" && body !== null && "error_message" in body && typeof body.error_message === "string"
        ? body.error_message
        : body === undefined
          ? "(no body)"
          : typeof body === "string"
            ? body
            : JSON.stringify(body);
    return this.#redact(`${status} ${detail.length > 500 ? `${detail.slice(0, 500)}...` : detail}`);
  }

  #headers(options: RequestOptions, idempotencyKey: string, hasBody: boolean): Headers {
    const headers = new Headers({ ...this.defaultHeaders, ...options.headers });
    headers.set("Accept", "application/json");
    if (hasBody) headers.set("Content-Type", "application/json");
    headers.set("Authorization", `Bearer ${this.#apiKey}`);
    headers.set("Idempotency-Key", idempotencyKey);
    return headers;
  }

  /** One attempt: the response and its full text, within `timeout` milliseconds. */
  async #attempt(
    url: string,
    init: RequestInit,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<{ readonly response: Response; readonly text: string }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      if (signal?.aborted === true) throw new Error("aborted before sending");
      const response = await this.#fetch(url, { ...init, signal: controller.signal });
      const text = await response.text();
      return { response, text };
    } catch (error) {
      if (timedOut) throw new APITimeoutError(`Request timed out after ${timeout} ms.`, { cause: error });
      if (signal?.aborted === true) throw new APIConnectionError("Request was aborted.", { cause: error });
      throw new APIConnectionError(`Connection error: ${this.#redact(failureReason(error))}`, { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  #checkRequest(operation: Operation, body: unknown): void {
    if (operation.requestSchema === undefined) return;
    const found = check(body, operation.requestSchema, "", this.#schemas);
    if (found !== undefined) throw new ValidationError(found.field, found.rule, found.detail);
  }

  #checkResponse(operation: Operation, response: Response, text: string): unknown {
    const shape = operation.responseSchema;
    if (shape === undefined) return parseBody(text);
    const init = { status: response.status, headers: response.headers, body: this.#redactDeep(parseBody(text)) };
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      throw new APIResponseValidationError(`${response.status} response body is not JSON`, "", "type", init);
    }
    const found = check(body, shape, "", this.#schemas);
    if (found !== undefined) {
      const where = found.field === "" ? "body" : found.field;
      const message = `${response.status} response breaks the spec: ${where}: ${found.detail} (rule: ${found.rule})`;
      throw new APIResponseValidationError(message, found.field, found.rule, init);
    }
    return body;
  }

  /** Checks the body, sends it (retrying what may be retried), checks and returns the response body. */
  protected async request(operation: Operation, body: unknown, options: RequestOptions = {}): Promise<unknown> {
    this.#checkRequest(operation, body);
    const maxRetries = Math.floor(checkedCount(options.maxRetries ?? this.maxRetries, "maxRetries"));
    const timeout = checkedCount(options.timeout ?? this.timeout, "timeout");
    const idempotencyKey = options.idempotencyKey ?? randomKey();
    const keyProblem = headerValueProblem(idempotencyKey);
    if (keyProblem !== undefined) throw new ValidationError("idempotencyKey", "header", keyProblem);
    const bad = badHeader(options.headers, "headers");
    if (bad !== undefined) throw new ValidationError(bad[0], "header", `${bad[1]} (the value is not shown)`);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const url = `${this.baseURL}${operation.path}`;
    for (let retry = 0; ; retry += 1) {
      const init: RequestInit = { method: operation.method, headers: this.#headers(options, idempotencyKey, payload !== undefined) };
      if (payload !== undefined) init.body = payload;
      let attempt: { readonly response: Response; readonly text: string };
      try {
        attempt = await this.#attempt(url, init, timeout, options.signal);
      } catch (error) {
        if (options.signal?.aborted === true || retry >= maxRetries) throw error;
        await sleep(backoffMs(retry), options.signal);
        continue;
      }
      const { response, text } = attempt;
      if (response.status >= 200 && response.status < 300) return this.#checkResponse(operation, response, text);
      if (retry < maxRetries && isRetryableStatus(response.status)) {
        await sleep(retryAfterMs(response.headers) ?? backoffMs(retry), options.signal);
        continue;
      }
      const errorBody = this.#redactDeep(parseBody(text));
      const ErrorClass = errorClassForStatus(response.status);
      throw new ErrorClass(this.#statusMessage(response.status, errorBody), {
        status: response.status,
        headers: response.headers,
        body: errorBody,
      });
    }
  }
}
