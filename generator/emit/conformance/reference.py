"""The reference validator, loaded from the Python emitter's template rather than imported from
generated/python.

The derived vectors must agree with the validator every client implements, and be a function of
the spec and the generator only: importing `retell_client._validation` would read the previous
run's output (stale whenever the template just changed). The template's only templated line is
its banner comment, so its source, without that line, is the validator itself.
"""

from __future__ import annotations

import sys
import types
from functools import cache
from pathlib import Path
from typing import Any, Protocol

__all__ = ["Evaluation", "Validator", "Violation", "reference_validator"]

TEMPLATE = (
    Path(__file__).resolve().parent.parent
    / "python"
    / "templates"
    / "package"
    / "_validation.py.jinja"
)
MODULE = "generator.emit.conformance._reference_validation"


class Violation(Protocol):
    field: str
    rule: str
    keyword: str
    message: str


class Evaluation(Protocol):
    violations: list[Violation]
    applied: set[str]


class Validator(Protocol):
    def violations(self, name: str, value: object, limit: int | None = None) -> list[Violation]: ...

    def evaluate(self, name: str, value: object) -> Evaluation: ...


@cache
def _module() -> types.ModuleType:
    lines = TEMPLATE.read_text(encoding="utf-8").splitlines(keepends=True)
    if not lines or "{{" not in lines[0] or any("{{" in line or "{%" in line for line in lines[1:]):
        raise RuntimeError(f"{TEMPLATE}: expected a banner line and plain Python after it")
    module = types.ModuleType(MODULE)
    module.__file__ = str(TEMPLATE)
    sys.modules[MODULE] = module  # dataclasses look their module up while the class is built
    exec(compile("".join(lines[1:]), str(TEMPLATE), "exec"), module.__dict__)  # noqa: S102
    return module


def reference_validator(document: dict[str, Any]) -> Validator:
    """The reference `Validator` over a validation view (`json.loads(api.schemas_json)`)."""
    validator: Validator = _module().Validator(document)
    return validator
