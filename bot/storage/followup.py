"""The study team's work on contact requests: the queue, the pipeline, owners, notes.

Every change is written with its audit entry (and its anonymous funnel event)
in one transaction, so nothing changes unrecorded. Which moves are allowed is
decided by bot.staff.pipeline, passed in as ``rules``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Callable, List, Optional, Protocol, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.screening.answers import NOT_SURE
from bot.storage.audit import add_entry
from bot.storage.base import Store
from bot.storage.funnel import add_events
from bot.storage.models import MAX_NOTE_LENGTH, MAX_REASON_LENGTH, ContactRequest, RequestNote, Screening, StaffUser
from bot.storage.records import RequestDetails
from bot.storage.requests import _request_by_reference, _request_details, delete_request_rows

UNCHANGED = object()  # "leave this field as it is" (None means "clear it")


class PipelineRules(Protocol):
    def check_move(self, old: str, new: str, reason: Optional[str]) -> None:
        """Raise ValueError with a plain message when the move is not allowed."""

    def is_contact(self, status: str) -> bool:
        """Whether reaching ``status`` means the person was reached."""

    def working_days_waited(self, since: dt.datetime, now: dt.datetime) -> int:
        ...

    def local_day(self, moment: dt.datetime) -> dt.date:
        ...


@dataclass(frozen=True)
class QueueRow:
    reference: str
    trial_id: str
    verdict: str
    status: str
    created_at: dt.datetime
    owner: Optional[str]
    next_action_on: Optional[dt.date]
    reasons: Tuple[str, ...]  # criteria not met
    not_sure: Tuple[str, ...]  # question ids answered "not sure"
    team_checks: Tuple[str, ...]  # criteria only the study team can check
    language: str
    best_time: str
    first_contact_at: Optional[dt.datetime]


@dataclass(frozen=True)
class Note:
    author: str
    body: str
    created_at: dt.datetime


@dataclass(frozen=True)
class CaseFile:
    details: RequestDetails
    owner: Optional[str]
    next_action_on: Optional[dt.date]
    outcome_reason: Optional[str]
    first_contact_at: Optional[dt.datetime]
    notes: Tuple[Note, ...]


class UnknownStaffUser(ValueError):
    pass


def _ids_with(statuses: dict, wanted: str) -> Tuple[str, ...]:
    return tuple(sorted(cid for cid, status in statuses.items() if status == wanted))


class FollowUpRepository(Store):
    def queue(self) -> List[QueueRow]:
        """Every request with what the queue shows, newest first (the console sorts overdue ones up)."""
        query = (
            select(ContactRequest, Screening, StaffUser.username)
            .join(Screening, ContactRequest.screening_id == Screening.id)
            .outerjoin(StaffUser, ContactRequest.owner_id == StaffUser.id)
            .order_by(ContactRequest.created_at.desc(), ContactRequest.id.desc())
        )
        rows = []
        with self._transaction() as session:
            for request, screening, owner in session.execute(query):
                statuses = json.loads(screening.criteria_status)
                answers = json.loads(screening.answers)
                rows.append(QueueRow(
                    reference=request.reference, trial_id=screening.trial_id, verdict=screening.verdict,
                    status=request.status, created_at=request.created_at, owner=owner,
                    next_action_on=request.next_action_on, reasons=_ids_with(statuses, "not_met"),
                    not_sure=tuple(q for q, value in answers.items() if value == NOT_SURE),
                    team_checks=_ids_with(statuses, "study_team"), language=request.language,
                    best_time=request.best_time, first_contact_at=request.first_contact_at,
                ))
        return rows

    def case(self, reference: str, viewer: str, now: dt.datetime) -> Optional[CaseFile]:
        """One request in full; opening it is audited (who viewed personal details, and when)."""
        with self._transaction() as session:
            request = _request_by_reference(session, reference)
            if request is None:
                return None
            add_entry(session, now, viewer, "viewed", request.reference, "personal details shown")
            owner = session.get(StaffUser, request.owner_id) if request.owner_id else None
            notes = session.scalars(
                select(RequestNote).where(RequestNote.contact_request_id == request.id).order_by(RequestNote.id)
            )
            return CaseFile(
                details=_request_details(session, request, with_notifications=True),
                owner=owner.username if owner else None, next_action_on=request.next_action_on,
                outcome_reason=request.outcome_reason, first_contact_at=request.first_contact_at,
                notes=tuple(Note(n.author, n.body, n.created_at) for n in notes),
            )

    def update(
        self, reference: str, actor: str, now: dt.datetime, rules: PipelineRules, *,
        status: Optional[str] = None, reason: Optional[str] = None, owner=UNCHANGED, next_action_on=UNCHANGED,
        note: Optional[str] = None,
    ) -> Optional[List[str]]:
        """Apply the changes given; returns what changed (field names), or None for an unknown reference.

        Raises ValueError (with a message for the coordinator) for a move the
        pipeline does not allow, an unknown owner or a note that is too long.
        """
        changed: List[str] = []
        with self._transaction() as session:
            request = _request_by_reference(session, reference)
            if request is None:
                return None
            trial_id = request.screening.trial_id
            if status is not None and status != request.status:
                rules.check_move(request.status, status, reason)
                old = request.status
                request.status, request.status_changed_at = status, now
                request.outcome_reason = (reason or "")[:MAX_REASON_LENGTH] or None
                events = [("state", status)]
                if request.first_contact_at is None and rules.is_contact(status):
                    request.first_contact_at = now
                    events.append(("first_contact", str(rules.working_days_waited(request.created_at, now))))
                add_events(session, rules.local_day(now), trial_id, events)
                add_entry(session, now, actor, "status", request.reference, f"{old} -> {status}")
                changed.append("status")
            if owner is not UNCHANGED:
                owner_id = _user_id(session, owner) if owner else None
                if owner_id != request.owner_id:
                    request.owner_id = owner_id
                    add_entry(session, now, actor, "owner", request.reference, f"owner: {owner or 'nobody'}")
                    changed.append("owner")
            if next_action_on is not UNCHANGED and next_action_on != request.next_action_on:
                request.next_action_on = next_action_on
                shown = next_action_on.isoformat() if next_action_on else "none"
                add_entry(session, now, actor, "next_action", request.reference, f"next action: {shown}")
                changed.append("next_action_on")
            if note and note.strip():
                if len(note) > MAX_NOTE_LENGTH:
                    raise ValueError(f"A note can be at most {MAX_NOTE_LENGTH} characters.")
                session.add(RequestNote(contact_request_id=request.id, author=actor, body=note.strip(),
                                        created_at=now))
                add_entry(session, now, actor, "note", request.reference, "note added")
                changed.append("note")
        return changed

    def delete(self, reference: str, actor: str, now: dt.datetime) -> int:
        """Delete a request (its e-mails, notes, and its screening unless shared); audited. 0 if unknown."""
        with self._transaction() as session:
            request = _request_by_reference(session, reference)
            if request is None:
                return 0
            removed = delete_request_rows(session, request)
            add_entry(session, now, actor, "deleted", request.reference, f"{removed} rows removed")
        return removed

    def export(self, actor: str, now: dt.datetime, write: Callable[[List[RequestDetails]], int],
               references: Optional[List[str]] = None) -> int:
        """Hand the requests (all, or those ``references`` name) to ``write`` (the CSV writer) and audit
        the export; returns the count."""
        query = select(ContactRequest).order_by(ContactRequest.created_at.desc(), ContactRequest.id.desc())
        if references is not None:
            query = query.where(ContactRequest.reference.in_(references))
        with self._transaction() as session:
            requests = session.scalars(query)
            count = write([_request_details(session, r) for r in requests])
            add_entry(session, now, actor, "exported", None, f"{count} requests exported to CSV")
        return count


def _user_id(session: Session, username: str) -> int:
    user_id = session.scalar(select(StaffUser.id).where(StaffUser.username == username, StaffUser.disabled.is_(False)))
    if user_id is None:
        raise UnknownStaffUser(f"There is no staff user called {username}.")
    return user_id

