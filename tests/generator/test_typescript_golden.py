"""Golden output of the TypeScript emitter on a tiny inline spec, compared file by file.

The spec is small but exercises every type expression of the IR (nested and hoisted models,
arrays, maps, a discriminated union, nullable, const, enums in requests and in answers, a model
both reach) and is hostile: descriptions that try to close their doc comment, quotes,
backslashes and `${...}` in strings, an idempotency header, an idempotent GET without a body,
its own error model. `UPDATE_GOLDEN=1 pytest tests/generator` rewrites the golden files (and
fails on purpose: run again without it); tests/typescript compiles them with `tsc --strict` and
runs tests/typescript/tiny.test.mts against them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.emit.typescript import emit
from generator.emit.typescript.render import TypeScriptEmitError
from generator.ir import Api, load_api
from generator.ir.build import build_api
from generator.load import load_spec
from tests.generator.helpers import fail_after_golden_rewrite, golden_update_requested

GOLDEN = Path(__file__).resolve().parent / "golden" / "typescript_tiny"

TINY_SPEC = r"""
openapi: 3.1.0
info:
  title: 'Tiny */ API "quoted"'
  version: 0.0.1
servers:
  - url: http://127.0.0.1:9/base/
paths:
  /v1/widgets:
    post:
      operationId: createWidget
      tags: [widgets]
      summary: 'Make a widget */ alert("x") /*'
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
              $ref: '#/components/schemas/WidgetRequest'
            examples:
              small:
                value:
                  name: abc
                  shape: {kind: circle, radius: 1.5}
      responses:
        '200':
          description: The widget.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Widget'
        '400':
          description: 'Bad request */ with a "quote".'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Problem'
        '429':
          description: Slow down.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Problem'
  /v1/ping:
    get:
      operationId: pingServer
      tags: [widgets]
      deprecated: true
      description: "Line one.\nLine */ two with ${injection} and `backticks`."
      responses:
        '204':
          description: Nothing.
components:
  schemas:
    Color:
      type: string
      enum: [red, 'it''s "blue"', 'back\slash']
      description: "A color */ ; process.exit(1) /*"
    Size:
      type: integer
      minimum: 1
      maximum: 10
      x-rule: size_range
    Circle:
      type: object
      required: [kind, radius]
      properties:
        kind:
          const: circle
        radius:
          type: number
          exclusiveMinimum: 0
        fill:
          $ref: '#/components/schemas/Color'
    Square:
      type: object
      required: [kind, side]
      properties:
        kind:
          const: square
        side:
          type: integer
    Figure:
      oneOf:
        - $ref: '#/components/schemas/Circle'
        - $ref: '#/components/schemas/Square'
      discriminator:
        propertyName: kind
    WidgetRequest:
      type: object
      description: 'What a widget is made of: `name` */ first.'
      required: [name]
      properties:
        name:
          type: string
          pattern: '^[a-z]+\\?$'
          description: 'Name */ with "quotes" and \backslash'
        color:
          $ref: '#/components/schemas/Color'
        size:
          $ref: '#/components/schemas/Size'
        tags:
          type: object
          additionalProperties:
            type: string
        extra:
          type: object
        ratio:
          type: number
          minimum: 0.5
        active:
          type: boolean
          default: true
        shape:
          $ref: '#/components/schemas/Figure'
        parts:
          type: array
          maxItems: 3
          items:
            type: object
            title: Part
            required: [sku]
            properties:
              sku:
                type: string
                minLength: 1
              count:
                type: integer
        note:
          type: [string, 'null']
        version:
          const: 2
        when:
          type: string
          format: date-time
    Widget:
      type: object
      required: [id, mode]
      properties:
        id:
          type: string
        mode:
          $ref: '#/components/schemas/Color'
        level:
          type: integer
        shape:
          $ref: '#/components/schemas/Figure'
        history:
          type: array
          items:
            $ref: '#/components/schemas/Color'
      allOf:
        - x-rule: red_level
          if:
            required: [mode]
            properties:
              mode:
                const: red
          then:
            properties:
              level:
                const: 3
    Problem:
      type: object
      required: [detail]
      properties:
        detail:
          type: string
"""


def tiny_api(tmp_path: Path, text: str = TINY_SPEC) -> Api:
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    return build_api(load_spec(path, display="tiny.yaml"))


def existing(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_typescript_output_matches_golden_files(tmp_path: Path) -> None:
    files = emit(tiny_api(tmp_path))
    if golden_update_requested():
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for relative, text in files.items():
            (GOLDEN / relative).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / relative).write_text(text, encoding="utf-8")
        fail_after_golden_rewrite(GOLDEN)
    golden = existing(GOLDEN)
    assert sorted(files) == sorted(golden), "missing or extra files (UPDATE_GOLDEN=1 rewrites)"
    for relative, text in files.items():
        assert text == golden[relative], f"{relative} differs from its golden file"


def test_every_file_carries_the_banner(tmp_path: Path) -> None:
    api = tiny_api(tmp_path)
    for relative, text in emit(api).items():
        if relative.endswith("package.json"):  # JSON has no comments: the banner is a value
            assert json.loads(text)["//"] == api.banner
        else:
            assert api.banner in text.splitlines()[0], relative


def test_no_spec_string_escapes_its_comment_or_literal(tmp_path: Path) -> None:
    files = emit(tiny_api(tmp_path))
    models = files["typescript/src/models.ts"]
    resources = files["typescript/src/resources.ts"]
    errors = files["typescript/src/errors.ts"]
    assert "*/ ; process.exit(1)" not in models
    assert " * A color *\\/ ; process.exit(1) /*" in models
    assert '"it\'s \\"blue\\""' in models
    assert '"back\\\\slash"' in models
    assert "*/ alert(" not in resources
    assert '* Make a widget *\\/ alert("x") /*' in resources
    assert "@deprecated Line one." in resources
    assert "Line *\\/ two with ${injection}" in resources
    assert "Bad request *\\/ with a" in errors
    assert "pingServer(options?: RequestOptions): Promise<void>" in resources


def test_types_follow_the_ir(tmp_path: Path) -> None:
    models = emit(tiny_api(tmp_path))["typescript/src/models.ts"]
    # A request keeps its enum precise, an answer opens it; a model both reach stays precise.
    assert "  color?: Color | undefined;" in models
    assert "  mode: OpenEnum<Color>;" in models
    assert "  fill?: Color | undefined;" in models
    assert "  history?: Array<OpenEnum<Color>>;" in models
    assert "  shape?: Circle | Square | undefined;" in models
    assert '  kind: "circle";' in models
    assert "  version?: 2 | undefined;" in models
    assert "  note?: string | null | undefined;" in models
    assert "  tags?: { [key: string]: string } | undefined;" in models
    assert "  extra?: { [key: string]: unknown } | undefined;" in models
    assert "  parts?: Array<Part> | undefined;" in models
    assert "export interface Part {" in models
    assert "Minimum: 1. Maximum: 10." in models
    assert "@default true" in models


def test_operations_follow_the_ir(tmp_path: Path) -> None:
    files = emit(tiny_api(tmp_path))
    resources = files["typescript/src/resources.ts"]
    core = files["typescript/src/core.ts"]
    assert "export class WidgetsResource {" in resources
    assert (
        "createWidget(params: WidgetRequest, options?: IdempotentRequestOptions): Promise<Widget>"
        in resources
    )
    assert 'idempotencyHeader: "Idempotency-Key",' in resources
    assert "idempotent: true," in resources  # the GET
    assert 'response: { schema: "Widget", kind: "object" },' in resources
    # The error model of the spec names the message field; nothing of the real spec leaks in.
    assert 'const ERROR_MESSAGE_FIELD: string | undefined = "detail";' in core
    assert "error_message" not in "".join(files.values())
    assert "readonly widgets: WidgetsResource;" in files["typescript/src/client.ts"]


def test_a_spec_name_that_clashes_with_a_name_of_the_package_is_refused(tmp_path: Path) -> None:
    clash = TINY_SPEC.replace(
        "    Problem:\n",
        "    ColorValues:\n      type: object\n      properties: {}\n    Problem:\n",
    )
    with pytest.raises(TypeScriptEmitError, match=r"'ColorValues'.*enum 'Color'"):
        emit(tiny_api(tmp_path, clash))
    resource = TINY_SPEC.replace(
        "    Problem:\n",
        "    WidgetsResource:\n      type: object\n      properties: {}\n    Problem:\n",
    )
    with pytest.raises(TypeScriptEmitError, match="WidgetsResource"):
        emit(tiny_api(tmp_path, resource))


def test_the_real_spec_emits_the_resource_and_both_operations() -> None:
    files = emit(load_api())
    resources = files["typescript/src/resources.ts"]
    signatures = (
        "createPhoneCall(params: CreatePhoneCallRequest, options?: RequestOptions)"
        ": Promise<PhoneCallResponse>",
        "createPhoneCallV1(params: CreatePhoneCallV1Request, options?: RequestOptions)"
        ": Promise<RegisterCallResponse>",
    )
    for signature in signatures:
        assert signature in resources
    assert resources.index("@deprecated") > resources.index("createPhoneCall(")
    assert "idempotencyHeader: undefined" in resources
    assert "IdempotentRequestOptions" not in resources
    assert "dependencies" not in files["typescript/package.json"].replace("devDependencies", "")


EMIT_DIGEST = """
import hashlib, json, sys
from pathlib import Path
from generator.emit.typescript import emit
from generator.ir.build import build_api
from generator.load import load_spec
files = emit(build_api(load_spec(Path(sys.argv[1]))))
print(hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest())
"""


def test_emission_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    spec = tmp_path / "tiny.yaml"
    spec.write_text(TINY_SPEC, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    digests = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", EMIT_DIGEST, str(spec)]
        result = subprocess.run(
            command, cwd=root, env=env, capture_output=True, text=True, check=True
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1, digests
