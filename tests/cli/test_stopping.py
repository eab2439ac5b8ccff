"""The stop handler in a forked worker (`reintegratie_cli.stopping.handle`)."""

from __future__ import annotations

import os
import signal
import time

import pytest

from reintegratie_cli import stopping


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_worker_stopped_before_its_start_ends_at_once() -> None:
    """A worker inherits the command's handler until its start sets its own signals. A
    SIGTERM in that window (the command stopping its just-forked workers) raised `Stopped`
    inside Python's after-fork callbacks, which swallow exceptions (``random`` reseeding:
    "Exception ignored in: Random.seed … Stopped: 15"); the worker lived on and the command,
    waiting for it, hung (seen as a 60 s timeout of test_stopped_in_each_step). Now the
    worker ends with 128 + the signal's number."""
    pid = os.fork()
    if pid == 0:  # the worker, the command's handler still installed
        code = 0
        try:
            signal.signal(signal.SIGTERM, stopping.handle)
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)
            except BaseException:  # noqa: BLE001 - as an after-fork callback swallows it
                code = 3
        finally:
            os._exit(code)  # reached only when the handler let the worker go on
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 128 + signal.SIGTERM
