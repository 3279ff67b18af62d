"""Tiny inline specs for the generator's tests."""

from __future__ import annotations

import json

TINY = """\
openapi: 3.1.0
info:
  title: DESCRIPTION_TITLE
  version: 1.0.0
servers:
  - url: https://tiny.example
paths:
  /v1/widgets:
    post:
      operationId: createWidget
      summary: DESCRIPTION_SUMMARY
      description: DESCRIPTION_OPERATION
      deprecated: true
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/WidgetRequest'
      responses:
        '201':
          description: Created.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Widget'
        '400':
          description: Bad.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
components:
  schemas:
    Color:
      type: string
      enum: [red, blue]
      description: DESCRIPTION_ENUM
    WidgetRequest:
      type: object
      description: DESCRIPTION_SCHEMA
      required: [name]
      properties:
        name:
          type: string
          pattern: '^[a-z]+$'
          description: DESCRIPTION_FIELD
        size:
          type: integer
          minimum: 1
          maximum: 10
        tags:
          type: object
          additionalProperties:
            type: string
    Widget:
      type: object
      required: [name, color, size]
      properties:
        name:
          type: string
        color:
          $ref: '#/components/schemas/Color'
        size:
          type: integer
      if:
        required: [color]
        properties:
          color:
            const: red
      then:
        properties:
          size:
            const: 1
    Error:
      type: object
      required: [error_message]
      properties:
        error_message:
          type: string
"""

# Quotes of every kind, triple quotes, a backslash, a comment, Jinja syntax, a newline and code.
NASTY = (
    "He said \"hi\" and 'bye' \"\"\" ''' \\ # {{ x }} {% raw %}\nimport os; os.system('echo pwned')"
)


SLOTS = ("TITLE", "SUMMARY", "OPERATION", "ENUM", "SCHEMA", "FIELD")


def tiny_spec(description: str = "plain text") -> str:
    """The tiny spec with `description` in every description slot."""
    text = TINY
    for slot in SLOTS:
        text = text.replace(f"DESCRIPTION_{slot}", json.dumps(description))
    return text
