// The client generated from the hostile tiny spec of tests/generator (its golden output) works.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import {
  APIResponseValidationError,
  ColorValues,
  DEFAULT_BASE_URL,
  RetellClient,
  ValidationError,
  type WidgetRequest,
} from "../generator/golden/typescript_tiny/typescript/src/index.js";
import { API_KEY, serve, type TestServer } from "./helpers.mjs";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

test("strings with quotes and backslashes survive as values", () => {
  assert.deepEqual([...ColorValues], ["red", 'it\'s "blue"', "back\\slash"]);
  assert.equal(DEFAULT_BASE_URL, "http://127.0.0.1:1/base");
});

test("a request and a response that keep the rules go through, under the base path", async () => {
  server = await serve([{ status: 200, body: { id: "w1", mode: "red", level: 3 } }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: `${server.url}/base` });
  const body: WidgetRequest = { name: "abc\\", color: "back\\slash", size: 10, "x-trace-id": "t", tags: { a: "b" }, ratio: 0.5 };
  const widget = await client.createWidget(body);
  assert.deepEqual(widget, { id: "w1", mode: "red", level: 3 });
  assert.equal(server.requests[0]?.url, "/base/v1/widgets");
});

const BAD: ReadonlyArray<readonly [unknown, string, string]> = [
  [{ name: "ABC" }, "name", "pattern"],
  [{ name: "abc", color: "green" }, "color", "enum"],
  [{ name: "abc", size: 11 }, "size", "maximum"],
  [{ name: "abc", size: 0 }, "size", "minimum"],
  [{ name: "abc", ratio: 0.4 }, "ratio", "minimum"],
  [{ name: "abc", "x-trace-id": 7 }, "x-trace-id", "type"],
  [{ name: "abc", tags: { a: true } }, "tags.a", "type"],
  [{ name: "abc", active: 1 }, "active", "type"],
];

for (const [body, field, rule] of BAD) {
  test(`${JSON.stringify(body)} is refused on ${field} (${rule})`, async () => {
    server = await serve([{ status: 200, body: { id: "w1", mode: "red" } }]);
    const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
    await assert.rejects(client.createWidget(body as WidgetRequest), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.field, field);
      assert.equal(error.rule, rule);
      return true;
    });
    assert.equal(server.requests.length, 0);
  });
}

test("the spec's if/then is checked on the response", async () => {
  server = await serve([{ status: 200, body: { id: "w1", mode: "red", level: 2 } }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  await assert.rejects(client.createWidget({ name: "abc" }), (error: unknown) => {
    assert.ok(error instanceof APIResponseValidationError);
    assert.equal(error.field, "level");
    assert.equal(error.rule, "if-then");
    assert.match(error.message, /level must be 3 when mode is red/);
    return true;
  });
});

test("an operation without body or response resolves to undefined on 204", async () => {
  server = await serve([{ status: 204 }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  const result: void = await client.ping();
  assert.equal(result, undefined);
  assert.equal(server.requests[0]?.body, "");
  assert.equal(server.requests[0]?.headers["content-type"], undefined);
});
