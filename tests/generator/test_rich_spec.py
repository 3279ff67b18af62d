"""What the real spec does not exercise, on the package generated from specs.RICH: resources
named by tags, an operation without body answering 204, model and enum arguments, nullable
fields, discriminated unions and nested models in answers, typed extra properties, enum
values that are no identifiers, and the whole package under mypy --strict, its users too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.generator.client_support import API_KEY, BASE_URL, Script, reply, transport

CIRCLE = {"kind": "circle", "radius": 1.5}
FIGURE = {"id": "f1", "body": CIRCLE}


def make(rich: ModuleType, script: Script, **options: Any) -> Any:
    http = httpx.Client(transport=transport(script))
    return rich.Retell(api_key=API_KEY, base_url=BASE_URL, http_client=http, **options)


def test_resources_come_from_the_tags(rich: ModuleType) -> None:
    retell = make(rich, Script([reply(200, FIGURE)]))
    assert type(retell.figure).__name__ == "FigureResource"
    assert type(retell.health).__name__ == "HealthResource"
    assert callable(retell.health.ping_server)
    assert {"FigureResource", "AsyncHealthResourceWithRawResponse"} <= set(rich.__all__)


def test_an_operation_without_body_sends_none_and_a_204_returns_none(rich: ModuleType) -> None:
    script = Script([httpx.Response(204)])
    retell = make(rich, script)
    assert retell.health.ping_server() is None
    (request,) = script.requests
    assert (request.method, request.url.path) == ("GET", "/v1/ping")
    assert request.content == b""
    assert "content-type" not in request.headers
    raw = retell.health.with_raw_response.ping_server()
    assert (raw.status_code, raw.parse()) == (204, None)


def test_a_base_url_with_a_path_keeps_it(rich: ModuleType) -> None:
    with rich.Retell(api_key=API_KEY) as retell:
        assert str(retell.base_url) == "https://rich.example/api"  # the spec's, "/" dropped
    script = Script([httpx.Response(204)])
    http = httpx.Client(transport=transport(script))
    rich.Retell(
        api_key=API_KEY, base_url="http://x.test/base/", http_client=http
    ).health.ping_server()
    assert str(script.requests[0].url) == "http://x.test/base/v1/ping"


def test_models_enums_tuples_and_nulls_as_arguments(rich: ModuleType) -> None:
    from rich_client import models  # type: ignore[import-not-found]

    script = Script([reply(200, FIGURE)])
    retell = make(rich, script)
    retell.figure.put_figure(
        body=models.Circle(kind="circle", radius=2.0),
        tags=("a", "b"),
        parent=None,  # nullable: sent as null
        kind=models.Kind.NOT_A_NAME,
        labels={"x": models.Label(text="hi"), "y": {"kind": "plain"}},
    )
    assert script.bodies() == [
        {
            "body": {"kind": "circle", "radius": 2.0},
            "tags": ["a", "b"],
            "parent": None,
            "kind": "not-a-name",
            "labels": {"x": {"text": "hi"}, "y": {"kind": "plain"}},
        }
    ]
    retell.figure.put_figure(body=CIRCLE, tags=None)  # not nullable: None leaves it out
    assert script.bodies()[1] == {"body": CIRCLE}


def test_enum_values_that_are_no_identifiers_get_member_names(rich: ModuleType) -> None:
    from rich_client import models

    names = {member.name: member.value for member in models.Kind}
    assert names == {
        "PLAIN": "plain",
        "NOT_A_NAME": "not-a-name",
        "VALUE_1ST": "1st",
        "PLAIN_AGAIN": "plain-again",
        "VALUE": "",
    }


@pytest.mark.parametrize(
    ("body", "field", "rule"),
    [
        ({"kind": "triangle"}, "body.kind", "discriminator"),
        ({"radius": 1}, "body.kind", "required"),
        ({"kind": "circle", "radius": 0}, "body.radius", "exclusiveMinimum"),
        ({"kind": "square", "side": 0}, "body.side", "minimum"),
    ],
)
def test_a_union_s_rules_are_checked_before_sending(
    rich: ModuleType, body: dict[str, Any], field: str, rule: str
) -> None:
    script = Script([reply(200, FIGURE)])
    with pytest.raises(rich.ValidationError) as caught:
        make(rich, script).figure.put_figure(body=body)
    assert (caught.value.field, caught.value.rule) == (field, rule)
    assert script.requests == []
    with pytest.raises(rich.ValidationError) as too_many:
        make(rich, script).figure.put_figure(body=CIRCLE, tags=["a", "b", "c", "d"])
    assert (too_many.value.field, too_many.value.rule) == ("tags", "maxItems")


def test_answers_build_unions_nested_models_and_typed_extras(rich: ModuleType) -> None:
    from rich_client import models

    answer = {
        "id": "f1",
        "body": {"kind": "square", "side": 3, "shade": "dark"},
        "history": [CIRCLE, {"kind": "square", "side": 1}, {"kind": "hexagon"}],
        "labels": {"a": {"text": "x", "kind": "1st"}, "b": {"kind": "brand-new"}},
        "parent": None,
        "kind": "plain",
        "note": {"text": "an extra property, typed as a Label"},
    }
    figure = make(rich, Script([reply(200, answer)])).figure.put_figure(body=CIRCLE)
    assert isinstance(figure, models.Figure)
    assert isinstance(figure.body, models.Square)
    assert figure.body.model_extra == {"shade": "dark"}
    assert [type(item).__name__ for item in figure.history] == ["Circle", "Square", "dict"]
    assert figure.labels["a"].kind is models.Kind.VALUE_1ST
    assert figure.labels["b"].kind == "brand-new"
    assert figure.parent is None
    assert figure.kind is models.Kind.PLAIN
    assert isinstance(figure.note, models.Label)
    assert figure.to_dict() == answer


def test_strict_answers_follow_the_union_s_discriminator(rich: ModuleType) -> None:
    answer = {"id": "f1", "body": {"kind": "hexagon"}}
    strict = make(rich, Script([reply(200, answer)]), strict_response_validation=True)
    with pytest.raises(rich.APIResponseValidationError) as caught:
        strict.figure.put_figure(body=CIRCLE)
    assert (caught.value.field, caught.value.rule) == ("body.kind", "discriminator")


def test_the_message_of_an_error_comes_from_the_error_model_s_field(rich: ModuleType) -> None:
    script = Script([reply(400, {"message": "no such figure"})])
    with pytest.raises(rich.BadRequestError) as caught:
        make(rich, script).figure.put_figure(body=CIRCLE)
    assert caught.value.message == "HTTP 400: no such figure"


USAGE = """\
from retell_client import Retell, models, NOT_GIVEN

client = Retell(api_key="k")
figure: models.Figure = client.figure.put_figure(body={"kind": "circle", "radius": 1.0})
body: models.Circle | models.Square = figure.body
kind: models.Kind | str | None = figure.kind
client.health.ping_server()
raw = client.figure.with_raw_response.put_figure(
    body=models.Square(kind="square", side=2), kind="1st", parent=None, tags=NOT_GIVEN
)
again: models.Figure = raw.parse()
client.figure.put_figure(body={"kind": "circle", "radius": 1.0}, kind="nope")  # E: a Literal
"""


def test_the_package_and_its_users_pass_mypy_strict(rich: ModuleType, tmp_path: Path) -> None:
    assert rich.__file__ is not None
    package = Path(rich.__file__).parent
    usage = tmp_path / "usage.py"
    usage.write_text(USAGE, encoding="utf-8")
    environment = {**os.environ, "MYPYPATH": str(package.parent)}
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file"]
    command += [os.devnull, "--cache-dir", os.devnull, str(package), str(usage)]
    result = subprocess.run(
        command, cwd=tmp_path, env=environment, capture_output=True, text=True, check=False
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert errors[0].startswith('usage.py:12: error: Argument "kind"'), errors
