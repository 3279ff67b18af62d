// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * The API's bodies and enums, as types. Enums are string-literal unions, each with a `...Values`
 * array. A model a request body reaches keeps its enums precise (a typo fails to compile; an
 * optional field may be `undefined`, which leaves it out); a model only answers reach types its
 * enums as {@link OpenEnum} (a value the API adds later is kept as sent, and type-checks).
 * Fields the spec does not name yet are kept on received objects too; read them through a cast,
 * e.g. `(call as { [key: string]: unknown })["new_field"]`.
 */

/** A string enum as an answer may hold it: one of the spec's values, or one the API added since. */
export type OpenEnum<T extends string> = T | (string & {});

/**
 * A color *\/ ; process.exit(1) /*
 */
export type Color = "red" | "it's \"blue\"" | "back\\slash";
/** Every value of {@link Color}, in the spec's order. */
export const ColorValues = ["red", "it's \"blue\"", "back\\slash"] as const satisfies readonly Color[];

export interface Circle {
  /**
   * Always: `circle`.
   */
  kind: "circle";
  /**
   * Greater than: 0.
   */
  radius: number;
  /**
   * A color *\/ ; process.exit(1) /*
   */
  fill?: Color | undefined;
}

export interface Square {
  /**
   * Always: `square`.
   */
  kind: "square";
  side: number;
}

export interface Part {
  /**
   * Minimum length: 1.
   */
  sku: string;
  count?: number | undefined;
}

/**
 * What a widget is made of: `name` *\/ first.
 */
export interface WidgetRequest {
  /**
   * Name *\/ with "quotes" and \backslash
   *
   * Pattern: `^[a-z]+\\?$`.
   */
  name: string;
  /**
   * A color *\/ ; process.exit(1) /*
   */
  color?: Color | undefined;
  /**
   * Minimum: 1. Maximum: 10.
   */
  size?: number | undefined;
  tags?: { [key: string]: string } | undefined;
  extra?: { [key: string]: unknown } | undefined;
  /**
   * Minimum: 0.5.
   */
  ratio?: number | undefined;
  /**
   * @default true
   */
  active?: boolean | undefined;
  shape?: Circle | Square | undefined;
  /**
   * Maximum items: 3.
   */
  parts?: Array<Part> | undefined;
  note?: string | null | undefined;
  /**
   * Always: 2.
   */
  version?: 2 | undefined;
  /**
   * Format: `date-time`.
   */
  when?: string | undefined;
}

export interface Widget {
  id: string;
  /**
   * A color *\/ ; process.exit(1) /*
   */
  mode: OpenEnum<Color>;
  level?: number;
  shape?: Circle | Square;
  history?: Array<OpenEnum<Color>>;
}

export interface Problem {
  detail: string;
}
