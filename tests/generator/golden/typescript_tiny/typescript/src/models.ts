// generated from spec/openapi.yaml by `make generate`; do not edit
/** The request and response bodies of the API, and its enums (string-literal unions). */

/**
 * A color *\/ ; process.exit(1) /*
 */
export type Color = "red" | "it's \"blue\"" | "back\\slash";
/** Every value of {@link Color}, in the spec's order. */
export const ColorValues = ["red", "it's \"blue\"", "back\\slash"] as const satisfies readonly Color[];

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
  color?: Color;
  /**
   * Minimum: 1. Maximum: 10.
   */
  size?: number;
  "x-trace-id"?: string;
  tags?: { [key: string]: string };
  extra?: { [key: string]: unknown };
  /**
   * Minimum: 0.5.
   */
  ratio?: number;
  /**
   * @default true
   */
  active?: boolean;
}

export interface Widget {
  id: string;
  /**
   * A color *\/ ; process.exit(1) /*
   */
  mode: Color;
  level?: number;
}
