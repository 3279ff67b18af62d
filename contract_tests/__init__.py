"""A fuzzing contract suite for the two "create phone call" endpoints, against any server.

`python -m contract_tests` (see `cli.py`) runs Schemathesis in process on
`spec/openapi.yaml` (`fuzzing.py`) with the built-in checks and the custom rules of
`checks.py`, then the fixed rule vectors of `vectors.py` (`vector_runner.py`), and reports
(`report.py`) with the API key masked. `contract_tests.mutants` proves the suite catches
faulty servers; `contract_tests/test_conformance.py` is the same suite as plain pytest.
"""

from contract_tests.options import SuiteOptions
from contract_tests.suite import ServerUnreachable, SuiteResult, run_suite

__all__ = ["ServerUnreachable", "SuiteOptions", "SuiteResult", "run_suite"]
