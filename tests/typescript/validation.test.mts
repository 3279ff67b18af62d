// The spec's rules on the real client: bad requests are refused before sending (rule = the spec's
// x-rule name, else the keyword); bad answers are refused after arriving, in strict mode.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import {
  APIError,
  APIResponseValidationError,
  Retell,
  RetellError,
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

async function client(strict = false): Promise<Retell> {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  return new Retell({ apiKey: API_KEY, baseURL: server.url, strictResponseValidation: strict });
}

/** Casts a body the types rightly refuse, to prove the runtime refuses it too. */
function unchecked<T>(body: unknown): T {
  return body as T;
}

const BAD_REQUESTS: ReadonlyArray<readonly [string, unknown, string, string, string]> = [
  ["a number without +", { ...NUMBERS, to_number: "14155550123" }, "to_number", "e164_numbers", "pattern"],
  ["a number with a leading zero", { ...NUMBERS, from_number: "+0123" }, "from_number", "e164_numbers", "pattern"],
  ["a number too long", { ...NUMBERS, to_number: "+1234567890123456" }, "to_number", "e164_numbers", "pattern"],
  ["non-ASCII digits", { ...NUMBERS, to_number: "+١٢٣٤٥٦" }, "to_number", "e164_numbers", "pattern"],
  ["a number and a newline", { ...NUMBERS, to_number: "+14155550123\n" }, "to_number", "e164_numbers", "pattern"],
  ["a number that is not a string", { ...NUMBERS, to_number: 14155550123 }, "to_number", "e164_numbers", "type"],
  ["a missing required field", { from_number: NUMBERS.from_number }, "to_number", "required", "required"],
  ["null for an optional field", { ...NUMBERS, override_agent_id: null }, "override_agent_id", "type", "type"],
  ["metadata that is not an object", { ...NUMBERS, metadata: ["a"] }, "metadata", "type", "type"],
  [
    "a dynamic variable that is not a string",
    { ...NUMBERS, retell_llm_dynamic_variables: { name: "Jo", age: 42 } },
    "retell_llm_dynamic_variables.age",
    "type",
    "type",
  ],
];

for (const [what, body, field, rule, keyword] of BAD_REQUESTS) {
  test(`call.createPhoneCall refuses ${what} before sending`, async () => {
    const retell = await client();
    await assert.rejects(retell.call.createPhoneCall(unchecked<CreatePhoneCallRequest>(body)), (error: unknown) => {
      assert.ok(error instanceof ValidationError, `got ${String(error)}`);
      assert.ok(error instanceof RetellError);
      assert.ok(!(error instanceof APIError));
      assert.equal(error.field, field);
      assert.equal(error.rule, rule);
      assert.equal(error.keyword, keyword);
      assert.equal(error.violations[0]?.field, field);
      assert.ok(error.message.startsWith(`${field}: `), error.message);
      assert.ok(error.message.endsWith(`(rule: ${rule})`), error.message);
      return true;
    });
    assert.equal(server?.requests.length, 0);
  });
}

test("every violation is listed, the first one named by the error", async () => {
  const retell = await client();
  const body = unchecked<CreatePhoneCallRequest>({ to_number: "1", metadata: 3 });
  await assert.rejects(retell.call.createPhoneCall(body), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(
      error.violations.map((violation) => [violation.field, violation.rule]),
      [
        ["from_number", "required"],
        ["to_number", "e164_numbers"],
        ["metadata", "type"],
      ],
    );
    assert.equal(error.field, "from_number");
    return true;
  });
  assert.equal(server?.requests.length, 0);
});

test("call.createPhoneCallV1 refuses a string for a boolean (no coercion)", async () => {
  const retell = await client();
  const body = unchecked<CreatePhoneCallV1Request>({ ...NUMBERS, drop_call_if_machine_detected: "true" });
  await assert.rejects(retell.call.createPhoneCallV1(body), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.field, "drop_call_if_machine_detected");
    assert.match(error.message, /must be a boolean, not string/);
    return true;
  });
  assert.equal(server?.requests.length, 0);
});

test("unknown extra request properties are allowed and sent (objects are open)", async () => {
  const retell = await client();
  await retell.call.createPhoneCall(unchecked<CreatePhoneCallRequest>({ ...NUMBERS, future_field: 1 }));
  assert.deepEqual(JSON.parse(server?.requests[0]?.body ?? ""), { ...NUMBERS, future_field: 1 });
});

const BAD_RESPONSES: ReadonlyArray<readonly [string, unknown, string, string]> = [
  ["mulaw at 16000", { ...REGISTERED_CALL, sample_rate: 16000 }, "sample_rate", "mulaw_sample_rate"],
  ["a sample rate below 8000", { ...REGISTERED_CALL, audio_encoding: "s16le", sample_rate: 7999 }, "sample_rate", "sample_rate_range"],
  ["a sample rate above 48000", { ...REGISTERED_CALL, audio_encoding: "s16le", sample_rate: 48001 }, "sample_rate", "sample_rate_range"],
  ["a fractional sample rate", { ...REGISTERED_CALL, audio_encoding: "s16le", sample_rate: 8000.5 }, "sample_rate", "sample_rate_range"],
  ["silence below 10000 ms", { ...REGISTERED_CALL, end_call_after_silence_ms: 9999 }, "end_call_after_silence_ms", "silence_minimum"],
  ["an unknown encoding", { ...REGISTERED_CALL, audio_encoding: "opus" }, "audio_encoding", "enum"],
  ["a missing call_status", { ...REGISTERED_CALL, call_status: undefined }, "call_status", "required"],
  ["null for an optional field", { ...REGISTERED_CALL, direction: null }, "direction", "type"],
  ["an empty call id", { ...REGISTERED_CALL, call_id: "" }, "call_id", "minLength"],
];

for (const [what, body, field, rule] of BAD_RESPONSES) {
  test(`strict call.createPhoneCallV1 refuses an answer with ${what}; lenient returns it`, async () => {
    server = await serve([{ status: 201, body }]);
    const strict = new Retell({ apiKey: API_KEY, baseURL: server.url, strictResponseValidation: true });
    await assert.rejects(strict.call.createPhoneCallV1(NUMBERS), (error: unknown) => {
      assert.ok(error instanceof APIResponseValidationError, `got ${String(error)}`);
      assert.ok(error instanceof APIError);
      assert.equal(error.status, 201);
      assert.equal(error.field, field);
      assert.equal(error.rule, rule);
      assert.ok(error.message.includes(field), error.message);
      return true;
    });
    assert.equal(server.requests.length, 1, "an answer that breaks the spec is not retried");
    const lenient = new Retell({ apiKey: API_KEY, baseURL: server.url });
    assert.deepEqual(await lenient.call.createPhoneCallV1(NUMBERS), JSON.parse(JSON.stringify(body)));
  });
}

test("strict mode accepts mulaw at 8000 and s16le at 24000", async () => {
  server = await serve([
    { status: 201, body: REGISTERED_CALL },
    { status: 201, body: { ...REGISTERED_CALL, audio_encoding: "s16le", sample_rate: 24000, audio_websocket_protocol: "web" } },
  ]);
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, strictResponseValidation: true });
  assert.equal((await retell.call.createPhoneCallV1(NUMBERS)).sample_rate, 8000);
  assert.equal((await retell.call.createPhoneCallV1(NUMBERS)).sample_rate, 24000);
});

test("strict call.createPhoneCall refuses an unknown call status or a bad number", async () => {
  server = await serve([
    { status: 201, body: { ...PHONE_CALL, call_status: "queued" } },
    { status: 201, body: { ...PHONE_CALL, to_number: "555-0100" } },
  ]);
  const retell = new Retell({ apiKey: API_KEY, baseURL: server.url, strictResponseValidation: true });
  await assert.rejects(retell.call.createPhoneCall(NUMBERS), { name: "APIResponseValidationError", field: "call_status", rule: "enum" });
  await assert.rejects(retell.call.createPhoneCall(NUMBERS), { name: "APIResponseValidationError", field: "to_number", rule: "e164_numbers" });
});
