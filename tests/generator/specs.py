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
      tags: [widget]
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
                $ref: '#/components/schemas/ErrorResponse'
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
    ErrorResponse:
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


# What the real spec does not have, so the generic parts of every emitter are exercised: an
# idempotent operation with an idempotency header, a GET without body answering 204, nested
# models in lists and maps, a discriminated union, a nullable field, consts, enum values that
# are no identifiers, and typed extra properties.
RICH = """\
openapi: 3.1.0
info:
  title: Rich
  version: 0.3.0
servers:
  - url: https://rich.example/api/
paths:
  /v1/figures:
    put:
      operationId: putFigure
      tags: [figure]
      summary: Store a figure
      x-idempotent: true
      parameters:
        - name: Idempotency-Key
          in: header
          x-idempotency-key: true
          schema:
            type: string
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/FigureRequest'
            example:
              body: {kind: circle, radius: 1.5}
      responses:
        '200':
          description: The stored figure.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Figure'
        '400':
          description: Bad.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ErrorResponse'
  /v1/ping:
    get:
      operationId: pingServer
      tags: [health]
      summary: Ping
      responses:
        '204':
          description: Alive.
components:
  schemas:
    Kind:
      type: string
      enum: [plain, not-a-name, 1st, plain-again, '']
    Circle:
      type: object
      required: [kind, radius]
      properties:
        kind:
          const: circle
        radius:
          type: number
          exclusiveMinimum: 0
    Square:
      type: object
      required: [kind, side]
      properties:
        kind:
          const: square
        side:
          type: integer
          minimum: 1
    Body:
      oneOf:
        - $ref: '#/components/schemas/Circle'
        - $ref: '#/components/schemas/Square'
      discriminator:
        propertyName: kind
    Label:
      type: object
      properties:
        text:
          type: string
        kind:
          $ref: '#/components/schemas/Kind'
    FigureRequest:
      type: object
      required: [body]
      properties:
        body:
          $ref: '#/components/schemas/Body'
        tags:
          type: array
          maxItems: 3
          items:
            type: string
        parent:
          type: [string, 'null']
        labels:
          type: object
          additionalProperties:
            $ref: '#/components/schemas/Label'
        kind:
          $ref: '#/components/schemas/Kind'
    Figure:
      type: object
      required: [id, body]
      properties:
        id:
          type: string
        body:
          $ref: '#/components/schemas/Body'
        history:
          type: array
          items:
            $ref: '#/components/schemas/Body'
        labels:
          type: object
          additionalProperties:
            $ref: '#/components/schemas/Label'
        parent:
          type: [string, 'null']
        kind:
          $ref: '#/components/schemas/Kind'
      additionalProperties:
        $ref: '#/components/schemas/Label'
    ErrorResponse:
      type: object
      required: [message]
      properties:
        message:
          type: string
"""
