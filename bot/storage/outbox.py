"""The e-mail outbox: what is waiting to be sent, and who is sending it.

Rows are written with their request (bot.storage.requests) or as the staff
console's daily digest (``queue_digest``), and sent by bot.handoff.notify.
"""

from __future__ import annotations

import datetime as dt
from typing import List, Optional

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError

from bot.storage.base import Store
from bot.storage.models import DIGEST, MAX_ERROR_LENGTH, PENDING, SENT, STUDY_TEAM, ContactRequest, Notification, utc_now
from bot.storage.records import PendingNotification, normalise_reference


class OutboxRepository(Store):
    def pending_notifications(self, reference: Optional[str] = None) -> List[PendingNotification]:
        """E-mails not sent yet, oldest first; only those of one request when ``reference`` is given."""
        query = (
            select(Notification, ContactRequest.reference)
            .outerjoin(ContactRequest, Notification.contact_request_id == ContactRequest.id)
            .where(Notification.status == PENDING)
            .order_by(Notification.id)
        )
        if reference is not None:
            query = query.where(ContactRequest.reference == normalise_reference(reference))
        with self._transaction() as session:
            return [
                PendingNotification(n.id, ref or DIGEST, n.kind, n.recipient, n.subject, n.body, n.attempts)
                for n, ref in session.execute(query)
            ]

    def count_pending(self) -> int:
        with self._transaction() as session:
            return session.scalar(select(func.count()).select_from(Notification).where(Notification.status == PENDING))

    def claim_notification(self, notification_id: int, until: dt.datetime) -> bool:
        """Hold a pending e-mail for one sender until ``until``; False if it is sent or held.

        Two senders (the chat right after a request, and a retry at start-up) may
        look at the same row; only the one whose update wins sends it.
        """
        now = utc_now()
        statement = (
            update(Notification)
            .where(
                Notification.id == notification_id,
                Notification.status == PENDING,
                or_(Notification.claimed_until.is_(None), Notification.claimed_until < now),
            )
            .values(claimed_until=until)
            .execution_options(synchronize_session=False)
        )
        with self._transaction() as session:
            return session.execute(statement).rowcount == 1

    def mark_sent(self, notification_id: int) -> None:
        """The mail server took the e-mail: never send it again. The study team's
        e-mail moves a new request to "notified"."""
        with self._transaction() as session:
            notification = session.get(Notification, notification_id)
            if notification is None:  # deleted while it was being sent
                return
            notification.status, notification.sent_at = SENT, utc_now()
            notification.attempts += 1
            notification.claimed_until = None
            request = notification.contact_request
            if notification.kind == STUDY_TEAM and request is not None and request.status == "new":
                request.status = "notified"

    def record_failed_attempt(self, notification_id: int, error: str) -> None:
        """Count a failed attempt; ``error`` is the error type and a short message, never personal data."""
        with self._transaction() as session:
            notification = session.get(Notification, notification_id)
            if notification is None:
                return
            notification.attempts += 1
            notification.last_error = error[:MAX_ERROR_LENGTH]
            notification.claimed_until = None


    def queue_digest(self, dedup_key: str, recipient: str, subject: str, body: str) -> bool:
        """Queue one digest e-mail; False when one with this key was queued before (it is sent once)."""
        try:
            with self._transaction() as session:
                if session.scalar(select(Notification.id).where(Notification.dedup_key == dedup_key)) is not None:
                    return False
                session.add(
                    Notification(
                        contact_request_id=None, kind=DIGEST, recipient=recipient, subject=subject, body=body,
                        status=PENDING, attempts=0, created_at=utc_now(), dedup_key=dedup_key,
                    )
                )
        except IntegrityError:  # another process queued it at the same moment: the unique index decided
            return False
        return True
