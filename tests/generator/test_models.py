"""The models: rendered from the IR (one class per model and enum, one field per IR field),
carrying no rules of their own, and built leniently from JSON: what the server sent comes
back out unchanged, nested models and known enum values become instances and members.

Instances are drawn with Hypothesis from the IR's typed view, for the real spec and for
specs.RICH (nested models, unions, maps, nullable fields), so a schema added to the spec is
covered without touching this file.
"""

from __future__ import annotations

import enum
import json
import subprocess
import sys
import typing
from types import ModuleType
from typing import Any

import pytest
import retell_client as rc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from retell_client import _models, _schemas, models

from generator.ir import (
    AnyValue,
    Api,
    ArrayOf,
    Const,
    EnumRef,
    MapOf,
    ModelRef,
    Nullable,
    Scalar,
    TypeExpr,
    UnionOf,
    load_api,
)

API = load_api()
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=6)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXT, children, max_size=3),
    max_leaves=6,
)  # fmt: skip


def values(api: Api, kind: TypeExpr, depth: int = 0) -> st.SearchStrategy[Any]:
    """JSON values of `kind` (types only: the rules are not the models' business)."""
    if isinstance(kind, Scalar):
        return {
            "string": TEXT,
            "integer": st.integers(),
            "number": st.floats(allow_nan=False, allow_infinity=False),
            "boolean": st.booleans(),
        }[kind.kind]
    if isinstance(kind, Const):
        return st.just(kind.value)
    if isinstance(kind, EnumRef):  # a known value, or one this version does not know
        return st.sampled_from(api.enum(kind.name).values) | TEXT
    if isinstance(kind, ModelRef):
        return objects(api, kind.name, depth + 1)
    if isinstance(kind, ArrayOf):
        return st.lists(values(api, kind.items, depth), max_size=2)
    if isinstance(kind, MapOf):
        return st.dictionaries(TEXT, values(api, kind.values, depth), max_size=2)
    if isinstance(kind, AnyValue):
        return st.dictionaries(TEXT, JSON, max_size=3) if kind.object_only else JSON
    if isinstance(kind, UnionOf):
        return st.one_of([values(api, variant, depth) for variant in kind.variants])
    assert isinstance(kind, Nullable)
    return st.none() | values(api, kind.inner, depth)


def objects(api: Api, name: str, depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    model = api.model(name)
    names = {field.name for field in model.fields}

    @st.composite
    def draw(draw: st.DrawFn) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for field in model.fields:
            if field.required or (depth < 3 and draw(st.booleans())):
                data[field.name] = draw(values(api, field.type, depth))
        extra = (
            values(api, model.additional, depth) if not isinstance(model.additional, bool) else JSON
        )
        keys = TEXT.filter(lambda key: key not in names)
        data.update(draw(st.dictionaries(keys, extra, max_size=2 if depth < 2 else 0)))
        return data

    return draw()


def check_instance(api: Api, module: ModuleType, kind: TypeExpr, value: Any, built: Any) -> None:
    """`built` is `value` constructed: models for objects, members for known enum values."""
    if isinstance(kind, Nullable):
        if value is None:
            assert built is None
            return
        kind = kind.inner
    if isinstance(kind, EnumRef):
        members = getattr(module, kind.name)
        if value in api.enum(kind.name).values:
            assert built is members(value)
        else:
            assert built == value
            assert type(built) is str
    elif isinstance(kind, ModelRef):
        model = api.model(kind.name)
        assert type(built).__name__ == model.name
        for field in model.fields:
            if field.name in value:
                check_instance(
                    api, module, field.type, value[field.name], getattr(built, field.name)
                )
    elif isinstance(kind, ArrayOf):
        for item, made in zip(value, built, strict=True):
            check_instance(api, module, kind.items, item, made)
    elif isinstance(kind, MapOf):
        for key, item in value.items():
            check_instance(api, module, kind.values, item, built[key])
    elif isinstance(kind, UnionOf) and isinstance(value, dict):
        chosen = [v for v in kind.variants if getattr(v, "name", None) == type(built).__name__]
        assert chosen, f"{type(built).__name__} is no variant of the union"
        check_instance(api, module, chosen[0], value, built)
    else:
        assert built == value


MODELS = [pytest.param(model.name, id=model.name) for model in API.models]


@pytest.mark.parametrize("name", MODELS)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_what_the_server_sent_is_what_a_model_holds(name: str, data: st.DataObject) -> None:
    value = data.draw(objects(API, name))
    built = _models.construct_type(value, getattr(models, name))
    assert isinstance(built, _models.BaseModel)
    assert built.to_dict() == value
    assert json.loads(built.to_json()) == json.loads(json.dumps(value))
    check_instance(API, models, ModelRef(name), value, built)


def test_rich_models_construct_nested_models_unions_and_maps(rich: ModuleType) -> None:
    import rich_client.models as rich_models  # type: ignore[import-not-found]

    from tests.generator.specs import RICH

    rich_api = _api_of(RICH)

    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        for model in rich_api.models:
            value = data.draw(objects(rich_api, model.name))
            built = rich._models.construct_type(value, getattr(rich_models, model.name))
            assert built.to_dict() == value
            check_instance(rich_api, rich_models, ModelRef(model.name), value, built)

    check()


def _api_of(text: str) -> Api:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "openapi.yaml"
        path.write_text(text, encoding="utf-8")
        return load_api(path)


def test_every_ir_model_and_enum_is_a_class_with_its_fields() -> None:
    for model in API.models:
        cls = getattr(models, model.name)
        assert issubclass(cls, _models.BaseModel)
        assert list(cls.model_fields) == [field.name for field in model.fields]
        for field in model.fields:
            assert cls.model_fields[field.name].is_required() == field.required
        assert " ".join((cls.__doc__ or "").split()) == " ".join(model.description.split())
    for item in API.enums:
        cls = getattr(models, item.name)
        assert issubclass(cls, enum.StrEnum)
        assert [member.value for member in cls] == list(item.values)
    assert set(models.__all__) == {m.name for m in API.models} | {e.name for e in API.enums}


def test_field_types_follow_the_ir() -> None:
    hints = typing.get_type_hints(models.RegisterCallResponse)
    assert hints["call_id"] is str
    assert hints["sample_rate"] is int
    assert hints["call_status"] == models.CallStatus | str  # lenient: an unknown value is a str
    assert hints["end_call_after_silence_ms"] == int | None
    assert hints["drop_call_if_machine_detected"] == bool | None
    assert hints["metadata"] == dict[str, object] | None
    assert hints["retell_llm_dynamic_variables"] == dict[str, str] | None


def test_models_carry_no_rule_of_the_spec() -> None:
    """The rules live in the validator: one enforcement point for every language."""
    request = models.CreatePhoneCallRequest(from_number="not a number", to_number="+0")
    assert request.from_number == "not a number"
    call = models.RegisterCallResponse.model_validate({**_register(), "sample_rate": 16000})
    assert call.sample_rate == 16000  # breaks mulaw_sample_rate: not the model's business


def _register() -> dict[str, Any]:
    return {
        "call_id": "c",
        "agent_id": "a",
        "audio_websocket_protocol": "twilio",
        "audio_encoding": "mulaw",
        "sample_rate": 8000,
        "call_status": "registered",
    }


def test_the_validation_view_is_emitted_as_it_is_in_the_ir() -> None:
    assert json.loads(API.schemas_json) == _schemas.SCHEMAS


def test_importing_the_package_loads_nothing_heavy() -> None:
    probe = (
        "import sys, retell_client\n"
        "heavy = {'httpx', 'pydantic', 'anyio', 'retell_client.models', 'retell_client._client'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
        "retell_client.Retell\n"
        "print('retell_client._client' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split("\n")[:2] == ["[]", "True"]


def test_dir_and_all_list_every_public_name_sorted() -> None:
    assert dir(rc) == sorted(rc.__all__)
    for name in rc.__all__:
        assert getattr(rc, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'RetellClient'"):
        _ = rc.RetellClient  # one way per thing: Retell and AsyncRetell
