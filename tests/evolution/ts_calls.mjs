// Make the calls of a plan (JSON on stdin) with the compiled TypeScript client whose index.js
// is argv[2] (the package generated for one stage of the evolution test), and print their
// outcomes as JSON: {"results": [{"id", "ok": true, "body"} or {"id", "error", "field", "rule",
// "status"}]}. Plan: {"api_key", "calls": [{"id", "base_url", "strict", "resource", "method",
// "arguments"}]}.
import { pathToFileURL } from "node:url";

const client = await import(pathToFileURL(process.argv[2]).href);

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function outcome(plan, call) {
  const retell = new client.Retell({
    apiKey: plan.api_key,
    baseURL: call.base_url,
    maxRetries: 0,
    strictResponseValidation: call.strict,
  });
  try {
    const body = await retell[call.resource][call.method](call.arguments);
    return { id: call.id, ok: true, body };
  } catch (error) {
    if (error instanceof client.ValidationError || error instanceof client.APIResponseValidationError) {
      return { id: call.id, error: error.name, field: error.field, rule: error.rule };
    }
    if (error instanceof client.APIStatusError) {
      return { id: call.id, error: error.name, status: error.status };
    }
    return { id: call.id, error: String(error?.name ?? typeof error), message: String(error) };
  }
}

const plan = JSON.parse(await readStdin());
const results = [];
for (const call of plan.calls) results.push(await outcome(plan, call));
process.stdout.write(JSON.stringify({ results }));
