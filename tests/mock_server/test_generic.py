"""The mock serves whatever the IR holds: a spec unlike the project's, with no route, field or
error shape written for it, is served by the rules its extensions state."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.ir import Api
from mock_server import DEFAULT_AGENT_ID, CallStore, create_app, running_server
from tests.mock_server.specs import WIDGETS, widgets_api

KEY = "widget-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
LINE = "+14155550100"
HEX32 = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Api:
    return widgets_api(tmp_path_factory.mktemp("widgets"))


@pytest.fixture(scope="module")
def store() -> CallStore:
    return CallStore()


@pytest.fixture(scope="module")
def widgets(api: Api, store: CallStore) -> Iterator[httpx.Client]:
    app = create_app(api=api, api_key=KEY, store=store)
    with running_server(app) as url, httpx.Client(base_url=url, headers=AUTH) as client:
        yield client


def make(client: httpx.Client, **fields: Any) -> dict[str, Any]:
    response = client.post("/v1/widgets", json={"name": "bolt", "line": LINE, **fields})
    assert response.status_code == 201, response.text
    body = response.json()
    assert isinstance(body, dict)
    return body


def test_every_operation_is_served_at_its_method_and_path_with_its_status(
    api: Api, widgets: httpx.Client
) -> None:
    for operation in api.operations:
        body = {"name": "bolt", "line": LINE} if operation.request else None
        response = widgets.request(operation.method, operation.path, json=body)
        assert response.status_code == operation.success.status, response.text


def test_an_operation_without_a_body_answers_its_example(widgets: httpx.Client) -> None:
    body = widgets.get("/v1/widgets/latest").json()
    assert (body["name"], body["size"], body["owner"]) == ("cog", 2, "someone")
    assert HEX32.match(body["id"])


def test_head_of_a_get_operation_is_served_without_a_body(widgets: httpx.Client) -> None:
    response = widgets.head("/v1/widgets/latest")
    assert response.status_code == 200
    assert response.content == b""


def test_errors_carry_the_spec_s_own_error_field(widgets: httpx.Client) -> None:
    response = widgets.post("/v1/widgets", json={"name": "Bolt", "line": LINE})
    assert response.status_code == 400
    assert response.json() == {
        "detail_text": "name: must match the pattern ^[a-z]+$ (rule: pattern)"
    }


def test_unknown_path_and_wrong_method_use_the_same_shape(widgets: httpx.Client) -> None:
    missing = widgets.post("/v1/gadgets")
    assert (missing.status_code, missing.json()) == (
        404,
        {"detail_text": "No such endpoint: /v1/gadgets"},
    )
    wrong = widgets.delete("/v1/widgets")
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "POST"
    assert list(wrong.json()) == ["detail_text"]


def test_a_sent_value_is_echoed_as_sent(widgets: httpx.Client) -> None:
    body = make(widgets, size=7.0, notes="n", owner="me", label="L")
    assert (body["size"], body["notes"], body["owner"]) == (7.0, "n", "me")
    assert isinstance(body["size"], float)  # as sent: 7.0 is an integer, and stays 7.0
    assert body["detail"] == {"label": "L", "colour": "grey"}  # nested; the example's rest kept


def test_an_unsent_value_with_a_default_is_answered_as_the_default(widgets: httpx.Client) -> None:
    assert make(widgets)["size"] == 3


def test_an_unsent_optional_value_is_left_out_though_the_example_has_it(
    widgets: httpx.Client,
) -> None:
    body = make(widgets)
    assert "notes" not in body
    assert body["detail"] == {"colour": "grey"}


def test_an_unsent_agent_is_the_account_s_default_agent(widgets: httpx.Client) -> None:
    assert make(widgets)["owner"] == DEFAULT_AGENT_ID


def test_required_values_the_spec_fixes_are_filled_though_the_example_lacks_them(
    widgets: httpx.Client,
) -> None:
    body = make(widgets)
    assert (body["kind"], body["state"]) == ("widget", "fresh")


def test_unique_values_are_fresh_everywhere_the_spec_marks_them(
    widgets: httpx.Client, store: CallStore
) -> None:
    answers = [make(widgets) for _ in range(20)]
    ids = [a["id"] for a in answers]
    part_ids = [part["part_id"] for a in answers for part in a["parts"]]
    assert all(HEX32.match(value) for value in ids + part_ids)
    assert len(set(ids)) == 20
    assert len(set(part_ids)) == 40
    assert "W1" not in ids
    assert "P1" not in part_ids
    stored = store.get(ids[0])
    assert stored is not None
    assert (stored.operation_id, stored.path, stored.response()) == (
        "makeWidget",
        "/v1/widgets",
        answers[0],
    )


@pytest.mark.parametrize(
    ("size", "rule"), [("7", "type"), (True, "type"), (7.5, "type"), (11, "maximum")]
)
def test_integers_are_json_schema_s(widgets: httpx.Client, size: object, rule: str) -> None:
    response = widgets.post("/v1/widgets", json={"name": "bolt", "line": LINE, "size": size})
    assert response.status_code == 400
    assert response.json()["detail_text"].startswith("size: must be ")
    assert f"(rule: {rule})" in response.json()["detail_text"]


@pytest.fixture(scope="module")
def strict(api: Api) -> Iterator[httpx.Client]:
    app = create_app(api=api, api_key=KEY, managed_numbers={LINE: "agent_of_line"}, agent_ids=["x"])
    with running_server(app) as url, httpx.Client(base_url=url, headers=AUTH) as client:
        yield client


def test_strict_mode_follows_the_account_roles_of_the_spec(strict: httpx.Client) -> None:
    assert make(strict)["owner"] == "agent_of_line"
    assert make(strict, owner="x")["owner"] == "x"
    other = strict.post("/v1/widgets", json={"name": "bolt", "line": "+14155550199"})
    assert other.status_code == 422
    assert other.json() == {
        "detail_text": "line: +14155550199 is not a number managed by this account"
    }
    stranger = strict.post("/v1/widgets", json={"name": "bolt", "line": LINE, "owner": "y"})
    assert stranger.status_code == 422
    assert stranger.json() == {"detail_text": "owner: 'y' names no agent of this account"}


def test_a_managed_number_is_checked_against_its_field_s_schema(api: Api) -> None:
    with pytest.raises(ValueError, match=re.escape("numbers['12']: not a valid line: ")) as caught:
        create_app(api=api, managed_numbers={"12": "agent_a"})
    assert "(rule: line_format)" in str(caught.value)


def test_an_operation_without_a_valid_answer_is_refused_at_start_naming_it(
    tmp_path: Path,
) -> None:
    unfillable = WIDGETS.replace(
        "          type: string\n          const: widget",
        "          type: string\n          minLength: 2",
    )
    with pytest.raises(ValueError, match=r"POST /v1/widgets \(makeWidget\): .*kind: is required"):
        create_app(api=widgets_api(tmp_path, unfillable))


def test_a_spec_without_an_error_body_is_refused_at_start(tmp_path: Path) -> None:
    no_errors = WIDGETS.replace(
        "            $ref: '#/components/schemas/Problem'", "            type: string"
    )
    with pytest.raises(ValueError, match="no error response of the spec has an object body"):
        create_app(api=widgets_api(tmp_path, no_errors))
