"""generated/python installs on its own: a fresh virtual environment, `pip install
generated/python`, and the package works with only its declared dependencies."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import importlib.metadata as metadata, json
import httpx
from retell_client import Retell, PhoneCallResponse
from retell_client import __file__ as where

def answer(request):
    return httpx.Response(201, json={"call_id": "c1", "call_status": "registered"})

http = httpx.Client(transport=httpx.MockTransport(answer))
client = Retell(api_key="k", base_url="http://local.test", http_client=http)
call = client.call.create_phone_call(from_number="+14155550100", to_number="+14155550123")
info = metadata.metadata("retell-client")
print(json.dumps({
    "call": [type(call).__name__, call.call_id],
    "license": info.get("License-Expression"),
    "requires": sorted(info.get_all("Requires-Dist") or []),
    "typed": __import__("pathlib").Path(where).with_name("py.typed").exists(),
    "installed": sorted(d.metadata["Name"].lower() for d in metadata.distributions()),
}))
"""


@pytest.mark.slow
def test_the_package_installs_and_runs_on_its_own(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: pip builds in the tree it is given
    shutil.copytree(
        ROOT / "generated" / "python", source, ignore=shutil.ignore_patterns("*.egg-info", "build")
    )
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    probe = subprocess.run(
        [str(python), "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert found["call"] == ["PhoneCallResponse", "c1"]
    assert found["license"] == "MIT"
    assert [requirement.split("<")[0].split(">")[0] for requirement in found["requires"]] == [
        "anyio",
        "httpcore",
        "httpx",
        "pydantic",
    ]
    assert found["typed"]
    assert "retell-contract-kit" not in found["installed"]  # nothing of this project's own
    assert sys.executable not in str(python)
