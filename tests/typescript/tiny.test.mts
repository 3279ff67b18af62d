// The client generated from the hostile tiny spec of tests/generator (its golden output) works:
// every type expression of the IR validated as the spec says, an idempotency header, an
// idempotent GET, the spec's own error model.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import {
  APIResponseValidationError,
  BadRequestError,
  ColorValues,
  DEFAULT_BASE_URL,
  InternalServerError,
  Retell,
  ValidationError,
  type Widget,
  type WidgetRequest,
} from "../generator/golden/typescript_tiny/typescript/src/index.js";
import { API_KEY, recordedSleep, serve, type TestServer } from "./helpers.mjs";

let server: TestServer | undefined;
const warnings: Error[] = [];
process.on("warning", (warning: Error) => warnings.push(warning));

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const WIDGET: Widget = { id: "w1", mode: "red", level: 3 };

test("strings with quotes and backslashes survive as values", () => {
  assert.deepEqual([...ColorValues], ["red", 'it\'s "blue"', "back\\slash"]);
  assert.equal(DEFAULT_BASE_URL, "http://127.0.0.1:9/base");
});

test("a request and an answer that keep the rules go through, under the base path", async () => {
  server = await serve([{ status: 200, body: WIDGET }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: `${server.url}/base`, strictResponseValidation: true });
  const body: WidgetRequest = {
    name: "abc\\",
    color: "back\\slash",
    size: 10,
    tags: { a: "b" },
    extra: { anything: [1, { deep: null }] },
    ratio: 0.5,
    active: false,
    shape: { kind: "circle", radius: 1.5, fill: "red" },
    parts: [{ sku: "a", count: 2 }, { sku: "b" }],
    note: null,
    version: 2,
    when: "2024-02-29T10:00:00Z",
  };
  assert.deepEqual(await client.widgets.createWidget(body), WIDGET);
  assert.equal(server.requests[0]?.url, "/base/v1/widgets");
  assert.deepEqual(JSON.parse(server.requests[0]?.body ?? ""), body);
});

const BAD: ReadonlyArray<readonly [unknown, string, string, string]> = [
  [{ name: "ABC" }, "name", "pattern", "pattern"],
  [{ name: "abc", color: "green" }, "color", "enum", "enum"],
  [{ name: "abc", size: 11 }, "size", "size_range", "maximum"],
  [{ name: "abc", size: 0 }, "size", "size_range", "minimum"],
  [{ name: "abc", size: 1.5 }, "size", "size_range", "type"],
  [{ name: "abc", ratio: 0.4 }, "ratio", "minimum", "minimum"],
  [{ name: "abc", tags: { a: true } }, "tags.a", "type", "type"],
  [{ name: "abc", active: 1 }, "active", "type", "type"],
  [{ name: "abc", shape: { kind: "triangle" } }, "shape.kind", "discriminator", "discriminator"],
  [{ name: "abc", shape: { radius: 1 } }, "shape.kind", "required", "required"],
  [{ name: "abc", shape: { kind: "circle", radius: 0 } }, "shape.radius", "exclusiveMinimum", "exclusiveMinimum"],
  [{ name: "abc", shape: { kind: "square", side: 1, fill: 3 } }, "", "", ""], // Square is open: fill is not its field
  [{ name: "abc", shape: { kind: "circle", radius: 1, fill: "pink" } }, "shape.fill", "enum", "enum"],
  [{ name: "abc", parts: [{ sku: "a" }, {}] }, "parts.1.sku", "required", "required"],
  [{ name: "abc", parts: [{ sku: "" }] }, "parts.0.sku", "minLength", "minLength"],
  [{ name: "abc", parts: [{ sku: "a" }, { sku: "b" }, { sku: "c" }, { sku: "d" }] }, "parts", "maxItems", "maxItems"],
  [{ name: "abc", note: 3 }, "note", "type", "type"],
  [{ name: "abc", version: 3 }, "version", "const", "const"],
  [{ name: "abc", when: "2023-02-29T10:00:00Z" }, "when", "format", "format"],
];

for (const [body, field, rule, keyword] of BAD) {
  test(`${JSON.stringify(body)} is ${field === "" ? "sent" : `refused on ${field} (${rule})`}`, async () => {
    server = await serve([{ status: 200, body: WIDGET }]);
    const client = new Retell({ apiKey: API_KEY, baseURL: server.url });
    const sent = client.widgets.createWidget(body as WidgetRequest);
    if (field === "") {
      await sent;
      assert.equal(server.requests.length, 1);
      return;
    }
    await assert.rejects(sent, (error: unknown) => {
      assert.ok(error instanceof ValidationError, String(error));
      assert.deepEqual([error.field, error.rule, error.keyword], [field, rule, keyword]);
      return true;
    });
    assert.equal(server.requests.length, 0);
  });
}

test("the idempotency header: the same value on every attempt, the given one when given", async () => {
  server = await serve([{ status: 429, headers: { "retry-after": "0" } }, { status: 200, body: WIDGET }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url });
  await client.widgets.createWidget({ name: "abc" });
  const [first, second] = server.requests.map((request) => request.headers["idempotency-key"]);
  assert.match(String(first), /^retell-typescript-[0-9a-f-]{36}$/);
  assert.equal(first, second);
  await client.widgets.createWidget({ name: "abc" }, { idempotencyKey: "idem-1" });
  assert.equal(server.requests[2]?.headers["idempotency-key"], "idem-1");
  await client.widgets.createWidget({ name: "abc" });
  assert.notEqual(server.requests[3]?.headers["idempotency-key"], first, "a new call, a new key");
  await assert.rejects(client.widgets.createWidget({ name: "abc" }, { idempotencyKey: "two words" }), {
    name: "ValidationError",
    field: "idempotencyKey",
  });
  // @ts-expect-error an operation without an idempotency header takes no idempotencyKey
  await client.widgets.pingServer({ idempotencyKey: "x" }).catch(() => undefined);
});

test("the idempotent GET is retried after a 500; the create is not", async () => {
  server = await serve([{ status: 500, body: { detail: "down" } }, { status: 204 }]);
  const { sleep } = recordedSleep();
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url, sleep });
  const result: void = await client.widgets.pingServer();
  assert.equal(result, undefined);
  assert.equal(server.requests.length, 2);
  assert.equal(server.requests[0]?.method, "GET");
  assert.equal(server.requests[0]?.body, "");
  assert.equal(server.requests[0]?.headers["content-type"], undefined);
  await server.close();
  server = await serve([{ status: 500, body: { detail: "down" } }, { status: 200, body: WIDGET }]);
  const create = new Retell({ apiKey: API_KEY, baseURL: server.url, sleep });
  await assert.rejects(create.widgets.createWidget({ name: "abc" }), InternalServerError);
  assert.equal(server.requests.length, 1);
});

test("the spec's own error model names the message (detail)", async () => {
  server = await serve([{ status: 400, body: { detail: "name: too short" } }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url });
  await assert.rejects(client.widgets.createWidget({ name: "abc" }), (error: unknown) => {
    assert.ok(error instanceof BadRequestError);
    assert.equal(error.message, "400 name: too short");
    return true;
  });
});

test("strict mode checks the spec's if/then rule and the discriminated union of an answer", async () => {
  server = await serve([
    { status: 200, body: { id: "w1", mode: "red", level: 2 } },
    { status: 200, body: { id: "w1", mode: "blue-ish", shape: { kind: "hexagon" } } },
  ]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url, strictResponseValidation: true });
  await assert.rejects(client.widgets.createWidget({ name: "abc" }), (error: unknown) => {
    assert.ok(error instanceof APIResponseValidationError);
    assert.deepEqual([error.field, error.rule, error.keyword], ["level", "red_level", "const"]);
    assert.match(error.message, /^200 response breaks the spec: level: must be 3 \(rule: red_level\)$/);
    return true;
  });
  await assert.rejects(client.widgets.createWidget({ name: "abc" }), { field: "mode", rule: "enum" });
  const lenient = new Retell({ apiKey: API_KEY, baseURL: server.url });
  const widget = await lenient.widgets.createWidget({ name: "abc" });
  assert.equal(widget.mode, "blue-ish");
});

test("the deprecated operation warns once, with the spec's description", async () => {
  server = await serve([{ status: 204 }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url });
  await client.widgets.pingServer();
  await client.widgets.pingServer();
  await new Promise((resolve) => setImmediate(resolve));
  const ours = warnings.filter((warning) => warning.message.startsWith("widgets.pingServer()"));
  assert.equal(ours.length, 1);
  assert.equal(ours[0]?.message, "widgets.pingServer() is deprecated: Line one.\nLine */ two with ${injection} and `backticks`.");
});
