// The package's error-body model is ErrorResponse, never a model named Error (which would shadow
// the global Error in a user's `import { Error } ...` or `import * as retell` code).
import assert from "node:assert/strict";
import { test } from "node:test";

import * as pkg from "../../generated/typescript/src/index.js";
import type { ErrorResponse } from "../../generated/typescript/src/index.js";

test("the package exports the ErrorResponse model and no Error model", () => {
  // Type-level: ErrorResponse is exported with its field; the package has no type named Error.
  // (tsc fails on an unused @ts-expect-error, so exporting an Error type breaks this build.)
  const body: ErrorResponse = { error_message: "from_number: e164_numbers" };
  assert.equal(body.error_message, "from_number: e164_numbers");
  // @ts-expect-error - no model named Error
  const model: pkg.Error | undefined = undefined;
  assert.equal(model, undefined);
  // Value-level: no export named Error; the error classes keep their own names.
  assert.ok(!("Error" in pkg), "the package exports a value named Error");
  assert.equal(pkg.APIError.name, "APIError");
});
