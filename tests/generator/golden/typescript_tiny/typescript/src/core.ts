// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * The client's settings and its request loop: body to JSON, validation before sending, one
 * attempt after another by the retry policy (`retry.ts`), then the answer as a value or a typed
 * error. No dependency beyond the platform (the global `fetch`, or the one given).
 */

import {
  APIResponseValidationError,
  RetellError,
  type APIStatusError,
  ValidationError,
  errorClassForStatus,
  type APIStatusErrorInit,
} from "./errors.js";
import { attempt, type Answer, type Fetch } from "./http.js";
import { JsonBodies } from "./json.js";
import { Redactor } from "./redact.js";
import { retryable, waitMs, type Failure } from "./retry.js";
import { SCHEMAS } from "./schemas.js";
import { Validator, jsonType, type Violation } from "./validation.js";

/** The spec's first server URL, used when neither `baseURL` nor {@link BASE_URL_ENV} is set. */
export const DEFAULT_BASE_URL = "http://127.0.0.1:9/base";
/** The environment variables read when the options leave them out. */
export const API_KEY_ENV = "RETELL_API_KEY";
export const BASE_URL_ENV = "RETELL_BASE_URL";
/** Milliseconds an attempt may take, reading the answer included, before it is abandoned. */
export const DEFAULT_TIMEOUT_MS = 60000;
/** Retries after the first attempt, where the retry policy allows one. */
export const DEFAULT_MAX_RETRIES = 2;
/** The largest answer read, in bytes; a larger one is an `APIResponseTooLargeError`. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16777216;

/** What a key (the API key, an idempotency key) may hold: visible ASCII only. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;
/** What any other header value may hold: ASCII text (spaces and tabs allowed), no control characters. */
const HEADER_TEXT = /^[\t\x20-\x7e]*$/;
/** The property of an error body that holds its message (the spec's error model). */
const ERROR_MESSAGE_FIELD: string | undefined = "detail";

/** Waits `ms` milliseconds, or less when `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal | undefined) => Promise<void>;

export interface ClientOptions {
  /** Defaults to the {@link API_KEY_ENV} environment variable. */
  readonly apiKey?: string | undefined;
  /** Defaults to the {@link BASE_URL_ENV} environment variable, then to {@link DEFAULT_BASE_URL}. */
  readonly baseURL?: string | undefined;
  /** Milliseconds per attempt, reading the answer included; defaults to {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeout?: number | undefined;
  /** Retries after the first attempt, where the retry policy allows; defaults to {@link DEFAULT_MAX_RETRIES}. */
  readonly maxRetries?: number | undefined;
  /** Headers sent with every request. */
  readonly defaultHeaders?: { readonly [name: string]: string } | undefined;
  /** Defaults to the global `fetch` (Node >= 18). */
  readonly fetch?: Fetch | undefined;
  /** Check every success body against the spec (`APIResponseValidationError`); default `false`: returned as sent. */
  readonly strictResponseValidation?: boolean | undefined;
  /**
   * Also retry, on a non-idempotent operation (a create), what may have reached the server: a
   * timeout or dropped connection after sending, 408, 409 and 5xx. Default `false`: such a retry
   * could place a second, paid call.
   */
  readonly retryUnsafe?: boolean | undefined;
  /** The largest answer read, in bytes; defaults to {@link DEFAULT_MAX_RESPONSE_BYTES}. */
  readonly maxResponseBytes?: number | undefined;
  /** For tests: how the client waits between attempts (default: a timer), so waits can be observed. */
  readonly sleep?: Sleep | undefined;
}

export interface RequestOptions {
  /** Milliseconds per attempt of this call, reading the answer included. */
  readonly timeout?: number | undefined;
  /** Retries of this call, where the retry policy allows. */
  readonly maxRetries?: number | undefined;
  /** Extra headers for this call (over `defaultHeaders`). */
  readonly headers?: { readonly [name: string]: string } | undefined;
  /** Extra query parameters for this call. */
  readonly query?: { readonly [name: string]: string | number | boolean } | undefined;
  /** Extra properties merged into the JSON body (they win over the parameters); validated with it. */
  readonly extraBody?: { readonly [name: string]: unknown } | undefined;
  /** Aborts the call: an `APIConnectionError`, never retried. */
  readonly signal?: AbortSignal | undefined;
}

/** The options of an operation that declares an idempotency header. */
export interface IdempotentRequestOptions extends RequestOptions {
  /** Sent as the operation's idempotency header on every attempt; a random one by default. */
  readonly idempotencyKey?: string | undefined;
}

/** What an operation tells the request loop (generated per operation, in `resources.ts`). */
export interface Operation {
  /** How messages name it, e.g. "call.createPhoneCall". */
  readonly name: string;
  readonly method: string;
  readonly path: string;
  /** Whether it may be retried after it may have reached the server. */
  readonly idempotent: boolean;
  readonly idempotencyHeader: string | undefined;
  /** The `$defs` entry of the request body, when it has one. */
  readonly requestSchema: string | undefined;
  /** The success body: its `$defs` entry, and the JSON type a lenient client still checks. */
  readonly response: { readonly schema: string; readonly kind: "object" | "array" | "any" } | undefined;
}

export type Send = (operation: Operation, params: unknown, options: IdempotentRequestOptions | undefined) => Promise<unknown>;

interface Settings {
  readonly apiKey: string;
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly defaultHeaders: { readonly [name: string]: string };
  readonly fetch: Fetch;
  readonly strictResponseValidation: boolean;
  readonly retryUnsafe: boolean;
  readonly maxResponseBytes: number;
  readonly sleep: Sleep;
}

function environment(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: { [key: string]: string | undefined } } }).process?.env;
  const value = env?.[name];
  return value === undefined || value === "" ? undefined : value;
}

/** Why `value` cannot be sent as a key header, or `undefined` when it can. */
function keyProblem(value: string): string | undefined {
  if (HEADER_SAFE.test(value)) return undefined;
  if (value !== value.trim()) return "has leading or trailing whitespace (a newline read from a file?): strip it";
  return "may hold only visible ASCII characters (no whitespace, control or non-ASCII characters)";
}

/** The API key from the option or the environment; an error names where it came from, never the key. */
function resolveApiKey(option: unknown): string {
  const source = option === undefined ? API_KEY_ENV : "apiKey";
  const apiKey = option === undefined ? environment(API_KEY_ENV) : option;
  if (apiKey === undefined || apiKey === "") {
    throw new RetellError(`No API key: pass the apiKey option or set the ${API_KEY_ENV} environment variable.`);
  }
  if (typeof apiKey !== "string") throw new RetellError(`${source}: must be a string, not ${typeof apiKey}.`);
  const problem = keyProblem(apiKey);
  if (problem !== undefined) throw new RetellError(`${source}: ${problem} (the key is not shown).`);
  return apiKey;
}

/** The base URL without trailing slashes; refused (not shown: it could hold a password) when it is no plain http(s) URL. */
function resolveBaseURL(option: unknown): string {
  const source = option === undefined ? (environment(BASE_URL_ENV) === undefined ? "DEFAULT_BASE_URL" : BASE_URL_ENV) : "baseURL";
  const value = option ?? environment(BASE_URL_ENV) ?? DEFAULT_BASE_URL;
  if (typeof value !== "string") throw new RetellError(`${source}: must be a string, not ${typeof value}.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RetellError(`${source}: must be an absolute http or https URL (the value is not shown).`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RetellError(`${source}: must be an http or https URL, not ${url.protocol}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new RetellError(`${source}: must not contain user info (user:pass@); pass the API key as apiKey (the value is not shown).`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw new RetellError(`${source}: must not have a query or fragment; use the query request option.`);
  }
  return value.replace(/\/+$/, "");
}

/** The first header whose value cannot be sent, as `[where.name, problem]` (values are not shown). */
function badHeader(headers: { readonly [name: string]: unknown } | undefined, where: string): readonly [string, string] | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value !== "string") return [`${where}.${name}`, "must be a string"];
    if (!HEADER_TEXT.test(value)) return [`${where}.${name}`, "may hold only ASCII text (no line breaks, control or non-ASCII characters)"];
  }
  return undefined;
}

/** The longest timer the platform keeps (a longer one would fire at once). */
const MAX_TIMER_MS = 2_147_483_647;

type Rule = (value: unknown) => string | undefined;

/** The rules of the numeric options: what is wrong with a value, or `undefined`. */
const NUMERIC_OPTIONS: { readonly [name: string]: Rule } = {
  timeout: (value) =>
    typeof value === "number" && value > 0 && value <= MAX_TIMER_MS ? undefined : `must be a number of milliseconds > 0 and <= ${MAX_TIMER_MS}`,
  maxRetries: (value) => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? undefined : "must be a whole number >= 0"),
  maxResponseBytes: (value) =>
    typeof value === "number" && Number.isInteger(value) && value > 0 ? undefined : "must be a whole number of bytes > 0",
};

/** The first numeric option of `options` that breaks its rule, as `[name, problem]`. */
function badNumber(options: { readonly [name: string]: unknown }): readonly [string, string] | undefined {
  for (const [name, rule] of Object.entries(NUMERIC_OPTIONS)) {
    const value = options[name];
    const problem = value === undefined ? undefined : rule(value);
    if (problem !== undefined) return [name, problem];
  }
  return undefined;
}

const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

/** A fresh idempotency key: a random UUID (from Math.random where the runtime lacks crypto.randomUUID, as Node 18 does without a flag). */
function randomKey(): string {
  const uuid = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto?.randomUUID?.();
  const fallback = (): string =>
    "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (slot) =>
      ((slot === "x" ? 0 : 8) + Math.floor(Math.random() * (slot === "x" ? 16 : 4))).toString(16),
    );
  return "retell-typescript-" + (uuid ?? fallback());
}

function optionError(field: string, message: string, rule = "option"): ValidationError {
  return new ValidationError([{ field, rule, keyword: rule, message }]);
}

function settingsOf(options: ClientOptions): Settings {
  const { timeout, maxRetries, maxResponseBytes } = options;
  const number = badNumber({ timeout, maxRetries, maxResponseBytes });
  if (number !== undefined) throw new RetellError(`${number[0]}: ${number[1]}.`);
  const bad = badHeader(options.defaultHeaders, "defaultHeaders");
  if (bad !== undefined) throw new RetellError(`${bad[0]}: ${bad[1]} (the value is not shown).`);
  const globalFetch = (globalThis as { fetch?: Fetch }).fetch;
  const fetch = options.fetch ?? (globalFetch === undefined ? undefined : (input, init) => globalFetch(input, init));
  if (fetch === undefined) throw new RetellError("No global fetch: use Node >= 18 or pass the fetch option.");
  return {
    apiKey: resolveApiKey(options.apiKey),
    baseURL: resolveBaseURL(options.baseURL),
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    defaultHeaders: { ...options.defaultHeaders },
    fetch,
    strictResponseValidation: options.strictResponseValidation ?? false,
    retryUnsafe: options.retryUnsafe ?? false,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    sleep: options.sleep ?? defaultSleep,
  };
}

const validator = new Validator(SCHEMAS);
const bodies = new JsonBodies(SCHEMAS);

/** The settings and the request loop every resource shares. The API key is a private field. */
export class APIClient {
  readonly #settings: Settings;
  readonly #redactor: Redactor;
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly defaultHeaders: { readonly [name: string]: string };
  readonly strictResponseValidation: boolean;
  readonly retryUnsafe: boolean;
  readonly maxResponseBytes: number;

  constructor(options: ClientOptions = {}) {
    this.#settings = settingsOf(options);
    this.#redactor = new Redactor(this.#settings.apiKey);
    this.baseURL = this.#settings.baseURL;
    this.timeout = this.#settings.timeout;
    this.maxRetries = this.#settings.maxRetries;
    this.defaultHeaders = this.#settings.defaultHeaders;
    this.strictResponseValidation = this.#settings.strictResponseValidation;
    this.retryUnsafe = this.#settings.retryUnsafe;
    this.maxResponseBytes = this.#settings.maxResponseBytes;
  }

  /** The options this client was made with (the key included: never show them). */
  protected options(): ClientOptions {
    return { ...this.#settings };
  }

  /** What `JSON.stringify` shows: the settings, never the API key. */
  toJSON(): { [key: string]: unknown } {
    return {
      baseURL: this.baseURL,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      strictResponseValidation: this.strictResponseValidation,
      retryUnsafe: this.retryUnsafe,
      maxResponseBytes: this.maxResponseBytes,
    };
  }

  /** What `util.inspect` and `console.log` show. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  toString(): string {
    return `${this.constructor.name} ${JSON.stringify(this.toJSON())}`;
  }

  /** Validates, sends (retrying what the policy allows) and returns the answer's body. */
  protected async request(operation: Operation, params: unknown, options: IdempotentRequestOptions = {}): Promise<unknown> {
    const settings = this.#settings;
    const timeout = options.timeout ?? settings.timeout;
    const maxRetries = options.maxRetries ?? settings.maxRetries;
    this.#checkOptions(options);
    const body = this.#body(operation, params, options.extraBody);
    const url = this.#url(operation, options.query);
    const headers = this.#headers(operation, options, body !== undefined);
    const init: RequestInit = { method: operation.method, headers };
    if (body !== undefined) init.body = body;
    const attemptSettings = {
      fetch: settings.fetch,
      timeout,
      maxBytes: settings.maxResponseBytes,
      signal: options.signal,
      redactor: this.#redactor,
    };
    for (let retry = 0; ; retry += 1) {
      const outcome = await attempt(url, init, attemptSettings);
      const answer = outcome.answer;
      if (answer !== undefined && answer.status >= 200 && answer.status < 300) return this.#success(operation, answer);
      const failure: Failure =
        answer === undefined ? outcome.failure : { kind: "status", status: answer.status, headers: answer.headers };
      const error = answer === undefined ? outcome.error : this.#statusError(answer);
      if (retry >= maxRetries || !retryable(failure, operation.idempotent, settings.retryUnsafe)) throw error;
      await settings.sleep(waitMs(failure, retry), options.signal); // an abort ends the next attempt at once
    }
  }

  #checkOptions(options: IdempotentRequestOptions): void {
    const number = badNumber({ timeout: options.timeout, maxRetries: options.maxRetries });
    if (number !== undefined) throw optionError(number[0], number[1]);
    const bad = badHeader(options.headers, "headers");
    if (bad !== undefined) throw optionError(bad[0], `${bad[1]} (the value is not shown)`, "header");
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (!["string", "number", "boolean"].includes(typeof value)) {
        throw optionError(`query.${name}`, "must be a string, number or boolean");
      }
    }
    if (options.idempotencyKey !== undefined) {
      const keyIssue = typeof options.idempotencyKey === "string" ? keyProblem(options.idempotencyKey) : "must be a string";
      if (keyIssue !== undefined) throw optionError("idempotencyKey", keyIssue, "header");
    }
    const extra = options.extraBody;
    if (extra !== undefined && (typeof extra !== "object" || extra === null || Array.isArray(extra))) {
      throw optionError("extraBody", "must be a plain object of properties to merge into the body");
    }
  }

  /** The JSON body to send (extra body merged), checked against the operation's schema. */
  #body(operation: Operation, params: unknown, extraBody: { readonly [name: string]: unknown } | undefined): string | undefined {
    if (operation.requestSchema === undefined) {
      if (extraBody !== undefined) throw optionError("extraBody", `${operation.name} takes no body`);
      return undefined;
    }
    const json = bodies.body(operation.requestSchema, params, extraBody);
    const found = validator.violations(operation.requestSchema, json);
    const [first, ...rest] = found;
    if (first !== undefined) throw new ValidationError([first, ...rest]);
    return JSON.stringify(json);
  }

  #url(operation: Operation, query: RequestOptions["query"]): string {
    const url = new URL(`${this.#settings.baseURL}${operation.path}`);
    for (const [name, value] of Object.entries(query ?? {})) url.searchParams.append(name, String(value));
    return url.toString();
  }

  #headers(operation: Operation, options: IdempotentRequestOptions, hasBody: boolean): Headers {
    const headers = new Headers({ ...this.#settings.defaultHeaders, ...options.headers });
    headers.set("Accept", "application/json");
    if (hasBody) headers.set("Content-Type", "application/json");
    headers.set("Authorization", `Bearer ${this.#settings.apiKey}`);
    // Only where the spec declares one; then the same value on every attempt of the call.
    if (operation.idempotencyHeader !== undefined) headers.set(operation.idempotencyHeader, options.idempotencyKey ?? randomKey());
    return headers;
  }

  #success(operation: Operation, answer: Answer): unknown {
    if (operation.response === undefined) return undefined;
    const headers = this.#redactor.headers(answer.headers);
    const invalid = (violation: Violation, body: unknown): APIResponseValidationError => {
      const where = violation.field === "" ? "body" : violation.field;
      const message = `${answer.status} response breaks the spec: ${where}: ${violation.message} (rule: ${violation.rule})`;
      const { field, rule, keyword } = violation;
      const init = { field, rule, keyword, status: answer.status, headers, body: this.#redactor.json(body) };
      return new APIResponseValidationError(message, init);
    };
    let body: unknown;
    try {
      body = JSON.parse(answer.text) as unknown;
    } catch {
      const violation = { field: "", rule: "json", keyword: "json", message: "must be JSON" };
      throw invalid(violation, this.#redactor.text(answer.text));
    }
    if (this.#settings.strictResponseValidation) {
      const found = validator.check(operation.response.schema, body);
      if (found !== undefined) throw invalid(found, body);
    } else if (!hasKind(body, operation.response.kind)) {
      const message = `must be an ${operation.response.kind}, not ${jsonType(body)}`;
      throw invalid({ field: "", rule: "type", keyword: "type", message }, body);
    }
    return body;
  }

  #statusError(answer: Answer): APIStatusError {
    const body = parseBody(answer.text, this.#redactor);
    const init: APIStatusErrorInit = { status: answer.status, headers: this.#redactor.headers(answer.headers), body };
    const ErrorClass = errorClassForStatus(answer.status);
    return new ErrorClass(statusMessage(answer, body), init);
  }
}

function hasKind(body: unknown, kind: "object" | "array" | "any"): boolean {
  if (kind === "object") return typeof body === "object" && body !== null && !Array.isArray(body);
  if (kind === "array") return Array.isArray(body);
  return true;
}

/** An error body: parsed JSON, else its text, else `undefined`; the key removed. */
function parseBody(text: string, redactor: Redactor): unknown {
  if (text === "") return undefined;
  try {
    return redactor.json(JSON.parse(text));
  } catch {
    return redactor.text(text);
  }
}

function statusMessage(answer: Answer, body: unknown): string {
  const field = ERROR_MESSAGE_FIELD;
  const message =
    field !== undefined && typeof body === "object" && body !== null && typeof (body as { [key: string]: unknown })[field] === "string"
      ? String((body as { [key: string]: unknown })[field])
      : undefined;
  const detail =
    message ?? (body === undefined ? answer.statusText || "(no body)" : typeof body === "string" ? body : JSON.stringify(body));
  return `${answer.status} ${detail.length > 500 ? `${detail.slice(0, 500)}...` : detail}`;
}
