// The TypeScript validator against the cases every generated language runs
// (tests/validation/cases.json, built from the Python reference validator): the same
// violations (field, rule, keyword) in the same order, and the same first one.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { SCHEMAS, Validator, type SchemaDocument, type Violation } from "../../generated/typescript/src/index.js";

interface Expected {
  readonly field: string;
  readonly rule: string;
  readonly keyword: string;
}

interface Case {
  readonly description: string;
  readonly schema: SchemaDocument;
  readonly value: unknown;
  readonly valid: boolean;
  readonly first?: Expected;
  readonly violations?: readonly Expected[];
}

const CASES = (JSON.parse(readFileSync("tests/validation/cases.json", "utf8")) as { cases: Case[] }).cases;

function shown(found: readonly Violation[]): Expected[] {
  return found.map(({ field, rule, keyword }) => ({ field, rule, keyword }));
}

test("the shared file holds the cases (160 or more)", () => {
  assert.ok(CASES.length >= 160, `only ${CASES.length} cases`);
  assert.ok(CASES.some((item) => !item.valid) && CASES.some((item) => item.valid));
});

for (const item of CASES) {
  test(`case: ${item.description}`, () => {
    const validator = new Validator(item.schema);
    const found = validator.violations("T", item.value);
    assert.deepEqual(shown(found), item.violations ?? []);
    assert.equal(found.length === 0, item.valid);
    const first = validator.check("T", item.value);
    assert.deepEqual(first === undefined ? undefined : shown([first])[0], item.first);
  });
}

test("every schema of the spec compiles (every pattern is a valid JavaScript regular expression)", () => {
  const validator = new Validator(SCHEMAS);
  assert.ok(validator.names().length > 0);
  for (const name of validator.names()) assert.doesNotThrow(() => validator.check(name, null), name);
});

test("violation messages read as the reference validator's", () => {
  const validator = new Validator({
    $defs: {
      T: {
        type: "object",
        required: ["a"],
        properties: {
          n: { type: "integer", minimum: 8000 },
          e: { enum: ["x", 1, [1, 2], { k: null }] },
          s: { type: "string", pattern: "^a$", "x-rule": "only_a" },
        },
      },
    },
  });
  const found = validator.violations("T", { n: 1.5, e: "y", s: "b" });
  assert.deepEqual(
    found.map((violation) => [violation.field, violation.rule, violation.message]),
    [
      ["a", "required", "is required"],
      ["n", "type", "must be an integer, not number"],
      ["e", "enum", 'must be one of "x", 1, [1, 2], {"k": null}'],
      ["s", "only_a", "must match the pattern ^a$"],
    ],
  );
  const bounds = validator.violations("T", { a: 1, n: 7999 });
  assert.deepEqual(
    bounds.map((violation) => violation.message),
    ["must be >= 8000"],
  );
  const step = new Validator({ $defs: { T: { type: "number", multipleOf: 0.00001 } } });
  assert.equal(step.check("T", 0.000015)?.message, "must be a multiple of 1e-05");
});

test("patterns read as the reference reads them: '.' is not a newline, '\\s' is ASCII only", () => {
  const validator = new Validator({
    $defs: {
      Dot: { type: "string", pattern: "^a.b$" },
      Space: { type: "string", pattern: "^a\\sb$" },
      NotSpace: { type: "string", pattern: "^\\S+$" },
      Class: { type: "string", pattern: "^[\\s.]+$" },
    },
  });
  assert.equal(validator.check("Dot", "a\u2028b"), undefined); // JavaScript's own '.' would refuse it
  assert.equal(validator.check("Dot", "a\nb")?.keyword, "pattern");
  assert.equal(validator.check("Space", "a\tb"), undefined);
  assert.equal(validator.check("Space", "a\u00a0b")?.keyword, "pattern"); // JavaScript's '\s' would accept it
  assert.equal(validator.check("NotSpace", "a\u00a0b"), undefined);
  assert.equal(validator.check("Class", " .\t"), undefined);
  assert.equal(validator.check("Class", "x")?.keyword, "pattern");
  assert.equal(validator.check("Class", "\u3000")?.keyword, "pattern");
});

test("a failed type still runs the combinators, as the reference does", () => {
  const validator = new Validator({ $defs: { T: { type: "string", not: { type: "integer" }, allOf: [{ minimum: 9 }] } } });
  assert.deepEqual(
    validator.violations("T", 5).map((violation) => [violation.keyword, violation.message]),
    [
      ["type", "must be a string, not integer"],
      ["minimum", "must be >= 9"],
      ["not", "must not match the excluded schema"],
    ],
  );
});

test("a schema that cannot compile fails every time, not only the first", () => {
  const validator = new Validator({ $defs: { T: { type: "string", pattern: "(" } } });
  assert.throws(() => validator.check("T", "x"), SyntaxError);
  assert.throws(() => validator.check("T", "x"), SyntaxError);
});

test("extra properties are reported in code point order, as the reference sorts them", () => {
  const validator = new Validator({ $defs: { T: { type: "object", additionalProperties: false } } });
  // U+FF21 sorts before U+1F600 by code point, after it by UTF-16 code unit.
  const found = validator.violations("T", { "\u{1F600}": 1, "\uFF21": 2, b: 3 });
  assert.deepEqual(
    found.map((violation) => violation.field),
    ["b", "\uFF21", "\u{1F600}"],
  );
});
