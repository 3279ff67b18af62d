// generated from spec/openapi.yaml by `make generate`; do not edit
/** The rules of the spec, as data for validation.ts: one shape per object schema. */

import { ColorValues } from "./models.js";
import type { Schemas } from "./validation.js";

export const SCHEMAS: Schemas = {
  WidgetRequest: {
    kind: "object",
    required: ["name"],
    properties: {
      name: { kind: "string", pattern: "^[a-z]+\\\\?$" },
      color: { kind: "string", enum: ColorValues },
      size: { kind: "integer", minimum: 1, maximum: 10 },
      "x-trace-id": { kind: "string" },
      tags: { kind: "object", properties: {}, required: [], additionalProperties: { kind: "string" } },
      extra: { kind: "object", properties: {}, required: [] },
      ratio: { kind: "number", minimum: 0.5 },
      active: { kind: "boolean" },
    },
  },
  Widget: {
    kind: "object",
    required: ["id", "mode"],
    properties: {
      id: { kind: "string" },
      mode: { kind: "string", enum: ColorValues },
      level: { kind: "integer" },
    },
    conditions: [
      {
        ifField: "mode",
        ifValue: "red",
        thenField: "level",
        thenValue: 3,
        message: "level must be 3 when mode is red",
      },
    ],
  },
};
