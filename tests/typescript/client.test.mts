// Success paths, request shape, options and environment of the generated RetellClient.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import {
  CallStatusValues,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  DisconnectionReasonValues,
  RetellClient,
  type CallStatus,
  type PhoneCallResponse,
  type RegisterCallResponse,
} from "../../generated/typescript/src/index.js";
import { API_KEY, NUMBERS, PHONE_CALL, REGISTERED_CALL, serve, type TestServer } from "./helpers.mjs";

let server: TestServer | undefined;
const savedEnv = { ...process.env };
const warnings: Error[] = [];
process.on("warning", (warning: Error) => warnings.push(warning));

afterEach(async () => {
  await server?.close();
  server = undefined;
  process.env = { ...savedEnv };
});

test("createPhoneCall posts the body and returns the typed response", async () => {
  server = await serve([{ status: 201, body: { ...PHONE_CALL, metadata: { customer_id: "cus_123" } } }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  const body = {
    ...NUMBERS,
    override_agent_id: "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
    metadata: { customer_id: "cus_123", attempt: 2 },
    retell_llm_dynamic_variables: { customer_name: "John Doe" },
  };
  const call: PhoneCallResponse = await client.createPhoneCall(body);
  assert.equal(call.call_id, PHONE_CALL.call_id);
  const status: CallStatus = call.call_status;
  assert.equal(status, "registered");
  assert.deepEqual(call.metadata, { customer_id: "cus_123" });

  assert.equal(server.requests.length, 1);
  const [request] = server.requests;
  assert.ok(request);
  assert.equal(request.method, "POST");
  assert.equal(request.url, "/v2/create-phone-call");
  assert.equal(request.headers.authorization, `Bearer ${API_KEY}`);
  assert.equal(request.headers["content-type"], "application/json");
  assert.equal(request.headers.accept, "application/json");
  assert.match(String(request.headers["idempotency-key"]), /^retell-typescript-[0-9a-f-]{32,}$/);
  assert.deepEqual(JSON.parse(request.body), body);
});

test("createPhoneCallV1 posts to the deprecated path and returns a RegisterCallResponse", async () => {
  server = await serve([{ status: 201, body: { ...REGISTERED_CALL, extra_field: [1, 2] } }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: `${server.url}/` });
  const call: RegisterCallResponse = await client.createPhoneCallV1({ ...NUMBERS, drop_call_if_machine_detected: true });
  assert.equal(call.sample_rate, 8000);
  assert.equal(call.audio_encoding, "mulaw");
  // Properties the spec does not name are kept, as the spec leaves objects open.
  assert.deepEqual((call as unknown as { extra_field: unknown }).extra_field, [1, 2]);
  assert.equal(server.requests[0]?.url, "/create-phone-call");
  assert.deepEqual(JSON.parse(server.requests[0]?.body ?? ""), { ...NUMBERS, drop_call_if_machine_detected: true });
});

test("apiKey and baseURL come from RETELL_API_KEY and RETELL_BASE_URL when not given", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  process.env.RETELL_API_KEY = "env_key_42";
  process.env.RETELL_BASE_URL = server.url;
  const client = new RetellClient();
  assert.equal(client.baseURL, server.url);
  await client.createPhoneCall(NUMBERS);
  assert.equal(server.requests[0]?.headers.authorization, "Bearer env_key_42");
});

test("options win over the environment, and the defaults are the documented ones", () => {
  process.env.RETELL_API_KEY = "env_key_42";
  process.env.RETELL_BASE_URL = "http://127.0.0.1:9";
  const client = new RetellClient({ baseURL: "http://127.0.0.1:1" });
  assert.equal(client.baseURL, "http://127.0.0.1:1");
  delete process.env.RETELL_BASE_URL;
  const plain = new RetellClient();
  assert.equal(plain.baseURL, "https://api.retellai.com");
  assert.equal(DEFAULT_BASE_URL, "https://api.retellai.com");
  assert.equal(plain.maxRetries, 2);
  assert.equal(DEFAULT_MAX_RETRIES, 2);
  assert.equal(plain.timeout, 60_000);
  assert.equal(DEFAULT_TIMEOUT_MS, 60_000);
});

test("a missing API key is refused at construction", () => {
  delete process.env.RETELL_API_KEY;
  assert.throws(() => new RetellClient({ baseURL: "http://127.0.0.1:1" }), /RETELL_API_KEY/);
  process.env.RETELL_API_KEY = "";
  assert.throws(() => new RetellClient(), /No API key/);
});

test("a given idempotencyKey and extra headers are sent", async () => {
  server = await serve([{ status: 201, body: PHONE_CALL }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url, defaultHeaders: { "x-team": "a" } });
  await client.createPhoneCall(NUMBERS, { idempotencyKey: "idem-1", headers: { "x-call": "b" } });
  const headers = server.requests[0]?.headers;
  assert.equal(headers?.["idempotency-key"], "idem-1");
  assert.equal(headers?.["x-team"], "a");
  assert.equal(headers?.["x-call"], "b");
});

test("enums are exported as readonly arrays of their values", () => {
  assert.deepEqual([...CallStatusValues], ["registered", "ongoing", "ended", "error"]);
  assert.equal(DisconnectionReasonValues.length, 19);
  assert.ok(DisconnectionReasonValues.includes("dial_no_answer"));
});

test("createPhoneCallV1 emits one DeprecationWarning per process", async () => {
  server = await serve([{ status: 201, body: REGISTERED_CALL }]);
  const client = new RetellClient({ apiKey: API_KEY, baseURL: server.url });
  await client.createPhoneCallV1(NUMBERS);
  await client.createPhoneCallV1(NUMBERS);
  await client.createPhoneCall(NUMBERS).catch(() => undefined);
  await new Promise((resolve) => setImmediate(resolve));
  // An earlier test of this file called createPhoneCallV1 too: still one warning in all.
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]?.name, "DeprecationWarning");
  assert.match(warnings[0]?.message ?? "", /^createPhoneCallV1\(\) is deprecated: Deprecated by the vendor/);
});
