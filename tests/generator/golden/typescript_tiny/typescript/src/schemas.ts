// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * The spec's validation view: normalised JSON Schema 2020-12, one `$defs` entry per schema
 * (see `validation.ts`). A request body is checked against its operation's entry before it is
 * sent; a success body against its entry in strict mode.
 */

import type { SchemaDocument } from "./validation.js";

export const SCHEMAS: SchemaDocument = {
  "$defs": {
    "Color": {
      "type": "string",
      "enum": [
        "red",
        "it's \"blue\"",
        "back\\slash"
      ]
    },
    "Size": {
      "type": "integer",
      "minimum": 1,
      "maximum": 10,
      "x-rule": "size_range"
    },
    "Circle": {
      "type": "object",
      "required": [
        "kind",
        "radius"
      ],
      "properties": {
        "kind": {
          "const": "circle"
        },
        "radius": {
          "type": "number",
          "exclusiveMinimum": 0
        },
        "fill": {
          "$ref": "#/$defs/Color"
        }
      }
    },
    "Square": {
      "type": "object",
      "required": [
        "kind",
        "side"
      ],
      "properties": {
        "kind": {
          "const": "square"
        },
        "side": {
          "type": "integer"
        }
      }
    },
    "Figure": {
      "oneOf": [
        {
          "$ref": "#/$defs/Circle"
        },
        {
          "$ref": "#/$defs/Square"
        }
      ],
      "x-discriminator": {
        "propertyName": "kind",
        "mapping": {
          "circle": "#/$defs/Circle",
          "square": "#/$defs/Square"
        }
      }
    },
    "WidgetRequest": {
      "type": "object",
      "required": [
        "name"
      ],
      "properties": {
        "name": {
          "type": "string",
          "pattern": "^[a-z]+\\\\?$"
        },
        "color": {
          "$ref": "#/$defs/Color"
        },
        "size": {
          "$ref": "#/$defs/Size"
        },
        "tags": {
          "type": "object",
          "additionalProperties": {
            "type": "string"
          }
        },
        "extra": {
          "type": "object"
        },
        "ratio": {
          "type": "number",
          "minimum": 0.5
        },
        "active": {
          "type": "boolean"
        },
        "shape": {
          "$ref": "#/$defs/Figure"
        },
        "parts": {
          "type": "array",
          "maxItems": 3,
          "items": {
            "type": "object",
            "required": [
              "sku"
            ],
            "properties": {
              "sku": {
                "type": "string",
                "minLength": 1
              },
              "count": {
                "type": "integer"
              }
            }
          }
        },
        "note": {
          "type": [
            "string",
            "null"
          ]
        },
        "version": {
          "const": 2
        },
        "when": {
          "type": "string",
          "format": "date-time"
        }
      }
    },
    "Widget": {
      "type": "object",
      "required": [
        "id",
        "mode"
      ],
      "properties": {
        "id": {
          "type": "string"
        },
        "mode": {
          "$ref": "#/$defs/Color"
        },
        "level": {
          "type": "integer"
        },
        "shape": {
          "$ref": "#/$defs/Figure"
        },
        "history": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Color"
          }
        }
      },
      "allOf": [
        {
          "x-rule": "red_level",
          "if": {
            "required": [
              "mode"
            ],
            "properties": {
              "mode": {
                "const": "red"
              }
            }
          },
          "then": {
            "properties": {
              "level": {
                "const": 3
              }
            }
          }
        }
      ]
    },
    "Problem": {
      "type": "object",
      "required": [
        "detail"
      ],
      "properties": {
        "detail": {
          "type": "string"
        }
      }
    }
  }
};
