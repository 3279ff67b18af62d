// Review findings: keys that cannot be header values, non-JSON request data, one Retry-After
// rule for both clients (the table in retry-after.json), and maxRetries 0 meaning one request.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, test } from "node:test";
import { inspect } from "node:util";

import { retryAfterMs } from "../../generated/typescript/src/core.js";
import {
  APIConnectionError,
  APIError,
  APIStatusError,
  APITimeoutError,
  RetellClient,
  ValidationError,
  type CreatePhoneCallRequest,
  type Fetch,
} from "../../generated/typescript/src/index.js";
import { API_KEY, NUMBERS, PHONE_CALL, serve, type TestServer } from "./helpers.mjs";

let server: TestServer | undefined;
const savedEnv = { ...process.env };

afterEach(async () => {
  await server?.close();
  server = undefined;
  process.env = { ...savedEnv };
});

const SECRET = "sk_live_SECRET";
const BAD_KEYS: ReadonlyArray<readonly [string, string]> = [
  ["a trailing newline", `${SECRET}\n`],
  ["a trailing CRLF", `${SECRET}\r\n`],
  ["a leading tab", `\t${SECRET}`],
  ["an inner space", `${SECRET} x`],
  ["an inner newline", `${SECRET}\nX-Injected: 1`],
  ["a NUL", `${SECRET}\u0000`],
  ["a latin-1 letter", `${SECRET}\u00e9`],
  ["a character beyond latin-1", `${SECRET}\u2603`],
  ["a line separator", `${SECRET}\u2028`],
];

/** Every text an error shows: message, stack, cause chain, util.inspect. */
function everything(error: unknown): string {
  const parts: string[] = [inspect(error, { showHidden: true, depth: null })];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof Error) parts.push(current.message, current.stack ?? "");
    else parts.push(String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join("\n");
}

for (const [what, key] of BAD_KEYS) {
  test(`an API key with ${what} is refused at construction, without showing it`, () => {
    let fetched = 0;
    const fetch: Fetch = async () => {
      fetched += 1;
      return new Response("{}", { status: 201 });
    };
    for (const options of [{ apiKey: key }, {}]) {
      process.env.RETELL_API_KEY = key;
      const error = (() => {
        try {
          new RetellClient({ ...options, baseURL: "http://127.0.0.1:1", fetch });
        } catch (caught: unknown) {
          return caught;
        }
        return assert.fail("expected the key to be refused");
      })();
      assert.ok(error instanceof APIError, `got ${String(error)}`);
      assert.equal(error.cause, undefined);
      assert.match(error.message, "apiKey" in options ? /^apiKey: / : /^RETELL_API_KEY: /);
      assert.ok(!everything(error).includes(SECRET), `the key shows in: ${everything(error)}`);
    }
    assert.equal(fetched, 0);
  });
}

test("an Idempotency-Key that cannot be a header value is refused before sending", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  await assert.rejects(client.createPhoneCall(NUMBERS, { idempotencyKey: "key\n" }), {
    name: "ValidationError",
    field: "idempotencyKey",
  });
  assert.equal(server.requests.length, 0);
});

class Point {
  constructor(readonly x: number) {}
}

const sparse: unknown[] = [1];
sparse[2] = 3;
const cyclic: { [key: string]: unknown } = {};
cyclic.self = cyclic;

const NON_JSON: ReadonlyArray<readonly [string, unknown, string]> = [
  ["Infinity", { a: Infinity }, "metadata.a"],
  ["-Infinity", { a: -Infinity }, "metadata.a"],
  ["NaN", { a: Number.NaN }, "metadata.a"],
  ["a Date", { when: new Date(0) }, "metadata.when"],
  ["undefined", { gone: undefined }, "metadata.gone"],
  ["undefined in an array", { list: [1, undefined] }, "metadata.list.1"],
  ["a hole in an array", { list: sparse }, "metadata.list.1"],
  ["a nested NaN", { deep: { deeper: [0, { n: Number.NaN }] } }, "metadata.deep.deeper.1.n"],
  ["a Map", { map: new Map([["a", 1]]) }, "metadata.map"],
  ["a class instance", { point: new Point(1) }, "metadata.point"],
  ["a function", { f: () => 1 }, "metadata.f"],
  ["a symbol", { s: Symbol("s") }, "metadata.s"],
  ["a bigint", { big: 10n }, "metadata.big"],
  ["an object with toJSON", { t: { toJSON: () => "x" } }, "metadata.t.toJSON"],
  ["a cycle", { loop: cyclic }, "metadata.loop.self"],
];

for (const [what, metadata, field] of NON_JSON) {
  test(`metadata holding ${what} is refused before sending, naming ${field}`, async () => {
    server = await serve([{ status: 201, body: PHONE_CALL }]);
    const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
    const body = { ...NUMBERS, metadata } as unknown as CreatePhoneCallRequest;
    await assert.rejects(client.createPhoneCall(body), (error: unknown) => {
      assert.ok(error instanceof ValidationError, `got ${String(error)}`);
      assert.equal(error.field, field);
      assert.equal(error.rule, "json");
      assert.ok(error.message.startsWith(`${field}: `), error.message);
      return true;
    });
    assert.equal(server.requests.length, 0);
  });
}

test("metadata that is itself a Date is refused, and plain JSON metadata is sent as is", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  const dated = { ...NUMBERS, metadata: new Date(0) } as unknown as CreatePhoneCallRequest;
  await assert.rejects(client.createPhoneCall(dated), { name: "ValidationError", field: "metadata", rule: "json" });
  const metadata = { a: 1.5, b: [null, true, "x", { c: -0 }], d: Object.create(null) as object };
  await client.createPhoneCall({ ...NUMBERS, metadata });
  assert.deepEqual(JSON.parse(server.requests[0]?.body ?? ""), { ...NUMBERS, metadata: JSON.parse(JSON.stringify(metadata)) });
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

const ONE_SHOT: ReadonlyArray<readonly [string, () => Promise<Response>, new (...args: never[]) => Error]> = [
  ["500", async () => new Response('{"error_message":"down"}', { status: 500 }), APIStatusError],
  ["503 with Retry-After 0", async () => new Response("{}", { status: 503, headers: { "retry-after": "0" } }), APIStatusError],
  ["429", async () => new Response("{}", { status: 429, headers: { "retry-after-ms": "0" } }), APIStatusError],
  ["408", async () => new Response("{}", { status: 408 }), APIStatusError],
  ["409", async () => new Response("{}", { status: 409 }), APIStatusError],
  [
    "a connection error",
    async () => {
      throw new TypeError("fetch failed");
    },
    APIConnectionError,
  ],
];

for (const [what, answer, errorClass] of ONE_SHOT) {
  test(`maxRetries 0 sends exactly one request on ${what}`, async () => {
    let calls = 0;
    const fetch: Fetch = async () => {
      calls += 1;
      return answer();
    };
    const client = new RetellClient({ apiKey: API_KEY, baseURL: "http://127.0.0.1:1", fetch, maxRetries: 0 });
    await assert.rejects(client.createPhoneCall(NUMBERS), errorClass);
    assert.equal(calls, 1);
    const perCall = new RetellClient({ apiKey: API_KEY, baseURL: "http://127.0.0.1:1", fetch });
    await assert.rejects(perCall.createPhoneCall(NUMBERS, { maxRetries: 0 }), errorClass);
    assert.equal(calls, 2);
  });
}

test("maxRetries 0 sends exactly one request when the answer times out", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL, delayMs: 1_000 }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, timeout: 100, maxRetries: 0 });
  await assert.rejects(client.createPhoneCall(NUMBERS), APITimeoutError);
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(server.requests.length, 1);
});

test("header values that cannot be sent are refused by name, without showing the value", async () => {
  assert.throws(
    () => new RetellClient({ apiKey: API_KEY, baseURL: "http://127.0.0.1:1", defaultHeaders: { "X-Token": `${SECRET}\n` } }),
    (error: unknown) => {
      assert.ok(error instanceof APIError);
      assert.match(error.message, /^defaultHeaders\.X-Token: /);
      assert.ok(!everything(error).includes(SECRET));
      return true;
    },
  );
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, defaultHeaders: { "X-App": "my app 1.0" } });
  await assert.rejects(client.createPhoneCall(NUMBERS, { headers: { "X-Token": `${SECRET}\u2603` } }), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.field, "headers.X-Token");
    assert.ok(!everything(error).includes(SECRET));
    return true;
  });
  assert.equal(server.requests.length, 0);
  await client.createPhoneCall(NUMBERS, { headers: { "X-Note": "spaces are fine\there" } });
  assert.equal(server.requests[0]?.headers["x-app"], "my app 1.0");
  assert.equal(server.requests[0]?.headers["x-note"], "spaces are fine\there");
});
