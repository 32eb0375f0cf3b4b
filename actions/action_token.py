"""The Rasa server's side of the shared secret: send ``ACTION_SERVER_TOKEN`` with
every action call.

Rasa's ``action_endpoint`` can carry a ``token`` (sent as ``?token=...``), but
Rasa reads ``endpoints.yml`` without loading ``.env``, and the secret must not be
written in a committed file. So when the agent is created with an action
endpoint that has no token, the token from the settings is put on that one
endpoint (nothing else gets it). This module is imported by the tracker store
(which Rasa loads from ``endpoints.yml``) and by ``scripts/rasa_cli.py``, so
``rasa run``, ``rasa shell`` and ``make run`` all send it.
"""

from __future__ import annotations

import functools
import sys

from bot.settings import get_settings


def _with_token(init):
    @functools.wraps(init)
    def create(self, *args, **kwargs):
        init(self, *args, **kwargs)
        endpoint = getattr(self, "action_endpoint", None)
        if endpoint is not None and not endpoint.token:
            endpoint.token = get_settings().action_server_token
    create.sends_action_token = True
    return create


def send_action_token() -> None:
    # Only where Rasa's agent is loaded already (the Rasa server): importing it costs
    # about 600 MB, which the action server, which also imports this package, must not pay.
    agent_module = sys.modules.get("rasa.core.agent")
    if agent_module is None:
        return
    agent = agent_module.Agent
    if not getattr(agent.__init__, "sends_action_token", False):
        agent.__init__ = _with_token(agent.__init__)
