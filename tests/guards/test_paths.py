"""No test reads outside the repository: a plain clone passes its tests. No absolute path of
a machine (`/work/...`, `/tmp/...`, a home directory) in a test's literals, no relative
path that climbs above the repository's root, no `Path(__file__)` climbed above it.
Temporary files come from pytest's `tmp_path` (or `tempfile`), never a spelled `/tmp`.

Python tests: their string literals (docstrings excepted). TypeScript and Go tests: their
quoted, single-quoted and backquoted literals, comments removed. A relative path is taken
from the folder of the file that spells it (how an import in a `.mts` file or a Go test,
run in its package's folder, resolves it).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.guards.sources import ROOT, files, relative, string_literals

# (file, path) pairs that may stay, with the reason: each is relative to a folder inside a
# temporary copy the test builds (or is no path at all), so nothing outside the repo is read.
_STAGE = "written into a file of the test's own tmp stage, relative to that file's folder"
ALLOWED: dict[tuple[str, str], str] = {
    ("tests/evolution/chain.py", "../generated/typescript/tsconfig.json"): _STAGE,
    ("tests/evolution/chain.py", ".."): _STAGE + " (tsconfig rootDir)",
    ("tests/evolution/chain.py", "../tsbuild"): _STAGE,
    ("tests/evolution/chain.py", "../generated/typescript/src/**/*.ts"): _STAGE,
    ("tests/evolution/chain.py", "../generated/go"): _STAGE + " (go.mod replace)",
    ("tests/evolution/typed_use.py", "../generated/typescript/src/index.js"): _STAGE,
    (
        "tests/typescript/test_typescript.py",
        "..",
    ): "a symlink target inside tmp_path's node_modules",
    ("tests/conformance/vectors.py", ".."): 'the range in a message: f"{min}..{max} s"',
    ("tests/packaging/test_build.py", ".."): "a test on RECORD entries, not a path that is read",
}

# Files whose literals are exempt as a whole, with the reason.
EXEMPT = {
    # its own broken examples (source text holding the very paths it refuses)
    "tests/guards/test_paths.py": "the guard's deliberately broken examples",
}

_MACHINE = re.compile(
    r"(?<![\w.:/~-])(?:/(?:work|tmp|home|root|mnt|Users|var/tmp)(?![\w.-])|~/)[^\s\"'`]*"
)
_CLIMB = re.compile(r"(?<![\w./\\-])((?:\.\.[/\\])*\.\.)(?![\w.])[^\s\"'`]*")
_C_LINE = re.compile(r"(?<![:\w\"'`])//[^\n]*")
_C_BLOCK = re.compile(r"/\*.*?\*/", re.S)
_QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`[^`]*`')


def depth(path: Path) -> int:
    """How many folders the file's folder lies below the repository's root."""
    return len(path.parent.relative_to(ROOT).parts)


def problems_in(value: str, levels: int) -> Iterator[tuple[str, str]]:
    """(path, why) for each path in a literal that points outside the repo, the literal
    being read from a folder `levels` below the root."""
    for machine in _MACHINE.finditer(value):
        yield machine.group(), "an absolute path of a machine"
    for climb in _CLIMB.finditer(value):
        up = climb.group(1).count("..")
        if up > levels:
            yield climb.group(), f"climbs {up} folders from {levels} below the root"


def _climbs_of_file_path(tree: ast.AST) -> Iterator[tuple[int, int]]:
    """(line, folders above the file's folder) of `Path(__file__)...parents[k]` and
    `...parent.parent...` chains."""
    inner: set[int] = set()
    for node in ast.walk(tree):
        if id(node) in inner:
            continue
        on_file = any(isinstance(n, ast.Name) and n.id == "__file__" for n in ast.walk(node))
        if not on_file:
            continue
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "parents"
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, int)
        ):
            yield node.lineno, node.slice.value
        elif isinstance(node, ast.Attribute) and node.attr == "parent":
            count, link = 0, node.value
            inner.add(id(node))
            while isinstance(link, ast.Attribute) and link.attr == "parent":
                inner.add(id(link))
                count, link = count + 1, link.value
            yield node.lineno, count  # `.parent` once is the file's folder: 0 above it


def python_problems(source: str, levels: int) -> Iterator[tuple[int, str, str]]:
    """(line, path, why). `levels`: how far `Path(__file__)` may climb. A relative path in
    Python is taken from the root (pytest's working folder, or `ROOT / ...`), so any `..`
    in a literal climbs out of it."""
    for line, value in string_literals(source):
        for path, why in problems_in(value, 0):
            yield line, path, why
    for line, above in _climbs_of_file_path(ast.parse(source)):
        if above > levels:
            yield line, "__file__", f"climbs {above} folders from {levels} below the root"


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")


def c_family_problems(source: str, levels: int) -> Iterator[tuple[int, str, str]]:
    """The same for TypeScript and Go sources (comments are free to mention anything)."""
    code = _C_LINE.sub("", _C_BLOCK.sub(_blank, source))
    for literal in _QUOTED.finditer(code):
        value = literal.group()[1:-1]
        line = code.count("\n", 0, literal.start()) + 1
        for path, why in problems_in(value, levels):
            yield line, path, why


PYTHON = files(("tests",), "*.py")
C_FAMILY = [*files(("tests",), "*.mts"), *files(("tests",), "*.mjs"), *files(("tests",), "*.go")]
C_FAMILY = [path for path in C_FAMILY if "node_modules" not in path.parts]


def _found(path: Path, hits: Iterator[tuple[int, str, str]]) -> list[str]:
    name = relative(path)
    if name in EXEMPT:
        return []
    return [
        f"{name}:{line}: {value!r}: {why}"
        for line, value, why in hits
        if (name, value) not in ALLOWED
    ]


@pytest.mark.parametrize("path", PYTHON, ids=relative)
def test_no_python_test_reads_outside_the_repository(path: Path) -> None:
    found = _found(path, python_problems(path.read_text(encoding="utf-8"), depth(path)))
    assert not found, found


@pytest.mark.parametrize("path", C_FAMILY, ids=relative)
def test_no_typescript_or_go_test_reads_outside_the_repository(path: Path) -> None:
    found = _found(path, c_family_problems(path.read_text(encoding="utf-8"), depth(path)))
    assert not found, found


def test_every_allowance_is_still_needed() -> None:
    present = {
        (relative(path), found)
        for path in PYTHON
        for _, found, _ in python_problems(path.read_text(encoding="utf-8"), depth(path))
    }
    assert set(ALLOWED) <= present, sorted(set(ALLOWED) - present)


def test_every_test_file_is_scanned() -> None:
    names = {relative(path) for path in PYTHON + C_FAMILY}
    assert {"tests/contract/test_cli.py", "tests/go/client_test.go"} <= names
    assert {"tests/typescript/client.test.mts", "tests/evolution/ts_calls.mjs"} <= names


BROKEN_PYTHON = '''
"""A docstring may mention /work/elsewhere/api.md."""
from pathlib import Path
FACTS = Path("/work/elsewhere/docs/api-facts.md")  # a comment may too: /tmp/x
SCRATCH = "/tmp/retell-run"
NOTES = Path("~/notes.md").expanduser()
ELSEWHERE = ROOT / "../elsewhere/api.md"
ABOVE = Path(__file__).resolve().parents[3]
ALSO_ABOVE = Path(__file__).resolve().parent.parent.parent.parent
FINE = [Path(__file__).resolve().parents[2], "generated/go", "https://h/tmp", "/v2/a/../b"]
'''


def test_the_python_scan_catches_paths_outside_the_repository() -> None:
    found = sorted((line, path, why) for line, path, why in python_problems(BROKEN_PYTHON, 2))
    assert found == [
        (4, "/work/elsewhere/docs/api-facts.md", "an absolute path of a machine"),
        (5, "/tmp/retell-run", "an absolute path of a machine"),
        (6, "~/notes.md", "an absolute path of a machine"),
        (7, "../elsewhere/api.md", "climbs 1 folders from 0 below the root"),
        (8, "__file__", "climbs 3 folders from 2 below the root"),
        (9, "__file__", "climbs 3 folders from 2 below the root"),
    ]


def test_an_allowance_names_one_path_of_one_file() -> None:
    hits = python_problems('X = "../generated/go"\nY = "../../elsewhere"\n', 2)
    assert _found(ROOT / "tests/evolution/chain.py", hits) == [
        "tests/evolution/chain.py:2: '../../elsewhere': climbs 2 folders from 0 below the root"
    ]


BROKEN_TYPESCRIPT = """
// a comment may say /work/elsewhere
import { x } from "../../generated/typescript/src/index.js";
import { y } from "../../../elsewhere/facts.js";
const file = `/tmp/out.json`;
readJSON(t, '../validation/cases.json');
"""


def test_the_typescript_and_go_scan_catches_paths_outside_the_repository() -> None:
    found = sorted(
        (line, value) for line, value, _ in c_family_problems(BROKEN_TYPESCRIPT, levels=2)
    )
    assert found == [(4, "../../../elsewhere/facts.js"), (5, "/tmp/out.json")]
