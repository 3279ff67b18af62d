"""The Python client (retell_client, sync and async) against every client vector."""

from __future__ import annotations

import pytest
import retell_client

from tests.conformance.python_runner import FLAVOURS, run_vector
from tests.conformance.vectors import Vector, suite
from tests.conformance.verdict import verdict


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vector", suite().client(), ids=lambda vector: vector["id"])
def test_python_client(vector: Vector, flavour: str) -> None:
    verdict("python", vector, run_vector(retell_client, suite(), vector, flavour))
