"""Every read and write of screenings, contact requests and the outbox.

One method is one transaction in its own session, so nothing is held open
between chat turns and no database is opened at import time. Methods return
plain frozen dataclasses, never ORM objects, so callers cannot touch the
database by accident after the session has closed.

Logs name references, ids and counts only: never a name, address, number or
answer.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Dict, Iterator, List, Mapping, Optional, Tuple

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.answers import VOICES
from bot.catalog import Catalog
from bot.contact import CONTACT_FIELDS, OPTIONAL_FIELDS
from bot.database import make_engine
from bot.screening import Status, Verdict
from bot.storage.models import (
    CONFIRMATION,
    MAX_ERROR_LENGTH,
    PENDING,
    REQUEST_STATUSES,
    SENT,
    STUDY_TEAM,
    ContactRequest,
    Criterion,
    Notification,
    Screening,
    Trial,
    utc_now,
)
from bot.storage.personal import PersonalStore

log = logging.getLogger(__name__)

# Read aloud on the phone: no 0/O, no 1/I/L. 31 symbols, 8 of them: about 8.5e11 references.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "PS"
MAX_REFERENCE_TRIES = 20


def new_reference() -> str:
    """A random reference such as "PS-7K3Q-9WXM"."""
    symbols = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{REFERENCE_PREFIX}-{symbols[:4]}-{symbols[4:]}"


def normalise_reference(text: str) -> str:
    """What staff type ("ps-7k3q-9wxm ") as stored ("PS-7K3Q-9WXM")."""
    return "".join(text.split()).upper()


@dataclass(frozen=True)
class EmailText:
    """The subject and plain-text body of one outgoing e-mail (written by bot.notify)."""

    subject: str
    body: str


@dataclass(frozen=True)
class CriterionLine:
    criterion_id: str
    kind: str  # inclusion or exclusion
    check_kind: str  # ask or study_team
    source: str  # verbatim text from the listing
    status: str  # met, not_met, unknown, pending, study_team, or "not recorded"


@dataclass(frozen=True)
class NotificationSummary:
    id: int
    kind: str
    recipient: str
    status: str
    attempts: int
    last_error: Optional[str]
    created_at: dt.datetime
    sent_at: Optional[dt.datetime]


@dataclass(frozen=True)
class RequestSummary:
    reference: str
    trial_id: str
    verdict: str
    status: str
    created_at: dt.datetime


@dataclass(frozen=True)
class RequestDetails:
    """One contact request with its screening: what e-mails and the staff tool show."""

    reference: str
    status: str
    created_at: dt.datetime
    consent_at: dt.datetime
    trial_id: str
    trial_title: str
    voice: str
    verdict: str
    answers: Mapping[str, str]
    criteria: Tuple[CriterionLine, ...]
    first_name: str
    last_name: str
    email: str
    phone: str
    language: str
    city_or_site: str
    best_time: str
    wants_confirmation: bool
    notifications: Tuple[NotificationSummary, ...] = ()


@dataclass(frozen=True)
class PendingNotification:
    id: int
    reference: str
    kind: str
    recipient: str
    subject: str
    body: str
    attempts: int


# (kind, the saved request) -> the e-mail's subject and body; bot.notify.write_email is one.
EmailWriter = Callable[[str, RequestDetails], EmailText]


class Repository:
    def __init__(self, engine: Engine, make_reference: Callable[[], str] = new_reference):
        self.engine = engine
        self._make_reference = make_reference

    @classmethod
    def from_url(cls, url: str) -> "Repository":
        return cls(make_engine(url))

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        # expire_on_commit=False: values read inside stay readable after the commit.
        with Session(self.engine, future=True, expire_on_commit=False) as session, session.begin():
            yield session

    # --- the catalog ---------------------------------------------------------

    def sync_catalog(self, catalog: Catalog) -> None:
        """Make ``trials`` and ``criteria`` match the catalog; running it twice changes nothing."""
        with self._transaction() as session:
            for trial in catalog.trials.values():
                row = session.get(Trial, trial.registry_id)
                if row is None:
                    row = Trial(registry_id=trial.registry_id)
                    session.add(row)
                row.title, row.sponsor = trial.title, trial.sponsor
                stored = {
                    c.criterion_id: c
                    for c in session.scalars(select(Criterion).where(Criterion.trial_id == trial.registry_id))
                }
                for criterion in trial.criteria:
                    line = stored.pop(criterion.id, None)
                    if line is None:
                        line = Criterion(trial_id=trial.registry_id, criterion_id=criterion.id)
                        session.add(line)
                    line.kind, line.source, line.check_kind = criterion.kind, criterion.source, criterion.check
                for gone in stored.values():  # removed from the seed file
                    session.delete(gone)
        log.info("catalog synced: %d trials", len(catalog.trials))

    # --- screenings and contact requests --------------------------------------

    def record_screening(
        self,
        conversation_id: str,
        trial_id: str,
        voice: str,
        answers: Mapping[str, str],
        criteria_status: Mapping[str, str],
        verdict: str,
    ) -> str:
        """Create or update the one screening of this conversation and trial; returns its id."""
        with self._transaction() as session:
            return _upsert_screening(session, conversation_id, trial_id, voice, answers, criteria_status, verdict).id

    def create_contact_request(
        self,
        conversation_id: str,
        trial_id: str,
        voice: str,
        answers: Mapping[str, str],
        criteria_status: Mapping[str, str],
        verdict: str,
        contact: Mapping[str, str],
        wants_confirmation: bool,
        study_team_email: Optional[str],
        *,
        write_email: EmailWriter,
    ) -> str:
        """Save the screening, the request (consent given now) and its e-mails in one transaction.

        ``contact`` holds the fields of ``bot.contact.CONTACT_FIELDS``, already
        checked by ``validate_contact_field`` (the optional ones may be left out).
        One e-mail goes to ``study_team_email`` when there is one, and one to the
        person when ``wants_confirmation``; ``write_email(kind, request)`` writes
        each. They are only queued here: send them with ``bot.notify.deliver_for``.
        Returns the new reference, such as "PS-7K3Q-9WXM".
        """
        details = _contact_values(contact)
        with self._transaction() as session:
            screening = _upsert_screening(
                session, conversation_id, trial_id, voice, answers, criteria_status, verdict
            )
            now = utc_now()
            request = ContactRequest(
                reference=self._unique_reference(session),
                screening=screening,
                wants_confirmation=bool(wants_confirmation),
                consent_at=now,
                status="new",
                created_at=now,
                **details,
            )
            session.add(request)
            session.flush()
            saved = _request_details(session, request)
            recipients = []
            if study_team_email:
                recipients.append((STUDY_TEAM, study_team_email))
            if wants_confirmation:
                recipients.append((CONFIRMATION, request.email))
            for kind, recipient in recipients:
                text = write_email(kind, saved)
                session.add(
                    Notification(
                        contact_request=request, kind=kind, recipient=recipient, subject=text.subject,
                        body=text.body, status=PENDING, attempts=0, created_at=now,
                    )
                )
            reference = request.reference
        log.info("contact request %s saved for %s with %d e-mail(s) queued", reference, trial_id, len(recipients))
        return reference

    def _unique_reference(self, session: Session) -> str:
        # The unique index is the last guard; checking first means a clash (about one
        # in 10^11 per pair) costs a retry instead of the person's whole request.
        for _ in range(MAX_REFERENCE_TRIES):
            candidate = self._make_reference()
            taken = session.scalar(select(ContactRequest.id).where(ContactRequest.reference == candidate))
            if taken is None:
                return candidate
        raise RuntimeError(f"no free reference after {MAX_REFERENCE_TRIES} tries")

    def delete_conversation_data(self, conversation_id: str) -> int:
        """Remove the conversation's screenings, contact requests and their e-mails; returns rows removed."""
        with self._transaction() as session:
            screenings = select(Screening.id).where(Screening.conversation_id == conversation_id)
            removed = _delete_requests(session, ContactRequest.screening_id.in_(screenings))
            removed += _execute_delete(session, delete(Screening).where(Screening.conversation_id == conversation_id))
        removed += PersonalStore(self.engine).forget(conversation_id)  # e-mails to themselves, links to come back
        log.info("conversation data deleted: %d rows", removed)
        return removed

    # --- staff ---------------------------------------------------------------

    def list_requests(self) -> List[RequestSummary]:
        """Every contact request, newest first (no personal details)."""
        query = (
            select(ContactRequest.reference, Screening.trial_id, Screening.verdict, ContactRequest.status,
                   ContactRequest.created_at)
            .join(Screening, ContactRequest.screening_id == Screening.id)
            .order_by(ContactRequest.created_at.desc(), ContactRequest.id.desc())
        )
        with self._transaction() as session:
            return [RequestSummary(*row) for row in session.execute(query)]

    def get_request(self, reference: str) -> Optional[RequestDetails]:
        with self._transaction() as session:
            request = _request_by_reference(session, reference)
            return None if request is None else _request_details(session, request, with_notifications=True)

    def all_request_details(self) -> List[RequestDetails]:
        """Every contact request with its details, newest first (for the CSV export)."""
        query = select(ContactRequest).order_by(ContactRequest.created_at.desc(), ContactRequest.id.desc())
        with self._transaction() as session:
            return [_request_details(session, request) for request in session.scalars(query)]

    def delete_request(self, reference: str) -> int:
        """Remove one request, its e-mails, and its screening unless another request uses it.

        Returns rows removed: 0 for an unknown reference.
        """
        with self._transaction() as session:
            request = _request_by_reference(session, reference)
            if request is None:
                return 0
            screening_id = request.screening_id
            removed = _delete_requests(session, ContactRequest.id == request.id)
            others = session.scalar(
                select(func.count()).select_from(ContactRequest).where(ContactRequest.screening_id == screening_id)
            )
            if not others:
                removed += _execute_delete(session, delete(Screening).where(Screening.id == screening_id))
        log.info("contact request %s deleted: %d rows", normalise_reference(reference), removed)
        return removed

    def set_status(self, reference: str, status: str) -> bool:
        """Set a request's status (new, notified, contacted, closed); False for an unknown reference."""
        if status not in REQUEST_STATUSES:
            raise ValueError(f"unknown status {status!r} (known: {', '.join(REQUEST_STATUSES)})")
        with self._transaction() as session:
            request = _request_by_reference(session, reference)
            if request is None:
                return False
            request.status = status
        return True

    # --- the outbox ----------------------------------------------------------

    def pending_notifications(self, reference: Optional[str] = None) -> List[PendingNotification]:
        """E-mails not sent yet, oldest first; only those of one request when ``reference`` is given."""
        query = (
            select(Notification, ContactRequest.reference)
            .join(ContactRequest, Notification.contact_request_id == ContactRequest.id)
            .where(Notification.status == PENDING)
            .order_by(Notification.id)
        )
        if reference is not None:
            query = query.where(ContactRequest.reference == normalise_reference(reference))
        with self._transaction() as session:
            return [
                PendingNotification(n.id, ref, n.kind, n.recipient, n.subject, n.body, n.attempts)
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
            if notification.kind == STUDY_TEAM and request.status == "new":
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


def _upsert_screening(
    session: Session,
    conversation_id: str,
    trial_id: str,
    voice: str,
    answers: Mapping[str, str],
    criteria_status: Mapping[str, str],
    verdict: str,
) -> Screening:
    if voice not in VOICES:
        raise ValueError(f"unknown voice {voice!r} (known: {', '.join(VOICES)})")
    if verdict not in {v.value for v in Verdict}:
        raise ValueError(f"unknown verdict {verdict!r}")
    statuses = {s.value for s in Status}
    unknown = sorted({str(s) for s in criteria_status.values()} - statuses)
    if unknown:
        raise ValueError(f"unknown criterion status(es) {', '.join(unknown)}")
    if session.get(Trial, trial_id) is None:
        raise ValueError(f"unknown trial {trial_id!r}: run `python -m bot.migrate` to load the catalog")
    now = utc_now()
    screening = session.scalars(
        select(Screening).where(Screening.conversation_id == conversation_id, Screening.trial_id == trial_id)
    ).first()
    if screening is None:
        screening = Screening(
            id=str(uuid.uuid4()), conversation_id=conversation_id, trial_id=trial_id, created_at=now
        )
        session.add(screening)
    screening.voice, screening.verdict, screening.updated_at = voice, verdict, now
    screening.answers = _to_json(answers)
    screening.criteria_status = _to_json(criteria_status)
    return screening


def _contact_values(contact: Mapping[str, str]) -> Dict[str, str]:
    unknown = sorted(set(contact) - set(CONTACT_FIELDS))
    if unknown:
        raise ValueError(f"unknown contact field(s) {', '.join(unknown)}")
    missing = [f for f in CONTACT_FIELDS if f not in OPTIONAL_FIELDS and not contact.get(f)]
    if missing:
        raise ValueError(f"missing contact field(s) {', '.join(missing)}")
    return {field: contact.get(field) or "" for field in CONTACT_FIELDS}


def _to_json(values: Mapping[str, object]) -> str:
    return json.dumps({str(k): str(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


def _request_by_reference(session: Session, reference: str) -> Optional[ContactRequest]:
    return session.scalars(
        select(ContactRequest).where(ContactRequest.reference == normalise_reference(reference))
    ).first()


def _execute_delete(session: Session, statement) -> int:
    # Bulk deletes: the session holds none of these rows, so nothing to synchronise.
    return session.execute(statement.execution_options(synchronize_session=False)).rowcount


def _delete_requests(session: Session, which) -> int:
    """Delete the matching requests and their e-mails, counting both.

    The foreign keys cascade too, but deleting explicitly gives the count and does
    not depend on SQLite's foreign-key switch.
    """
    requests = select(ContactRequest.id).where(which)
    removed = _execute_delete(session, delete(Notification).where(Notification.contact_request_id.in_(requests)))
    return removed + _execute_delete(session, delete(ContactRequest).where(which))


def _criteria_lines(session: Session, trial_id: str, statuses: Mapping[str, str]) -> Tuple[CriterionLine, ...]:
    rows = session.scalars(select(Criterion).where(Criterion.trial_id == trial_id))
    # Inclusion criteria first, then exclusions, each in listing order (ids are zero-padded).
    ordered = sorted(rows, key=lambda c: (c.kind != "inclusion", c.criterion_id))
    lines = [
        CriterionLine(c.criterion_id, c.kind, c.check_kind, c.source, statuses.get(c.criterion_id, "not recorded"))
        for c in ordered
    ]
    known = {c.criterion_id for c in ordered}
    lines += [  # criteria since removed from the catalog still show their status
        CriterionLine(cid, "unknown", "unknown", "(no longer in the catalog)", status)
        for cid, status in sorted(statuses.items())
        if cid not in known
    ]
    return tuple(lines)


def _request_details(session: Session, request: ContactRequest, with_notifications: bool = False) -> RequestDetails:
    screening = request.screening
    statuses = json.loads(screening.criteria_status)
    trial = session.get(Trial, screening.trial_id)
    notifications = ()
    if with_notifications:
        notifications = tuple(
            NotificationSummary(
                n.id, n.kind, n.recipient, n.status, n.attempts, n.last_error, n.created_at, n.sent_at
            )
            for n in request.notifications
        )
    return RequestDetails(
        reference=request.reference,
        status=request.status,
        created_at=request.created_at,
        consent_at=request.consent_at,
        trial_id=screening.trial_id,
        trial_title=trial.title if trial is not None else "",
        voice=screening.voice,
        verdict=screening.verdict,
        answers=json.loads(screening.answers),
        criteria=_criteria_lines(session, screening.trial_id, statuses),
        first_name=request.first_name,
        last_name=request.last_name,
        email=request.email,
        phone=request.phone,
        language=request.language,
        city_or_site=request.city_or_site,
        best_time=request.best_time,
        wants_confirmation=request.wants_confirmation,
        notifications=notifications,
    )
