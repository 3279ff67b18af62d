// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * Checks a value against the rules of the spec, with JSON-Schema semantics: no type coercion
 * ("8000" is not an integer, 1 is not a string), `null` is not a value of any named property,
 * properties the spec does not name are allowed. The rules themselves are data, in `schemas.ts`.
 *
 * What a free-form object (such as `metadata`) or an unnamed property holds must be a JSON value
 * that `JSON.stringify` sends unchanged (rule "json"): no `undefined`, `NaN`, `Infinity`,
 * `Date`, `Map`, class instance, function, symbol, bigint, sparse array or cycle, which it would
 * silently turn into `null`, a string, `{}` or drop (or throw on).
 */

/** A JSON value, as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One rule set of the spec, reduced to what the client checks. */
export type Shape =
  | { readonly kind: "any" }
  | { readonly kind: "ref"; readonly name: string }
  | {
      readonly kind: "string";
      readonly pattern?: string;
      readonly minLength?: number;
      readonly maxLength?: number;
      readonly enum?: readonly string[];
      readonly const?: string;
    }
  | {
      readonly kind: "integer" | "number";
      readonly minimum?: number;
      readonly maximum?: number;
      readonly exclusiveMinimum?: number;
      readonly exclusiveMaximum?: number;
      readonly enum?: readonly number[];
      readonly const?: number;
    }
  | { readonly kind: "boolean"; readonly const?: boolean }
  | { readonly kind: "array"; readonly items: Shape; readonly minItems?: number; readonly maxItems?: number }
  | {
      readonly kind: "object";
      readonly properties: { readonly [name: string]: Shape };
      readonly required: readonly string[];
      /** The shape of properties not named in `properties`; absent: anything goes. */
      readonly additionalProperties?: Shape;
      readonly conditions?: readonly Condition[];
    };

/** When `ifField` equals `ifValue`, `thenField` (if present) must equal `thenValue`. */
export interface Condition {
  readonly ifField: string;
  readonly ifValue: string | number | boolean;
  readonly thenField: string;
  readonly thenValue: string | number | boolean;
  /** The rule in words, as the spec's generator states it for every language. */
  readonly message: string;
}

export type Schemas = { readonly [name: string]: Shape };

/** The first rule a value breaks. */
export interface Violation {
  /** Dotted path of the field ("" for the value itself). */
  readonly field: string;
  /** The rule's name: type, required, pattern, enum, const, minimum, maximum, ... */
  readonly rule: string;
  /** What the rule asks for, in words. */
  readonly detail: string;
}

const patternCache = new Map<string, RegExp>();

function compiled(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern, "u");
    patternCache.set(pattern, regex);
  }
  return regex;
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(value: { readonly [key: string]: unknown }, name: string): unknown {
  return Object.hasOwn(value, name) ? value[name] : undefined;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function violation(field: string, rule: string, detail: string): Violation {
  return { field, rule, detail };
}

const JSON_KINDS = "a plain object, array, string, finite number, boolean or null";

function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value !== "object" || value === null) return typeof value;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === "string" && name !== "" ? `a ${name}` : "an object with a prototype";
}

/** The first part of `value` that `JSON.stringify` would not send exactly as it is. */
function checkJson(value: unknown, path: string, ancestors: Set<object>): Violation | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") {
    return Number.isFinite(value) ? undefined : violation(path, "json", `must be a finite number, not ${value}`);
  }
  if (typeof value !== "object") return violation(path, "json", `must be ${JSON_KINDS}, not ${describe(value)}`);
  const prototype: unknown = Object.getPrototypeOf(value);
  const isArray = Array.isArray(value);
  if (!isArray && prototype !== Object.prototype && prototype !== null) {
    return violation(path, "json", `must be ${JSON_KINDS}, not ${describe(value)}`);
  }
  if (ancestors.has(value)) return violation(path, "json", "must not contain itself");
  if (Object.getOwnPropertySymbols(value).length > 0) {
    return violation(path, "json", "must not have symbol keys (JSON.stringify drops them)");
  }
  ancestors.add(value);
  try {
    if (isArray) {
      const items = value as readonly unknown[];
      for (let index = 0; index < items.length; index += 1) {
        if (!(index in items)) return violation(join(path, String(index)), "json", "must not be a hole in the array");
        const found = checkJson(items[index], join(path, String(index)), ancestors);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    for (const [key, item] of Object.entries(value)) {
      const found = checkJson(item, join(path, key), ancestors);
      if (found !== undefined) return found;
    }
    return undefined;
  } finally {
    ancestors.delete(value);
  }
}

function checkString(
  value: unknown,
  shape: Extract<Shape, { kind: "string" }>,
  path: string,
): Violation | undefined {
  if (typeof value !== "string") return violation(path, "type", `must be a string, not ${typeName(value)}`);
  if (shape.const !== undefined && value !== shape.const) {
    return violation(path, "const", `must be ${JSON.stringify(shape.const)}`);
  }
  if (shape.enum !== undefined && !shape.enum.includes(value)) {
    return violation(path, "enum", `must be one of ${shape.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  }
  const length = [...value].length;
  if (shape.minLength !== undefined && length < shape.minLength) {
    return violation(path, "minLength", `must be at least ${shape.minLength} characters long`);
  }
  if (shape.maxLength !== undefined && length > shape.maxLength) {
    return violation(path, "maxLength", `must be at most ${shape.maxLength} characters long`);
  }
  if (shape.pattern !== undefined && !compiled(shape.pattern).test(value)) {
    return violation(path, "pattern", `must match the pattern ${shape.pattern}`);
  }
  return undefined;
}

function checkNumber(
  value: unknown,
  shape: Extract<Shape, { kind: "integer" | "number" }>,
  path: string,
): Violation | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return violation(path, "type", `must be a${shape.kind === "integer" ? "n integer" : " number"}, not ${typeName(value)}`);
  }
  if (shape.kind === "integer" && !Number.isInteger(value)) {
    return violation(path, "type", "must be an integer, not number");
  }
  if (shape.const !== undefined && value !== shape.const) return violation(path, "const", `must be ${shape.const}`);
  if (shape.enum !== undefined && !shape.enum.includes(value)) {
    return violation(path, "enum", `must be one of ${shape.enum.join(", ")}`);
  }
  if (shape.minimum !== undefined && value < shape.minimum) {
    return violation(path, "minimum", `must be >= ${shape.minimum}`);
  }
  if (shape.maximum !== undefined && value > shape.maximum) {
    return violation(path, "maximum", `must be <= ${shape.maximum}`);
  }
  if (shape.exclusiveMinimum !== undefined && value <= shape.exclusiveMinimum) {
    return violation(path, "exclusiveMinimum", `must be > ${shape.exclusiveMinimum}`);
  }
  if (shape.exclusiveMaximum !== undefined && value >= shape.exclusiveMaximum) {
    return violation(path, "exclusiveMaximum", `must be < ${shape.exclusiveMaximum}`);
  }
  return undefined;
}

function checkArray(
  value: unknown,
  shape: Extract<Shape, { kind: "array" }>,
  path: string,
  schemas: Schemas,
): Violation | undefined {
  if (!Array.isArray(value)) return violation(path, "type", `must be an array, not ${typeName(value)}`);
  if (shape.minItems !== undefined && value.length < shape.minItems) {
    return violation(path, "minItems", `must have at least ${shape.minItems} items`);
  }
  if (shape.maxItems !== undefined && value.length > shape.maxItems) {
    return violation(path, "maxItems", `must have at most ${shape.maxItems} items`);
  }
  for (const [index, item] of value.entries()) {
    const found = check(item, shape.items, join(path, String(index)), schemas);
    if (found !== undefined) return found;
  }
  return undefined;
}

function checkCondition(
  value: { readonly [key: string]: unknown },
  condition: Condition,
  path: string,
): Violation | undefined {
  if (own(value, condition.ifField) !== condition.ifValue) return undefined;
  const then = own(value, condition.thenField);
  if (then === undefined || then === condition.thenValue) return undefined;
  return violation(join(path, condition.thenField), "if-then", condition.message);
}

function checkObject(
  value: unknown,
  shape: Extract<Shape, { kind: "object" }>,
  path: string,
  schemas: Schemas,
): Violation | undefined {
  if (!isRecord(value)) return violation(path, "type", `must be an object, not ${typeName(value)}`);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return violation(path, "json", `must be a plain object, not ${describe(value)}`);
  }
  for (const name of shape.required) {
    if (own(value, name) === undefined) {
      return violation(join(path, name), "required", "is required");
    }
  }
  for (const [name, item] of Object.entries(value)) {
    const known = Object.hasOwn(shape.properties, name) ? shape.properties[name] : undefined;
    // An optional named property set to undefined is left out, as if it were not there.
    if (known !== undefined && item === undefined) continue;
    const itemShape = known ?? shape.additionalProperties;
    const where = join(path, name);
    const found = itemShape === undefined ? checkJson(item, where, new Set()) : check(item, itemShape, where, schemas);
    if (found !== undefined) return found;
  }
  for (const condition of shape.conditions ?? []) {
    const found = checkCondition(value, condition, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first rule of `shape` that `value` breaks, or `undefined` when it keeps them all. */
export function check(value: unknown, shape: Shape, path: string, schemas: Schemas): Violation | undefined {
  switch (shape.kind) {
    case "any":
      return checkJson(value, path, new Set());
    case "ref": {
      const target = schemas[shape.name];
      if (target === undefined) throw new Error(`unknown schema ${shape.name}`);
      return check(value, target, path, schemas);
    }
    case "string":
      return checkString(value, shape, path);
    case "integer":
    case "number":
      return checkNumber(value, shape, path);
    case "boolean":
      if (typeof value !== "boolean") return violation(path, "type", `must be a boolean, not ${typeName(value)}`);
      if (shape.const !== undefined && value !== shape.const) return violation(path, "const", `must be ${shape.const}`);
      return undefined;
    case "array":
      return checkArray(value, shape, path, schemas);
    case "object":
      return checkObject(value, shape, path, schemas);
  }
}
