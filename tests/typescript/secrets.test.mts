// The API key never shows: not in the client's JSON or inspect rendering, not in any error.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { inspect } from "node:util";

import { APIError, RetellClient, type CreatePhoneCallRequest } from "../../generated/typescript/src/index.js";
import { API_KEY, NUMBERS, closedPort, serve, type TestServer } from "./helpers.mjs";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function renderings(value: unknown): string[] {
  return [
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value),
    inspect(value, { showHidden: true, depth: null, getters: true }),
    inspect(value, { showHidden: true, depth: null, customInspect: false }),
    value instanceof Error ? value.stack ?? "" : "",
    value instanceof APIError ? JSON.stringify(value.body ?? null) : "",
  ];
}

function assertNoKey(value: unknown): void {
  for (const text of renderings(value)) assert.ok(!text.includes(API_KEY), `the key shows in: ${text}`);
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail("expected an error"),
    (error: unknown) => error,
  );
}

test("the client's renderings never show the key", () => {
  const client = new RetellClient({ apiKey: API_KEY, baseURL: "http://127.0.0.1:1" });
  assertNoKey(client);
  assert.deepEqual(Object.keys(client).sort(), ["baseURL", "defaultHeaders", "maxRetries", "timeout"]);
  assert.match(inspect(client), /^RetellClient /);
});

test("an error whose server echoes the key has it redacted from message and body", async () => {
  server = await serve((request) => ({
    status: 401,
    body: { error_message: `invalid key ${String(request.headers.authorization)}`, echo: [request.headers.authorization] },
  }));
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 });
  const error = await caught(client.createPhoneCall(NUMBERS));
  assertNoKey(error);
  assert.match((error as Error).message, /invalid key Bearer \[REDACTED\]/);
});

test("connection, timeout, validation and response errors never show the key", async () => {
  const port = await closedPort();
  const refused = new RetellClient({ apiKey: API_KEY, baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
  assertNoKey(await caught(refused.createPhoneCall(NUMBERS)));

  server = await serve([{ status: 201, body: {}, delayMs: 2_000 }, { status: 201, body: { echo: API_KEY } }]);
  const slow = new RetellClient({ apiKey: API_KEY, baseURL: server.url, timeout: 100, maxRetries: 0 });
  assertNoKey(await caught(slow.createPhoneCall(NUMBERS)));
  assertNoKey(await caught(slow.createPhoneCall(NUMBERS, { timeout: 5_000 })));

  const bad = { ...NUMBERS, to_number: API_KEY } as CreatePhoneCallRequest;
  const error = await caught(slow.createPhoneCall(bad));
  assertNoKey(error);
});
