"""The generated READMEs: the shared retry-policy table in every language's README, and the
```python examples of generated/python/README.md run for real against the mock server.

The Python examples are run in order as one script (a later block uses the `client` of an
earlier one), with RETELL_API_KEY and RETELL_BASE_URL pointing at a loopback mock, and the
same script is type-checked with `mypy --strict`. One block is a placeholder (`try: ...` in
"Checked before sending"): it runs (doing nothing) and is covered by the type check only.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mock_server import create_app, running_server
from tests.retry_policy import POLICY_TABLE

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
PYTHON_README = GENERATED / "python" / "README.md"
KEY = "sk-readme-examples-0123456789"
# What the examples do, counted from the README: the sync first call, the async one and the
# raw response each create one call; the placeholder block sends nothing.
CALLS_PLACED = 3


@pytest.mark.parametrize("language", ["python", "typescript", "go"])
def test_the_readme_carries_the_shared_retry_policy_table(language: str) -> None:
    readme = (GENERATED / language / "README.md").read_text(encoding="utf-8")
    assert POLICY_TABLE in readme, f"generated/{language}/README.md lost the retry-policy table"


def python_examples() -> str:
    readme = PYTHON_README.read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```$", readme, flags=re.MULTILINE | re.DOTALL)
    assert len(blocks) >= 4, f"the README lost its examples: {len(blocks)} ```python blocks"
    return "\n\n".join(blocks)


def examples_env(base_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("RETELL_")}
    env |= {"RETELL_API_KEY": KEY, "RETELL_BASE_URL": base_url, "PYTHONWARNINGS": "error"}
    return env


def test_the_python_readme_examples_run_against_the_mock(tmp_path: Path) -> None:
    script = tmp_path / "readme_examples.py"
    script.write_text(python_examples(), encoding="utf-8")
    app = create_app(api_key=KEY)
    with running_server(app) as url:
        result = subprocess.run(
            [sys.executable, str(script)],
            cwd=tmp_path,
            env=examples_env(url),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, f"the README's examples failed:\n{result.stderr}"
    assert len(app.state.calls) == CALLS_PLACED, result.stdout
    lines = result.stdout.splitlines()
    # print(result) twice (a model's repr), then the raw response's status, headers and
    # retries_taken, then its text and JSON.
    assert sum(line.startswith("call_type=") for line in lines) == 2, result.stdout
    assert lines[2].startswith("201 Headers("), lines[2]
    assert lines[2].endswith(") 0"), lines[2]
    text, _end = json.JSONDecoder().raw_decode(lines[3])
    assert text["to_number"] == "+14155550123", lines[3]
    assert KEY not in result.stdout + result.stderr


def test_the_python_readme_examples_type_check_under_mypy_strict(tmp_path: Path) -> None:
    script = tmp_path / "readme_examples.py"
    script.write_text(python_examples(), encoding="utf-8")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy")]
    result = subprocess.run(
        [*mypy, str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"mypy --strict on the README's examples:\n{result.stdout}"
