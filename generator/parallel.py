"""Run a function returning str in a forked child while the parent goes on working.

The generator's OpenAPI validation (mostly the import of openapi-spec-validator) overlaps
the model generation this way on a multi-core machine. Without `os.fork`, or
when other threads run (forking them is unsafe), the function runs inline instead.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections.abc import Callable

Result = Callable[[], str]


class ChildError(Exception):
    """The function raised in the child; the message holds the child's traceback."""


def start(function: Callable[[], str]) -> Result:
    """Start `function`; call the returned function to wait for its result (or its error)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return _inline(function)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, which reports through the pipe
        _child(function, read, write)
    os.close(write)
    return lambda: _collect(pid, read)


def _inline(function: Callable[[], str]) -> Result:
    try:
        value = function()
    except Exception as exc:
        error = exc
        return lambda: (_ for _ in ()).throw(error)
    return lambda: value


def _child(function: Callable[[], str], read: int, write: int) -> None:  # pragma: no cover
    os.close(read)
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
