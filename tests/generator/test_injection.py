"""Spec strings with quotes, triple quotes, backslashes, Jinja syntax, newlines and code stay
data in the generated Python: descriptions (in docstrings), enum values, patterns, defaults
and examples (in literals) come back exactly, no code runs, and the package passes ruff and
mypy --strict."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.emit.python.docs import sentence
from tests.generator.helpers import ROOT, run, write_spec
from tests.generator.specs import NASTY, tiny_spec

# A value for every place a spec string reaches code as a literal rather than as prose.
VALUE = "q\"\"\"t'''b\\\\s {{ 7*7 }} {% raw %} # x\\nimport os"
PATTERN = r'^[a-z"\\x27]+$'  # a quote, an escaped backslash: a regex quoting both
HOSTILE_VALUES = {
    "enum: [red, blue]": f"enum: [red, {json.dumps(VALUE)}]",
    "pattern: '^[a-z]+$'": f"pattern: '{PATTERN}'",
    "          minimum: 1\n": f"          minimum: 1\n          default: {json.dumps(1)}\n",
}


def _generate(directory: Path, text: str) -> Path:
    spec = write_spec(directory, text)
    out = directory / "generated"
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--only", "python"]) == 0
    return out / "python"


@pytest.fixture(scope="module")
def nasty_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = tiny_spec(NASTY)
    for old, new in HOSTILE_VALUES.items():
        assert old in text, old
        text = text.replace(old, new)
    return _generate(tmp_path_factory.mktemp("nasty"), text)


PROBE = """
import json, retell_client, retell_client._client as client, retell_client.models as models
import retell_client.resources as resources, retell_client._schemas as schemas
assert retell_client.__file__.startswith({out!r}), retell_client.__file__
print(json.dumps([
    client.Retell.__doc__,
    resources.WidgetResource.create_widget.__doc__,
    resources._CREATE_WIDGET_DEPRECATION,
    [member.value for member in models.Color],
    schemas.SCHEMAS["$defs"]["WidgetRequest"]["properties"]["name"]["pattern"],
    models.WidgetRequest.__doc__,
    models.Color.__doc__,
]))
"""


def _probe(package: Path) -> list[object]:
    env = {**os.environ, "PYTHONPATH": str(package)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(out=str(package))],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=package,
    )
    assert result.returncode == 0, result.stderr
    assert "pwned" not in result.stderr
    values: list[object] = json.loads(result.stdout)
    return values


def _flat(text: object) -> str:
    return " ".join(str(text).split())


def test_hostile_strings_round_trip_and_run_no_code(nasty_package: Path) -> None:
    class_doc, method_doc, deprecation, colors, pattern, model_doc, enum_doc = _probe(nasty_package)
    assert _flat(NASTY) in _flat(class_doc)
    assert _flat(method_doc).startswith(_flat(NASTY))  # the summary
    assert deprecation == f"create_widget is deprecated: {NASTY}"  # a literal: exact
    assert colors == ["red", VALUE]
    assert pattern == PATTERN
    assert _flat(model_doc) == _flat(NASTY)
    assert _flat(enum_doc) == _flat(NASTY)


def test_field_docstrings_hold_the_description_as_data(nasty_package: Path) -> None:
    tree = ast.parse((nasty_package / "retell_client" / "models.py").read_text())
    (model,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "WidgetRequest"]
    docs: dict[str, str] = {}
    for current, following in zip(model.body, model.body[1:], strict=False):
        if isinstance(current, ast.AnnAssign) and isinstance(following, ast.Expr):
            assert isinstance(current.target, ast.Name)
            assert isinstance(following.value, ast.Constant)
            assert isinstance(following.value.value, str)
            docs[current.target.id] = following.value.value
    expected = f"{sentence(NASTY)} Must match the pattern `{PATTERN}`."
    assert _flat(docs["name"]) == _flat(expected)
    assert "Default when left out: `1`." in docs["size"]
    statements = [type(node).__name__ for node in model.body]
    assert set(statements) <= {"Expr", "AnnAssign"}  # nothing but fields and their docs


def test_the_hostile_package_passes_ruff_and_mypy_strict(nasty_package: Path) -> None:
    ruff = [sys.executable, "-m", "ruff", "check", "--no-cache", str(nasty_package)]
    form = [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", str(nasty_package)]
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "retell_client"]
    for command, where in ((ruff, ROOT), (form, ROOT), (mypy, nasty_package)):
        result = subprocess.run(command, cwd=where, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_keeps_spec_text_out_of_markup(nasty_package: Path) -> None:
    from generator.emit.python.render import markdown

    readme = (nasty_package / "README.md").read_text()
    assert markdown(NASTY) in readme  # prose: every Markdown and HTML character escaped
    assert "\\#" in markdown(NASTY)
    for line in readme.splitlines():
        if line.startswith("| `client."):
            assert line.count(" | ") == 2, line  # the table row was not split by the summary


def test_a_payload_in_a_description_is_not_rendered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write_spec(tmp_path, tiny_spec("{{ 7 * 7 }} {% for x in y %}"))
    out = tmp_path / "g"
    status, _, err = run(
        capsys, "generate", "--spec", str(spec), "--out", str(out), "--only", "python"
    )
    assert (status, err) == (0, "")
    models = (out / "python" / "retell_client" / "models.py").read_text()
    assert "{{ 7 * 7 }}" in models
    assert "49" not in models
