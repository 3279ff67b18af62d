"""A small spec unlike the project's, to show the mock serves whatever the IR holds."""

from __future__ import annotations

from pathlib import Path

from generator.ir import Api, load_api

WIDGETS = """\
openapi: 3.1.0
info:
  title: Widgets
  version: 1.0.0
servers:
  - url: https://widgets.example
security:
  - bearerAuth: []
paths:
  /v1/widgets:
    post:
      operationId: makeWidget
      summary: Make a widget
      tags: [widget]
      x-echo:
        - {rule: name_echoed, response: name, request: name}
        - {rule: size_echoed, response: size, request: size}
        - {rule: notes_echoed, response: notes, request: notes}
        - {rule: owner_honoured, response: owner, request: owner}
        - {rule: label_echoed, response: detail.label, request: label}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/WidgetRequest'
            examples:
              small:
                value: {name: bolt, line: '+14155550100'}
      responses:
        '201':
          description: Made.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Widget'
              examples:
                made:
                  value:
                    id: W1
                    name: nut
                    size: 1
                    owner: example_owner
                    notes: an example note
                    detail: {label: example, colour: grey}
                    parts: [{part_id: P1}, {part_id: P2}]
        '400':
          $ref: '#/components/responses/Problem'
        '422':
          $ref: '#/components/responses/Problem'
  /v1/widgets/latest:
    get:
      operationId: showLatestWidget
      summary: Show the latest widget
      tags: [widget]
      responses:
        '200':
          description: The widget.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Widget'
              examples:
                shown:
                  value: {id: W9, name: cog, size: 2, owner: someone}
        '404':
          $ref: '#/components/responses/Problem'
components:
  securitySchemes:
    bearerAuth:
      type: http
      scheme: bearer
  responses:
    Problem:
      description: A problem.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Problem'
  schemas:
    WidgetRequest:
      type: object
      required: [name, line]
      properties:
        name:
          type: string
          pattern: '^[a-z]+$'
        size:
          type: integer
          minimum: 1
          maximum: 10
          default: 3
        notes:
          type: string
        owner:
          type: string
          x-account: agent
        line:
          $ref: '#/components/schemas/Line'
          x-account: number
        label:
          type: string
    Line:
      type: string
      pattern: '^\\+[0-9]{2,15}$'
      x-rule: line_format
    State:
      type: string
      enum: [fresh]
    Detail:
      type: object
      properties:
        label:
          type: string
        colour:
          type: string
    Part:
      type: object
      properties:
        part_id:
          type: string
          x-unique: part_ids_unique
    Widget:
      type: object
      required: [id, name, size, owner, kind, state]
      properties:
        id:
          type: string
          minLength: 1
          x-unique: widget_ids_unique
        name:
          type: string
        size:
          type: integer
        owner:
          type: string
        notes:
          type: string
        kind:
          type: string
          const: widget
        state:
          $ref: '#/components/schemas/State'
        detail:
          $ref: '#/components/schemas/Detail'
        parts:
          type: array
          items:
            $ref: '#/components/schemas/Part'
    Problem:
      type: object
      required: [detail_text]
      properties:
        detail_text:
          type: string
"""


def widgets_api(tmp_path: Path, text: str = WIDGETS) -> Api:
    """The IR of `text` (by default the widgets spec), written under `tmp_path`."""
    path = tmp_path / "widgets.yaml"
    path.write_text(text, encoding="utf-8")
    return load_api(path)
