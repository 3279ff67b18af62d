// The TypeScript client's conformance runner: every client vector of conformance/ (the derived
// ones in generated/conformance/vectors.json and conformance/handwritten.json) run against the
// generated package through its `fetch` and `sleep` options, one node test per vector id.
// The fake fetch answers with the vector's script, records every attempt, fails the way undici
// fails (a system error code in `cause`), and follows redirects the way fetch does unless told
// `redirect: "manual"`. Known failures: conformance/known-failures/typescript.json (a listed
// vector that passes fails as a stale entry). The files are read from CONFORMANCE_ROOT (default:
// the working directory, the repository's root).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { inspect } from "node:util";

import * as client from "../../generated/typescript/src/index.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Operation {
  readonly resource: readonly string[];
  readonly name: readonly string[];
  readonly success_status: number;
  readonly success_schema: string | null;
}

interface Answer {
  readonly status?: number;
  readonly reason?: string;
  readonly headers?: { readonly [name: string]: string };
  readonly body?: Json;
  readonly raw_body?: string;
  readonly fail?: string;
}

interface ErrorExpected {
  readonly class: string;
  readonly field?: string;
  readonly rule?: string;
  readonly keyword?: string;
  readonly status?: number;
  readonly message_contains?: string;
  readonly body?: Json;
}

interface OutcomeExpected {
  readonly value?: Json;
  readonly error?: ErrorExpected;
}

interface Options {
  readonly max_retries?: number;
  readonly retry_unsafe?: boolean;
  readonly timeout?: number;
  readonly max_response_bytes?: number;
  readonly extra_headers?: { readonly [name: string]: string };
  readonly extra_query?: { readonly [name: string]: string };
  readonly extra_body?: JsonObject;
}

interface RequestExpected {
  readonly method: string;
  readonly path: string;
  readonly query?: { readonly [name: string]: string };
  readonly headers?: { readonly [name: string]: string };
  readonly require_headers?: readonly string[];
  readonly forbid_headers?: readonly string[];
  readonly body?: Json;
}

type Wait = { readonly seconds: number } | { readonly min: number; readonly max: number };

interface Vector {
  readonly id: string;
  readonly kind: string;
  readonly appliesTo: string;
  readonly operation: string;
  readonly description: string;
  readonly params?: JsonObject;
  readonly options?: Options;
  readonly request?: RequestExpected;
  readonly error?: ErrorExpected;
  readonly response?: Answer;
  readonly lenient?: OutcomeExpected;
  readonly strict?: OutcomeExpected;
  readonly masks_key?: boolean;
  readonly answers?: readonly Answer[];
  readonly attempts?: number;
  readonly waits?: readonly Wait[];
  readonly outcome?: OutcomeExpected;
}

interface Derived {
  readonly operations: { readonly [id: string]: Operation };
  readonly vectors: readonly Vector[];
}

const API_KEY = "sk_conformance_0123456789abcdefABCDEF";
const BASE_URL = "http://conformance.test";
const CLIENT_KINDS = new Set(["request", "rejection", "response", "retry"]);
const ROOT = process.env["CONFORMANCE_ROOT"] ?? process.cwd();

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(ROOT, ...parts), "utf8")) as T;
}

const derived = readJson<Derived>("generated", "conformance", "vectors.json");
const handwritten = readJson<{ readonly vectors: readonly Vector[] }>("conformance", "handwritten.json");
const knownFailures = readJson<{ readonly [id: string]: string }>("conformance", "known-failures", "typescript.json");
const vectors = [...derived.vectors, ...handwritten.vectors];
const clientVectors = vectors.filter((vector) => vector.appliesTo !== "server" && CLIENT_KINDS.has(vector.kind));

// --- placeholders and comparisons ------------------------------------------------------------

function jsonEscaped(text: string): string {
  return [...text].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
}

function substitute<T>(value: T): T {
  if (typeof value === "string") {
    return value.replaceAll("{api_key_json_escaped}", jsonEscaped(API_KEY)).replaceAll("{api_key}", API_KEY) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => substitute(item)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [substitute(name), substitute(item)])) as T;
  }
  return value;
}

/** JSON equality: key order free, absent and null distinct, 1 and 1.0 one number. */
function jsonEqual(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) || Array.isArray(right)) {
    return Array.isArray(left) && Array.isArray(right) && left.length === right.length && left.every((item, index) => jsonEqual(item, right[index]));
  }
  if (typeof left === "object" && left !== null && typeof right === "object" && right !== null) {
    const a = left as { [key: string]: unknown };
    const b = right as { [key: string]: unknown };
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return left === right;
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** A Headers' entries (the DOM library of the package's tsconfig has no iterable Headers). */
function headerList(headers: Headers): [string, string][] {
  const entries: [string, string][] = [];
  headers.forEach((value, name) => entries.push([name, value]));
  return entries;
}

// --- the fake fetch --------------------------------------------------------------------------

interface Attempt {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string | undefined;
}

class Unscripted extends Error {}

/** An error the way undici reports a failed fetch: a TypeError whose cause has the system code. */
function fetchFailed(code: string, message: string): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
}

const FAILURES: { readonly [kind: string]: () => Error } = {
  connect: () => fetchFailed("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:9"),
  dns: () => fetchFailed("ENOTFOUND", "getaddrinfo ENOTFOUND conformance.test"),
  connect_timeout: () => fetchFailed("UND_ERR_CONNECT_TIMEOUT", "Connect Timeout Error"),
  after_send: () => fetchFailed("UND_ERR_SOCKET", "other side closed"),
};

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function toResponse(answer: Answer): Response {
  const headers = new Headers(answer.headers ?? {});
  let body: string | null = null;
  if (answer.raw_body !== undefined) body = answer.raw_body;
  else if (answer.body !== undefined) {
    body = JSON.stringify(answer.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const status = answer.status ?? 200;
  return new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, statusText: answer.reason ?? "", headers });
}

function bodyText(body: RequestInit["body"]): string | undefined {
  if (body === undefined || body === null) return undefined;
  return typeof body === "string" ? body : String(body);
}

interface Script {
  readonly fetch: client.Fetch;
  readonly attempts: Attempt[];
  readonly state: { unscripted: boolean };
}

function scripted(answers: readonly Answer[]): Script {
  const attempts: Attempt[] = [];
  const state = { unscripted: false };
  const respond = async (url: string, init: RequestInit): Promise<Response> => {
    attempts.push({ method: init.method ?? "GET", url, headers: new Headers(init.headers), body: bodyText(init.body) });
    const answer = answers[attempts.length - 1];
    if (answer === undefined) {
      state.unscripted = true;
      throw new Unscripted(`attempt ${attempts.length} is not in the vector's script`);
    }
    if (answer.fail === "timeout") {
      const signal = init.signal;
      return new Promise<Response>((_resolve, reject) => {
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    }
    if (answer.fail !== undefined) {
      const failure = FAILURES[answer.fail];
      if (failure === undefined) throw new Error(`unknown failure ${answer.fail}`);
      throw failure();
    }
    const response = toResponse(answer);
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location !== null) {
      const mode = init.redirect ?? "follow";
      if (mode === "error") throw new TypeError("fetch failed", { cause: new Error("unexpected redirect") });
      if (mode === "follow") return respond(new URL(location, url).toString(), init); // what fetch would do
    }
    return response;
  };
  return { fetch: respond, attempts, state };
}

// --- one call ----------------------------------------------------------------------------------

interface Outcome {
  readonly attempts: readonly Attempt[];
  readonly unscripted: boolean;
  readonly waits: readonly number[];
  readonly value?: unknown;
  readonly error?: unknown;
}

function camel(words: readonly string[]): string {
  return words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join("");
}

type Method = (params: unknown, options: unknown) => Promise<unknown>;

async function call(vector: Vector, answers: readonly Answer[], strict: boolean, maxRetries?: number): Promise<Outcome> {
  const operation = derived.operations[vector.operation];
  assert.ok(operation !== undefined, `unknown operation ${vector.operation}`);
  const script = scripted(answers);
  const waits: number[] = [];
  const options = substitute(vector.options ?? {});
  const retell = new client.Retell({
    apiKey: API_KEY,
    baseURL: BASE_URL,
    fetch: script.fetch,
    sleep: async (ms: number) => void waits.push(ms / 1000),
    strictResponseValidation: strict,
    retryUnsafe: options.retry_unsafe ?? false,
    ...(options.max_response_bytes === undefined ? {} : { maxResponseBytes: options.max_response_bytes }),
  });
  const perCall: { [name: string]: unknown } = {};
  const retries = maxRetries ?? options.max_retries;
  if (retries !== undefined) perCall["maxRetries"] = retries;
  if (options.timeout !== undefined) perCall["timeout"] = options.timeout * 1000;
  if (options.extra_headers !== undefined) perCall["headers"] = options.extra_headers;
  if (options.extra_query !== undefined) perCall["query"] = options.extra_query;
  if (options.extra_body !== undefined) perCall["extraBody"] = options.extra_body;
  const resource = (retell as unknown as { [name: string]: { [name: string]: Method } | undefined })[camel(operation.resource)];
  const method = resource?.[camel(operation.name)];
  assert.ok(resource !== undefined && method !== undefined, `no method ${camel(operation.resource)}.${camel(operation.name)}`);
  try {
    const value = await method.call(resource, substitute(vector.params ?? {}), perCall);
    return { attempts: script.attempts, waits, unscripted: script.state.unscripted, value };
  } catch (error) {
    return { attempts: script.attempts, waits, unscripted: script.state.unscripted, error };
  }
}

// --- checks ------------------------------------------------------------------------------------

function requestProblems(attempt: Attempt, expected: RequestExpected): string[] {
  const problems: string[] = [];
  const url = new URL(attempt.url);
  if (attempt.method !== expected.method) problems.push(`method ${attempt.method}, expected ${expected.method}`);
  if (url.pathname !== expected.path) problems.push(`path ${url.pathname}, expected ${expected.path}`);
  const query = [...url.searchParams.entries()].sort();
  const wanted = Object.entries(expected.query ?? {}).sort();
  if (!jsonEqual(query, wanted)) problems.push(`query ${show(query)}, expected ${show(wanted)}`);
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const sent = attempt.headers.get(name);
    if (sent !== value) problems.push(`header ${name}: ${sent === null ? "not sent" : "another value"}, expected ${value.includes(API_KEY) ? "the key" : value}`);
  }
  for (const name of expected.require_headers ?? []) {
    if (!attempt.headers.has(name)) problems.push(`header ${name} was not sent; it must be`);
  }
  for (const name of expected.forbid_headers ?? []) {
    if (attempt.headers.has(name)) problems.push(`header ${name} was sent; it must not be`);
  }
  if (expected.body !== undefined) {
    let body: unknown;
    try {
      body = JSON.parse(attempt.body ?? "");
    } catch {
      problems.push(`the body is not JSON: ${show(attempt.body)}`);
      return problems;
    }
    if (!jsonEqual(body, expected.body)) problems.push(`body ${show(body)}, expected ${show(expected.body)}`);
  }
  return problems;
}

function surfaces(error: unknown): [string, string][] {
  const found: [string, string][] = [
    ["message", error instanceof Error ? error.message : ""],
    ["String()", String(error)],
    ["inspect", inspect(error, { depth: 8 })],
    ["stack", error instanceof Error ? (error.stack ?? "") : ""],
  ];
  if (typeof error === "object" && error !== null) {
    const { body, headers } = error as { body?: unknown; headers?: unknown };
    found.push(["body", show(body ?? null)]);
    if (headers instanceof Headers) found.push(["headers", show(headerList(headers))]);
  }
  return found;
}

function unexpected(outcome: Outcome): string[] {
  if (outcome.unscripted) return [`made an attempt the vector does not script (attempt ${outcome.attempts.length})`];
  if (outcome.error === undefined) return [];
  const error = outcome.error;
  return [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : show(error)}`];
}

function errorProblems(outcome: Outcome, expected: ErrorExpected, masksKey: boolean): string[] {
  if (outcome.unscripted) return [`made an attempt the vector does not script, expected ${expected.class}`];
  if (outcome.error === undefined) return [`returned ${show(outcome.value)}, expected ${expected.class}`];
  const error = outcome.error as { [name: string]: unknown };
  const wanted = (client as unknown as { [name: string]: unknown })[expected.class];
  if (typeof wanted !== "function" || Object.getPrototypeOf(error) !== wanted.prototype) {
    const name = error instanceof Error ? `${error.name}: ${error.message}` : show(error);
    return [`threw ${name}, expected ${expected.class}`];
  }
  const problems: string[] = [];
  for (const name of ["field", "rule", "keyword"] as const) {
    const want = expected[name];
    if (want !== undefined && error[name] !== want) problems.push(`${name} ${show(error[name])}, expected ${show(want)}`);
  }
  if (expected.status !== undefined && error["status"] !== expected.status) problems.push(`status ${show(error["status"])}, expected ${expected.status}`);
  const message = String(error["message"]);
  if (expected.message_contains !== undefined && !message.includes(expected.message_contains)) {
    problems.push(`message ${show(message)} does not say ${show(expected.message_contains)}`);
  }
  if (expected.body !== undefined && !jsonEqual(error["body"], expected.body)) problems.push(`body ${show(error["body"])}, expected ${show(expected.body)}`);
  if (masksKey) {
    for (const [where, text] of surfaces(error)) if (text.includes(API_KEY)) problems.push(`the key shows in the error's ${where}`);
  }
  return problems;
}

function outcomeProblems(outcome: Outcome, expected: OutcomeExpected, masksKey: boolean): string[] {
  if (expected.error !== undefined) return errorProblems(outcome, expected.error, masksKey);
  const problems = unexpected(outcome);
  if (problems.length === 0 && !jsonEqual(outcome.value, expected.value)) problems.push(`returned ${show(outcome.value)}, expected ${show(expected.value)}`);
  return problems;
}

function waitProblems(waits: readonly number[], expected: readonly Wait[]): string[] {
  if (waits.length !== expected.length) return [`waited ${waits.length} times ${show(waits)}, expected ${show(expected)}`];
  return expected.flatMap((rule, index) => {
    const wait = waits[index] ?? Number.NaN;
    if ("seconds" in rule) return Math.abs(wait - rule.seconds) > 0.001 ? [`wait ${index + 1} was ${wait} s, expected ${rule.seconds} s`] : [];
    return wait >= rule.min - 1e-9 && wait <= rule.max + 1e-9 ? [] : [`wait ${index + 1} was ${wait} s, expected ${rule.min}..${rule.max} s`];
  });
}

function success(vector: Vector): Answer {
  const operation = derived.operations[vector.operation];
  if (operation === undefined) return { status: 200 };
  return operation.success_schema === null ? { status: operation.success_status, raw_body: "" } : { status: operation.success_status, body: {} };
}

async function problemsOf(vector: Vector): Promise<string[]> {
  switch (vector.kind) {
    case "request": {
      const outcome = await call(vector, [success(vector)], false);
      const problems = unexpected(outcome);
      const [first, ...rest] = outcome.attempts;
      if (first === undefined || rest.length > 0) return [...problems, `sent ${outcome.attempts.length} requests, expected 1`];
      return [...problems, ...requestProblems(first, substitute(vector.request as RequestExpected))];
    }
    case "rejection": {
      const outcome = await call(vector, [success(vector)], false);
      const problems = errorProblems(outcome, vector.error as ErrorExpected, false);
      if (outcome.attempts.length > 0) problems.push(`sent ${outcome.attempts.length} request(s); a refused call sends none`);
      return problems;
    }
    case "response": {
      const problems: string[] = [];
      for (const mode of ["lenient", "strict"] as const) {
        const expected = vector[mode];
        if (expected === undefined) continue;
        const outcome = await call(vector, [substitute(vector.response as Answer)], mode === "strict", 0);
        const found = outcomeProblems(outcome, expected, vector.masks_key === true);
        if (outcome.attempts.length !== 1) found.push(`sent ${outcome.attempts.length} requests, expected 1`);
        problems.push(...found.map((problem) => `${mode}: ${problem}`));
      }
      return problems;
    }
    case "retry": {
      const outcome = await call(vector, substitute(vector.answers ?? []), false);
      const problems = outcomeProblems(outcome, vector.outcome as OutcomeExpected, false);
      if (outcome.attempts.length !== vector.attempts) problems.push(`made ${outcome.attempts.length} attempts, expected ${vector.attempts}`);
      problems.push(...waitProblems(outcome.waits, vector.waits ?? []));
      const [first, ...again] = outcome.attempts;
      again.forEach((attempt, index) => {
        if (first === undefined) return;
        if (attempt.method !== first.method || attempt.url !== first.url || attempt.body !== first.body) {
          problems.push(`attempt ${index + 2} is not the same request as the first`);
        }
        if (!jsonEqual(headerList(attempt.headers), headerList(first.headers))) problems.push(`attempt ${index + 2} sent other headers than the first`);
      });
      return problems;
    }
  }
  return [`not a client vector: kind ${vector.kind}`];
}

// --- the tests ---------------------------------------------------------------------------------

test("the vector files hold client vectors, and every known failure names one", () => {
  assert.ok(clientVectors.length > 0, "no client vectors loaded");
  const ids = new Set(vectors.map((vector) => vector.id));
  for (const id of Object.keys(knownFailures)) assert.ok(ids.has(id), `known-failures/typescript.json names no vector: ${id}`);
});

// jsonEqual's table (the same as tests/conformance/test_json_equal.py and the Go runner's
// confEqual): JSON texts parsed the way the runner parses bodies, [left, right, equal, why].
const JSON_EQUAL_TABLE: ReadonlyArray<readonly [string, string, boolean, string]> = [
  ['{"a": null}', "{}", false, "absent and null are distinct"],
  ['{"a": null}', '{"a": null}', true, "null equals null"],
  ["null", "{}", false, "null is not an empty object"],
  ['{"a": {"b": null}}', '{"a": {}}', false, "a nested null is not dropped"],
  ['{"a": 1, "b": 2}', '{"b": 2, "a": 1}', true, "key order is free"],
  ['{"a": {"x": 1, "y": 2}}', '{"a": {"y": 2, "x": 1}}', true, "nested key order is free"],
  ['{"a": 1}', '{"a": 1, "b": 2}', false, "an extra key counts"],
  ["1", "1.0", true, "1 and 1.0 are one number"],
  ['{"n": [1]}', '{"n": [1.0]}', true, "1 and 1.0 are one number, nested"],
  ["1", "1.5", false, "different numbers"],
  ["1e400", "1.8e308", true, "beyond a double's range: an infinity"],
  ["true", "1", false, "true is not 1"],
  ["false", "0", false, "false is not 0"],
  ['"1"', "1", false, "a string is not a number"],
  ['""', "null", false, "an empty string is not null"],
  ["[1, 2]", "[2, 1]", false, "arrays are ordered"],
  ["[[1, 2], [3]]", "[[1, 2], [3]]", true, "nested arrays in order"],
  ["[[1, 2], [3]]", "[[2, 1], [3]]", false, "nested arrays are ordered"],
  ['[{"a": 1}, {"b": 2}]', '[{"b": 2}, {"a": 1}]', false, "arrays of objects are ordered"],
  ["[1, 2]", "[1, 2, null]", false, "a trailing null counts"],
  ["[]", "{}", false, "an empty array is not an empty object"],
];

test("jsonEqual: absent and null distinct, key order free, 1 and 1.0 one number, arrays ordered", () => {
  for (const [left, right, equal, why] of JSON_EQUAL_TABLE) {
    const [a, b]: unknown[] = [JSON.parse(left), JSON.parse(right)];
    assert.equal(jsonEqual(a, b), equal, `${why}: ${left} vs ${right}`);
    assert.equal(jsonEqual(b, a), equal, `${why} (swapped): ${right} vs ${left}`);
  }
});

for (const vector of clientVectors) {
  test(vector.id, { timeout: 20_000 }, async (t) => {
    const problems = await problemsOf(vector);
    const reason = knownFailures[vector.id];
    if (reason !== undefined) {
      assert.ok(problems.length > 0, `${vector.id} passes now: remove it from conformance/known-failures/typescript.json`);
      t.diagnostic(`known failure: ${reason}`);
      return;
    }
    assert.deepEqual(problems, [], `${vector.id} (${vector.description}):\n  ${problems.join("\n  ")}`);
  });
}
