"""How long a contact request is kept: ``CONTACT_RETENTION_DAYS`` after it is made.

The consent tells the person this number, so it must stay true: requests older
than that are deleted at each start (``python -m bot.storage.migrate``), after
each new request, and by ``python -m bot.handoff.requests purge`` (for a daily job).
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from bot.storage.models import utc_now
from bot.storage.repository import Repository


def retention_cutoff(days: int, now: Optional[dt.datetime] = None) -> dt.datetime:
    """Requests made before this moment are past their retention period."""
    return (now or utc_now()) - dt.timedelta(days=days)


def delete_expired_requests(repository: Repository, days: int, now: Optional[dt.datetime] = None) -> int:
    """Delete the requests older than ``days``; returns how many."""
    return repository.delete_requests_made_before(retention_cutoff(days, now))
