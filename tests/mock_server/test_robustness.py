"""Whatever the bytes, headers or JSON sent, the mock answers a 4xx or a 201, never a 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.mock_server.conftest import AUTH, ERROR_FIELD, FROM, TO, V1, V2

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
FIELDS = st.sampled_from(
    ["from_number", "to_number", "override_agent_id", "metadata",
     "retell_llm_dynamic_variables", "drop_call_if_machine_detected"]
)  # fmt: skip


@pytest.fixture(scope="module")
def fuzz_client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, headers=AUTH, timeout=10) as client:
        yield client


def assert_handled(response: httpx.Response) -> None:
    assert response.status_code in {201, 400, 413}, response.text
    body = response.json()
    assert isinstance(body, dict)
    if response.status_code != 201:
        assert isinstance(body[ERROR_FIELD], str)


@FUZZ
@given(content=st.binary(max_size=512), path=st.sampled_from([V2, V1]))
def test_arbitrary_bytes(fuzz_client: httpx.Client, content: bytes, path: str) -> None:
    headers = {"Content-Type": "application/json"}
    assert_handled(fuzz_client.post(path, content=content, headers=headers))


@FUZZ
@given(body=JSON_VALUES, path=st.sampled_from([V2, V1]))
def test_arbitrary_json(fuzz_client: httpx.Client, body: Any, path: str) -> None:
    assert_handled(fuzz_client.post(path, json=body))


@FUZZ
@given(
    extra=st.dictionaries(FIELDS | st.text(), JSON_VALUES, max_size=4),
    path=st.sampled_from([V2, V1]),
)
def test_valid_numbers_with_arbitrary_fields(
    fuzz_client: httpx.Client, extra: dict[str, Any], path: str
) -> None:
    response = fuzz_client.post(path, json={"from_number": FROM, "to_number": TO, **extra})
    assert_handled(response)
    if response.status_code == 201:
        answer = response.json()
        for name in ("metadata", "retell_llm_dynamic_variables"):
            if name in extra:
                assert answer[name] == extra[name]
