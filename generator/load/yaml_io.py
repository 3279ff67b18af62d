"""YAML parsing with one-line, located errors."""

from __future__ import annotations

from typing import Any

import yaml

from generator.load.refs import SpecError


def parse_yaml(text: str, name: str) -> dict[str, Any]:
    try:
        document = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f"{mark.line + 1}:{mark.column + 1}" if mark else "1"
        raise SpecError(f"{name}:{line}: invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise SpecError(f"{name}:1: invalid YAML: {exc}") from None
    if not isinstance(document, dict):
        raise SpecError(f"{name}:1: #: the spec must be a mapping, not {type(document).__name__}")
    return document


def _loader() -> type[yaml.SafeLoader]:
    """SafeLoader with C speed when available (same results for this use)."""
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader
