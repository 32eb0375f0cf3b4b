"""Screenings and contact requests: what the chat saves and the terminal tools read.

Logs name references, ids and counts only: never a name, address, number or
answer.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Callable, Dict, List, Mapping, Optional, Tuple

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.screening.answers import VOICES
from bot.screening.catalog import Catalog
from bot.handoff.contact import CONTACT_FIELDS, FULL_NAME_FIELDS, OPTIONAL_FIELDS, SPLIT_NAME_FIELDS
from bot.i18n import LANGUAGES
from bot.screening.evaluation import Status, Verdict
from bot.storage.audit import add_entry
from bot.storage.base import Store
from bot.storage.personal import PersonalStore
from bot.storage.models import (
    CONFIRMATION,
    PENDING,
    REQUEST_STATUSES,
    STUDY_TEAM,
    ContactRequest,
    Criterion,
    Notification,
    RequestNote,
    Screening,
    Trial,
    utc_now,
)
from bot.storage.records import (
    MAX_REFERENCE_TRIES,
    CriterionLine,
    EmailWriter,
    NotificationSummary,
    RequestDetails,
    RequestSummary,
    new_reference,
    normalise_reference,
)

log = logging.getLogger(__name__)


class RequestRepository(Store):
    def __init__(self, engine: Engine, make_reference: Callable[[], str] = new_reference):
        super().__init__(engine)
        self._make_reference = make_reference

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
        chat_language: str = "en",
        sponsor_consent: bool = False,
    ) -> str:
        """Save the screening, the request (consent given now) and its e-mails in one transaction.

        ``contact`` holds the fields of ``bot.handoff.contact.CONTACT_FIELDS``, already
        checked by ``validate_contact_field`` (the optional ones may be left out), with
        the name as ``full_name`` or as ``first_name`` and ``last_name``.
        ``chat_language`` is the conversation's (the person's e-mail is written in it);
        ``sponsor_consent`` is the separate yes to sharing with the trial's sponsor.
        One e-mail goes to ``study_team_email`` when there is one, and one to the
        person when ``wants_confirmation``; ``write_email(kind, request)`` writes
        each. They are only queued here: send them with ``bot.handoff.notify.deliver_for``.
        Returns the new reference, such as "PS-7K3Q-9WXM".
        """
        details = _contact_values(contact)
        if chat_language not in LANGUAGES:
            raise ValueError(f"unknown chat language {chat_language!r} (known: {', '.join(LANGUAGES)})")
        with self._transaction() as session:
            screening = _upsert_screening(
                session, conversation_id, trial_id, voice, answers, criteria_status, verdict
            )
            now = utc_now()
            request = ContactRequest(
                reference=self._unique_reference(session),
                screening=screening,
                wants_confirmation=bool(wants_confirmation),
                chat_language=chat_language,
                sponsor_consent=bool(sponsor_consent),
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

    def delete_requests_made_before(self, cutoff, actor: str = "retention") -> int:
        """Delete every request made before ``cutoff`` (with its e-mails, notes and, when no other
        request uses it, its screening): the retention the consent promises. Returns requests deleted;
        each deletion is in the audit log, by reference only."""
        with self._transaction() as session:
            old = list(session.scalars(select(ContactRequest).where(ContactRequest.created_at < cutoff)))
            for request in old:
                add_entry(session, utc_now(), actor, "deleted", request.reference, "kept for the retention period")
                delete_request_rows(session, request)
        if old:
            log.info("retention: %d contact request(s) deleted", len(old))
        return len(old)

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
            removed = delete_request_rows(session, request)
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
        raise ValueError(f"unknown trial {trial_id!r}: run `python -m bot.storage.migrate` to load the catalog")
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
    named = FULL_NAME_FIELDS if contact.get("full_name") else SPLIT_NAME_FIELDS
    unnamed = set(FULL_NAME_FIELDS + SPLIT_NAME_FIELDS) - set(named)
    if any(contact.get(f) for f in unnamed):
        raise ValueError("give the name as full_name or as first_name and last_name, not both")
    missing = [f for f in CONTACT_FIELDS if f not in OPTIONAL_FIELDS and f not in unnamed and not contact.get(f)]
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


def delete_request_rows(session: Session, request: ContactRequest) -> int:
    """Delete one request, its e-mails, and its screening unless another request uses it; rows removed.

    The terminal tool and the staff console both delete this way.
    """
    screening_id = request.screening_id
    removed = _delete_requests(session, ContactRequest.id == request.id)
    others = session.scalar(
        select(func.count()).select_from(ContactRequest).where(ContactRequest.screening_id == screening_id)
    )
    if not others:
        removed += _execute_delete(session, delete(Screening).where(Screening.id == screening_id))
    return removed


def _delete_requests(session: Session, which) -> int:
    """Delete the matching requests, their e-mails and notes, counting them all.

    The foreign keys cascade too, but deleting explicitly gives the count and does
    not depend on SQLite's foreign-key switch.
    """
    requests = select(ContactRequest.id).where(which)
    removed = _execute_delete(session, delete(Notification).where(Notification.contact_request_id.in_(requests)))
    removed += _execute_delete(session, delete(RequestNote).where(RequestNote.contact_request_id.in_(requests)))
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
        full_name=request.full_name,
        chat_language=request.chat_language,
        sponsor_consent=request.sponsor_consent,
        trial_sponsor=trial.sponsor if trial is not None else "",
    )

