"""Storage for what a person keeps for themselves: e-mails to their own address
(their summary, a link to come back) and the single-use links' tokens.

Separate from the contact requests: nothing here goes to the study team. An
e-mail row lives only until the mail server takes it; a token is stored only as
its SHA-256 hash, so the database alone cannot resume anyone's chat.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, List, Optional

from sqlalchemy import delete, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.storage.models import MAX_ERROR_LENGTH, PersonalEmail, ResumeToken, utc_now


@dataclass(frozen=True)
class PendingPersonalEmail:
    id: int
    kind: str
    recipient: str
    subject: str
    body: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


class PersonalStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with Session(self.engine, future=True, expire_on_commit=False) as session, session.begin():
            yield session

    def queue_email(self, conversation_id: str, kind: str, recipient: str, subject: str, body: str) -> int:
        now = utc_now()
        with self._transaction() as session:
            row = PersonalEmail(
                conversation_id=conversation_id, kind=kind, recipient=recipient, subject=subject, body=body,
                consent_at=now, attempts=0, created_at=now,
            )
            session.add(row)
            session.flush()
            return row.id

    def pending(self, email_id: Optional[int] = None) -> List[PendingPersonalEmail]:
        query = select(PersonalEmail).order_by(PersonalEmail.id)
        if email_id is not None:
            query = query.where(PersonalEmail.id == email_id)
        with self._transaction() as session:
            return [
                PendingPersonalEmail(row.id, row.kind, row.recipient, row.subject, row.body)
                for row in session.scalars(query)
            ]

    def claim(self, email_id: int, until: dt.datetime) -> bool:
        """Hold an e-mail for one sender; False when it is gone or another sender holds it."""
        statement = (
            update(PersonalEmail)
            .where(PersonalEmail.id == email_id,
                   or_(PersonalEmail.claimed_until.is_(None), PersonalEmail.claimed_until < utc_now()))
            .values(claimed_until=until)
            .execution_options(synchronize_session=False)
        )
        with self._transaction() as session:
            return session.execute(statement).rowcount == 1

    def sent(self, email_id: int) -> None:
        """The mail server took it: the row, and with it the address, is removed."""
        with self._transaction() as session:
            session.execute(delete(PersonalEmail).where(PersonalEmail.id == email_id))

    def failed(self, email_id: int, error: str) -> None:
        with self._transaction() as session:
            row = session.get(PersonalEmail, email_id)
            if row is not None:
                row.attempts += 1
                row.last_error = error[:MAX_ERROR_LENGTH]
                row.claimed_until = None

    def save_token(self, conversation_id: str, token: str, expires_at: dt.datetime) -> None:
        with self._transaction() as session:
            session.add(ResumeToken(token_hash=token_hash(token), conversation_id=conversation_id, expires_at=expires_at))

    def use_token(self, token: str) -> Optional[str]:
        """The conversation a link resumes, once: used or expired links give None."""
        now = utc_now()
        statement = (
            update(ResumeToken)
            .where(ResumeToken.token_hash == token_hash(token), ResumeToken.used_at.is_(None),
                   ResumeToken.expires_at > now)
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        )
        with self._transaction() as session:
            if session.execute(statement).rowcount != 1:
                return None
            return session.scalar(select(ResumeToken.conversation_id).where(ResumeToken.token_hash == token_hash(token)))

    def forget(self, conversation_id: str) -> int:
        """"Delete my data": every e-mail still waiting and every link of this conversation."""
        with self._transaction() as session:
            removed = session.execute(delete(PersonalEmail).where(PersonalEmail.conversation_id == conversation_id)).rowcount
            removed += session.execute(delete(ResumeToken).where(ResumeToken.conversation_id == conversation_id)).rowcount
            return removed
