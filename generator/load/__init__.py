"""Load stage: read the YAML spec, check its `$ref`s, validate it as OpenAPI.

Every problem is a `SpecError` whose one-line message names the spec location
(`file:line: #/json/pointer: reason`); the CLI prints it and exits with status 2.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load.locate import line_of
from generator.load.refs import SpecError, check_refs, deref, parse_pointer, pointer
from generator.load.yaml_io import parse_yaml

__all__ = ["Spec", "SpecError", "deref", "load_spec", "parse_spec", "pointer", "validation_error"]


@dataclass(frozen=True)
class Spec:
    """A valid OpenAPI document, as parsed (with its `$ref`s), and the sha256 of its bytes."""

    name: str
    document: dict[str, Any]
    sha256: str
    text: str

    def located(self, error: SpecError) -> SpecError:
        """The error with `file:line: ` in front of its leading `#/json/pointer`."""
        where, _, _ = str(error).partition(": ")
        if not where.startswith("#"):
            return error
        line = line_of(self.text, parse_pointer(where))
        return SpecError(f"{self.name}:{line}: {error}")


def load_spec(path: Path, *, display: str | None = None) -> Spec:
    """Read, check the references of, and validate the spec."""
    spec = parse_spec(path, display=display)
    error = validation_error(spec)
    if error:
        raise SpecError(error)
    return spec


def parse_spec(path: Path, *, display: str | None = None) -> Spec:
    """Read the spec and check its references, without the (slow) OpenAPI validation."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SpecError(f"{name}: cannot read the spec: {exc.strerror}") from None
    text = raw.decode("utf-8", errors="replace")
    document = parse_yaml(text, name)
    check_refs(document, lambda where: f"{name}:{line_of(text, where)}")
    digest = hashlib.sha256(raw).hexdigest()
    return Spec(name=name, document=document, sha256=digest, text=text)


def validation_error(spec: Spec) -> str | None:
    """openapi-spec-validator's verdict as one located line, or None when the spec is valid."""
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import (
        OpenAPIValidationError,
        ValidatorDetectError,
    )

    try:
        validate(spec.document)
    except ValidatorDetectError:
        return f"{spec.name}:1: #: not an OpenAPI document (no 'openapi' version)"
    except OpenAPIValidationError as exc:
        where = tuple(str(part) for part in exc.absolute_path)
        reason = str(exc.message).splitlines()[0]
        return f"{spec.name}:{line_of(spec.text, where)}: {pointer(where)}: {reason}"
    except Exception as exc:  # the validator itself broke: still one line, still status 2
        reason = (str(exc).strip().splitlines() or [""])[0]
        return f"{spec.name}:1: #: openapi-spec-validator crashed: {type(exc).__name__}: {reason}"
    return None
