"""Stopping by a signal: Ctrl-C (SIGINT) and SIGTERM unwind a command as `Stopped`.

`handle` is the signal handler `reintegratie_cli.main` installs. It also keeps the stop:
code outside Python that calls back into it — the formula engine of ``werkmap`` calling an
``RI_`` function — turns any Python exception raised in the call, this one too, into an
error value and goes on. `received` tells such a caller that a stop came all the same.
Standard library only: it is loaded before the commands.
"""

from __future__ import annotations

import os
import signal


class Stopped(KeyboardInterrupt):
    """The command was stopped by a signal (``signum`` is its number)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: The stop received during this command (at most one: the handler then ignores signals).
_RECEIVED: list[Stopped] = []


#: The process that installs `handle`: the command (set again by `forget`, which starts
#: each command, so a command run in a process forked after this import is the command
#: too). A worker forked from it inherits the handler until its own start sets its
#: signals (``engine._worker_start``).
_COMMAND = os.getpid()


def handle(signum: int, _frame: object) -> None:
    """The handler of SIGINT and SIGTERM: raise `Stopped`, once; a second signal during
    the clean-up is ignored.

    In a worker just forked from the command, before its start set its own signals, the
    signal ends the worker at once (exit 128 + signal): an exception there can land in
    Python's after-fork callbacks (``random`` reseeding), which swallow it, and the worker
    would live on while the stopping command waits for it forever."""
    if os.getpid() != _COMMAND:
        os._exit(128 + signum)
    for each in (signal.SIGINT, signal.SIGTERM):  # clean up once, undisturbed
        signal.signal(each, signal.SIG_IGN)
    stop = Stopped(signum)
    _RECEIVED.append(stop)
    raise stop


def received() -> Stopped | None:
    """The stop received during this command, even when its exception was swallowed."""
    return _RECEIVED[-1] if _RECEIVED else None


def forget() -> None:
    """Start a command with no stop received, in this process: the command's."""
    global _COMMAND  # noqa: PLW0603 - the one process-wide fact a signal handler reads
    _COMMAND = os.getpid()
    _RECEIVED.clear()
