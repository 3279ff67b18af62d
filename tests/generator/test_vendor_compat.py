"""A script written for the vendor's SDK (`retell-sdk`, `from retell import Retell`) runs
against the mock server with only its import changed, and prints the same as the vendor's
SDK does running it unchanged against the same server.

The vendor's SDK is never imported into .venv. Its run happens when its own virtual
environment exists (it is then one more parametrized case, not a skip); create it with:

    python3 -m venv benchmarks/.peers/retell-sdk-6.2.13
    benchmarks/.peers/retell-sdk-6.2.13/bin/pip install retell-sdk==6.2.13
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mock_server import create_app, running_server

ROOT = Path(__file__).resolve().parents[2]
VENDOR_PYTHON = ROOT / "benchmarks" / ".peers" / "retell-sdk-6.2.13" / "bin" / "python"
KEY = "sk-vendor-compat-0123456789"

# Written for retell-sdk: the v2 create call, a raw response, per-request timeout, extra
# headers and extra body. Only the first import line differs between the two runs.
VENDOR_SCRIPT = """\
import json
import os

from retell import Retell

client = Retell(api_key=os.environ["RETELL_API_KEY"], base_url=os.environ["RETELL_BASE_URL"])

call = client.call.create_phone_call(
    from_number="+14155550100",
    to_number="+14155550123",
    metadata={"customer_id": "cus_123", "attempt": 2},
    retell_llm_dynamic_variables={"customer_name": "John Doe"},
)

raw = client.call.with_raw_response.create_phone_call(
    from_number="+14155550100",
    to_number="+14155550124",
    timeout=20.0,
    extra_headers={"X-Trace-Id": "trace-1"},
    extra_body={"override_agent_id": "agent_from_extra_body"},
)
parsed = raw.parse()

print(json.dumps({
    "call_id_given": bool(call.call_id),
    "call_status": call.call_status,
    "direction": call.direction,
    "numbers": [call.from_number, call.to_number],
    "metadata": call.metadata,
    "variables": call.retell_llm_dynamic_variables,
    "raw_status": raw.status_code,
    "raw_type": raw.headers.get("content-type"),
    "raw_retries": raw.retries_taken,
    "parsed_to": parsed.to_number,
    "parsed_agent": parsed.agent_id,
    "distinct_ids": parsed.call_id != call.call_id,
    "as_dict": sorted(parsed.to_dict()),
}, sort_keys=True))
"""
OURS = VENDOR_SCRIPT.replace("from retell import Retell", "from retell_client import Retell", 1)
EXPECTED = {
    "call_id_given": True,
    "call_status": "registered",
    "direction": "outbound",
    "numbers": ["+14155550100", "+14155550123"],
    "metadata": {"customer_id": "cus_123", "attempt": 2},
    "variables": {"customer_name": "John Doe"},
    "raw_status": 201,
    "raw_type": "application/json",
    "raw_retries": 0,
    "parsed_to": "+14155550124",
    "parsed_agent": "agent_from_extra_body",
    "distinct_ids": True,
}

RUNNERS = [pytest.param((sys.executable, OURS), id="retell_client")]
if VENDOR_PYTHON.exists():
    RUNNERS.append(pytest.param((str(VENDOR_PYTHON), VENDOR_SCRIPT), id="retell-sdk-6.2.13"))


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    with running_server(create_app(api_key=KEY)) as url:
        yield url


def run_script(python: str, script: str, base_url: str, tmp_path: Path) -> dict[str, object]:
    path = tmp_path / "script.py"
    path.write_text(script, encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("RETELL_")}
    environment |= {"RETELL_API_KEY": KEY, "RETELL_BASE_URL": base_url, "PYTHONPATH": ""}
    result = subprocess.run(
        [python, str(path)],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    output: dict[str, object] = json.loads(result.stdout)
    return output


@pytest.mark.parametrize("runner", RUNNERS)
def test_a_vendor_sdk_script_runs_with_only_its_import_changed(
    runner: tuple[str, str], mock_url: str, tmp_path: Path
) -> None:
    python, script = runner
    output = run_script(python, script, mock_url, tmp_path)
    keys = output.pop("as_dict")
    assert output == EXPECTED
    assert isinstance(keys, list)
    assert {"call_id", "agent_id", "call_status", "from_number", "to_number"} <= set(keys)


def test_the_two_scripts_differ_only_in_the_import() -> None:
    ours, theirs = OURS.splitlines(), VENDOR_SCRIPT.splitlines()
    changed = [(a, b) for a, b in zip(ours, theirs, strict=True) if a != b]
    assert changed == [("from retell_client import Retell", "from retell import Retell")]
