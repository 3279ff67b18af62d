"""Progress while a run sends: a rich progress bar on a terminal; in CI logs, a line when a part
starts (its planned requests) and one when it ends (how many were done, how long it took)."""

from __future__ import annotations

import threading
import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

__all__ = ["Progress"]


class Progress:
    """`start(part, total)` when a part of the run begins, `tick()` per request done,
    `say(line)` for a line of its own. Thread-safe (workers tick concurrently)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self._bar: RichProgress | None = None
        if console.is_terminal:
            self._bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
        self._task: TaskID | None = None
        self._part = ""
        self._total = 0
        self._done = 0
        self._started = 0.0
        self._lock = threading.Lock()

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._finish_part()
        if self._bar is not None:
            self._bar.stop()

    def say(self, line: str) -> None:
        self.console.print(line, markup=False, highlight=False)

    def start(self, part: str, total: int) -> None:
        self._finish_part()
        with self._lock:
            self._part, self._total, self._done, self._started = part, total, 0, time.monotonic()
            if self._bar is not None:
                self._task = self._bar.add_task(part, total=total)
        if self._bar is None:
            self.say(f"{part}: {total} requests planned" if total else f"{part}: started")

    def tick(self) -> None:
        with self._lock:
            self._done += 1
            if self._bar is not None and self._task is not None:
                self._bar.advance(self._task)

    def _finish_part(self) -> None:
        with self._lock:
            if not self._part:
                return
            part, done, total = self._part, self._done, self._total
            seconds = time.monotonic() - self._started
            if self._bar is not None and self._task is not None:
                self._bar.remove_task(self._task)
            self._part, self._task = "", None
        self.say(
            f"{part}: {done} of {total} done in {seconds:.1f} s"
            if total
            else f"{part}: done in {seconds:.1f} s"
        )
