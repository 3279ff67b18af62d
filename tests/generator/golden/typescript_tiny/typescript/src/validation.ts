// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * The spec's rules as a validator of JSON values (the same one in every generated language).
 *
 * `SCHEMAS` (in `schemas.ts`) is the spec's validation view: normalised JSON Schema 2020-12, one
 * `$defs` entry per schema. `Validator` compiles an entry once into closures and checks parsed
 * JSON (plain objects, arrays, strings, finite numbers, booleans, null) against it with JSON
 * Schema's semantics: no coercion ("35" is no integer, 35.0 is one), `null` only where a type
 * allows it, ECMAScript regular expressions read as the reference validator (Python) reads them:
 * `$` is the end of the text, `.` anything but a newline, and `\d`, `\w`, `\s`, `\b` ASCII only.
 *
 * A violation names the field as a dotted path ("" for the body itself), the rule (the `x-rule`
 * name of the innermost subschema that states one, else the JSON Schema keyword), the keyword,
 * and a message. Keywords are checked in a fixed order, so every language reports the same first
 * violation: $ref, type, const, enum, minLength, maxLength, pattern, format, minimum, maximum,
 * exclusiveMinimum, exclusiveMaximum, multipleOf, minItems, maxItems, items, required, properties
 * (in the schema's order), additionalProperties (in code point order of the names), allOf, anyOf,
 * oneOf, not, if/then/else.
 */

/** A JSON value, as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One normalised schema: its keywords (see the module doc) and `x-rule` / `x-discriminator`. */
export type SchemaNode = { readonly [keyword: string]: unknown };

/** A normalised schema document: named schemas under `$defs`. */
export interface SchemaDocument {
  readonly $defs: { readonly [name: string]: SchemaNode };
}

export interface Violation {
  /** Dotted path of the value ("" for the body), e.g. "agent_override.voice.0". */
  readonly field: string;
  /** The `x-rule` name in force, else the keyword. */
  readonly rule: string;
  /** The JSON Schema keyword that failed. */
  readonly keyword: string;
  /** What the rule asks for, e.g. "must be >= 8000". */
  readonly message: string;
}

type Path = readonly string[];
type Check = (value: unknown, path: Path, context: Context) => boolean;

/** Thrown when enough violations were collected. */
const STOP: unique symbol = Symbol("enough violations");

class Context {
  readonly out: Violation[] = [];

  constructor(
    readonly limit: number | undefined,
    public rule: string | undefined = undefined,
  ) {}

  fail(path: Path, keyword: string, message: string): void {
    this.out.push({ field: path.join("."), rule: this.rule ?? keyword, keyword, message });
    if (this.limit !== undefined && this.out.length >= this.limit) throw STOP;
  }

  /** Whether a subschema holds, recording nothing (anyOf, oneOf, not, if). */
  matches(check: Check, value: unknown, path: Path): boolean {
    const probe = new Context(1, this.rule);
    try {
      return check(value, path, probe) && probe.out.length === 0;
    } catch (error) {
      if (error === STOP) return false;
      throw error;
    }
  }
}

function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function has(value: object, name: string): boolean {
  return Object.hasOwn(value, name);
}

/**
 * The JSON type of a value: null, boolean, integer, number, string, array, object (an integral
 * number is "integer"); anything else by its JavaScript type.
 */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function hasType(value: unknown, kind: string): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    default:
      return value === null; // "null"
  }
}

/** JSON equality: 1 equals 1.0, but true is not 1 and "1" is not 1. */
function same(left: unknown, right: unknown): boolean {
  if (typeof left === "string" || typeof right === "string") return left === right;
  if (typeof left === "boolean" || typeof right === "boolean") return left === right;
  if (typeof left === "number" || typeof right === "number") return left === right;
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => same(item, right[index]));
  }
  if (isObject(left) && isObject(right)) {
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    return keys.every((key) => has(right, key) && same(left[key], right[key]));
  }
  return left === right;
}

/**
 * A number as the reference validator prints it: integers without a fraction, else the shortest
 * form, with Python's exponent style (1e-05) below 1e-4.
 */
export function showNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  if (value !== 0 && Math.abs(value) < 1e-4) {
    const [digits, exponent = "0"] = value.toExponential().split("e");
    const sign = exponent.startsWith("-") ? "-" : "+";
    return `${digits}e${sign}${exponent.replace(/^[+-]/, "").padStart(2, "0")}`;
  }
  return String(value);
}

/** A JSON value as the reference validator shows it in messages (Python's `json.dumps`). */
function show(value: unknown): string {
  if (typeof value === "number") return showNumber(value);
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (isObject(value)) {
    return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${show(item)}`).join(", ")}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

/** Code point order (the reference's `sorted`), not JavaScript's UTF-16 code unit order. */
function byCodePoint(left: string, right: string): number {
  const a = [...left];
  const b = [...right];
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const difference = (a[index]?.codePointAt(0) ?? 0) - (b[index]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

const ASCII_SPACE = "\\t\\n\\v\\f\\r ";

/**
 * A JSON Schema pattern as a JavaScript regular expression that matches what the reference
 * validator's does: code points (`u`), `.` anything but "\n", and `\s` / `\S` ASCII whitespace
 * (JavaScript's own also match Unicode spaces). `$` and `\d`, `\w`, `\b` already agree.
 */
export function ecmaPattern(pattern: string): RegExp {
  let out = "";
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? "";
    if (char === "\\" && index + 1 < pattern.length) {
      const next = pattern[index + 1] ?? "";
      index += 1;
      if (next === "s") out += inClass ? ASCII_SPACE : `[${ASCII_SPACE}]`;
      else if (next === "S" && !inClass) out += `[^${ASCII_SPACE}]`;
      else if (next === "S") throw new SyntaxError(`pattern ${pattern}: \\S inside a character class is not supported`);
      else out += char + next;
      continue;
    }
    if (char === "[" && !inClass) inClass = true;
    else if (char === "]" && inClass) inClass = false;
    else if (char === "." && !inClass) {
      out += "[^\\n]";
      continue;
    }
    out += char;
  }
  return new RegExp(out, "u");
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;
const URI = /^[A-Za-z][A-Za-z0-9+.\-]*:[^ <>"{}|\\^`\x00-\x1f\x7f]*$/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 date-time, with calendar checks (no 30 February; a leap second only at 23:59:60 UTC). */
function isDateTime(value: string): boolean {
  const hit = DATE_TIME.exec(value);
  if (hit === null) return false;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((group) => Number(hit[group]));
  if (year === undefined || month === undefined || day === undefined) return false;
  if (hour === undefined || minute === undefined || second === undefined) return false;
  if (month < 1 || month > 12 || day < 1 || day > (DAYS[month - 1] ?? 0)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month === 2 && day === 29 && !leap) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  let offset = 0;
  if (hit[9] !== undefined) {
    const hours = Number(hit[10]);
    const minutes = Number(hit[11]);
    if (hours > 23 || minutes > 59) return false;
    offset = (hours * 60 + minutes) * (hit[9] === "-" ? -1 : 1);
  }
  return second < 60 || (((hour * 60 + minute - offset) % 1440) + 1440) % 1440 === 23 * 60 + 59;
}

/** An absolute URI (RFC 3986): a scheme, a colon, no spaces or excluded characters, every % escape two hex digits. */
function isUri(value: string): boolean {
  return URI.test(value) && !BAD_ESCAPE.test(value);
}

const FORMATS: ReadonlyMap<string, (value: string) => boolean> = new Map([
  ["date-time", isDateTime],
  ["uri", isUri],
]);

const accept: Check = () => true;

/** Checks JSON values against the `$defs` of a normalised schema document. */
export class Validator {
  readonly #defs: { readonly [name: string]: SchemaNode };
  readonly #compiled = new Map<string, Check>();

  constructor(document: SchemaDocument) {
    this.#defs = document.$defs;
  }

  names(): string[] {
    return Object.keys(this.#defs);
  }

  /** The first violation of `value` against the schema `name`, or `undefined`. */
  check(name: string, value: unknown): Violation | undefined {
    return this.#run(name, value, 1)[0];
  }

  /** The violations of `value` against the schema `name`, in order (at most `limit`). */
  violations(name: string, value: unknown, limit?: number): Violation[] {
    return this.#run(name, value, limit);
  }

  #run(name: string, value: unknown, limit: number | undefined): Violation[] {
    const context = new Context(limit);
    try {
      this.#definition(name)(value, [], context);
    } catch (error) {
      if (error !== STOP) throw error;
    }
    return context.out;
  }

  #definition(name: string): Check {
    let compiled = this.#compiled.get(name);
    if (compiled === undefined) {
      const node = has(this.#defs, name) ? this.#defs[name] : undefined;
      if (node === undefined) throw new Error(`no schema named ${JSON.stringify(name)}`);
      let target: Check | undefined;
      // A recursive schema meets its own name while it is compiled: it forwards to the result.
      this.#compiled.set(name, (value, path, context) => (target ?? accept)(value, path, context));
      try {
        target = this.#compile(node);
      } catch (error) {
        this.#compiled.delete(name); // a broken schema must fail every time, not pass later
        throw error;
      }
      compiled = target;
      this.#compiled.set(name, compiled);
    }
    return compiled;
  }

  // --- compilation ---------------------------------------------------------------------------
  // Each schema node becomes one closure that runs its keywords in the order of the module doc.

  #compile(node: SchemaNode): Check {
    const ref = this.#ref(node);
    const kinds = typeKinds(node);
    const values = valueRules(node);
    const strings = stringRules(node);
    const numbers = numberRules(node);
    const array = this.#arrayRules(node);
    const object = this.#objectRules(node);
    const after = this.#combinators(node);
    const wanted = kinds?.map((kind) => (/^[aeiou]/.test(kind) ? "an " : "a ") + kind).join(" or ");

    const check: Check = (value, path, context) => {
      let ok = ref === undefined ? true : ref(value, path, context);
      if (kinds !== undefined && !kinds.some((kind) => hasType(value, kind))) {
        context.fail(path, "type", `must be ${wanted ?? ""}, not ${jsonType(value)}`);
        ok = false;
      } else {
        if (values !== undefined) ok = values(value, path, context) && ok;
        if (typeof value === "string") {
          if (strings !== undefined) ok = strings(value, path, context) && ok;
        } else if (isObject(value)) {
          if (object !== undefined) ok = object(value, path, context) && ok;
        } else if (Array.isArray(value)) {
          if (array !== undefined) ok = array(value, path, context) && ok;
        } else if (typeof value === "number" && numbers !== undefined) {
          ok = numbers(value, path, context) && ok;
        }
      }
      for (const step of after) ok = step(value, path, context) && ok;
      return ok;
    };

    const plain =
      kinds === undefined &&
      [values, strings, numbers, array, object].every((part) => part === undefined) &&
      after.length === 0;
    const body = plain ? (ref ?? accept) : check;
    const rule = node["x-rule"];
    return typeof rule === "string" ? named(rule, body) : body;
  }

  /** The target's check (a forwarding one while the target is still being compiled). */
  #ref(node: SchemaNode): Check | undefined {
    const ref = node["$ref"];
    if (typeof ref !== "string") return undefined;
    return this.#definition(ref.startsWith("#/$defs/") ? ref.slice("#/$defs/".length) : ref);
  }

  #arrayRules(node: SchemaNode): Check | undefined {
    const low = count(node["minItems"]);
    const high = count(node["maxItems"]);
    const item = isObject(node["items"]) ? this.#compile(node["items"]) : undefined;
    if (low === undefined && high === undefined && item === undefined) return undefined;
    return (value, path, context) => {
      const items = value as readonly unknown[];
      let ok = true;
      if (low !== undefined && items.length < low) {
        context.fail(path, "minItems", `must have at least ${low} items`);
        ok = false;
      }
      if (high !== undefined && items.length > high) {
        context.fail(path, "maxItems", `must have at most ${high} items`);
        ok = false;
      }
      if (item !== undefined) {
        items.forEach((entry, index) => {
          ok = item(entry, [...path, String(index)], context) && ok;
        });
      }
      return ok;
    };
  }

  #objectRules(node: SchemaNode): Check | undefined {
    const required = Array.isArray(node["required"]) ? (node["required"] as readonly string[]) : [];
    const declared = isObject(node["properties"]) ? node["properties"] : {};
    const properties = Object.entries(declared).map(
      ([name, sub]) => [name, this.#compile(sub as SchemaNode)] as const,
    );
    const names = new Set(Object.keys(declared));
    const extra = node["additionalProperties"] ?? true;
    const others = isObject(extra) ? this.#compile(extra) : undefined;
    const closed = extra === false;
    if (required.length === 0 && properties.length === 0 && extra === true) return undefined;
    return (value, path, context) => {
      const object = value as { readonly [key: string]: unknown };
      let ok = true;
      for (const name of required) {
        if (!has(object, name)) {
          context.fail([...path, name], "required", "is required");
          ok = false;
        }
      }
      for (const [name, check] of properties) {
        if (has(object, name)) ok = check(object[name], [...path, name], context) && ok;
      }
      if (closed || others !== undefined) {
        const unnamed = Object.keys(object).filter((name) => !names.has(name)).sort(byCodePoint);
        for (const name of unnamed) {
          if (others === undefined) {
            context.fail([...path, name], "additionalProperties", "is not allowed");
            ok = false;
          } else {
            ok = others(object[name], [...path, name], context) && ok;
          }
        }
      }
      return ok;
    };
  }

  #combinators(node: SchemaNode): Check[] {
    const steps: Check[] = subschemas(node["allOf"]).map((sub) => this.#compile(sub));
    if ("anyOf" in node || "oneOf" in node) steps.push(this.#choice(node));
    if (isObject(node["not"])) {
      const excluded = this.#compile(node["not"]);
      steps.push((value, path, context) => {
        if (!context.matches(excluded, value, path)) return true;
        context.fail(path, "not", "must not match the excluded schema");
        return false;
      });
    }
    if (isObject(node["if"])) steps.push(this.#conditional(node));
    return steps;
  }

  #choice(node: SchemaNode): Check {
    const keyword = "oneOf" in node ? "oneOf" : "anyOf";
    const variants = subschemas(node[keyword]).map((sub) => this.#compile(sub));
    const discriminator = isObject(node["x-discriminator"]) ? node["x-discriminator"] : {};
    const tag = typeof discriminator["propertyName"] === "string" ? discriminator["propertyName"] : undefined;
    const mapping = isObject(discriminator["mapping"]) ? discriminator["mapping"] : {};
    const chosen = new Map(Object.entries(mapping).map(([value, ref]) => [value, this.#compile({ $ref: ref })]));
    const allowed = [...chosen.keys()].map(show).join(", ");
    const total = variants.length;
    return (value, path, context) => {
      if (tag !== undefined && isObject(value)) {
        if (!has(value, tag)) {
          context.fail([...path, tag], "required", "is required");
          return false;
        }
        const given = value[tag];
        const variant = typeof given === "string" ? chosen.get(given) : undefined;
        if (variant === undefined) {
          context.fail([...path, tag], "discriminator", `must be one of ${allowed}`);
          return false;
        }
        return variant(value, path, context);
      }
      const matches = variants.filter((variant) => context.matches(variant, value, path)).length;
      if (keyword === "anyOf" && matches === 0) {
        context.fail(path, keyword, `must match at least one of the ${total} allowed schemas`);
        return false;
      }
      if (keyword === "oneOf" && matches !== 1) {
        context.fail(path, keyword, `must match exactly one of the ${total} allowed schemas (matches ${matches})`);
        return false;
      }
      return true;
    };
  }

  #conditional(node: SchemaNode): Check {
    const condition = this.#compile(node["if"] as SchemaNode);
    const then = isObject(node["then"]) ? this.#compile(node["then"]) : undefined;
    const otherwise = isObject(node["else"]) ? this.#compile(node["else"]) : undefined;
    return (value, path, context) => {
      const branch = context.matches(condition, value, path) ? then : otherwise;
      return branch === undefined ? true : branch(value, path, context);
    };
  }
}

function subschemas(value: unknown): SchemaNode[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function count(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function typeKinds(node: SchemaNode): readonly string[] | undefined {
  const kinds = node["type"];
  if (kinds === undefined) return undefined;
  return Array.isArray(kinds) ? kinds.map(String) : [String(kinds)];
}

function named(rule: string, body: Check): Check {
  return (value, path, context) => {
    const outer = context.rule;
    context.rule = rule;
    try {
      return body(value, path, context);
    } finally {
      context.rule = outer;
    }
  };
}

function valueRules(node: SchemaNode): Check | undefined {
  const hasConst = "const" in node;
  const hasEnum = Array.isArray(node["enum"]);
  if (!hasConst && !hasEnum) return undefined;
  const expected = node["const"];
  const allowed: readonly unknown[] = hasEnum ? (node["enum"] as readonly unknown[]) : [];
  const strings = new Set(allowed.filter((item): item is string => typeof item === "string"));
  const shown = allowed.map(show).join(", ");
  return (value, path, context) => {
    let ok = true;
    if (hasConst && !same(value, expected)) {
      context.fail(path, "const", `must be ${show(expected)}`);
      ok = false;
    }
    if (hasEnum && !(typeof value === "string" ? strings.has(value) : allowed.some((item) => same(value, item)))) {
      context.fail(path, "enum", `must be one of ${shown}`);
      ok = false;
    }
    return ok;
  };
}

function stringRules(node: SchemaNode): Check | undefined {
  const low = count(node["minLength"]);
  const high = count(node["maxLength"]);
  const pattern = typeof node["pattern"] === "string" ? node["pattern"] : undefined;
  const regex = pattern === undefined ? undefined : ecmaPattern(pattern);
  const formatName = String(node["format"]);
  const format = FORMATS.get(formatName);
  if (low === undefined && high === undefined && regex === undefined && format === undefined) return undefined;
  return (value, path, context) => {
    const text = value as string;
    let ok = true;
    const length = low === undefined && high === undefined ? 0 : [...text].length; // code points
    if (low !== undefined && length < low) {
      context.fail(path, "minLength", `must be at least ${low} characters long`);
      ok = false;
    }
    if (high !== undefined && length > high) {
      context.fail(path, "maxLength", `must be at most ${high} characters long`);
      ok = false;
    }
    if (regex !== undefined && !regex.test(text)) {
      context.fail(path, "pattern", `must match the pattern ${pattern ?? ""}`);
      ok = false;
    }
    if (format !== undefined && !format(text)) {
      context.fail(path, "format", `must be a valid ${formatName}`);
      ok = false;
    }
    return ok;
  };
}

const BOUNDS: ReadonlyArray<readonly [string, string, (value: number, bound: number) => boolean]> = [
  ["minimum", ">=", (value, bound) => value >= bound],
  ["maximum", "<=", (value, bound) => value <= bound],
  ["exclusiveMinimum", ">", (value, bound) => value > bound],
  ["exclusiveMaximum", "<", (value, bound) => value < bound],
];

function numberRules(node: SchemaNode): Check | undefined {
  const bounds = BOUNDS.flatMap(([keyword, sign, holds]) => {
    const bound = node[keyword];
    return typeof bound === "number" ? [[keyword, `must be ${sign} ${showNumber(bound)}`, holds, bound] as const] : [];
  });
  const step = count(node["multipleOf"]);
  if (bounds.length === 0 && step === undefined) return undefined;
  return (value, path, context) => {
    const number = value as number;
    let ok = true;
    for (const [keyword, message, holds, bound] of bounds) {
      if (!holds(number, bound)) {
        context.fail(path, keyword, message);
        ok = false;
      }
    }
    if (step !== undefined && !isMultiple(number, step)) {
      context.fail(path, "multipleOf", `must be a multiple of ${showNumber(step)}`);
      ok = false;
    }
    return ok;
  };
}

function isMultiple(value: number, step: number): boolean {
  if (Number.isInteger(value) && Number.isInteger(step)) return value % step === 0;
  const quotient = value / step;
  return Number.isFinite(quotient) && Number.isInteger(quotient);
}
