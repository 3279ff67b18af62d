"""The intermediate model: the one reader of the spec (see `generator.ir.model`).

`load_api(path)` reads, checks and builds it; `build_api(spec)` builds it from a loaded
spec. The emitters, the mock server, the contract suite and the tests all use these.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator.ir.model import (
    BANNER,
    AnyValue,
    Api,
    ArrayOf,
    Body,
    Const,
    Defaults,
    Discriminator,
    Echo,
    Enum,
    EnumRef,
    ErrorClass,
    Field,
    JsonScalar,
    MapOf,
    Model,
    ModelRef,
    Name,
    Nullable,
    Operation,
    Response,
    Scalar,
    ScalarKind,
    TypeExpr,
    UnionOf,
)

SPEC_PATH = Path(__file__).resolve().parent.parent.parent / "spec" / "openapi.yaml"

__all__ = [
    "BANNER",
    "SPEC_PATH",
    "AnyValue",
    "Api",
    "ArrayOf",
    "Body",
    "Const",
    "Defaults",
    "Discriminator",
    "Echo",
    "Enum",
    "EnumRef",
    "ErrorClass",
    "Field",
    "JsonScalar",
    "MapOf",
    "Model",
    "ModelRef",
    "Name",
    "Nullable",
    "Operation",
    "Response",
    "Scalar",
    "ScalarKind",
    "TypeExpr",
    "UnionOf",
    "load_api",
]


def load_api(path: Path | None = None, *, validate: bool = True) -> Api:
    """The IR of the spec at `path` (default: the project's spec), cached per path and
    content. Raises `generator.load.SpecError` (one located line) when it is not usable."""
    from generator.load import SpecError

    target = (path or SPEC_PATH).resolve()
    try:
        content = target.read_bytes()
    except OSError as exc:
        raise SpecError(f"{path or SPEC_PATH}: cannot read the spec: {exc.strerror}") from None
    return _load(target, content, validate)


@cache
def _load(path: Path, content: bytes, validate: bool) -> Api:
    from generator.ir.build import build_api
    from generator.load import SpecError, load_spec, parse_spec

    spec = load_spec(path) if validate else parse_spec(path)
    try:
        return build_api(spec)
    except SpecError as error:
        raise spec.located(error) from None
