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
            ":27: #/paths/~1v1~1widgets/post/responses/201/content/",
        ),
        ("description: Created.", "", ":22: #/paths/~1v1~1widgets/post/responses/201: "),
        (
            "pattern: '^[a-z]+$'",
            "format: email",
            ":47: #/components/schemas/WidgetRequest/properties/name/format: 'email' is not",
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
    assert stdout == f"generated/ (python): 0 written, 1 deleted, {len(before)} unchanged\n"
    assert not (out / "python" / "stray.py").exists()
    after = {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}
    assert after == before


def test_generate_prints_one_summary_line(tmp_path: Path, capsys: Capsys) -> None:
    spec = write_spec(tmp_path, tiny_spec())
    out = tmp_path / "generated"
    status, stdout, err = run(
        capsys, "generate", "--spec", str(spec), "--out", str(out), "--only", "python"
    )
    files = len(read_tree(out)) - 1  # the manifest is one of the files written, not listed
    assert (status, err) == (0, "")
    assert stdout == f"generated/ (python): {files + 1} written, 0 deleted, 0 unchanged\n"


def test_only_leaves_the_other_languages_alone(
    capsys: Capsys, generated: tuple[Path, Path]
) -> None:
    spec, out = generated
    other = out / "typescript" / "src" / "index.ts"
    other.parent.mkdir(parents=True)
    other.write_text("// someone else's\n")
    status, _, _ = run(
        capsys, "generate", "--spec", str(spec), "--out", str(out), "--only", "python"
    )
    assert status == 0
    assert other.read_text() == "// someone else's\n"
    assert check(capsys, spec, out)[0] == 0


def test_an_absent_language_is_skipped_with_a_warning(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import emit, pipeline

    def present(language: str) -> bool:
        return language == "python"

    monkeypatch.setattr(emit, "present", present)
    monkeypatch.setattr(pipeline, "present", present)
    spec = write_spec(tmp_path, tiny_spec())
    status, _, err = run(capsys, "generate", "--spec", str(spec), "--out", str(tmp_path / "g"))
    assert status == 0
    assert "warning: generator/emit/typescript/ is missing: skipped\n" in err
    assert (tmp_path / "g" / "python" / "pyproject.toml").exists()
    assert not (tmp_path / "g" / "typescript").exists()


def test_a_no_op_generate_is_detected_from_the_manifest(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import emit, pipeline

    monkeypatch.setattr(emit, "LANGUAGES", ("python",))
    monkeypatch.setattr(pipeline, "LANGUAGES", ("python",))
    spec = write_spec(tmp_path, tiny_spec())
    out = tmp_path / "g"
    assert run(capsys, "generate", "--spec", str(spec), "--out", str(out))[0] == 0
    status, stdout, _ = run(capsys, "generate", "--spec", str(spec), "--out", str(out))
    assert (status, stdout.strip().endswith("g/ is up to date")) == (0, True)
    (out / "python" / "README.md").write_text("changed\n")
    status, stdout, _ = run(capsys, "generate", "--spec", str(spec), "--out", str(out))
    files = len(read_tree(out))  # the manifest is unchanged: the file is rewritten as it was
    assert stdout.endswith(f"1 written, 0 deleted, {files - 1} unchanged\n"), stdout
    assert (out / "python" / "README.md").read_text() != "changed\n"


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


def test_a_spec_error_from_a_process_is_one_line_and_exit_2(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, tiny_spec().replace("description: Created.", ""))
    result = run_process("generate", "--spec", str(spec), "--out", str(tmp_path / "g"))
    assert result.returncode == 2
    assert ":22: #/paths/~1v1~1widgets/post/responses/201: " in result.stderr
    assert result.stderr.count("\n") == 1


def test_what_the_python_emitter_cannot_render_exits_2(tmp_path: Path, capsys: Capsys) -> None:
    spec = write_spec(tmp_path, tiny_spec().replace("tags: [widget]", "tags: [with_options]"))
    out = str(tmp_path / "g")
    status, _, err = run(capsys, "generate", "--spec", str(spec), "--out", out, "--only", "python")
    assert status == 2
    assert err == "error: python: resource 'with_options' would shadow a client attribute\n"
    assert not (tmp_path / "g").exists()


def test_a_name_the_ir_refuses_exits_2_naming_its_location(tmp_path: Path, capsys: Capsys) -> None:
    spec = write_spec(tmp_path, tiny_spec().replace("        size:\n", "        class:\n", 1))
    out = str(tmp_path / "g")
    status, _, err = run(capsys, "generate", "--spec", str(spec), "--out", out, "--only", "python")
    assert status == 2
    assert err.count("\n") == 1
    assert "#/components/schemas/WidgetRequest/properties/class: property name 'class'" in err


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


def test_an_only_run_keeps_the_other_languages_manifest_entries(
    capsys: Capsys, generated: tuple[Path, Path]
) -> None:
    spec, out = generated
    other = out / "typescript" / "src" / "index.ts"
    other.parent.mkdir(parents=True)
    other.write_text("// someone else's\n")
    manifest = json.loads((out / "MANIFEST.json").read_text())
    manifest["files"]["typescript/src/index.ts"] = "f" * 64
    manifest["files"]["typescript/gone.ts"] = "0" * 64  # listed, but no longer on disk
    (out / "MANIFEST.json").write_text(json.dumps(manifest))
    assert (
        run(capsys, "generate", "--spec", str(spec), "--out", str(out), "--only", "python")[0] == 0
    )
    again = json.loads((out / "MANIFEST.json").read_text())
    assert again["files"]["typescript/src/index.ts"] == "f" * 64
    assert "typescript/gone.ts" not in again["files"]
    assert again["generator_version"].endswith(" (partial)")  # never a no-op on trust
    assert any(path.startswith("python/") for path in again["files"])


def test_a_partial_check_compares_its_language_only(
    capsys: Capsys, generated: tuple[Path, Path]
) -> None:
    spec, out = generated
    (out / "MANIFEST.json").write_text("{}\n")  # what a full run of every language would fix
    assert check(capsys, spec, out)[0] == 0
    (out / "python" / "README.md").write_text("stale\n")
    status, diff, _ = check(capsys, spec, out)
    assert status == 1
    assert "generated/python/README.md" in diff
    assert "MANIFEST.json" not in diff
