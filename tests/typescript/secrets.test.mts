// The API key never shows: not in the client's JSON, string or inspect rendering, not in any
// error, whatever the server echoes back (in any encoding).
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { inspect } from "node:util";

import { APIError, Retell, type CreatePhoneCallRequest, type Fetch } from "../../generated/typescript/src/index.js";
import { API_KEY, NUMBERS, PHONE_CALL, closedPort, rejection, serve, type TestServer } from "./helpers.mjs";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function renderings(value: unknown): string[] {
  const texts = [
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value),
    inspect(value, { showHidden: true, depth: null, getters: true }),
    inspect(value, { showHidden: true, depth: null, customInspect: false }),
  ];
  if (value instanceof Error) texts.push(value.message, value.stack ?? "", inspect(value.cause, { showHidden: true, depth: null }));
  if (value instanceof APIError) {
    const headers: string[] = [];
    value.headers?.forEach((text, name) => headers.push(`${name}: ${text}`));
    texts.push(JSON.stringify(value.body ?? null), headers.join("\n"));
  }
  return texts;
}

const ENCODED = [
  API_KEY,
  encodeURIComponent(API_KEY),
  Buffer.from(API_KEY).toString("base64"),
  Buffer.from(`Bearer ${API_KEY}`).toString("base64"),
  Buffer.from(`Bearer ${API_KEY}`).toString("base64url"),
];

function assertNoKey(value: unknown): void {
  for (const text of renderings(value)) {
    for (const form of ENCODED) assert.ok(!text.includes(form), `the key (${form}) shows in: ${text}`);
  }
}

test("the client's renderings never show the key", () => {
  const client = new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9" });
  assertNoKey(client);
  assertNoKey(client.call);
  assertNoKey(client.withOptions({ timeout: 5 }));
  assert.deepEqual(Object.keys(client).sort(), [
    "baseURL",
    "call",
    "defaultHeaders",
    "maxResponseBytes",
    "maxRetries",
    "retryUnsafe",
    "strictResponseValidation",
    "timeout",
  ]);
  assert.match(inspect(client), /^Retell \{"baseURL":"http:\/\/127\.0\.0\.1:9"/);
});

test("an error whose server echoes the key, in a body, a header or the reason phrase, has it redacted", async () => {
  server = await serve((request) => ({
    status: 401,
    headers: { "x-echo": String(request.headers.authorization), "www-authenticate": `Bearer realm="${API_KEY}"` },
    body: {
      error_message: `invalid key ${String(request.headers.authorization)}`,
      echo: [request.headers.authorization, encodeURIComponent(API_KEY), Buffer.from(`Bearer ${API_KEY}`).toString("base64")],
      [API_KEY]: "as a key",
    },
  }));
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 });
  const error = await rejection(retell.call.createPhoneCall(NUMBERS));
  assertNoKey(error);
  assert.match((error as Error).message, /^401 invalid key Bearer \[REDACTED\]$/);
  assert.equal((error as APIError).headers?.get("x-echo"), "Bearer [REDACTED]");
});

test("a reason phrase that echoes the key is redacted from the message", async () => {
  const fetch: Fetch = async () => new Response("", { status: 400, statusText: `Bad key Bearer ${API_KEY}` });
  const retell = new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9", fetch, maxRetries: 0 });
  const error = await rejection(retell.call.createPhoneCall(NUMBERS));
  assertNoKey(error);
  assert.equal((error as Error).message, "400 Bad key Bearer [REDACTED]");
});

test("a fetch failure that names the key keeps neither the key nor that cause", async () => {
  const fetch: Fetch = async (_input, init) => {
    throw new TypeError(`fetch failed for ${new Headers(init.headers).get("authorization") ?? ""}`);
  };
  const retell = new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9", fetch, maxRetries: 0 });
  const error = await rejection(retell.call.createPhoneCall(NUMBERS));
  assertNoKey(error);
  assert.equal((error as Error).cause, undefined);
  assert.match((error as Error).message, /\[REDACTED\]/);
});

test("connection, timeout, validation and response errors never show the key", async () => {
  const port = await closedPort();
  const refused = new Retell({ apiKey: API_KEY, baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
  assertNoKey(await rejection(refused.call.createPhoneCall(NUMBERS)));

  server = await serve([
    { status: 201, body: {}, delayMs: 2_000 },
    { status: 201, body: { ...PHONE_CALL, call_status: API_KEY } },
    { status: 201, raw: `not json ${API_KEY}` },
  ]);
  const slow = new Retell({ apiKey: API_KEY, baseURL: server.url, timeout: 100, maxRetries: 0, strictResponseValidation: true });
  assertNoKey(await rejection(slow.call.createPhoneCall(NUMBERS)));
  assertNoKey(await rejection(slow.call.createPhoneCall(NUMBERS, { timeout: 5_000 })));
  assertNoKey(await rejection(slow.call.createPhoneCall(NUMBERS, { timeout: 5_000 })));

  const bad = { ...NUMBERS, to_number: API_KEY } as CreatePhoneCallRequest;
  assertNoKey(await rejection(slow.call.createPhoneCall(bad)));
});
