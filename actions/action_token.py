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

from rasa.core.agent import Agent

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
    if not getattr(Agent.__init__, "sends_action_token", False):
        Agent.__init__ = _with_token(Agent.__init__)
