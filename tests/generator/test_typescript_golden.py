"""Golden output of the TypeScript emitter on a tiny inline spec, compared file by file.

The spec is small but hostile: descriptions that try to close their doc comment, quotes,
backslashes and `${...}` in strings, a property name that is not an identifier, an operation
without a body and without a response. `UPDATE_GOLDEN=1 pytest tests/generator` rewrites the
golden files (and fails on purpose: run again without it); tests/typescript compiles them with
`tsc --strict`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.emit.typescript import emit
from generator.emit.typescript.render import TypeScriptEmitError
from generator.ir import Api
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
  - url: http://127.0.0.1:1/base/
paths:
  /v1/widgets:
    post:
      operationId: createWidget
      summary: 'Make a widget */ alert("x") /*'
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/WidgetRequest'
      responses:
        '200':
          description: The widget.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Widget'
        '400':
          description: Bad request.
  /v1/ping:
    post:
      operationId: ping
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
    WidgetRequest:
      type: object
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
        x-trace-id:
          type: string
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
      if:
        required: [mode]
        properties:
          mode:
            const: red
      then:
        properties:
          level:
            const: 3
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
        assert api.banner in text.splitlines()[0] or api.banner in text[:400], relative


def test_no_spec_string_escapes_its_comment_or_literal(tmp_path: Path) -> None:
    files = emit(tiny_api(tmp_path))
    models = files["typescript/src/models.ts"]
    client = files["typescript/src/client.ts"]
    assert "*/ ; process.exit(1)" not in models
    assert "* A color *\\/ ; process.exit(1) /*" in models
    assert '"it\'s \\"blue\\""' in models
    assert '"back\\\\slash"' in models
    assert '"x-trace-id"?: string;' in models
    assert "*/ alert(" not in client
    assert "@deprecated Line one." in client
    assert "async ping(options?: RequestOptions): Promise<void>" in client


def test_a_name_that_is_not_an_identifier_is_refused(tmp_path: Path) -> None:
    spec = TINY_SPEC.replace("    Color:\n", "    Color-Name:\n").replace(
        "schemas/Color'", "schemas/Color-Name'"
    )
    with pytest.raises(TypeScriptEmitError, match="Color-Name"):
        emit(tiny_api(tmp_path, spec))


def test_the_real_spec_emits_both_operations() -> None:
    root = Path(__file__).resolve().parents[2]
    files = emit(build_api(load_spec(root / "spec" / "openapi.yaml")))
    client = files["typescript/src/client.ts"]
    assert "async createPhoneCall(body: CreatePhoneCallRequest" in client
    assert "async createPhoneCallV1(body: CreatePhoneCallV1Request" in client
    assert client.index("@deprecated") > client.index("async createPhoneCall(")
    assert "dependencies" not in files["typescript/package.json"].replace("devDependencies", "")
