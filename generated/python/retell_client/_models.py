# generated from spec/openapi.yaml by `make generate`; do not edit
"""The models' base class, and `construct`: parsed JSON -> models, without validation.

Responses are lenient by default, as in the vendor's SDK: the JSON the server sent becomes
the model it should be, field by field, following the models' annotations into nested
models, lists and dicts. Enum values the client knows become members; one it does not (the
vendor added it) stays a str. Properties the spec does not name are kept, in `model_extra`,
and read as attributes. Nothing is coerced and nothing raises: a value of an unexpected type
is kept as it came. The spec's rules are checked, when asked, by the validator
(`strict_response_validation`), never by the models.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import pydantic

__all__ = ["BaseModel", "construct", "construct_type"]

Convert = Callable[[object], object]


class BaseModel(pydantic.BaseModel):
    """Extra properties are kept; the schema is built on first use (import stays cheap)."""

    model_config = pydantic.ConfigDict(extra="allow", defer_build=True, protected_namespaces=())

    def to_dict(self) -> dict[str, object]:
        """The fields that were set (extra ones included), as Python values."""
        return self.model_dump(mode="python", exclude_unset=True, warnings=False)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The fields that were set (extra ones included), as JSON text."""
        return self.model_dump_json(indent=indent, exclude_unset=True, warnings=False)


def construct(model: type[BaseModel], data: Mapping[str, object]) -> BaseModel:
    """An instance of `model` holding `data` (parsed JSON), nested values constructed."""
    fields, extra = _plan(model)
    values: dict[str, object] = {}
    extras: dict[str, object] = {}
    for key, value in data.items():
        convert = fields.get(key)
        if convert is None:
            extras[key] = extra(value)
        else:
            values[key] = convert(value)
    instance = model.model_construct(set(values), **values)
    if extras and instance.__pydantic_extra__ is not None:
        instance.__pydantic_extra__.update(extras)
    return instance


def construct_type(value: object, kind: object) -> object:
    """`value` (parsed JSON) as an instance of the annotation `kind`, as far as it fits."""
    return _converter(kind)(value)


@cache
def _hints(model: type[BaseModel]) -> dict[str, Any]:
    """The model's annotations, evaluated now that every model of its module exists."""
    return typing.get_type_hints(model)


@cache
def _plan(model: type[BaseModel]) -> tuple[dict[str, Convert], Convert]:
    """Per field, the converter of its annotation; and the one of extra properties."""
    hints = _hints(model)
    fields = {name: _converter(hints[name]) for name in model.model_fields}
    extra_hint = hints.get("__pydantic_extra__")
    extra = _converter(typing.get_args(extra_hint)[1]) if extra_hint is not None else _same
    return fields, extra


def _same(value: object) -> object:
    return value


@cache
def _converter(kind: Any) -> Convert:
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return _model_converter(kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _enum_converter(kind)
    if origin is list:
        return _list_converter(_converter(typing.get_args(kind)[0]))
    if origin is dict:
        return _dict_converter(_converter(typing.get_args(kind)[1]))
    if origin is typing.Union or origin is types.UnionType:
        return _union_converter(typing.get_args(kind))
    return _same  # str, int, float, bool, object, Literal[...], None


def _model_converter(model: type[BaseModel]) -> Convert:
    def convert(value: object) -> object:
        return construct(model, value) if isinstance(value, dict) else value

    return convert


def _enum_converter(kind: type[enum.Enum]) -> Convert:
    members = {member.value: member for member in kind}

    def convert(value: object) -> object:
        return members.get(value, value) if isinstance(value, str) else value

    return convert


def _list_converter(item: Convert) -> Convert:
    def convert(value: object) -> object:
        return [item(entry) for entry in value] if isinstance(value, list) else value

    return convert


def _dict_converter(item: Convert) -> Convert:
    def convert(value: object) -> object:
        if not isinstance(value, dict):
            return value
        return {key: item(entry) for key, entry in value.items()}

    return convert


def _union_converter(options: tuple[Any, ...]) -> Convert:
    """A value of a union: a string by the first enum holding it; an object by the first
    model it fits (every required field present, every Literal field it carries matching:
    how a discriminator picks its variant), the only model when there is one, else kept; an
    array by the first list type."""
    enums = [_converter(o) for o in options if isinstance(o, type) and issubclass(o, enum.Enum)]
    models = [o for o in options if isinstance(o, type) and issubclass(o, BaseModel)]
    maps = [_converter(o) for o in options if typing.get_origin(o) is dict]
    lists = [_converter(o) for o in options if typing.get_origin(o) is list]

    def convert(value: object) -> object:
        if isinstance(value, str):
            for to_member in enums:
                member = to_member(value)
                if member is not value:
                    return member
        elif isinstance(value, dict):
            model = _fitting(models, value)
            if model is not None:
                return construct(model, value)
            if maps:
                return maps[0](value)
        elif isinstance(value, list) and lists:
            return lists[0](value)
        return value

    return convert


def _fitting(models: list[type[BaseModel]], value: dict[str, object]) -> type[BaseModel] | None:
    if len(models) == 1:
        return models[0]
    for model in models:
        required, literals = _shape(model)
        if required <= value.keys() and all(
            value[name] in allowed for name, allowed in literals.items() if name in value
        ):
            return model
    return None


@cache
def _shape(model: type[BaseModel]) -> tuple[frozenset[str], dict[str, tuple[object, ...]]]:
    """The required fields of a model, and the values of each of its Literal fields."""
    hints = _hints(model)
    required = frozenset(name for name, info in model.model_fields.items() if info.is_required())
    literals = {
        name: typing.get_args(hints[name])
        for name in model.model_fields
        if typing.get_origin(hints[name]) is typing.Literal
    }
    return required, literals
