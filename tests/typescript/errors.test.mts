// Typed errors by status, retries (backoff, Retry-After, idempotency), timeouts, connection errors.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import {
  APIConnectionError,
  APIError,
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
  RetellClient,
  UnprocessableEntityError,
} from "../../generated/typescript/src/index.js";
import { API_KEY, NUMBERS, PHONE_CALL, closedPort, serve, type TestServer } from "./helpers.mjs";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const CLASSES: ReadonlyArray<readonly [number, abstract new (...args: never[]) => APIStatusError]> = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [402, PaymentRequiredError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [503, InternalServerError],
  [418, APIStatusError],
];

for (const [status, ErrorClass] of CLASSES) {
  test(`status ${status} throws ${ErrorClass.name} carrying status, message and body`, async () => {
    const body = { error_message: `failure ${status}`, detail: { code: status } };
    server = await serve([{ status, body }]);
    const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 });
    const error = await client.createPhoneCall(NUMBERS).then(
      () => assert.fail("expected an error"),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof ErrorClass, `got ${String(error)}`);
    assert.ok(error instanceof APIStatusError);
    assert.ok(error instanceof APIError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, ErrorClass.name);
    assert.equal(error.status, status);
    assert.deepEqual(error.body, body);
    assert.match(error.message, new RegExp(`^${status} failure ${status}$`));
    assert.equal(server.requests.length, 1);
  });
}

test("a body that is not JSON is kept as text", async () => {
  server = await serve([{ status: 502, raw: "<html>bad gateway</html>" }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 });
  await assert.rejects(client.createPhoneCall(NUMBERS), (error: unknown) => {
    assert.ok(error instanceof InternalServerError);
    assert.equal(error.body, "<html>bad gateway</html>");
    assert.equal(error.message, "502 <html>bad gateway</html>");
    return true;
  });
});

test("429 is retried after the Retry-After seconds, with the same Idempotency-Key", async () => {
  server = await serve([
    { status: 429, body: { error_message: "slow down" }, headers: { "retry-after": "1" } },
    { status: 201, body: PHONE_CALL },
  ]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  const call = await client.createPhoneCall(NUMBERS);
  assert.equal(call.call_id, PHONE_CALL.call_id);
  const [first, second] = server.requests;
  assert.ok(first && second);
  assert.equal(server.requests.length, 2);
  assert.ok(second.at - first.at >= 950, `waited only ${second.at - first.at} ms`);
  assert.equal(first.headers["idempotency-key"], second.headers["idempotency-key"]);
  assert.equal(first.body, second.body);
});

test("retry-after-ms and an HTTP-date Retry-After are honoured too", async () => {
  server = await serve([
    { status: 503, headers: { "retry-after-ms": "30" } },
    { status: 429, headers: { "retry-after": new Date(Date.now() - 1000).toUTCString() } },
    { status: 201, body: PHONE_CALL },
  ]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  const started = Date.now();
  await client.createPhoneCall(NUMBERS);
  assert.equal(server.requests.length, 3);
  // 30 ms, then a date in the past (0 ms): far below the 0.5 s + 1 s of the default backoff.
  assert.ok(Date.now() - started < 450, `took ${Date.now() - started} ms`);
});

test("5xx, 408 and 409 are retried with backoff up to maxRetries, then thrown", async () => {
  server = await serve([{ status: 408 }, { status: 409 }, { status: 500, body: { error_message: "boom" } }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, maxRetries: 2 });
  const started = Date.now();
  await assert.rejects(client.createPhoneCall(NUMBERS), InternalServerError);
  const elapsed = Date.now() - started;
  assert.equal(server.requests.length, 3);
  // Backoff 0.5 s then 1 s, less up to 25 % jitter each.
  assert.ok(elapsed >= 1100, `retried after only ${elapsed} ms`);
  const keys = new Set(server.requests.map((request) => request.headers["idempotency-key"]));
  assert.equal(keys.size, 1);
});

test("two calls get two different Idempotency-Keys", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  await client.createPhoneCall(NUMBERS);
  await client.createPhoneCall(NUMBERS);
  assert.notEqual(server.requests[0]?.headers["idempotency-key"], server.requests[1]?.headers["idempotency-key"]);
});

for (const status of [400, 401, 402, 403, 404, 422]) {
  test(`${status} is never retried`, async () => {
    server = await serve([{ status, body: { error_message: "no" } }, { status: 201, body: PHONE_CALL }]);
    const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, maxRetries: 3 });
    await assert.rejects(client.createPhoneCall(NUMBERS), APIStatusError);
    assert.equal(server.requests.length, 1);
  });
}

test("a slow server raises APITimeoutError after the timeout", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL, delayMs: 5_000 }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, timeout: 150, maxRetries: 0 });
  const started = Date.now();
  await assert.rejects(client.createPhoneCall(NUMBERS), (error: unknown) => {
    assert.ok(error instanceof APITimeoutError);
    assert.ok(error instanceof APIConnectionError);
    assert.equal(error.status, undefined);
    assert.match(error.message, /timed out after 150 ms/);
    return true;
  });
  assert.ok(Date.now() - started < 2_000);
});

test("a timeout is retried, and a per-call timeout overrides the client's", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL, delayMs: 5_000 }, { status: 201, body: PHONE_CALL }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, timeout: 60_000 });
  const call = await client.createPhoneCall(NUMBERS, { timeout: 150, maxRetries: 1 });
  assert.equal(call.call_id, PHONE_CALL.call_id);
  assert.equal(server.requests.length, 2);
});

test("a refused connection raises APIConnectionError after the retries", async () => {
  const port = await closedPort();
  const client = new RetellClient({ apiKey: API_KEY, baseURL: `http://127.0.0.1:${port}`, maxRetries: 1 });
  await assert.rejects(client.createPhoneCall(NUMBERS), (error: unknown) => {
    assert.ok(error instanceof APIConnectionError);
    assert.ok(!(error instanceof APITimeoutError));
    assert.equal(error.status, undefined);
    assert.equal(error.body, undefined);
    return true;
  });
});

test("an aborted call is not retried", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL, delayMs: 5_000 }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, maxRetries: 3 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  await assert.rejects(client.createPhoneCall(NUMBERS, { signal: controller.signal }), /aborted/);
  assert.equal(server.requests.length, 1);
});

test("an abort during the wait between retries ends the call at once", async () => {
  server = await serve([{ status: 503, headers: { "retry-after": "30" } }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, maxRetries: 3 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const started = Date.now();
  await assert.rejects(client.createPhoneCall(NUMBERS, { signal: controller.signal }), APIConnectionError);
  assert.ok(Date.now() - started < 2_000);
  assert.equal(server.requests.length, 1);
});

test("a refused connection says why", async () => {
  const port = await closedPort();
  const client = new RetellClient({ apiKey: API_KEY, baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
  await assert.rejects(client.createPhoneCall(NUMBERS), /^APIConnectionError: Connection error: .*ECONNREFUSED/);
});
