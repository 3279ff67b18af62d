// The retry policy, row by row (README, "Retries"): never a duplicate paid call by default.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, test } from "node:test";

import { backoffMs, notSent, retryAfterMs } from "../../generated/typescript/src/retry.js";
import {
  APIConnectionError,
  APIResponseTooLargeError,
  APIStatusError,
  APITimeoutError,
  InternalServerError,
  RateLimitError,
  Retell,
  ValidationError,
  type Fetch,
} from "../../generated/typescript/src/index.js";
import {
  API_KEY,
  NUMBERS,
  PHONE_CALL,
  closedPort,
  recordedSleep,
  rejection,
  serve,
  type Reply,
  type TestServer,
} from "./helpers.mjs";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function client(replies: readonly Reply[], options: { retryUnsafe?: boolean; timeout?: number } = {}) {
  server = await serve(replies);
  const { waits, sleep } = recordedSleep();
  return { retell: new Retell({ apiKey: API_KEY, baseURL: server.url, sleep, ...options }), waits, server };
}

test("500 then 201: one request by default (the create may have been placed)", async () => {
  const { retell, server } = await client([{ status: 500, body: { error_message: "boom" } }, { status: 201, body: PHONE_CALL }]);
  await assert.rejects(retell.call.createPhoneCall(NUMBERS), InternalServerError);
  assert.equal(server.requests.length, 1);
});

test("500 then 201 with retryUnsafe: two requests", async () => {
  const { retell, server, waits } = await client([{ status: 500 }, { status: 201, body: PHONE_CALL }], { retryUnsafe: true });
  assert.equal((await retell.call.createPhoneCall(NUMBERS)).call_id, PHONE_CALL.call_id);
  assert.equal(server.requests.length, 2);
  assert.equal(waits.length, 1);
});

for (const status of [408, 409, 502, 503]) {
  test(`${status} is retried only with retryUnsafe on a create`, async () => {
    const plain = await client([{ status }, { status: 201, body: PHONE_CALL }]);
    await assert.rejects(plain.retell.call.createPhoneCall(NUMBERS), APIStatusError);
    assert.equal(plain.server.requests.length, 1);
    await plain.server.close();
    const unsafe = await client([{ status }, { status: 201, body: PHONE_CALL }], { retryUnsafe: true });
    await unsafe.retell.call.createPhoneCall(NUMBERS);
    assert.equal(unsafe.server.requests.length, 2);
  });
}

test("429 (Retry-After: 0) then 201: two requests, waiting what the server asked", async () => {
  const { retell, server, waits } = await client([
    { status: 429, body: { error_message: "slow down" }, headers: { "retry-after": "0" } },
    { status: 201, body: PHONE_CALL },
  ]);
  assert.equal((await retell.call.createPhoneCall(NUMBERS)).call_id, PHONE_CALL.call_id);
  assert.equal(server.requests.length, 2);
  assert.deepEqual(waits, [0]);
  assert.equal(server.requests[0]?.body, server.requests[1]?.body);
});

test("429 without a wait backs off; after maxRetries it throws RateLimitError", async () => {
  const { retell, server, waits } = await client([{ status: 429 }]);
  await assert.rejects(retell.call.createPhoneCall(NUMBERS), RateLimitError);
  assert.equal(server.requests.length, 3);
  assert.equal(waits.length, 2);
  // 0.5 s then 1 s, less up to 25 % jitter each.
  assert.ok(waits[0] !== undefined && waits[0] > 375 && waits[0] <= 500, String(waits[0]));
  assert.ok(waits[1] !== undefined && waits[1] > 750 && waits[1] <= 1000, String(waits[1]));
});

test("Retry-After seconds and retry-after-ms are honoured, a wait beyond 60 s is not", async () => {
  const { retell, waits } = await client([
    { status: 429, headers: { "retry-after": "2" } },
    { status: 429, headers: { "retry-after-ms": "30" } },
    { status: 429, headers: { "retry-after": "3600" } },
    { status: 201, body: PHONE_CALL },
  ]);
  await retell.call.createPhoneCall(NUMBERS, { maxRetries: 3 });
  assert.deepEqual(waits.slice(0, 2), [2000, 30]);
  // The third wait is the backoff of the third retry (2 s less up to 25 %), not 3600 s.
  assert.ok(waits[2] !== undefined && waits[2] > 1500 && waits[2] <= 2000, String(waits[2]));
});

test("a connection refused, then 201: two requests (nothing was sent the first time)", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const port = await closedPort();
  let calls = 0;
  const fetch: Fetch = (input, init) => {
    calls += 1;
    const target = calls === 1 ? input.replace(server?.url ?? "", `http://127.0.0.1:${port}`) : input;
    return globalThis.fetch(target, init);
  };
  const { sleep, waits } = recordedSleep();
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, fetch, sleep });
  assert.equal((await retell.call.createPhoneCall(NUMBERS)).call_id, PHONE_CALL.call_id);
  assert.equal(calls, 2);
  assert.equal(server.requests.length, 1);
  assert.equal(waits.length, 1);
});

test("a refused connection is retried up to maxRetries, then APIConnectionError", async () => {
  const port = await closedPort();
  const { sleep, waits } = recordedSleep();
  const retell = new Retell({ apiKey: API_KEY, baseURL: `http://127.0.0.1:${port}`, sleep });
  const error = await rejection(retell.call.createPhoneCall(NUMBERS));
  assert.ok(error instanceof APIConnectionError && !(error instanceof APITimeoutError), String(error));
  assert.equal(error.status, undefined);
  assert.match(error.message, /^Connection error: .*ECONNREFUSED/);
  assert.equal(waits.length, 2);
});

test("a connection dropped after sending: one request by default, two with retryUnsafe", async () => {
  const plain = await client([{ drop: true }, { status: 201, body: PHONE_CALL }]);
  await assert.rejects(plain.retell.call.createPhoneCall(NUMBERS), (error: unknown) => error instanceof APIConnectionError);
  assert.equal(plain.server.requests.length, 1);
  await plain.server.close();
  const unsafe = await client([{ drop: true }, { status: 201, body: PHONE_CALL }], { retryUnsafe: true });
  await unsafe.retell.call.createPhoneCall(NUMBERS);
  assert.equal(unsafe.server.requests.length, 2);
});

test("a timeout after sending: one request by default, two with retryUnsafe", async () => {
  const plain = await client([{ status: 201, body: PHONE_CALL, delayMs: 2_000 }, { status: 201, body: PHONE_CALL }], { timeout: 100 });
  const error = await rejection(plain.retell.call.createPhoneCall(NUMBERS));
  assert.ok(error instanceof APITimeoutError, String(error));
  assert.match(error.message, /timed out after 100 ms/);
  assert.equal(plain.server.requests.length, 1);
  await plain.server.close();
  const unsafe = await client([{ status: 201, body: PHONE_CALL, delayMs: 2_000 }, { status: 201, body: PHONE_CALL }], { timeout: 100, retryUnsafe: true });
  await unsafe.retell.call.createPhoneCall(NUMBERS);
  assert.equal(unsafe.server.requests.length, 2);
});

test("a per-call timeout overrides the client's", async () => {
  const { retell } = await client([{ status: 201, body: PHONE_CALL, delayMs: 2_000 }], { timeout: 60_000 });
  await assert.rejects(retell.call.createPhoneCall(NUMBERS, { timeout: 100 }), APITimeoutError);
});

for (const status of [400, 401, 402, 403, 404, 413, 415, 422]) {
  test(`${status} is never retried, not even with retryUnsafe`, async () => {
    const { retell, server } = await client([{ status, body: { error_message: "no" } }, { status: 201, body: PHONE_CALL }], { retryUnsafe: true });
    await assert.rejects(retell.call.createPhoneCall(NUMBERS), APIStatusError);
    assert.equal(server.requests.length, 1);
  });
}

test("a validation error and a too-large answer are never retried", async () => {
  const { retell, server } = await client([{ status: 201, raw: JSON.stringify({ ...PHONE_CALL, transcript: "x".repeat(4096) }) }], { retryUnsafe: true });
  await assert.rejects(retell.call.createPhoneCall({ ...NUMBERS, to_number: "555" }), ValidationError);
  assert.equal(server.requests.length, 0);
  await assert.rejects(retell.withOptions({ maxResponseBytes: 1024 }).call.createPhoneCall(NUMBERS), APIResponseTooLargeError);
  assert.equal(server.requests.length, 1);
});

const ONE_SHOT: ReadonlyArray<readonly [string, () => Promise<Response>]> = [
  ["429", async () => new Response("{}", { status: 429, headers: { "retry-after-ms": "0" } })],
  [
    "a connection refused",
    async () => {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    },
  ],
];

for (const [what, answer] of ONE_SHOT) {
  test(`maxRetries 0 sends exactly one request on ${what}`, async () => {
    let calls = 0;
    const fetch: Fetch = async () => {
      calls += 1;
      return answer();
    };
    const { sleep } = recordedSleep();
    const retell = new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9", fetch, sleep, maxRetries: 0 });
    await assert.rejects(retell.call.createPhoneCall(NUMBERS), Error);
    assert.equal(calls, 1);
    const perCall = new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9", fetch, sleep });
    await assert.rejects(perCall.call.createPhoneCall(NUMBERS, { maxRetries: 0 }), Error);
    assert.equal(calls, 2);
    await assert.rejects(perCall.call.createPhoneCall(NUMBERS), Error);
    assert.equal(calls, 5, "the default allows two retries");
  });
}

test("an aborted call is not retried, and an abort during a wait ends it at once", async () => {
  const { retell, server } = await client([{ status: 201, body: PHONE_CALL, delayMs: 5_000 }], { retryUnsafe: true });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  await assert.rejects(retell.call.createPhoneCall(NUMBERS, { signal: controller.signal }), /aborted/);
  assert.equal(server.requests.length, 1);
  await server.close();
  const waiting = await serve([{ status: 503, headers: { "retry-after": "30" } }]);
  try {
    const real = new Retell({ apiKey: API_KEY, baseURL: waiting.url, retryUnsafe: true });
    const later = new AbortController();
    setTimeout(() => later.abort(), 100);
    await assert.rejects(real.call.createPhoneCall(NUMBERS, { signal: later.signal }), APIConnectionError);
    assert.equal(waiting.requests.length, 1);
  } finally {
    await waiting.close();
  }
});

test("which fetch failures mean 'not sent' (undici's causes)", () => {
  const cause = (code: string) => new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
  for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]) {
    assert.equal(notSent(cause(code)), true, code);
  }
  for (const code of ["ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "UND_ERR_HEADERS_TIMEOUT"]) assert.equal(notSent(cause(code)), false, code);
  assert.equal(notSent(new TypeError("fetch failed")), false);
  const every = new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" }), Object.assign(new Error("b"), { code: "ECONNREFUSED" })]);
  assert.equal(notSent(new TypeError("fetch failed", { cause: every })), true);
  const some = new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" }), Object.assign(new Error("b"), { code: "ECONNRESET" })]);
  assert.equal(notSent(new TypeError("fetch failed", { cause: some })), false);
});

test("backoff doubles from 0.5 s to 8 s, less up to 25 % jitter", () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 9].map((retry) => backoffMs(retry, () => 0)), [500, 1000, 2000, 4000, 8000, 8000, 8000]);
  assert.deepEqual([0, 4].map((retry) => backoffMs(retry, () => 1)), [375, 6000]);
});

interface RetryAfterTable {
  readonly now: number;
  readonly cases: ReadonlyArray<{ readonly headers: { readonly [name: string]: string }; readonly ms: number | null }>;
}

test("Retry-After follows the shared table (tests/typescript/retry-after.json)", () => {
  const table = JSON.parse(readFileSync("tests/typescript/retry-after.json", "utf8")) as RetryAfterTable;
  assert.ok(table.cases.length > 20);
  for (const { headers, ms } of table.cases) {
    assert.equal(retryAfterMs(new Headers(headers), table.now) ?? null, ms, JSON.stringify(headers));
  }
});
