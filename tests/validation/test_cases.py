"""The Python validator against the shared cases every generated language runs.

tests/validation/cases.json holds schemas, values and the violations expected in order
(field, rule, keyword); the TypeScript and Go validators run the same file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from retell_client._validation import Validator

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).with_name("cases.json")).read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["description"] for case in CASES])
def test_python_validator_reports_the_shared_violations(case: dict[str, Any]) -> None:
    found = Validator(case["schema"]).violations("T", case["value"])
    shown = [{"field": f.field, "rule": f.rule, "keyword": f.keyword} for f in found]
    assert shown == case.get("violations", [])
    assert (not found) == case["valid"]


def test_the_first_violation_is_the_one_check_reports() -> None:
    for case in CASES:
        first = Validator(case["schema"]).check("T", case["value"])
        expected = case.get("first")
        assert (first is None) == (expected is None), case["description"]
        if first is not None:
            assert {"field": first.field, "rule": first.rule, "keyword": first.keyword} == expected
