"""generator.parallel: the forked worker of the pipeline, and its inline fallback."""

from __future__ import annotations

import os
import threading
import time

import pytest

from generator import parallel


def only_this_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Take the fork path even when earlier tests left threads (servers) behind; the jobs
    forked here take no lock another thread could hold."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)


@pytest.fixture(params=["forked", "inline"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "inline":  # another thread running makes forking unsafe
        monkeypatch.setattr(threading, "active_count", lambda: 2)
    else:
        only_this_thread(monkeypatch)
    return str(request.param)


def test_a_worker_answers_its_request(mode: str) -> None:
    worker = parallel.spawn(lambda: None, lambda value: f"got {value!r} in {os.getpid()}")
    assert isinstance(worker, parallel._ForkedWorker) == (mode == "forked")
    worker.submit(("api", 1))
    answer = worker.result()
    worker.close()
    assert answer.startswith("got ('api', 1) in ")
    assert (answer != f"got ('api', 1) in {os.getpid()}") == (mode == "forked")


def test_a_failing_job_is_a_child_error_with_a_one_line_summary(mode: str) -> None:
    def job(value: object) -> str:
        raise ValueError(f"bad {value}")

    worker = parallel.spawn(lambda: None, job)
    worker.submit(7)
    with pytest.raises(parallel.ChildError) as caught:
        worker.result()
    worker.close()
    assert caught.value.summary == "ValueError: bad 7"
    assert "Traceback" in str(caught.value)


def test_a_failing_warm_up_does_not_stop_the_job(mode: str) -> None:
    def warm() -> None:
        raise ImportError("no such module")

    worker = parallel.spawn(warm, lambda value: "done")
    worker.submit(None)
    assert worker.result() == "done"


@pytest.mark.parametrize("submitted", [False, True], ids=["idle", "working"])
def test_closing_an_unneeded_worker_stops_and_reaps_it(
    submitted: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_this_thread(monkeypatch)
    worker = parallel.spawn(lambda: time.sleep(60), lambda value: "never")
    assert isinstance(worker, parallel._ForkedWorker)
    pid = worker._pid
    assert pid is not None
    if submitted:
        worker.submit(1)
    worker.close()
    worker.close()  # idempotent
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie left behind


def test_start_runs_a_function_in_the_background(mode: str) -> None:
    assert parallel.start(lambda: "value")() == "value"
