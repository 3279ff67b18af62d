"""Run work in a forked child while the parent goes on working.

`start(function)` runs a function returning str in a child at once. `spawn(warm, job)` forks a
child that runs `warm()` (imports, typically) straight away, then waits for one request: the
parent `submit`s a picklable value when it has one, the child runs `job(value)` and sends back
its str. The generator overlaps its slow parts this way on a multi-core machine. Without
`os.fork`, or when other threads run (forking them is unsafe), the work runs inline instead.
A function that raises, in the child or inline, raises `ChildError` when the result is asked for.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
import traceback
from collections.abc import Callable
from typing import Any

Result = Callable[[], str]


class ChildError(Exception):
    """The function raised (in the child, or inline); the message holds its traceback."""

    @property
    def summary(self) -> str:
        """The traceback's last line (`Type: message`), for a one-line report."""
        lines = [line.strip() for line in str(self).splitlines() if line.strip()]
        return lines[-1] if lines else "the child died"


def _can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() <= 1


def start(function: Callable[[], str]) -> Result:
    """Start `function`; call the returned function to wait for its result (or its error)."""
    if not _can_fork():
        return _inline(function)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, which reports through the pipe
        os.close(read)
        _report(function, write)
    os.close(write)
    return lambda: _collect(pid, read)


def _inline(function: Callable[[], str]) -> Result:
    try:
        value = function()
    except Exception:
        error = ChildError(traceback.format_exc())
        return lambda: (_ for _ in ()).throw(error)
    return lambda: value


class Worker:
    """A child that warmed up and waits for one request (see `spawn`)."""

    def submit(self, request: Any) -> None:
        raise NotImplementedError

    def result(self) -> str:
        raise NotImplementedError

    def close(self) -> None:
        """Stop the child if its result was not collected (safe to call more than once)."""


def spawn(warm: Callable[[], None], job: Callable[[Any], str]) -> Worker:
    if not _can_fork():
        return _InlineWorker(job)
    requests_read, requests_write = os.pipe()
    results_read, results_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, which reports through the pipe
        os.close(requests_write)
        os.close(results_read)
        _serve(warm, job, requests_read, results_write)
    os.close(requests_read)
    os.close(results_write)
    return _ForkedWorker(pid, requests_write, results_read)


class _InlineWorker(Worker):
    def __init__(self, job: Callable[[Any], str]) -> None:
        self._job = job
        self._result: Result | None = None

    def submit(self, request: Any) -> None:
        self._result = _inline(lambda: self._job(request))

    def result(self) -> str:
        if self._result is None:
            raise ChildError("no request was submitted")
        return self._result()


class _ForkedWorker(Worker):
    def __init__(self, pid: int, requests: int, results: int) -> None:
        self._pid: int | None = pid
        self._requests: int | None = requests
        self._results = results

    def submit(self, request: Any) -> None:
        if self._requests is None:
            raise ChildError("a request was already submitted")
        with os.fdopen(self._requests, "wb") as pipe:
            self._requests = None
            pipe.write(pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))

    def result(self) -> str:
        if self._pid is None:
            raise ChildError("the result was already collected")
        pid, self._pid = self._pid, None
        return _collect(pid, self._results)

    def close(self) -> None:
        if self._requests is not None:
            os.close(self._requests)
            self._requests = None
        if self._pid is not None:  # still warming up or working: it is not needed any more
            pid, self._pid = self._pid, None
            with contextlib.suppress(ProcessLookupError):  # it may have just left
                os.kill(pid, signal.SIGTERM)
            os.close(self._results)
            os.waitpid(pid, 0)


def _serve(
    warm: Callable[[], None], job: Callable[[Any], str], requests: int, results: int
) -> None:  # pragma: no cover - runs in the child
    with contextlib.suppress(Exception):  # the job, run anyway, reports any problem
        warm()
    with os.fdopen(requests, "rb") as pipe:
        data = pipe.read()
    if not data:  # the parent closed the pipe without a request
        os.close(results)
        os._exit(0)
    _report(lambda: job(pickle.loads(data)), results)  # noqa: S301 - our own parent's bytes


def _report(function: Callable[[], str], write: int) -> None:  # pragma: no cover - in the child
    try:
        payload = b"ok\0" + function().encode("utf-8")
    except BaseException:
        payload = b"error\0" + traceback.format_exc().encode("utf-8")
    with os.fdopen(write, "wb") as pipe:
        pipe.write(payload)
    os._exit(0)


def _collect(pid: int, read: int) -> str:
    with os.fdopen(read, "rb") as pipe:
        status, _, data = pipe.read().partition(b"\0")
    os.waitpid(pid, 0)
    if status != b"ok":
        raise ChildError(data.decode("utf-8", errors="replace") or "the child died")
    return data.decode("utf-8")
