"""The spec as the tests see it: loaded once, with validators for its component schemas."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
SPEC_URI = "urn:retell:openapi"


@cache
def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


@cache
def _registry() -> Registry[Any]:
    resource = Resource.from_contents(load_spec(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
    return registry


def validator_for(pointer: str) -> Draft202012Validator:
    """A 2020-12 validator for the schema at `pointer` (e.g. '/components/schemas/Error')."""
    return Draft202012Validator({"$ref": f"{SPEC_URI}#{pointer}"}, registry=_registry())


def component(name: str) -> Draft202012Validator:
    return validator_for(f"/components/schemas/{name}")


def is_valid(schema_name: str, instance: object) -> bool:
    return bool(component(schema_name).is_valid(instance))
