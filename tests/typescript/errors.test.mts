// Typed errors by status, redirects, the size cap and the per-attempt deadline.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import {
  APIConnectionError,
  APIError,
  APIResponseTooLargeError,
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
  Retell,
  RetellError,
  UnprocessableEntityError,
  ValidationError,
  type Fetch,
} from "../../generated/typescript/src/index.js";
import { API_KEY, NUMBERS, PHONE_CALL, recordedSleep, rejection, serve, type TestServer } from "./helpers.mjs";

let server: TestServer | undefined;
let other: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  await other?.close();
  server = undefined;
  other = undefined;
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
  test(`status ${status} throws ${ErrorClass.name} carrying status, headers, message and body`, async () => {
    const body = { error_message: `failure ${status}`, detail: { code: status } };
    server = await serve([{ status, body, headers: { "x-request-id": "req_1" } }]);
    const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 });
    const error = await rejection(retell.call.createPhoneCall(NUMBERS));
    assert.ok(error instanceof ErrorClass, `got ${String(error)}`);
    assert.ok(error instanceof APIStatusError);
    assert.ok(error instanceof APIError);
    assert.ok(error instanceof RetellError);
    assert.ok(!(error instanceof ValidationError));
    assert.equal(error.name, ErrorClass.name);
    assert.equal(error.status, status);
    assert.equal(error.headers.get("x-request-id"), "req_1");
    assert.deepEqual(error.body, body);
    assert.equal(error.message, `${status} failure ${status}`);
    assert.equal(server.requests.length, 1);
  });
}

test("an error body that is not JSON is kept as text; an empty one shows the reason phrase", async () => {
  server = await serve([{ status: 502, raw: "<html>bad gateway</html>" }, { status: 503, raw: "" }]);
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 });
  await assert.rejects(retell.call.createPhoneCall(NUMBERS), (error: unknown) => {
    assert.ok(error instanceof InternalServerError);
    assert.equal(error.body, "<html>bad gateway</html>");
    assert.equal(error.message, "502 <html>bad gateway</html>");
    return true;
  });
  await assert.rejects(retell.call.createPhoneCall(NUMBERS), { status: 503, body: undefined, message: "503 Service Unavailable" });
});

test("a redirect is not followed: the 3xx is an APIStatusError, and nothing reaches the other origin", async () => {
  other = await serve([{ status: 201, body: PHONE_CALL }]);
  for (const status of [301, 302, 303, 307, 308]) {
    server = await serve([{ status, headers: { location: `${other.url}/v2/create-phone-call` } }]);
    const { sleep } = recordedSleep();
    const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, retryUnsafe: true, sleep });
    const error = await rejection(retell.call.createPhoneCall(NUMBERS));
    assert.ok(error instanceof APIStatusError, `${status}: ${String(error)}`);
    assert.equal(error.status, status);
    assert.equal(error.headers.get("location"), `${other.url}/v2/create-phone-call`);
    assert.equal(server.requests.length, 1, `${status} is not retried`);
    await server.close();
    server = undefined;
  }
  assert.equal(other.requests.length, 0);
});

test("an answer over maxResponseBytes stops the read and throws APIResponseTooLargeError", async () => {
  const total = 64 * 1024 * 1024;
  server = await serve([{ status: 201, streamBytes: total }]);
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, maxResponseBytes: 256 * 1024, retryUnsafe: true });
  const error = await rejection(retell.call.createPhoneCall(NUMBERS));
  assert.ok(error instanceof APIResponseTooLargeError, String(error));
  assert.ok(error instanceof APIError);
  assert.equal(error.status, 201);
  assert.equal(error.limit, 256 * 1024);
  assert.match(error.message, /larger than maxResponseBytes \(262144 bytes\)/);
  assert.equal(server.requests.length, 1);
  for (let tries = 0; tries < 100 && !server.written.closedEarly; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(server.written.bytes < total, `the server wrote all ${server.written.bytes} bytes`);
  assert.ok(server.written.closedEarly, "the connection was not dropped");
});

test("a declared Content-Length over the cap is refused before reading a byte", async () => {
  let pulled = 0;
  const fetch: Fetch = async () => {
    // A body that never ends: reading it would wait for the timeout.
    const body = new ReadableStream<Uint8Array>({ pull: () => void (pulled += 1) });
    return new Response(body, { status: 500, headers: { "content-length": String(64 * 1024 * 1024) } });
  };
  const retell = new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9", fetch, maxResponseBytes: 4096, timeout: 5_000 });
  await assert.rejects(retell.call.createPhoneCall(NUMBERS), { name: "APIResponseTooLargeError", status: 500 });
  assert.ok(pulled <= 1, `the body was read (${pulled} pulls)`);
});

test("an answer within the cap is read in full", async () => {
  const transcript = "x".repeat(200_000);
  server = await serve([{ status: 201, body: { ...PHONE_CALL, transcript } }]);
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, maxResponseBytes: 256 * 1024 });
  assert.equal((await retell.call.createPhoneCall(NUMBERS)).transcript, transcript);
});

test("a body dripped slower than the timeout ends the attempt with APITimeoutError", async () => {
  server = await serve([{ status: 201, drip: { chunk: " ", everyMs: 50, count: 200 } }]);
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, timeout: 300 });
  const error = await rejection(retell.call.createPhoneCall(NUMBERS));
  assert.ok(error instanceof APITimeoutError, String(error));
  assert.ok(error instanceof APIConnectionError);
  assert.equal(server.requests.length, 1, "a timeout after sending is not retried on a create");
});

/** `promise`, or a failure after `ms` milliseconds (so a hang fails the test instead of stalling it). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

test("the timeout holds even for a fetch, or a body stream, that ignores the abort signal", async () => {
  const never: Fetch = () => new Promise<Response>(() => undefined);
  const silent: Fetch = async () => new Response(new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) }), { status: 201 });
  for (const fetch of [never, silent]) {
    const retell = new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9", fetch, timeout: 200, maxRetries: 0 });
    const error = await within(rejection(retell.call.createPhoneCall(NUMBERS)), 5_000);
    assert.ok(error instanceof APITimeoutError, String(error));
  }
});
