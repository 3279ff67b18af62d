// The client's shape: construction, the resource namespace, what a call sends and returns, request
// options, lenient and strict answers, deprecation.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import DefaultRetell, {
  APIResponseValidationError,
  CallResource,
  CallStatusValues,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  DisconnectionReasonValues,
  Retell,
  RetellError,
  type CallStatus,
  type CreatePhoneCallRequest,
  type PhoneCallResponse,
  type RegisterCallResponse,
} from "../../generated/typescript/src/index.js";
import { API_KEY, NUMBERS, PHONE_CALL, REGISTERED_CALL, rejection, serve, type TestServer } from "./helpers.mjs";

let server: TestServer | undefined;
const savedEnv = { ...process.env };
const warnings: Error[] = [];
process.on("warning", (warning: Error) => warnings.push(warning));

afterEach(async () => {
  await server?.close();
  server = undefined;
  process.env = { ...savedEnv };
});

test("the default export is the client, with the resource namespace of the spec", () => {
  assert.equal(DefaultRetell, Retell);
  const client = new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9" });
  assert.ok(client.call instanceof CallResource);
  assert.equal(typeof client.call.createPhoneCall, "function");
  assert.equal(typeof client.call.createPhoneCallV1, "function");
});

test("call.createPhoneCall posts the JSON body and returns the answer", async () => {
  server = await serve([{ status: 201, body: { ...PHONE_CALL, metadata: { customer_id: "cus_123" } } }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url });
  const body: CreatePhoneCallRequest = {
    ...NUMBERS,
    override_agent_id: "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
    metadata: { customer_id: "cus_123", attempt: 2 },
    retell_llm_dynamic_variables: { customer_name: "John Doe" },
  };
  const call: PhoneCallResponse = await client.call.createPhoneCall(body);
  assert.equal(call.call_id, PHONE_CALL.call_id);
  assert.equal(call.call_status, "registered");
  assert.deepEqual(call.metadata, { customer_id: "cus_123" });

  assert.equal(server.requests.length, 1);
  const [request] = server.requests;
  assert.ok(request);
  assert.equal(request.method, "POST");
  assert.equal(request.url, "/v2/create-phone-call");
  assert.equal(request.headers.authorization, `Bearer ${API_KEY}`);
  assert.equal(request.headers["content-type"], "application/json");
  assert.equal(request.headers.accept, "application/json");
  assert.deepEqual(JSON.parse(request.body), body);
});

test("no idempotency header is sent: no operation of the spec declares one", async () => {
  server = await serve([{ status: 429, headers: { "retry-after": "0" } }, { status: 201, body: PHONE_CALL }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url });
  await client.call.createPhoneCall(NUMBERS);
  assert.equal(server.requests.length, 2);
  for (const request of server.requests) {
    assert.deepEqual(
      Object.keys(request.headers).filter((name) => name.includes("idempotency")),
      [],
    );
  }
});

test("call.createPhoneCallV1 posts to the deprecated path", async () => {
  server = await serve([{ status: 201, body: REGISTERED_CALL }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: `${server.url}/` });
  const call: RegisterCallResponse = await client.call.createPhoneCallV1({ ...NUMBERS, drop_call_if_machine_detected: true });
  assert.equal(call.sample_rate, 8000);
  assert.equal(server.requests[0]?.url, "/create-phone-call");
  assert.deepEqual(JSON.parse(server.requests[0]?.body ?? ""), { ...NUMBERS, drop_call_if_machine_detected: true });
});

test("an optional field set to undefined is left out of the body", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url });
  const agent: string | undefined = undefined;
  await client.call.createPhoneCall({ ...NUMBERS, override_agent_id: agent, metadata: undefined });
  assert.equal(server.requests[0]?.body, JSON.stringify(NUMBERS));
});

test("apiKey and baseURL come from RETELL_API_KEY and RETELL_BASE_URL when not given", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  process.env.RETELL_API_KEY = "env_key_42";
  process.env.RETELL_BASE_URL = server.url;
  const client = new Retell();
  assert.equal(client.baseURL, server.url);
  await client.call.createPhoneCall(NUMBERS);
  assert.equal(server.requests[0]?.headers.authorization, "Bearer env_key_42");
});

test("options win over the environment, and the defaults are the documented ones", () => {
  process.env.RETELL_API_KEY = "env_key_42";
  process.env.RETELL_BASE_URL = "http://127.0.0.1:9";
  assert.equal(new Retell({ baseURL: "http://127.0.0.1:8" }).baseURL, "http://127.0.0.1:8");
  delete process.env.RETELL_BASE_URL;
  const plain = new Retell();
  assert.equal(plain.baseURL, "https://api.retellai.com");
  assert.equal(DEFAULT_BASE_URL, "https://api.retellai.com");
  assert.equal(plain.maxRetries, 2);
  assert.equal(DEFAULT_MAX_RETRIES, 2);
  assert.equal(plain.timeout, 60_000);
  assert.equal(DEFAULT_TIMEOUT_MS, 60_000);
  assert.equal(plain.maxResponseBytes, 16 * 1024 * 1024);
  assert.equal(DEFAULT_MAX_RESPONSE_BYTES, 16 * 1024 * 1024);
  assert.equal(plain.strictResponseValidation, false);
  assert.equal(plain.retryUnsafe, false);
});

test("a missing API key is refused at construction", () => {
  delete process.env.RETELL_API_KEY;
  assert.throws(() => new Retell({ baseURL: "http://127.0.0.1:9" }), (error: unknown) => {
    assert.ok(error instanceof RetellError);
    assert.match(error.message, /RETELL_API_KEY/);
    return true;
  });
  process.env.RETELL_API_KEY = "";
  assert.throws(() => new Retell(), /No API key/);
});

test("withOptions returns a copy with changes, keeping the key", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9", maxRetries: 5 });
  const copy = client.withOptions({ baseURL: server.url, strictResponseValidation: true });
  assert.notEqual(copy, client);
  assert.equal(client.baseURL, "http://127.0.0.1:9");
  assert.equal(copy.maxRetries, 5);
  assert.equal(copy.strictResponseValidation, true);
  await copy.call.createPhoneCall(NUMBERS);
  assert.equal(server.requests[0]?.headers.authorization, `Bearer ${API_KEY}`);
});

test("request options: extra headers, extra query, extra body", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url, defaultHeaders: { "x-team": "a", "x-call": "default" } });
  await client.call.createPhoneCall(NUMBERS, {
    headers: { "x-call": "b" },
    query: { trace: "on", n: 2, dry: false },
    extraBody: { future_field: { nested: [1, 2] }, to_number: "+14155550199" },
  });
  const [request] = server.requests;
  assert.ok(request);
  assert.equal(request.headers["x-team"], "a");
  assert.equal(request.headers["x-call"], "b");
  assert.equal(request.url, "/v2/create-phone-call?trace=on&n=2&dry=false");
  // The extra body is merged over the parameters, and sent.
  assert.deepEqual(JSON.parse(request.body), { ...NUMBERS, to_number: "+14155550199", future_field: { nested: [1, 2] } });
});

test("the extra body is validated with the body, before anything is sent", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url });
  const error = await rejection(client.call.createPhoneCall(NUMBERS, { extraBody: { to_number: "555" } }));
  assert.ok(error instanceof RetellError && error.name === "ValidationError", String(error));
  assert.deepEqual([(error as unknown as { field: string }).field, (error as unknown as { rule: string }).rule], ["to_number", "e164_numbers"]);
  const json = await rejection(client.call.createPhoneCall(NUMBERS, { extraBody: { when: new Date(0) } }));
  assert.deepEqual([(json as { field?: string }).field, (json as { rule?: string }).rule], ["when", "json"]);
  assert.equal(server.requests.length, 0);
});

test("by default an answer is returned as sent: new enum values and unknown nested fields are kept", async () => {
  const answer = {
    ...PHONE_CALL,
    call_status: "not_connected",
    disconnection_reason: "carrier_blocked",
    metadata: { deep: { unknown: [1, { x: true }] } },
    call_analysis: { sentiment: "positive", custom: { score: 0.9 } },
  };
  server = await serve([{ status: 201, body: answer }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url });
  const call = await client.call.createPhoneCall(NUMBERS);
  assert.deepEqual(call, answer);
  // A value the spec does not list type-checks as the answer's enum (OpenEnum).
  const status: PhoneCallResponse["call_status"] = call.call_status;
  assert.equal(status, "not_connected");
  assert.ok(!(CallStatusValues as readonly string[]).includes(status));
  assert.deepEqual((call as unknown as { call_analysis: unknown }).call_analysis, answer.call_analysis);
});

test("strict mode refuses the same answer, naming the field and the rule", async () => {
  const answer = { ...PHONE_CALL, call_status: "not_connected", call_analysis: { custom: { score: 0.9 } } };
  server = await serve([{ status: 201, body: answer }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url, strictResponseValidation: true });
  const error = await rejection(client.call.createPhoneCall(NUMBERS));
  assert.ok(error instanceof APIResponseValidationError, String(error));
  assert.ok(error instanceof RetellError);
  assert.equal(error.status, 201);
  assert.equal(error.field, "call_status");
  assert.equal(error.rule, "enum");
  assert.equal(error.keyword, "enum");
  assert.deepEqual(error.body, answer);
  assert.match(error.message, /^201 response breaks the spec: call_status: must be one of "registered", "ongoing", "ended", "error"/);
  assert.equal(server.requests.length, 1, "an answer that breaks the spec is not retried");
});

test("strict mode checks the operation's own rules (x-rule) and passes a correct answer", async () => {
  server = await serve([{ status: 201, body: { ...PHONE_CALL, direction: "inbound" } }, { status: 201, body: PHONE_CALL }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url, strictResponseValidation: true });
  await assert.rejects(client.call.createPhoneCall(NUMBERS), { name: "APIResponseValidationError", field: "direction", rule: "outbound_direction" });
  assert.equal((await client.call.createPhoneCall(NUMBERS)).call_id, PHONE_CALL.call_id);
});

for (const strict of [false, true]) {
  test(`a 2xx body that is not JSON, or not an object, is an APIResponseValidationError (strict: ${strict})`, async () => {
    server = await serve([{ status: 201, raw: "<html>ok</html>" }, { status: 201, raw: "" }, { status: 201, body: ["a"] }]);
    const client = new Retell({ apiKey: API_KEY, baseURL: server.url, strictResponseValidation: strict });
    await assert.rejects(client.call.createPhoneCall(NUMBERS), { name: "APIResponseValidationError", field: "", rule: "json", body: "<html>ok</html>" });
    await assert.rejects(client.call.createPhoneCall(NUMBERS), { name: "APIResponseValidationError", rule: "json" });
    await assert.rejects(client.call.createPhoneCall(NUMBERS), { name: "APIResponseValidationError", field: "", rule: "type" });
    assert.equal(server.requests.length, 3);
  });
}

test("enums are exported as readonly arrays of their values", () => {
  assert.deepEqual([...CallStatusValues], ["registered", "ongoing", "ended", "error"]);
  assert.equal(DisconnectionReasonValues.length, 19);
});

test("the types: requests keep precise enums, answers take new values", () => {
  // These lines only have to compile: each @ts-expect-error proves the types reject the line.
  const open: PhoneCallResponse["call_status"] = "a_value_added_later";
  // @ts-expect-error a precise enum refuses a value the spec does not list
  const precise: CallStatus = "a_value_added_later";
  const bodies: CreatePhoneCallRequest[] = [
    // @ts-expect-error to_number is required
    { from_number: "+14155550100" },
    // @ts-expect-error a number is not a string
    { ...NUMBERS, to_number: 14155550123 },
    // @ts-expect-error dynamic variables are strings
    { ...NUMBERS, retell_llm_dynamic_variables: { age: 42 } },
    // @ts-expect-error null is not a value of an optional field
    { ...NUMBERS, metadata: null },
    // @ts-expect-error a misspelt field
    { ...NUMBERS, overide_agent_id: "a" },
  ];
  assert.equal(bodies.length, 5);
  assert.equal(open, precise);
});

test("call.createPhoneCallV1 emits one DeprecationWarning per process", async () => {
  server = await serve([{ status: 201, body: REGISTERED_CALL }]);
  const client = new Retell({ apiKey: API_KEY, baseURL: server.url });
  await client.call.createPhoneCallV1(NUMBERS);
  await client.call.createPhoneCallV1(NUMBERS);
  await client.call.createPhoneCall(NUMBERS).catch(() => undefined);
  await new Promise((resolve) => setImmediate(resolve));
  // An earlier test of this file called createPhoneCallV1 too: still one warning in all.
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]?.name, "DeprecationWarning");
  assert.match(warnings[0]?.message ?? "", /^call\.createPhoneCallV1\(\) is deprecated: Deprecated by the vendor/);
});
