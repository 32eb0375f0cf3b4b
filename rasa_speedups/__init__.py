"""Performance fixes to Rasa 3.6.21 in the Rasa server, each measured with py-spy and
``scripts/benchmark.py`` (see "Performance" in the README).

Rasa Open Source 3.6.21 is the last open-source release, so these replace a few of
its functions in place rather than waiting for a fix upstream. Each keeps the
function's result exactly: the tests compare each with Rasa's own on the same
input (``tests/test_rasa_speedups.py``). ``install()`` is called by
``scripts/rasa_cli.py``; it refuses another Rasa version, whose functions it has
not been checked against. ``RASA_SPEEDUPS=false`` leaves Rasa's own functions in
place (except the reply check's validator built once, the first fix, kept always).
"""

from __future__ import annotations

import rasa

from rasa_speedups import action_calls, applied_events

CHECKED_RASA_VERSION = "3.6.21"


def install(enabled: bool = True) -> None:
    action_calls.install_full_schema_check()
    if not enabled:
        return
    if rasa.__version__ != CHECKED_RASA_VERSION:
        raise RuntimeError(
            f"rasa_speedups was checked against Rasa {CHECKED_RASA_VERSION}, not {rasa.__version__}: "
            "check each fix against the new version's code, or set RASA_SPEEDUPS=false"
        )
    applied_events.install()
    action_calls.install()
