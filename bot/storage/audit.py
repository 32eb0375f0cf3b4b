"""The audit log: who changed, exported, deleted or viewed what, and when.

Entries name the actor, a reference and field names or statuses, never a
person's details, so the log can be kept after a request is deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.base import Store
from bot.storage.models import AuditEntry

MAX_DETAIL = 300


@dataclass(frozen=True)
class AuditLine:
    at: dt.datetime
    actor: str
    action: str
    reference: Optional[str]
    detail: str


def add_entry(session: Session, at: dt.datetime, actor: str, action: str, reference: Optional[str],
              detail: str = "") -> None:
    """Write an entry inside another repository's transaction: the change and its record commit together."""
    session.add(AuditEntry(at=at, actor=actor, action=action, reference=reference, detail=detail[:MAX_DETAIL]))


class AuditRepository(Store):
    def record(self, at: dt.datetime, actor: str, action: str, reference: Optional[str] = None,
               detail: str = "") -> None:
        with self._transaction() as session:
            add_entry(session, at, actor, action, reference, detail)

    def entries(self, reference: Optional[str] = None, limit: int = 200) -> List[AuditLine]:
        """Newest first; only those about one request when ``reference`` is given."""
        query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
        if reference is not None:
            query = query.where(AuditEntry.reference == reference)
        with self._transaction() as session:
            return [AuditLine(e.at, e.actor, e.action, e.reference, e.detail) for e in session.scalars(query)]
