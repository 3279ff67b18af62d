"""`python -m generator generate|check`: exit statuses, one-line errors, stale detection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.generator.helpers import read_tree, run, run_process, write_spec
from tests.generator.specs import tiny_spec

Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def generated(tmp_path: Path, capsys: Capsys) -> tuple[Path, Path]:
    spec = write_spec(tmp_path, tiny_spec())
    out = tmp_path / "generated"
    status, _, err = run(
        capsys, "generate", "--spec", str(spec), "--out", str(out), "--only", "python"
    )
    assert (status, err) == (0, "")
    return spec, out


def check(capsys: Capsys, spec: Path, out: Path) -> tuple[int, str, str]:
    return run(capsys, "check", "--spec", str(spec), "--out", str(out), "--only", "python")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["build"],
        ["generate", "--spec"],
        ["check", "--bogus", "x"],
        ["generate", "extra"],
        ["check", "--only", "cobol"],
    ],
)
def test_misuse_exits_2_with_one_line(capsys: Capsys, argv: list[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith("error: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('title: "plain text"', "title: [unclosed", ":4:10: invalid YAML"),
        (
            "schemas/Widget'",
            "schemas/Nope'",
            ":26: #/paths/~1v1~1widgets/post/responses/201/content/",
        ),
        ("description: Created.", "", ":21: #/paths/~1v1~1widgets/post/responses/201: "),
        (
            "pattern: '^[a-z]+$'",
            "format: email",
            ":44: #/components/schemas/WidgetRequest/properties/name: keyword",
        ),
    ],
)
def test_spec_errors_exit_2_naming_the_location(
    tmp_path: Path, capsys: Capsys, old: str, new: str, expected: str
) -> None:
    assert old in tiny_spec()
    spec = write_spec(tmp_path, tiny_spec().replace(old, new))
    status, out, err = run(capsys, "generate", "--spec", str(spec), "--out", str(tmp_path / "g"))
    assert status == 2, out
    assert err.count("\n") == 1, err
    assert f"{spec.name}{expected}" in err, err
    assert not (tmp_path / "g").exists()


def test_check_passes_on_fresh_output(capsys: Capsys, generated: tuple[Path, Path]) -> None:
    assert check(capsys, *generated)[0] == 0


def test_check_reports_a_changed_file_with_a_diff(
    capsys: Capsys, generated: tuple[Path, Path]
) -> None:
    spec, out = generated
    models = out / "python" / "retell_client" / "models.py"
    models.write_text(models.read_text() + "x = 1\n")
    status, diff, err = check(capsys, spec, out)
    assert status == 1
    assert "stale" in err
    assert "--- a/generated/python/retell_client/models.py" in diff
    assert "-x = 1" in diff


def test_check_reports_missing_and_extra_files(
    capsys: Capsys, generated: tuple[Path, Path]
) -> None:
    spec, out = generated
    (out / "python" / "retell_client" / "_types.py").unlink()
    (out / "python" / "stray.py").write_text("stray = True\n")
    status, diff, _ = check(capsys, spec, out)
    assert status == 1
    assert "+++ b/generated/python/retell_client/_types.py" in diff
    assert "--- a/generated/python/stray.py\n+++ /dev/null" in diff


def test_check_ignores_installs_and_caches(capsys: Capsys, generated: tuple[Path, Path]) -> None:
    spec, out = generated
    for junk in ("typescript/node_modules/x/index.js", "python/retell_client/__pycache__/a.pyc"):
        (out / junk).parent.mkdir(parents=True, exist_ok=True)
        (out / junk).write_text("junk")
    (out / "python" / "retell_client.egg-info").mkdir()
    (out / "python" / "retell_client.egg-info" / "PKG-INFO").write_text("junk")
    assert check(capsys, spec, out)[0] == 0


def test_generate_leaves_unchanged_files_alone_and_deletes_extras(
    capsys: Capsys, generated: tuple[Path, Path]
) -> None:
    spec, out = generated
    before = {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}
    (out / "python" / "stray.py").write_text("stray = True\n")
    status, stdout, _ = run(
        capsys, "generate", "--spec", str(spec), "--out", str(out), "--only", "python"
    )
    assert status == 0
    assert "deleted generated/python/stray.py" in stdout
    after = {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}
    assert after == before


def test_manifest_lists_every_file_with_hashes(generated: tuple[Path, Path]) -> None:
    spec, out = generated
    manifest = json.loads((out / "MANIFEST.json").read_text())
    tree = read_tree(out)
    assert set(manifest["files"]) == set(tree) - {"MANIFEST.json"}
    assert manifest["spec_sha256"] == __import__("hashlib").sha256(spec.read_bytes()).hexdigest()
    assert manifest["generator_version"].startswith("0.1.0+")


def test_every_generated_file_has_the_banner(generated: tuple[Path, Path]) -> None:
    _, out = generated
    for path, content in read_tree(out).items():
        assert b"generated from spec/openapi.yaml by `make generate`; do not edit" in content, path


def test_validator_errors_come_back_while_the_worker_runs(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, tiny_spec().replace("description: Created.", ""))
    result = run_process("generate", "--spec", str(spec), "--out", str(tmp_path / "g"))
    assert result.returncode == 2
    assert ":21: #/paths/~1v1~1widgets/post/responses/201: " in result.stderr
    assert result.stderr.count("\n") == 1


def test_what_an_emitter_cannot_render_exits_2(tmp_path: Path, capsys: Capsys) -> None:
    spec = write_spec(tmp_path, tiny_spec().replace("        size:\n", "        class:\n", 1))
    out = str(tmp_path / "g")
    status, _, err = run(capsys, "generate", "--spec", str(spec), "--out", out, "--only", "python")
    assert status == 2
    assert err == "error: python: field 'class' is not a Python identifier\n"


@pytest.mark.parametrize("argv", [["--help"], ["-h"], ["generate", "--help"], ["check", "-h"]])
def test_help_exits_0_and_lists_the_commands(capsys: Capsys, argv: list[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, "")
    assert out.startswith("usage: python -m generator")
    if argv[0].startswith("-"):
        assert "generate" in out
        assert "check" in out
    else:
        assert "--spec" in out
        assert "--only" in out


def test_help_as_a_process_exits_0() -> None:
    result = run_process("--help")
    assert (result.returncode, result.stderr) == (0, "")
    assert "{generate,check}" in result.stdout


def test_a_crash_of_the_validator_is_one_line_and_exit_2(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openapi_spec_validator

    def crash(document: object) -> None:
        raise RuntimeError("validator blew up")

    monkeypatch.setattr(openapi_spec_validator, "validate", crash)
    spec = write_spec(tmp_path, tiny_spec())
    status, _, err = run(capsys, "generate", "--spec", str(spec), "--out", str(tmp_path / "g"))
    assert status == 2
    assert err.count("\n") == 1, err
    assert err.startswith("error: "), err
    assert err.endswith(
        f"{spec.name}:1: #: openapi-spec-validator crashed: RuntimeError: validator blew up\n"
    )
    assert not (tmp_path / "g").exists()


@pytest.mark.parametrize("forked", [True, False], ids=["forked", "inline"])
def test_a_crash_in_the_worker_process_is_one_line_and_exit_2(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, forked: bool
) -> None:
    import threading

    from generator import emit

    if not forked:  # another thread running makes forking unsafe: the work runs inline
        monkeypatch.setattr(threading, "active_count", lambda: 2)

    def crash(api: object, languages: object) -> str:
        raise RuntimeError("worker blew up")

    monkeypatch.setattr(emit, "_heavy_json", crash)
    spec = write_spec(tmp_path, tiny_spec())
    status, _, err = run(capsys, "generate", "--spec", str(spec), "--out", str(tmp_path / "g"))
    assert status == 2
    assert err.count("\n") == 1, err
    assert err.endswith("crashed (worker): RuntimeError: worker blew up\n"), err
    assert "Traceback" not in err
    assert not (tmp_path / "g").exists()


@pytest.mark.parametrize("forked", [True, False], ids=["forked", "inline"])
def test_child_errors_carry_a_one_line_summary(
    monkeypatch: pytest.MonkeyPatch, forked: bool
) -> None:
    import threading

    from generator import parallel

    if not forked:  # another thread running makes forking unsafe: the function runs inline
        monkeypatch.setattr(threading, "active_count", lambda: 2)

    def crash() -> str:
        raise KeyError("boom")

    result = parallel.start(crash)
    with pytest.raises(parallel.ChildError) as caught:
        result()
    assert caught.value.summary == "KeyError: 'boom'"
    assert "Traceback" in str(caught.value)


def test_what_datamodel_code_generator_refuses_is_one_line_and_exit_2(
    tmp_path: Path, capsys: Capsys
) -> None:
    text = tiny_spec().replace(
        "      required: [name, color, size]\n      properties:\n",
        "      required: [name, color, size]\n      properties:\n        class:\n"
        "          type: string\n",
    )
    assert "        class:\n" in text
    spec = write_spec(tmp_path, text)
    out = str(tmp_path / "g")
    status, _, err = run(capsys, "generate", "--spec", str(spec), "--out", out, "--only", "python")
    assert status == 2
    assert err.count("\n") == 1, err
    assert err.startswith("error: python: datamodel-code-generator refused the spec: "), err
    assert "'class'" in err
