// Misuse is refused with a clear error naming what is wrong, before anything is sent: keys and
// base URLs, header values, option values, and request data that is not JSON.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { inspect } from "node:util";

import {
  RetellError,
  Retell,
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

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error: unknown) {
    return error;
  }
  return assert.fail("expected an error");
}

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

for (const [what, key] of BAD_KEYS) {
  test(`an API key with ${what} is refused at construction, naming its source, never the key`, () => {
    let fetched = 0;
    const fetch: Fetch = async () => {
      fetched += 1;
      return new Response("{}", { status: 201 });
    };
    for (const options of [{ apiKey: key }, {}]) {
      process.env.RETELL_API_KEY = key;
      const error = thrown(() => new Retell({ ...options, baseURL: "http://127.0.0.1:9", fetch }));
      assert.ok(error instanceof RetellError, `got ${String(error)}`);
      assert.equal(error.cause, undefined);
      assert.match(error.message, "apiKey" in options ? /^apiKey: / : /^RETELL_API_KEY: /);
      assert.ok(!everything(error).includes(SECRET), `the key shows in: ${everything(error)}`);
    }
    assert.equal(fetched, 0);
  });
}

const BAD_BASE_URLS: ReadonlyArray<readonly [string, string, RegExp]> = [
  ["user info", `https://user:${SECRET}@api.example.com`, /must not contain user info/],
  ["a user name only", `https://${SECRET}@api.example.com`, /must not contain user info/],
  ["no scheme", `api.example.com/${SECRET}`, /must be an absolute http or https URL/],
  ["another scheme", "ftp://api.example.com", /must be an http or https URL/],
  ["a query", `https://api.example.com/?key=${SECRET}`, /must not have a query or fragment/],
];

for (const [what, baseURL, message] of BAD_BASE_URLS) {
  test(`a base URL with ${what} is refused, from the option or the environment, without showing it`, () => {
    const fromOption = thrown(() => new Retell({ apiKey: API_KEY, baseURL }));
    assert.ok(fromOption instanceof RetellError);
    assert.match(fromOption.message, /^baseURL: /);
    assert.match(fromOption.message, message);
    assert.ok(!everything(fromOption).includes(SECRET), everything(fromOption));
    process.env.RETELL_BASE_URL = baseURL;
    const fromEnvironment = thrown(() => new Retell({ apiKey: API_KEY }));
    assert.ok(fromEnvironment instanceof RetellError);
    assert.match(fromEnvironment.message, /^RETELL_BASE_URL: /);
    assert.ok(!everything(fromEnvironment).includes(SECRET));
  });
}

const BAD_OPTIONS: ReadonlyArray<readonly [string, object, RegExp]> = [
  ["a negative timeout", { timeout: -1 }, /^timeout: must be a number of milliseconds > 0/],
  ["a NaN timeout", { timeout: Number.NaN }, /^timeout: /],
  ["a timeout beyond the longest timer", { timeout: 2 ** 31 }, /^timeout: /],
  ["fractional retries", { maxRetries: 1.5 }, /^maxRetries: must be a whole number >= 0/],
  ["negative retries", { maxRetries: -1 }, /^maxRetries: /],
  ["a zero size cap", { maxResponseBytes: 0 }, /^maxResponseBytes: /],
];

for (const [what, options, message] of BAD_OPTIONS) {
  test(`${what} is refused, on the client and per call`, async () => {
    assert.throws(() => new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9", ...options }), (error: unknown) => {
      assert.ok(error instanceof RetellError);
      assert.match(error.message, message);
      return true;
    });
    if ("maxResponseBytes" in options) return; // a client option only
    server = await serve([{ status: 201, body: PHONE_CALL }]);
    const retell = new Retell({ apiKey: API_KEY, baseURL: server.url });
    await assert.rejects(retell.call.createPhoneCall(NUMBERS, options), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.field, Object.keys(options)[0]);
      assert.match(error.message, message);
      return true;
    });
    assert.equal(server.requests.length, 0);
  });
}

test("header values that cannot be sent are refused by name, without showing the value", async () => {
  const fromOptions = thrown(() => new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9", defaultHeaders: { "X-Token": `${SECRET}\n` } }));
  assert.ok(fromOptions instanceof RetellError);
  assert.match(fromOptions.message, /^defaultHeaders\.X-Token: /);
  assert.ok(!everything(fromOptions).includes(SECRET));
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, defaultHeaders: { "X-App": "my app 1.0" } });
  await assert.rejects(retell.call.createPhoneCall(NUMBERS, { headers: { "X-Token": `${SECRET}\u2603` } }), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.field, "headers.X-Token");
    assert.equal(error.rule, "header");
    assert.ok(!everything(error).includes(SECRET));
    return true;
  });
  assert.equal(server.requests.length, 0);
  await retell.call.createPhoneCall(NUMBERS, { headers: { "X-Note": "spaces are fine\there" } });
  assert.equal(server.requests[0]?.headers["x-app"], "my app 1.0");
  assert.equal(server.requests[0]?.headers["x-note"], "spaces are fine\there");
});

test("extra query values and an extra body that are not what they must be are refused", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url });
  const query = { q: { nested: 1 } } as unknown as { [name: string]: string };
  await assert.rejects(retell.call.createPhoneCall(NUMBERS, { query }), { name: "ValidationError", field: "query.q" });
  const extraBody = ["a"] as unknown as { [name: string]: unknown };
  await assert.rejects(retell.call.createPhoneCall(NUMBERS, { extraBody }), { name: "ValidationError", field: "extraBody" });
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
  ["a boxed string", { s: new String("x") }, "metadata.s"],
  ["a function", { f: () => 1 }, "metadata.f"],
  ["a symbol", { s: Symbol("s") }, "metadata.s"],
  ["a symbol key", { [Symbol("k")]: 1 }, "metadata"],
  ["a bigint", { big: 10n }, "metadata.big"],
  ["an object with toJSON", { t: { toJSON: () => "x" } }, "metadata.t.toJSON"],
  ["a cycle", { loop: cyclic }, "metadata.loop.self"],
  ["a lone surrogate", { s: "ok \uD800 no" }, "metadata.s"],
  ["a lone low surrogate", { list: ["\uDC00"] }, "metadata.list.0"],
  ["a key with a lone surrogate", { "\uDBFF": 1 }, "metadata"],
];

for (const [what, metadata, field] of NON_JSON) {
  test(`metadata holding ${what} is refused before sending, naming ${field}`, async () => {
    server = await serve([{ status: 201, body: PHONE_CALL }]);
    const retell = new Retell({ apiKey: API_KEY, baseURL: server.url });
    const body = { ...NUMBERS, metadata } as unknown as CreatePhoneCallRequest;
    await assert.rejects(retell.call.createPhoneCall(body), (error: unknown) => {
      assert.ok(error instanceof ValidationError, `got ${String(error)}`);
      assert.ok(error instanceof RetellError);
      assert.equal(error.field, field);
      assert.equal(error.rule, "json");
      assert.equal(error.keyword, "json");
      assert.ok(error.message.startsWith(`${field}: `), error.message);
      return true;
    });
    assert.equal(server.requests.length, 0);
  });
}

test("metadata that is itself a Date is refused, and plain JSON metadata is sent as is", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url });
  const dated = { ...NUMBERS, metadata: new Date(0) } as unknown as CreatePhoneCallRequest;
  await assert.rejects(retell.call.createPhoneCall(dated), { name: "ValidationError", field: "metadata", rule: "json" });
  const proto = JSON.parse('{"__proto__": {"polluted": true}}') as { [key: string]: unknown };
  const metadata = { a: 1.5, b: [null, true, "x", { c: -0 }], d: Object.create(null) as object, proto, emoji: "\u{1F600}" };
  await retell.call.createPhoneCall({ ...NUMBERS, metadata });
  assert.deepEqual(JSON.parse(server.requests[0]?.body ?? ""), { ...NUMBERS, metadata: JSON.parse(JSON.stringify(metadata)) });
  assert.match(server.requests[0]?.body ?? "", /"proto":\{"__proto__":\{"polluted":true\}\}/);
});

test("a body that is not an object is refused as the spec says (type), one that is not JSON as json", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url });
  const text = "from_number=+1" as unknown as CreatePhoneCallRequest;
  await assert.rejects(retell.call.createPhoneCall(text), { name: "ValidationError", field: "", rule: "type" });
  const missing = undefined as unknown as CreatePhoneCallRequest;
  await assert.rejects(retell.call.createPhoneCall(missing), { name: "ValidationError", field: "", rule: "json" });
  assert.equal(server.requests.length, 0);
});
