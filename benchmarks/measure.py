"""What every benchmark area needs: timed child processes with their own peak memory, turns
that spread a shared machine's load over every contender alike, peer virtual environments,
and the words of a result table."""

from __future__ import annotations

import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = Path(__file__).resolve().parent / ".peers"
CHILD_TIMEOUT_S = 900.0  # a run that takes longer is broken, not slow
_TAIL = 2000


@dataclass(frozen=True)
class Measured:
    """One finished child process: how it ended, how long it took and its peak memory."""

    exit_code: int  # negative: killed by that signal
    seconds: float  # wall time, start-up included
    peak_rss_bytes: int  # the child's own ru_maxrss (its waited-for children included)
    stdout: str
    stderr: str

    @property
    def peak_mib(self) -> float:
        return self.peak_rss_bytes / (1024 * 1024)


# Linux keeps a process's peak across exec, and a child starts as a copy of (or, vforked,
# as) its parent: a child of this large process would report this process's peak as its own.
# So a bare interpreter forks the command and reports its wait4 figures on a file descriptor.
_LAUNCHER = """
import os, sys
report = int(sys.argv[1])
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    except OSError as error:
        os.write(2, f"cannot run {sys.argv[2]}: {error}\\n".encode())
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
os.write(report, f"{status} {usage.ru_maxrss}".encode())
"""


def run_measured(
    command: Sequence[str | Path],
    *,
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
    timeout_s: float = CHILD_TIMEOUT_S,
) -> Measured:
    """Run `command` to its end; its wall time and peak RSS.

    The peak is the command's own (its waited-for children included), from wait4 in a bare
    launcher: it counts the few MiB of the launcher the command was forked from, never this
    process's. Output goes through files, so a chatty child never blocks on a full pipe. A
    command still running after `timeout_s` is killed with its process group (its figures
    then say so: a negative exit code)."""
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryFile() as report,
    ):
        started = time.perf_counter()
        launcher = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(report.fileno())]
            + [str(part) for part in command],
            cwd=cwd,
            env=None if env is None else dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            pass_fds=(report.fileno(),),
            start_new_session=True,  # one group: a timeout kills the command with its launcher
        )
        status, usage = _wait(launcher, timeout_s)
        seconds = time.perf_counter() - started
        launcher.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait
        report.seek(0)
        reported = report.read().split()
        if len(reported) == 2:  # the launcher saw the command end
            status, peak_kib = int(reported[0]), int(reported[1])
        else:
            peak_kib = usage.ru_maxrss
        out.seek(0)
        err.seek(0)
        return Measured(
            os.waitstatus_to_exitcode(status),
            seconds,
            peak_kib * (1 if sys.platform == "darwin" else 1024),  # Linux: KiB
            out.read().decode("utf-8", errors="replace"),
            err.read().decode("utf-8", errors="replace"),
        )


def _wait(child: subprocess.Popen[bytes], timeout_s: float) -> tuple[int, resource.struct_rusage]:
    # The killer may act only while the child is unreaped (its pid, the group's id, cannot be
    # reused then): waitid(WNOWAIT) sees the exit without reaping, and the lock orders the two.
    lock = threading.Lock()
    exited = False

    def kill() -> None:
        with lock:
            if not exited:
                os.killpg(child.pid, signal.SIGKILL)  # not child.kill(): its poll() would reap

    killer = threading.Timer(timeout_s, kill)
    killer.start()
    try:
        os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)
        with lock:
            exited = True
    finally:
        killer.cancel()
    _, status, usage = os.wait4(child.pid, 0)
    return status, usage


def checked(
    command: Sequence[str | Path], *, cwd: Path = ROOT, env: Mapping[str, str] | None = None
) -> Measured:
    """`run_measured`, raising RuntimeError (with the end of its stderr) unless it exits 0."""
    result = run_measured(command, cwd=cwd, env=env)
    if result.exit_code != 0:
        name = Path(str(command[0])).name
        raise RuntimeError(
            f"`{name} {' '.join(str(part) for part in command[1:3])} ...` exited "
            f"{result.exit_code}: {(result.stderr or result.stdout)[-_TAIL:]}"
        )
    return result


def median_walls(runs: int, *actions: Callable[[int], object]) -> list[float]:
    """The median wall time of each action over `runs` turns, the actions taking turns so that
    load from other processes falls on all of them alike. Actions get the turn's index."""
    times: list[list[float]] = [[] for _ in actions]
    for index in range(runs):
        for action, bucket in zip(actions, times, strict=True):
            started = time.perf_counter()
            action(index)
            bucket.append(time.perf_counter() - started)
    return [statistics.median(bucket) for bucket in times]


def peer_venv(name: str, requirements: Sequence[str]) -> Path:
    """A virtual environment benchmarks/.peers/<name> holding `requirements` (installed by pip
    once; a stamp file records what, so a changed pin reinstalls)."""
    venv = PEERS / name
    stamp = venv / ".installed"
    wanted = "\n".join(requirements)
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        return venv
    checked([sys.executable, "-m", "venv", "--clear", venv])
    pip: list[str | Path] = [venv / "bin" / "python", "-m", "pip", "install", "--quiet"]
    checked([*pip, "--disable-pip-version-check", *requirements])
    stamp.write_text(wanted, encoding="utf-8")
    return venv


def yes(flag: bool) -> str:
    """A table's `met` cell: a missed target stands out."""
    return "yes" if flag else "**no**"


def ratio(ours: float, theirs: float) -> float:
    return ours / theirs if theirs else float("inf")


def table(
    header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]
) -> list[str]:
    """A Markdown table; `numeric` columns are right-aligned."""
    if len(header) != len(numeric) or any(len(row) != len(header) for row in rows):
        raise ValueError("every row needs one cell per column")
    align = ["---:" if right else "---" for right in numeric]
    lines = [header, align, *rows]
    return ["| " + " | ".join(line) + " |" for line in lines]
