"""The Python emitter's parts: the literal-rendering filters (properties over any text), enum
member names, and the names the view refuses with an EmitError instead of a broken package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.emit import EmitError
from generator.emit.python import emit
from generator.emit.python.emitter import template_names
from generator.emit.python.naming import member_names
from generator.emit.python.render import docstring, markdown, py, pydata, pystr
from generator.ir import load_api
from tests.generator.helpers import write_spec
from tests.generator.specs import tiny_spec

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
HOSTILE = st.text(st.sampled_from(list("ab \"'\\\n\t\r{}%#`|<>*_[]\u2028\x00\x7f")), max_size=80)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=10,
)  # fmt: skip


@given(TEXT | HOSTILE, st.integers(0, 12))
def test_a_docstring_holds_any_text_as_data(text: str, indent: int) -> None:
    source = '"""' + docstring(text, indent) + '"""'
    value = ast.literal_eval(source)
    assert isinstance(value, str)
    assert value.split() == text.split()  # only whitespace may change: the words are data
    for line in source.splitlines():
        assert len(line) <= 99 or " " not in line.strip()


@given(TEXT | HOSTILE, st.integers(0, 40))
def test_a_long_string_literal_splits_into_exact_pieces(text: str, indent: int) -> None:
    source = pystr(text, indent)
    assert ast.literal_eval(source) == text
    assert all(len(line) <= 100 for line in source.splitlines())


@given(JSON)
def test_data_literals_are_exact(value: object) -> None:
    assert ast.literal_eval(pydata(value)) == value


def test_scalar_literals_are_exact() -> None:
    for value in ("a'b\"c", "", 1, -2.5, True, None, ("x",), ("x", 1)):
        assert ast.literal_eval(py(value)) == value
    with pytest.raises(EmitError):
        py({"not": "a scalar"})


@given(TEXT | HOSTILE)
def test_markdown_prose_keeps_no_markup(text: str) -> None:
    shown = markdown(text)
    assert "\n" not in shown
    for char in "<>":
        assert char not in shown
    for char in "`*_[]|#":
        assert shown.count(char) == shown.count("\\" + char)


@given(st.lists(TEXT | HOSTILE, min_size=1, max_size=8, unique=True))
def test_enum_member_names_are_unique_identifiers(values: list[str]) -> None:
    names = member_names(tuple(values))
    assert len(set(names)) == len(names) == len(values)
    for name in names:
        assert name.isidentifier()
        assert name.isupper() or name.startswith("VALUE")
        assert name.isascii()
    assert member_names(tuple(values)) == names


def test_templates_are_named_after_the_files_they_make() -> None:
    names = template_names()
    assert "README.md.jinja" in names
    assert "package/_client.py.jinja" in names
    assert not [name for name in names if name.startswith("macros/")]
    files = emit(load_api())
    assert sorted(files) == sorted(
        f"python/{name.removesuffix('.jinja').replace('package/', 'retell_client/')}"
        for name in names
    )
    for path, text in files.items():
        assert "generated from spec/openapi.yaml by `make generate`; do not edit" in text, path


def _emit_error(tmp_path: Path, old: str, new: str) -> str:
    text = tiny_spec()
    assert old in text, old
    spec = write_spec(tmp_path, text.replace(old, new))
    with pytest.raises(EmitError) as caught:
        emit(load_api(spec))
    message = str(caught.value)
    assert message.startswith("python: ")
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("tags: [widget]", "tags: [close]", "resource 'close' would shadow a client attribute"),
        (
            "operationId: createWidget",
            "operationId: withRawResponse",
            "method 'with_raw_response' would shadow a resource attribute",
        ),
        (
            "        size:\n          type: integer\n          minimum: 1",
            "        to_json:\n          type: integer\n          minimum: 1",
            "WidgetRequest.to_json: the name of a method of the models' base class",
        ),
        ("    Widget:\n", "    WidgetResource:\n", "'WidgetResource' would be exported twice"),
        ("tags: [widget]", "tags: [2fa]", "the resource name '2fa' is not a Python identifier"),
    ],
)
def test_what_python_cannot_carry_is_an_emit_error(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    if new == "    WidgetResource:\n":  # keep the references to the renamed schema working
        text = tiny_spec().replace("schemas/Widget'", "schemas/WidgetResource'")
        spec = write_spec(tmp_path, text.replace(old, new))
        with pytest.raises(EmitError) as caught:
            emit(load_api(spec))
        assert message in str(caught.value)
        return
    assert message in _emit_error(tmp_path, old, new)


def test_a_request_body_that_is_not_an_object_is_an_emit_error(tmp_path: Path) -> None:
    old = "              $ref: '#/components/schemas/WidgetRequest'"
    new = "              type: array\n              items:\n                type: string"
    assert "request body must be an object" in _emit_error(tmp_path, old, new)


def test_an_option_name_as_a_field_with_an_idempotency_header_is_an_emit_error(
    tmp_path: Path,
) -> None:
    header = (
        "      parameters:\n        - name: Idempotency-Key\n          in: header\n"
        "          x-idempotency-key: true\n          schema:\n            type: string\n"
    )
    text = tiny_spec().replace("      requestBody:\n", header + "      requestBody:\n", 1)
    text = text.replace(
        "        tags:\n          type: object", "        idempotency_key:\n          type: object"
    )
    spec = write_spec(tmp_path, text)
    with pytest.raises(EmitError, match="field 'idempotency_key' clashes with a request option"):
        emit(load_api(spec))
