"""Stopping by a signal: Ctrl-C (SIGINT) and SIGTERM unwind a command as `Stopped`.

`handle` is the signal handler `reintegratie_cli.main` installs. It also keeps the stop:
code outside Python that calls back into it — the formula engine of ``werkmap`` calling an
``RI_`` function — turns any Python exception raised in the call, this one too, into an
error value and goes on. `received` tells such a caller that a stop came all the same.
Standard library only: it is loaded before the commands.
"""

from __future__ import annotations

import signal


class Stopped(KeyboardInterrupt):
    """The command was stopped by a signal (``signum`` is its number)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: The stop received during this command (at most one: the handler then ignores signals).
_RECEIVED: list[Stopped] = []


def handle(signum: int, _frame: object) -> None:
    """The handler of SIGINT and SIGTERM: raise `Stopped`, once; a second signal during
    the clean-up is ignored."""
    for each in (signal.SIGINT, signal.SIGTERM):  # clean up once, undisturbed
        signal.signal(each, signal.SIG_IGN)
    stop = Stopped(signum)
    _RECEIVED.append(stop)
    raise stop


def received() -> Stopped | None:
    """The stop received during this command, even when its exception was swallowed."""
    return _RECEIVED[-1] if _RECEIVED else None


def forget() -> None:
    """Start a command with no stop received."""
    _RECEIVED.clear()
