"""Anonymous funnel events: a trial, the Monday of a week, what happened.

No conversation id, person, answer or exact time is kept, so the counts are
not personal data and stay when a person deletes their data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, List, Tuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.storage.base import Store
from bot.storage.models import FUNNEL_EVENTS, FunnelEvent

MAX_DETAIL = 40


@dataclass(frozen=True)
class FunnelCount:
    week_start: dt.date
    trial_id: str
    event: str
    detail: str
    count: int


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def add_events(session: Session, day: dt.date, trial_id: str, events: Iterable[Tuple[str, str]]) -> None:
    """Write events inside another repository's transaction (the pipeline's state changes)."""
    for event, detail in events:
        if event not in FUNNEL_EVENTS:
            raise ValueError(f"unknown funnel event {event!r}")
        session.add(FunnelEvent(week_start=monday_of(day), trial_id=trial_id, event=event, detail=detail[:MAX_DETAIL]))


class FunnelRepository(Store):
    def add(self, day: dt.date, trial_id: str, events: Iterable[Tuple[str, str]]) -> None:
        with self._transaction() as session:
            add_events(session, day, trial_id, events)

    def counts(self) -> List[FunnelCount]:
        """Every (week, trial, event, detail) with its count, oldest week first."""
        query = (
            select(FunnelEvent.week_start, FunnelEvent.trial_id, FunnelEvent.event, FunnelEvent.detail, func.count())
            .group_by(FunnelEvent.week_start, FunnelEvent.trial_id, FunnelEvent.event, FunnelEvent.detail)
            .order_by(FunnelEvent.week_start, FunnelEvent.trial_id, FunnelEvent.event, FunnelEvent.detail)
        )
        with self._transaction() as session:
            return [FunnelCount(*row) for row in session.execute(query)]
