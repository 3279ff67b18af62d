"""Every model of the real spec round-trips: dump (Python or JSON) -> validate gives it back.

Instances are drawn with Hypothesis from the IR of spec/openapi.yaml, so a schema added to the
spec is covered without touching this file. Optional fields are left out at random, which is
what used to break: an unset optional field dumped as null, which validation then refused.
Also: the RootModel wrappers datamodel-code-generator left behind are gone, and the error tree
in `_exceptions`' docstring keeps a space between each name and its status.
"""

from __future__ import annotations

import inspect
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import retell_client as rc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, RootModel
from retell_client import _exceptions, models

from generator.ir import Api, Field, Schema
from generator.ir.build import build_api
from generator.load import load_spec

ROOT = Path(__file__).resolve().parents[2]
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXT, children, max_size=3),
    max_leaves=8,
)  # fmt: skip


@cache
def api() -> Api:
    return build_api(load_spec(ROOT / "spec" / "openapi.yaml"))


def value(field: Field) -> st.SearchStrategy[Any]:
    if field.enum is not None:
        return st.sampled_from(api().enum(field.enum).values)
    if field.type == "string":
        return st.from_regex(field.pattern, fullmatch=True) if field.pattern else TEXT
    if field.type == "integer":
        return st.integers(
            min_value=None if field.minimum is None else int(field.minimum),
            max_value=None if field.maximum is None else int(field.maximum),
        )
    if field.type == "number":
        return st.floats(field.minimum, field.maximum, allow_nan=False, allow_infinity=False)
    if field.type == "boolean":
        return st.booleans()
    if field.type == "map":
        return st.dictionaries(TEXT, TEXT, max_size=3)
    return st.dictionaries(TEXT, JSON, max_size=4)


@st.composite
def instances(draw: st.DrawFn, schema: Schema) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in schema.fields:
        if field.required or draw(st.booleans()):
            data[field.name] = draw(value(field))
    names = {field.name for field in schema.fields}
    extra = draw(st.dictionaries(TEXT.filter(lambda key: key not in names), JSON, max_size=2))
    for rule in schema.rules:
        if data.get(rule.if_field) == rule.if_value and rule.then_field in data:
            data[rule.then_field] = rule.then_value
    return {**data, **extra}


SCHEMAS = [pytest.param(schema, id=schema.name) for schema in api().schemas]


@pytest.mark.parametrize("schema", SCHEMAS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_model_round_trips_through_its_dumps(schema: Schema, data: st.DataObject) -> None:
    model: type[BaseModel] = getattr(models, schema.name)
    instance = model.model_validate(data.draw(instances(schema)))
    for dumped in (instance.model_dump_json(), json.dumps(instance.model_dump(mode="json"))):
        again = model.model_validate_json(dumped)
        assert again.model_dump() == instance.model_dump()
        assert again.model_dump_json() == instance.model_dump_json()
    assert model.model_validate(instance.model_dump()).model_dump() == instance.model_dump()


def test_absent_optional_fields_are_left_out_and_extra_nulls_are_kept() -> None:
    call = rc.PhoneCallResponse.model_validate(
        {
            "call_type": "phone_call",
            "from_number": "+14157774444",
            "to_number": "+12137774445",
            "direction": "outbound",
            "call_id": "c",
            "agent_id": "a",
            "call_status": "registered",
            "vendor_field": None,
            "metadata": {"k": None},
        }
    )
    dumped = json.loads(call.model_dump_json())
    assert "transcript" not in dumped
    assert dumped["vendor_field"] is None
    assert dumped["metadata"] == {"k": None}
    assert rc.PhoneCallResponse.model_validate_json(call.model_dump_json()) == call


def test_no_unused_root_model_wrappers_are_generated() -> None:
    classes = [value for value in vars(models).values() if inspect.isclass(value)]
    wrappers = [cls.__name__ for cls in classes if issubclass(cls, RootModel)]
    assert wrappers == []
    for name in ("E164PhoneNumber", "SampleRate", "EndCallAfterSilenceMs", "DynamicVariables"):
        assert not hasattr(models, name), name
    for name in ("DropCallIfMachineDetected", "OverrideAgentId"):
        assert not hasattr(models, name), name
    assert {enum.name for enum in api().enums} <= set(vars(models))


def test_inlined_wrappers_keep_their_rules() -> None:
    fields = models.RegisterCallResponse.model_fields
    assert "ge=8000" in repr(fields["sample_rate"].metadata)
    assert "le=48000" in repr(fields["sample_rate"].metadata)
    assert "ge=10000" in repr(fields["end_call_after_silence_ms"].metadata)
    assert fields["drop_call_if_machine_detected"].default is False
    with pytest.raises(ValueError, match="to_number"):
        models.CreatePhoneCallRequest(from_number="+14157774444", to_number="4157774444")


def test_the_error_tree_separates_each_name_from_its_status() -> None:
    doc = _exceptions.__doc__ or ""
    for error in api().errors:
        assert f"{error.name.pascal} {error.status}" in " ".join(doc.split()), error.name.pascal


@pytest.mark.parametrize("schema", SCHEMAS)
def test_the_json_schema_of_dumps_still_describes_the_fields(schema: Schema) -> None:
    model: type[BaseModel] = getattr(models, schema.name)
    dumped = model.model_json_schema(mode="serialization")
    assert set(dumped["properties"]) == {field.name for field in schema.fields}
    assert dumped["properties"] == model.model_json_schema()["properties"]
