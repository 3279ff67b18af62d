"""`python -m build`: an sdist and a wheel that install the same, holding every module and
template of the tree and the spec, with clean metadata and no setuptools warnings."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import contract_tests
from tests.packaging.conftest import Distributions
from tests.packaging.helpers import (
    ROOT,
    SCRIPTS,
    Venv,
    make_venv,
    package_folders,
    require_ok,
    run,
    user_env,
)

pytestmark = pytest.mark.slow

SHIPPED = (".py", ".jinja")  # with py.typed and the spec


def wheel_files(wheel: Path) -> dict[str, str]:
    """Each file of a wheel but its RECORD, with the sha256 of its bytes."""
    with zipfile.ZipFile(wheel) as archive:
        return {
            name: hashlib.sha256(archive.read(name)).hexdigest()
            for name in archive.namelist()
            if not name.endswith(".dist-info/RECORD")
        }


def wheel_text(wheel: Path, suffix: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(suffix)]
        return archive.read(name).decode("utf-8")


def is_shipped(name: str) -> bool:
    return name.endswith(SHIPPED) or name in ("py.typed", "openapi.yaml")


def shipped_files(source_tree: Path) -> dict[str, str]:
    """Where each shipped file of the tree lands in a wheel, with the sha256 of its bytes."""
    expected = {}
    for name, folder in package_folders().items():
        copy = source_tree / folder.relative_to(ROOT)
        for path in sorted(copy.iterdir()):
            if path.is_file() and is_shipped(path.name):
                installed = "/".join([*name.split("."), path.name])
                expected[installed] = hashlib.sha256(path.read_bytes()).hexdigest()
    return expected


def test_the_wheel_holds_every_module_template_and_the_spec(
    distributions: Distributions, source_tree: Path
) -> None:
    """Each shipped file of the tree it was built from, at its package's place, byte for byte."""
    expected = shipped_files(source_tree)
    assert len(expected) > 100  # the walk found the tree
    files = wheel_files(distributions.wheel)
    missing = sorted(set(expected) - set(files))
    assert not missing, f"not in the wheel: {missing[:10]}"
    changed = sorted(path for path in expected if files[path] != expected[path])
    assert not changed, f"differ from the tree they were built from: {changed[:10]}"


def test_the_wheel_built_from_the_sdist_is_the_wheel_built_from_the_tree(
    distributions: Distributions, source_tree: Path, tmp_path: Path
) -> None:
    command = [
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--outdir",
        str(tmp_path),
        str(source_tree),
    ]
    require_ok(run(command, source_tree, user_env(), timeout=900), "python -m build --wheel")
    (direct,) = tmp_path.glob("*.whl")
    assert wheel_files(direct) == wheel_files(distributions.wheel)


def installed_record(venv: Venv, distribution: str) -> dict[str, str]:
    """The files pip installed for a distribution under site-packages, with their hashes;
    without what differs by the way it was installed (scripts' shebangs, pip's own notes)."""
    site = venv.site_packages()
    (dist_info,) = site.glob(f"{distribution.replace('-', '_')}-*.dist-info")
    rows = csv.reader(io.StringIO((dist_info / "RECORD").read_text(encoding="utf-8")))
    by_install = {"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"}
    return {
        path: digest
        for path, digest, _size in rows
        if not path.startswith("..")
        and "__pycache__" not in path
        and not (path.startswith(dist_info.name) and path.split("/")[-1] in by_install)
    }


def test_the_sdist_installs_the_same_files_as_the_wheel(
    distributions: Distributions, kit: Venv, tmp_path: Path
) -> None:
    from_sdist = make_venv(tmp_path / "venv")
    from_sdist.pip_install("--no-deps", str(distributions.sdist), cwd=tmp_path)
    assert installed_record(from_sdist, "retell-contract-kit") == installed_record(
        kit, "retell-contract-kit"
    )


def test_the_metadata_declares_the_version_license_and_scripts(
    distributions: Distributions,
) -> None:
    metadata = Parser().parsestr(wheel_text(distributions.wheel, ".dist-info/METADATA"))
    assert metadata["Version"] == contract_tests.__version__
    assert metadata["License-Expression"] == "MIT"
    assert not [c for c in metadata.get_all("Classifier") or [] if c.startswith("License ::")]
    assert metadata["Requires-Python"] == ">=3.11"
    entry_points = wheel_text(distributions.wheel, ".dist-info/entry_points.txt")
    for script, target in SCRIPTS.items():
        assert f"{script} = {target}" in entry_points


def test_building_prints_no_setuptools_warning(distributions: Distributions) -> None:
    for marker in ("SetuptoolsDeprecationWarning", "SetuptoolsWarning", "DeprecationWarning"):
        assert marker not in distributions.log, distributions.log[-4000:]


def test_the_sdist_leaves_out_tests_and_tools(distributions: Distributions) -> None:
    with tarfile.open(distributions.sdist) as archive:
        tops = {name.split("/")[1] for name in archive.getnames() if name.count("/") >= 1}
    assert {"generator", "mock_server", "contract_tests", "spec", "generated"} <= tops
    assert not tops & {"tests", "tools", "benchmarks", "examples"}


def digest_of(path: Path) -> str:
    """RECORD's form of a file's hash."""
    raw = hashlib.sha256(path.read_bytes()).digest()
    return "sha256=" + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def test_the_installed_spec_is_the_repositorys(kit: Venv, source_tree: Path) -> None:
    record = installed_record(kit, "retell-contract-kit")
    spec = source_tree / "spec" / "openapi.yaml"
    assert record["retell_contract_spec/openapi.yaml"] == digest_of(spec)
