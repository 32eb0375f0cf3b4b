"""Rasa's own command line, with performance fixes and our home page. Use it like `rasa`:

    .venv/bin/python scripts/rasa_cli.py run --endpoints var/endpoints.yml

The performance fixes to Rasa 3.6.21 are in rasa_speedups (each measured
with py-spy under load; RASA_SPEEDUPS=false leaves Rasa's own functions in place).

Rasa answers GET / with the text "Hello from Rasa"; we serve the chat page
there instead (widget/channel.py), so the one address people open is the
assistant's own.

Rasa keeps a conversation in memory when saving it fails; behind several
replicas that would split it, so a failed save is raised instead
(actions/store_health.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import rasa.server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project's packages
import rasa_speedups  # noqa: E402
from actions import store_health  # noqa: E402
from bot.settings import get_settings  # noqa: E402
from widget.channel import add_home_page  # noqa: E402

rasa_speedups.install(get_settings().rasa_speedups)
rasa.server.add_root_route = add_home_page
store_health.install()  # a failed save is raised and shown on /widget/health, not kept in memory

if __name__ == "__main__":
    from rasa.__main__ import main

    sys.argv[0] = "rasa"
    sys.exit(main())
