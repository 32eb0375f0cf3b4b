"""The chat's and the terminal tools' view of storage: requests and the outbox together.

Each aggregate has its own repository (``requests``, ``outbox``,
``staff_accounts``, ``audit``, ``funnel``, ``followup``); this class joins the
two the chat and ``python -m bot.requests`` use, so they keep one object.
"""

from __future__ import annotations

from bot.storage.outbox import OutboxRepository
from bot.storage.records import (  # noqa: F401 - re-exported for callers of the old module
    MAX_REFERENCE_TRIES,
    REFERENCE_ALPHABET,
    REFERENCE_PREFIX,
    CriterionLine,
    EmailText,
    EmailWriter,
    NotificationSummary,
    PendingNotification,
    RequestDetails,
    RequestSummary,
    new_reference,
    normalise_reference,
)
from bot.storage.requests import RequestRepository


class Repository(RequestRepository, OutboxRepository):
    """Screenings, contact requests and their e-mails."""
