"""Every rule the spec states, checked on its validation view (through the IR).

Each row takes the spec's own examples, changes one thing, and says whether the spec must
still accept the body; values sit on both sides of each boundary, so a loosened or
tightened rule fails here before any generated code or server sees it. The stock 2020-12
validator judges; the generated validator (ECMAScript semantics) judges where the two
differ (a final newline after a number) and names the rule a violation breaks. Which
fields, bounds and rules there are comes from the IR and `seed_facts.yaml`, never from here.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from generator.ir import EnumRef, Field, Model, Scalar, TypeExpr
from tests.spec.facts import BoundFact, CrossFieldFact, OperationFact, load_facts
from tests.spec.views import (
    API,
    BodyUse,
    Target,
    accepts,
    field_named,
    field_target,
    first_violation,
    json_type_of,
    model_examples,
    model_fields,
    model_named,
    model_of,
    phone_paths,
    request_uses,
    success_uses,
    type_label,
    with_value,
    without,
)

FACTS = load_facts()
PHONE = FACTS.phone_numbers
LATER_FIELD = "field_from_a_later_version"


def _param(target: Target, value: object, accepted: bool) -> Any:
    return pytest.param(target, value, accepted, id=f"{target.label}={value!r}")


def _fields_labelled(*labels: str) -> list[tuple[Model, Field]]:
    return [(model, field) for model, field in model_fields() if type_label(field.type) in labels]


def _field_ids(pairs: list[tuple[Model, Field]]) -> list[str]:
    return [f"{model.name}.{field.name}" for model, field in pairs]


# --- E.164 phone numbers ---------------------------------------------------------------------


def _number(digits: int) -> str:
    return "+1" + "5" * (digits - 1)


E164_ACCEPTED: list[object] = [
    _number(PHONE.min_digits),
    _number(PHONE.max_digits),
    "+14155550100",
    "+442071838750",
]
E164_REJECTED: list[object] = [
    _number(PHONE.min_digits - 1),  # too few digits
    _number(PHONE.max_digits + 1),  # too many digits
    "+04155550100",  # a zero after '+'
    "14155550100",  # no '+'
    "+1 415 555 0100",  # spaces
    "+1-415-555-0100",  # dashes
    "+1(415)5550100",  # parentheses
    "+141555501a0",  # a letter
    "+1415\u0663\u0663\u0663\u0663",  # Arabic-Indic digits: `\d` would let them through
    "\uff0b14155550100",  # a fullwidth plus sign
    " +14155550100",  # text before the number
    "tel:+14155550100",
    "+14155550100 ",  # text after it
    "",
    "+",
    14155550100,  # a JSON number
    None,
]


def _phone_targets() -> list[Target]:
    """Numbers in requests (`operation.phone_paths`) and in success answers (typed view)."""
    targets = [
        Target(f"{use.label}.{'.'.join(path)}", use.body.schema, path, use.values)
        for use in request_uses()
        for path in use.operation.phone_paths
    ]
    targets += [
        Target(f"{use.label}.{'.'.join(path)}", use.body.schema, path, use.values)
        for use in success_uses()
        for path in phone_paths(use.body.type)
    ]
    return targets


PHONE_TARGETS = _phone_targets()


def test_numbers_are_found_in_every_request_and_in_answers() -> None:
    """The rows below come from the IR: an empty list would test nothing."""
    assert all(use.operation.phone_paths for use in request_uses())
    assert any(phone_paths(use.body.type) for use in success_uses())


@pytest.mark.parametrize(
    ("target", "value", "accepted"),
    [_param(target, value, True) for target in PHONE_TARGETS for value in E164_ACCEPTED]
    + [_param(target, value, False) for target in PHONE_TARGETS for value in E164_REJECTED],
)
def test_phone_numbers_must_be_e164(target: Target, value: object, accepted: bool) -> None:
    assert target.accepted(value) is accepted
    violations = target.violations(value)
    if accepted:
        assert None in violations
    else:
        field = ".".join(target.path)
        assert {(v.field, v.rule) for v in violations if v} == {(field, PHONE.rule)}
        assert None not in violations


@pytest.mark.parametrize("target", PHONE_TARGETS, ids=[target.label for target in PHONE_TARGETS])
def test_a_number_with_a_final_newline_is_no_e164_number(target: Target) -> None:
    """JSON Schema patterns are ECMAScript's, where `$` is the very end of the text. Python's
    `re.search`, and so the stock validator, also lets `$` match before a final newline;
    the generated validators (and so every client and the mock) follow ECMAScript."""
    number = "+14155550100"
    assert None in target.violations(number)
    violations = target.violations(number + "\n")
    assert None not in violations
    assert {v.rule for v in violations if v} == {PHONE.rule}


# --- bounds of single fields -----------------------------------------------------------------


def _target_of(schema: str, field_name: str) -> Target:
    model = model_named(schema)
    return field_target(model, field_named(model, field_name))


def _numeric_rows(fact: BoundFact) -> list[tuple[object, bool]]:
    low, high = fact.limit("minimum"), fact.limit("maximum")
    rows: list[tuple[object, bool]] = [(None, False)]
    if low is not None:
        rows += [(low - 1, False), (low, True), (str(low), False)]
        rows += [(low + 0.5, False)] if high is None or low + 0.5 < high else []
        rows += [(-low, False), (0, False)] if low > 0 else []
        rows += [(low * 60, True)] if high is None else []
    if high is not None:
        rows += [(high, True), (high + 1, False)]
    if low is not None and high is not None:
        rows += [((low + high) // 2, True)]
    return rows


def _length_rows(fact: BoundFact) -> list[tuple[object, bool]]:
    low, high = fact.limit("minLength"), fact.limit("maxLength")
    rows: list[tuple[object, bool]] = []
    if low is not None:
        rows += [("x" * low, True)] + ([("x" * (low - 1), False)] if low > 0 else [])
    if high is not None:
        rows += [("x" * high, True), ("x" * (high + 1), False)]
    return rows


BOUND_ROWS = [
    pytest.param(fact, value, accepted, id=f"{fact.label}={value!r}")
    for fact in FACTS.bounds
    for value, accepted in _numeric_rows(fact) + _length_rows(fact)
]


@pytest.mark.parametrize(("fact", "value", "accepted"), BOUND_ROWS)
def test_bounded_field_takes_values_within_its_bounds(
    fact: BoundFact, value: object, accepted: bool
) -> None:
    assert _target_of(fact.schema, fact.field).accepted(value) is accepted


NAMED_BOUNDS = [fact for fact in FACTS.bounds if fact.rule]


@pytest.mark.parametrize("fact", NAMED_BOUNDS, ids=[fact.label for fact in NAMED_BOUNDS])
def test_a_value_out_of_bounds_breaks_the_named_rule(fact: BoundFact) -> None:
    low, high = fact.limit("minimum"), fact.limit("maximum")
    outside = [(low - 1, "minimum")] if low is not None else []
    outside += [(high + 1, "maximum")] if high is not None else []
    assert outside, f"{fact.label}: the rule {fact.rule} names no numeric bound"
    for value, keyword in outside:
        found = _target_of(fact.schema, fact.field).violations(value)
        assert {(v.field, v.rule, v.keyword) for v in found if v} == {
            (fact.field, fact.rule, keyword)
        }
        assert None not in found


# --- rules between fields --------------------------------------------------------------------


def _candidates(model: Model, name: str, required_value: object) -> list[object]:
    """Values of one field to combine in a cross-field rule, each valid on its own."""
    kind = field_named(model, name).type
    if isinstance(kind, EnumRef):
        return list(API.enum(kind.name).values)
    bound = next((b for b in FACTS.bounds if (b.schema, b.field) == (model.name, name)), None)
    if isinstance(kind, Scalar) and kind.kind == "integer" and bound is not None:
        low, high = bound.limit("minimum"), bound.limit("maximum")
        if low is not None and high is not None:
            return sorted({required_value, low, high, (low + high) // 2}, key=str)
    raise AssertionError(
        f"{model.name}.{name}: no values to combine (an enum or a bounded integer)"
    )


def _cross_rows(fact: CrossFieldFact) -> list[Any]:
    model = model_named(fact.schema)
    pairs = [*fact.when, *fact.then]
    choices = [_candidates(model, name, value) for name, value in pairs]
    rows = []
    for combo in itertools.product(*choices):
        chosen = dict(zip([name for name, _ in pairs], combo, strict=True))
        selected = all(chosen[name] == value for name, value in fact.when)
        holds = all(chosen[name] == value for name, value in fact.then)
        rows.append(pytest.param(fact, chosen, not selected or holds, id=f"{fact.rule}:{chosen}"))
    return rows


CROSS_ROWS = [row for fact in FACTS.cross_field_rules for row in _cross_rows(fact)]


def _with_values(body: object, values: dict[str, object]) -> object:
    for name, value in values.items():
        body = with_value(body, (name,), value)
    return body


@pytest.mark.parametrize(("fact", "values", "accepted"), CROSS_ROWS)
def test_cross_field_rule(fact: CrossFieldFact, values: dict[str, object], accepted: bool) -> None:
    """For the deprecated endpoint: mulaw requires a sample rate of 8000 (seed 001)."""
    examples = model_examples(model_named(fact.schema))
    assert examples
    bodies = [_with_values(body, values) for body in examples]
    assert {accepts(fact.schema, body) for body in bodies} == {accepted}
    found = [first_violation(fact.schema, body) for body in bodies]
    if accepted:
        assert found == [None] * len(bodies)
        return
    broken = [name for name, value in fact.then if values[name] != value]
    for violation in found:
        assert violation is not None
        assert (violation.field, violation.rule) == (broken[0], fact.rule)


# --- enums, required and optional fields, types ----------------------------------------------


ENUM_FIELDS = [(m, f) for m, f in model_fields() if isinstance(f.type, EnumRef)]


def _outsiders(values: tuple[str, ...]) -> list[str]:
    first = values[0]
    found = ["", f"not_{first}", first + " ", first.upper(), first.capitalize()]
    return [value for value in dict.fromkeys(found) if value not in values]


@pytest.mark.parametrize(("model", "field"), ENUM_FIELDS, ids=_field_ids(ENUM_FIELDS))
def test_enums_are_closed(model: Model, field: Field) -> None:
    assert isinstance(field.type, EnumRef)
    values = API.enum(field.type.name).values
    target = field_target(model, field)
    for member in values:
        assert target.accepted(member), member
    for outsider in _outsiders(values):
        assert not target.accepted(outsider), outsider


def test_every_enum_is_a_closed_list_of_strings() -> None:
    for enum in API.enums:
        assert enum.values, enum.name
        assert all(isinstance(value, str) and value for value in enum.values), enum.name
        assert accepts(enum.name, enum.values[0]), enum.name
        assert not accepts(enum.name, f"not_{enum.values[0]}"), enum.name


def test_every_model_has_examples_to_test_with() -> None:
    assert [model.name for model in API.models if not model_examples(model)] == []


REQUIRED = [(m, f) for m, f in model_fields() if f.required]
OPTIONAL = [(m, f) for m, f in model_fields() if not f.required]


@pytest.mark.parametrize(("model", "field"), REQUIRED, ids=_field_ids(REQUIRED))
def test_each_required_field_removed_in_turn_is_rejected(model: Model, field: Field) -> None:
    examples = model_examples(model)
    assert examples
    for body in examples:
        assert accepts(model.name, body)
        assert not accepts(model.name, without(body, (field.name,)))


@pytest.mark.parametrize(("model", "field"), OPTIONAL, ids=_field_ids(OPTIONAL))
def test_null_for_an_optional_field_is_rejected(model: Model, field: Field) -> None:
    """No source says any field is nullable: `null` is not "absent" (fuzzers send it)."""
    assert not field_target(model, field).accepted(None)


SAMPLES: dict[str, object] = {
    "string": "7",
    "integer": 7,
    "number": 7.5,
    "boolean": True,
    "object": {},
    "array": [],
    "null": None,
}
ALL_FIELDS = model_fields()


def _other_types(kind: TypeExpr) -> list[str]:
    own = json_type_of(type_label(kind))
    allowed = {own, "integer"} if own == "number" else {own}
    return [name for name in SAMPLES if name not in allowed]


@pytest.mark.parametrize(("model", "field"), ALL_FIELDS, ids=_field_ids(ALL_FIELDS))
def test_a_named_field_takes_no_value_of_another_json_type(model: Model, field: Field) -> None:
    target = field_target(model, field)
    for name in _other_types(field.type):
        assert not target.accepted(SAMPLES[name]), name


STRING_MAPS = _fields_labelled("string map")
OBJECTS = _fields_labelled("object")
BOOLEANS = _fields_labelled("boolean")


@pytest.mark.parametrize(
    ("variables", "accepted"),
    [
        ({}, True),
        ({"name": "Ada"}, True),
        ({"name": ""}, True),
        ({"n": 1}, False),
        ({"n": True}, False),
        ({"n": None}, False),
        ({"n": ["a"]}, False),
        ({"n": {"a": "b"}}, False),
        ("name=Ada", False),
        (["Ada"], False),
    ],
)
def test_dynamic_variables_are_an_object_of_strings(variables: object, accepted: bool) -> None:
    assert STRING_MAPS
    for model, field in STRING_MAPS:
        assert field_target(model, field).accepted(variables) is accepted, model.name


@pytest.mark.parametrize(
    ("metadata", "accepted"),
    [
        ({}, True),
        ({"customer_id": "c1", "n": 2, "nested": {"a": [1, None]}}, True),
        ("c1", False),
        ([1, 2], False),
        (3, False),
        (None, False),
    ],
)
def test_metadata_is_any_object(metadata: object, accepted: bool) -> None:
    assert OBJECTS
    for model, field in OBJECTS:
        assert field_target(model, field).accepted(metadata) is accepted, model.name


@pytest.mark.parametrize(
    ("value", "accepted"),
    [(True, True), (False, True), ("true", False), ("false", False), (1, False), (0, False)],
)
def test_booleans_are_json_booleans(value: object, accepted: bool) -> None:
    assert BOOLEANS
    for model, field in BOOLEANS:
        assert field_target(model, field).accepted(value) is accepted, f"{model.name}.{field.name}"


def test_a_boolean_with_a_default_says_what_absence_means() -> None:
    """drop_call_if_machine_detected: "If not set, default value of false will apply"."""
    defaulted = [(m, f) for m, f in model_fields() if f.has_default]
    assert defaulted
    for model, field in defaulted:
        recorded = FACTS.schema(model.name).field(field.name)
        assert (recorded.has_default, recorded.default) == (True, field.default)
        assert field_target(model, field).accepted(field.default)
        assert not field.required, f"{model.name}.{field.name}: a default is for an absent field"


# --- open objects, bodies ----------------------------------------------------------------------


@pytest.mark.parametrize("model", API.models, ids=[model.name for model in API.models])
def test_unknown_properties_are_allowed(model: Model) -> None:
    """The vendor adds fields over time: a closed schema would flag a correct server."""
    assert model.additional is True
    assert LATER_FIELD not in [field.name for field in model.fields]
    for body in model_examples(model):
        assert accepts(model.name, with_value(body, (LATER_FIELD,), "x"))
        assert accepts(model.name, with_value(body, (LATER_FIELD,), {"nested": [1]}))


@pytest.mark.parametrize("use", request_uses(), ids=[use.label for use in request_uses()])
def test_requests_must_be_json_objects(use: BodyUse) -> None:
    not_objects: list[object] = [[], "x", 1, 1.5, True, None]
    for value in not_objects:
        assert not accepts(use.body.schema, value), value
    for body in use.values:
        assert accepts(use.body.schema, with_value(body, (LATER_FIELD,), "x"))


ANSWERS = [fact for fact in FACTS.operations if fact.answer]


@pytest.mark.parametrize("fact", ANSWERS, ids=[fact.operation_id for fact in ANSWERS])
def test_the_success_answer_carries_the_operations_value(fact: OperationFact) -> None:
    """v2 creates an outbound call: its answer's `direction` is `outbound` (seed 000)."""
    assert fact.answer is not None
    op = API.operation(fact.operation_id)
    assert op.success.body is not None
    model = model_of(op.success.body.type)
    assert model is not None
    field = field_named(model, fact.answer.field)
    assert isinstance(field.type, EnumRef)
    path = (fact.answer.field,)
    examples = tuple(value for _, value in op.success.body.examples)
    answer = Target(op.operation_id, op.success.body.schema, path, examples)
    others = [value for value in API.enum(field.type.name).values if value != fact.answer.value]
    assert answer.accepted(fact.answer.value)
    assert others
    for value in others:
        assert not answer.accepted(value), value
        found = answer.violations(value)
        assert {(v.field, v.rule) for v in found if v} == {(fact.answer.field, fact.answer.rule)}
        assert None not in found
        assert field_target(model, field).accepted(value), f"{model.name} alone allows {value!r}"


UNIQUE = [(use, path) for use in success_uses() for path, _ in use.operation.unique_paths]


@pytest.mark.parametrize(
    ("use", "path"), UNIQUE, ids=[f"{use.label}.{'.'.join(path)}" for use, path in UNIQUE]
)
def test_a_unique_id_is_never_empty(use: BodyUse, path: tuple[str, ...]) -> None:
    """call_id identifies the call (and, per answer, must be fresh): "" cannot do that."""
    target = Target(use.label, use.body.schema, path, use.values)
    assert not target.accepted("")
    assert target.accepted("x")
    assert not target.accepted(None)
    for body in use.values:
        assert not accepts(use.body.schema, without(body, path))
