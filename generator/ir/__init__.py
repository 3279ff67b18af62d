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
from generator.load.refs import SpecError  # what `load_api` raises: consumers catch it here

_SPEC_PACKAGE = "retell_contract_spec"  # spec/ as installed package data (see pyproject.toml)


def find_spec_path() -> Path:
    """The project's spec: spec/openapi.yaml of the checkout this code runs from, else the
    copy installed with the package (`retell_contract_spec/openapi.yaml`).

    The checkout wins so that a developer's edits are what every tool reads, even when an
    older copy is installed; the installed copy serves `pip install` of the toolkit.
    """
    root = Path(__file__).resolve().parent.parent.parent
    checkout = root / "spec" / "openapi.yaml"
    if checkout.is_file() and (root / "pyproject.toml").is_file():
        return checkout
    # The package is a namespace package (spec/ has no __init__.py), whose folders the import
    # system lists: importlib.resources.files() would do the same, but Python 3.11's breaks on
    # the entries an editable install adds to such a package's path.
    from importlib.util import find_spec

    package = find_spec(_SPEC_PACKAGE)
    folders = package.submodule_search_locations if package else None
    for folder in folders or ():
        installed = Path(folder) / "openapi.yaml"
        if installed.is_file():
            return installed
    return checkout  # neither: load_api names this path in its "cannot read" error


SPEC_PATH = find_spec_path()

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
    "SpecError",
    "TypeExpr",
    "UnionOf",
    "find_spec_path",
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
