"""The chat's and the terminal tools' view of storage: requests and the outbox together.

Each aggregate has its own repository (``requests``, ``outbox``,
``staff_accounts``, ``audit``, ``funnel``, ``followup``); this class joins the
two the chat and ``python -m bot.handoff.requests`` use, so they keep one object.
"""

from __future__ import annotations

from bot.storage.outbox import OutboxRepository
from bot.storage.requests import RequestRepository


class Repository(RequestRepository, OutboxRepository):
    """Screenings, contact requests and their e-mails."""
