// Client-side rule checks: bad requests are refused before sending, bad responses after arriving.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import {
  APIError,
  APIResponseValidationError,
  RetellClient,
  ValidationError,
  type CreatePhoneCallRequest,
  type CreatePhoneCallV1Request,
} from "../../generated/typescript/src/index.js";
import { API_KEY, NUMBERS, PHONE_CALL, REGISTERED_CALL, serve, type TestServer } from "./helpers.mjs";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function client(): Promise<RetellClient> {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  return new RetellClient({ apiKey: API_KEY, baseURL: server.url });
}

/** Casts a body the types rightly refuse, to prove the runtime refuses it too. */
function unchecked<T>(body: unknown): T {
  return body as T;
}

const BAD_REQUESTS: ReadonlyArray<readonly [string, unknown, string, string]> = [
  ["a number without +", { ...NUMBERS, to_number: "12137774445" }, "to_number", "pattern"],
  ["a number with a leading zero", { ...NUMBERS, from_number: "+0123" }, "from_number", "pattern"],
  ["a number too long", { ...NUMBERS, to_number: "+1234567890123456" }, "to_number", "pattern"],
  ["non-ASCII digits", { ...NUMBERS, to_number: "+١٢٣٤٥٦" }, "to_number", "pattern"],
  ["a number that is not a string", { ...NUMBERS, to_number: 12137774445 }, "to_number", "type"],
  ["a missing required field", { from_number: NUMBERS.from_number }, "to_number", "required"],
  ["null for an optional field", { ...NUMBERS, override_agent_id: null }, "override_agent_id", "type"],
  ["metadata that is not an object", { ...NUMBERS, metadata: ["a"] }, "metadata", "type"],
  [
    "a dynamic variable that is not a string",
    { ...NUMBERS, retell_llm_dynamic_variables: { name: "Jo", age: 42 } },
    "retell_llm_dynamic_variables.age",
    "type",
  ],
  ["a body that is not an object", "from_number=+1", "", "type"],
];

for (const [what, body, field, rule] of BAD_REQUESTS) {
  test(`createPhoneCall refuses ${what} before sending`, async () => {
    const retell = await client();
    await assert.rejects(retell.createPhoneCall(unchecked<CreatePhoneCallRequest>(body)), (error: unknown) => {
      assert.ok(error instanceof ValidationError, `got ${String(error)}`);
      assert.ok(!(error instanceof APIError));
      assert.equal(error.field, field);
      assert.equal(error.rule, rule);
      assert.ok(error.message.startsWith(`${field === "" ? "body" : field}: `), error.message);
      assert.ok(error.message.includes(`rule: ${rule}`), error.message);
      return true;
    });
    assert.equal(server?.requests.length, 0);
  });
}

test("createPhoneCallV1 refuses a string for a boolean (no coercion)", async () => {
  const retell = await client();
  const body = unchecked<CreatePhoneCallV1Request>({ ...NUMBERS, drop_call_if_machine_detected: "true" });
  await assert.rejects(retell.createPhoneCallV1(body), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.field, "drop_call_if_machine_detected");
    assert.match(error.message, /must be a boolean, not string/);
    return true;
  });
  assert.equal(server?.requests.length, 0);
});

test("the types refuse what the runtime refuses", () => {
  // These lines only have to compile: each @ts-expect-error proves the types reject the body.
  const bodies: CreatePhoneCallRequest[] = [
    // @ts-expect-error to_number is required
    { from_number: "+14157774444" },
    // @ts-expect-error a number is not a string
    { ...NUMBERS, to_number: 12137774445 },
    // @ts-expect-error dynamic variables are strings
    { ...NUMBERS, retell_llm_dynamic_variables: { age: 42 } },
    // @ts-expect-error null is not a value of an optional field
    { ...NUMBERS, metadata: null },
  ];
  assert.equal(bodies.length, 4);
});

test("unknown extra request properties are allowed and sent", async () => {
  const retell = await client();
  await retell.createPhoneCall(unchecked<CreatePhoneCallRequest>({ ...NUMBERS, future_field: 1 }));
  assert.deepEqual(JSON.parse(server?.requests[0]?.body ?? ""), { ...NUMBERS, future_field: 1 });
});

const BAD_RESPONSES: ReadonlyArray<readonly [string, unknown, string, string]> = [
  ["mulaw at 16000", { ...REGISTERED_CALL, sample_rate: 16000 }, "sample_rate", "if-then"],
  ["a sample rate below 8000", { ...REGISTERED_CALL, audio_encoding: "s16le", sample_rate: 7999 }, "sample_rate", "minimum"],
  ["a sample rate above 48000", { ...REGISTERED_CALL, audio_encoding: "s16le", sample_rate: 48001 }, "sample_rate", "maximum"],
  ["a fractional sample rate", { ...REGISTERED_CALL, audio_encoding: "s16le", sample_rate: 8000.5 }, "sample_rate", "type"],
  ["silence below 10000 ms", { ...REGISTERED_CALL, end_call_after_silence_ms: 9999 }, "end_call_after_silence_ms", "minimum"],
  ["an unknown encoding", { ...REGISTERED_CALL, audio_encoding: "opus" }, "audio_encoding", "enum"],
  ["a missing call_status", { ...REGISTERED_CALL, call_status: undefined }, "call_status", "required"],
  ["null for an optional field", { ...REGISTERED_CALL, direction: null }, "direction", "type"],
];

for (const [what, body, field, rule] of BAD_RESPONSES) {
  test(`createPhoneCallV1 refuses a response with ${what}`, async () => {
    server = await serve([{ status: 201, body }]);
    const retell = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
    await assert.rejects(retell.createPhoneCallV1(NUMBERS), (error: unknown) => {
      assert.ok(error instanceof APIResponseValidationError, `got ${String(error)}`);
      assert.ok(error instanceof APIError);
      assert.equal(error.status, 201);
      assert.equal(error.field, field);
      assert.equal(error.rule, rule);
      assert.ok(error.message.includes(field), error.message);
      return true;
    });
    assert.equal(server.requests.length, 1, "a response that breaks the spec is not retried");
  });
}

test("mulaw at 8000 and s16le at 24000 are accepted", async () => {
  server = await serve([
    { status: 201, body: REGISTERED_CALL },
    { status: 201, body: { ...REGISTERED_CALL, audio_encoding: "s16le", sample_rate: 24000, audio_websocket_protocol: "web" } },
  ]);
  const retell = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  assert.equal((await retell.createPhoneCallV1(NUMBERS)).sample_rate, 8000);
  assert.equal((await retell.createPhoneCallV1(NUMBERS)).sample_rate, 24000);
});

test("createPhoneCall refuses a response with an unknown call status or a bad number", async () => {
  server = await serve([
    { status: 201, body: { ...PHONE_CALL, call_status: "queued" } },
    { status: 201, body: { ...PHONE_CALL, to_number: "555-0100" } },
    { status: 201, raw: "not json" },
  ]);
  const retell = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  await assert.rejects(retell.createPhoneCall(NUMBERS), { name: "APIResponseValidationError", field: "call_status", rule: "enum" });
  await assert.rejects(retell.createPhoneCall(NUMBERS), { name: "APIResponseValidationError", field: "to_number", rule: "pattern" });
  await assert.rejects(retell.createPhoneCall(NUMBERS), { name: "APIResponseValidationError", field: "", body: "not json" });
});
