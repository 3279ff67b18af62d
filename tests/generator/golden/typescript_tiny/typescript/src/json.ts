// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * Request bodies as JSON: what is validated is exactly what is sent.
 *
 * `JsonBodies.body` copies a request body into plain JSON values, refusing (rule "json")
 * whatever `JSON.stringify` would silently change or drop: `undefined`, `NaN`, `Infinity`, a
 * `Date`, a `Map`, a class instance, a function, a symbol, a bigint, a hole in an array, a cycle,
 * a string with a lone surrogate (no Unicode text: UTF-8 cannot carry it). The one exception is
 * an optional property the spec names set to `undefined`: it is left out, as `JSON.stringify`
 * leaves it out, since that is how TypeScript code says "not given". Which properties the spec
 * names comes from the schema the body is checked against.
 */

import { ValidationError } from "./errors.js";
import type { JsonValue, SchemaDocument, SchemaNode } from "./validation.js";

const JSON_KINDS = "a plain object, array, string, finite number, boolean or null";
/** Half of a UTF-16 surrogate pair without its other half: no Unicode text (UTF-8 cannot encode it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_UNICODE = "must be valid Unicode text (it holds a lone surrogate)";

type Path = readonly string[];

function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value !== "object" || value === null) return typeof value;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === "string" && name !== "" ? `a ${name}` : "an object with a prototype";
}

function refuse(path: Path, message: string): never {
  throw new ValidationError([{ field: path.join("."), rule: "json", keyword: "json", message }]);
}

/** The schemas that apply to one place of a body, with what they reach through `$ref`,
 * `allOf`, `anyOf`, `oneOf`, `then` and `else` (where properties may be named). */
class Schemas {
  readonly #defs: SchemaDocument["$defs"];

  constructor(document: SchemaDocument) {
    this.#defs = document.$defs;
  }

  root(name: string | undefined): readonly SchemaNode[] {
    const node = name !== undefined && Object.hasOwn(this.#defs, name) ? this.#defs[name] : undefined;
    return node === undefined ? [] : [node];
  }

  expand(nodes: readonly SchemaNode[]): readonly SchemaNode[] {
    const out: SchemaNode[] = [];
    const seen = new Set<SchemaNode>();
    const visit = (node: SchemaNode): void => {
      if (seen.has(node)) return;
      seen.add(node);
      out.push(node);
      const ref = node["$ref"];
      if (typeof ref === "string") {
        const name = ref.startsWith("#/$defs/") ? ref.slice("#/$defs/".length) : ref;
        const target = Object.hasOwn(this.#defs, name) ? this.#defs[name] : undefined;
        if (target !== undefined) visit(target);
      }
      for (const keyword of ["allOf", "anyOf", "oneOf"]) {
        const list = node[keyword];
        if (Array.isArray(list)) list.filter(isObject).forEach(visit);
      }
      for (const keyword of ["then", "else"]) {
        const sub = node[keyword];
        if (isObject(sub)) visit(sub);
      }
    };
    nodes.forEach(visit);
    return out;
  }

  static names(expanded: readonly SchemaNode[], key: string): boolean {
    return expanded.some((node) => isObject(node["properties"]) && Object.hasOwn(node["properties"], key));
  }

  static property(expanded: readonly SchemaNode[], key: string): SchemaNode[] {
    return expanded.flatMap((node) => {
      const properties = node["properties"];
      if (isObject(properties) && Object.hasOwn(properties, key) && isObject(properties[key])) return [properties[key]];
      const extra = node["additionalProperties"];
      return isObject(extra) ? [extra] : [];
    });
  }

  static items(expanded: readonly SchemaNode[]): SchemaNode[] {
    return expanded.flatMap((node) => (isObject(node["items"]) ? [node["items"]] : []));
  }
}

function convert(value: unknown, path: Path, nodes: readonly SchemaNode[], schemas: Schemas, ancestors: Set<object>): JsonValue {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? refuse(path, NOT_UNICODE) : value;
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : refuse(path, `must be a finite number, not ${value}`);
  }
  if (typeof value !== "object") return refuse(path, `must be ${JSON_KINDS}, not ${describe(value)}`);
  const isArray = Array.isArray(value);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!isArray && prototype !== Object.prototype && prototype !== null) {
    return refuse(path, `must be ${JSON_KINDS}, not ${describe(value)}`);
  }
  if (ancestors.has(value)) return refuse(path, "must not contain itself");
  if (Object.getOwnPropertySymbols(value).length > 0) {
    return refuse(path, "must not have symbol keys (JSON.stringify drops them)");
  }
  ancestors.add(value);
  try {
    const expanded = schemas.expand(nodes);
    if (isArray) {
      const items = value as readonly unknown[];
      const itemNodes = Schemas.items(expanded);
      const out: JsonValue[] = [];
      for (let index = 0; index < items.length; index += 1) {
        const where = [...path, String(index)];
        if (!(index in items)) return refuse(where, "must not be a hole in the array");
        out.push(convert(items[index], where, itemNodes, schemas, ancestors));
      }
      return out;
    }
    const entries: Array<[string, JsonValue]> = [];
    for (const [key, item] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return refuse(path, NOT_UNICODE);
      if (item === undefined && Schemas.names(expanded, key)) continue;
      entries.push([key, convert(item, [...path, key], Schemas.property(expanded, key), schemas, ancestors)]);
    }
    return Object.fromEntries(entries); // defines properties: a "__proto__" key stays a key
  } finally {
    ancestors.delete(value);
  }
}

/** Turns request bodies into JSON against one schema document. */
export class JsonBodies {
  readonly #schemas: Schemas;

  constructor(document: SchemaDocument) {
    this.#schemas = new Schemas(document);
  }

  /**
   * `body` (with `extra` merged over it, key by key, when both are objects) as plain JSON for
   * the `$defs` entry `schema`; a ValidationError (rule "json") for anything that is not JSON.
   */
  body(schema: string | undefined, body: unknown, extra?: { readonly [key: string]: unknown }): JsonValue {
    const nodes = this.#schemas.root(schema);
    const json = convert(body, [], nodes, this.#schemas, new Set());
    if (extra === undefined) return json;
    const more = convert(extra, [], nodes, this.#schemas, new Set());
    if (!isObject(json)) return refuse([], "must be an object for extraBody to be merged into it");
    if (!isObject(more)) return refuse([], "extraBody must be a plain object");
    return Object.fromEntries([...Object.entries(json), ...Object.entries(more)]);
  }
}
