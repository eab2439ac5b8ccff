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


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_command_run_in_a_forked_process_still_cleans_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The command is the process that runs `main`, not the one that first imported the
    module: a program that imports ``reintegratie_cli`` and runs ``main`` in a forked child
    (a job runner's worker) got no clean-up on SIGTERM — the handler took the child for a
    worker and ended it at once (exit 143, temporaries left, no "afgebroken" message)."""
    from reintegratie_cli import main as cli_main

    def stopped_while_running(_argv: object) -> int:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
        return 0

    monkeypatch.setattr(cli_main, "_run", stopped_while_running)
    pid = os.fork()
    if pid == 0:  # the command, in a child of the process that imported the module
        code = 3
        try:
            code = 0 if cli_main.main(["signalen"]) == 128 + signal.SIGTERM else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
