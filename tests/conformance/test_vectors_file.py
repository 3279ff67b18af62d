"""The vector files themselves: their format, ids, known-failure lists, agreement with the spec,
coverage of every request rule from both sides, and the derived file being what `make
generate` writes (byte-stable)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from retell_client._validation import Validator

from generator.emit.conformance import emit
from generator.ir import load_api
from tests.conformance.checks import coverage_problems, vector_problems
from tests.conformance.vectors import (
    CONFORMANCE,
    DERIVED,
    HANDWRITTEN,
    KNOWN_FAILURES,
    ROOT,
    RUNNERS,
    Vector,
    known_failures,
    suite,
)

FORMAT = CONFORMANCE / "vectors.schema.json"
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
CLIENT_KINDS = frozenset({"request", "rejection", "response", "retry"})


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator(json.loads(load_api().schemas_json))


@pytest.mark.parametrize("path", [DERIVED, HANDWRITTEN], ids=["derived", "handwritten"])
def test_each_file_follows_the_format(path: os.PathLike[str]) -> None:
    schema = json.loads(FORMAT.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(
            json.loads(Path(path).read_text(encoding="utf-8"))
        ),
        key=lambda error: list(error.absolute_path),
    )
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_ids_are_unique_and_readable() -> None:
    ids = [vector["id"] for vector in suite().vectors]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert all(ID.fullmatch(vector_id) for vector_id in ids), [
        i for i in ids if not ID.fullmatch(i)
    ]


def test_kinds_apply_where_they_can() -> None:
    for vector in suite().vectors:
        if vector["kind"] == "server":
            assert vector["appliesTo"] == "server", vector["id"]
        else:
            assert vector["kind"] in CLIENT_KINDS, vector["id"]
            assert vector["appliesTo"] in ("client", "both"), vector["id"]


@pytest.mark.parametrize("runner", RUNNERS)
def test_known_failures_name_vectors_of_their_runner_with_a_reason(runner: str) -> None:
    listed = known_failures(runner)
    by_id = suite().by_id()
    for vector_id, reason in listed.items():
        assert vector_id in by_id, f"{runner}: no vector {vector_id}"
        applies = by_id[vector_id]["appliesTo"]
        assert applies in (("server", "both") if runner == "mock" else ("client", "both"))
        assert isinstance(reason, str), f"{runner}: {vector_id}: the reason must be text"
        assert len(reason) > 20, f"{runner}: {vector_id}: say why"


def test_there_is_one_known_failure_list_per_runner() -> None:
    assert sorted(path.stem for path in KNOWN_FAILURES.glob("*.json")) == sorted(RUNNERS)


@pytest.mark.parametrize("vector", suite().vectors, ids=lambda vector: vector["id"])
def test_each_vector_agrees_with_the_spec(vector: Vector, validator: Validator) -> None:
    assert list(vector_problems(suite(), validator, vector)) == []


def test_every_request_rule_is_covered_from_both_sides(validator: Validator) -> None:
    problems = list(coverage_problems(suite(), validator, json.loads(load_api().schemas_json)))
    assert problems == []


def test_the_derived_file_is_what_make_generate_writes() -> None:
    expected = emit(load_api())["conformance/vectors.json"]
    assert DERIVED.read_text(encoding="utf-8") == expected, "stale: run `make generate`"
    assert json.loads(expected)["$comment"] == load_api().banner


def test_derivation_is_byte_identical_across_hash_seeds() -> None:
    script = (
        "import hashlib\n"
        "from generator.emit.conformance import emit\n"
        "from generator.ir import load_api\n"
        "text = emit(load_api())['conformance/vectors.json']\n"
        "print(hashlib.sha256(text.encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("0", "1", "4242")
    }
    assert len(digests) == 1


def test_the_derived_vectors_are_not_too_many_to_send() -> None:
    """Every client runner sends them all: a few hundred, not thousands."""
    derived = json.loads(DERIVED.read_text(encoding="utf-8"))["vectors"]
    assert 50 <= len(derived) <= 600
