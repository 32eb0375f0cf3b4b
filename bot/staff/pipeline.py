"""The follow-up pipeline: statuses, the moves allowed, working days and "overdue".

    new -> contacted -> call_done -> visit_booked -> consented
    and from any open step: not_eligible (with a reason), not_reached, withdrew

"notified" is "new" once the study team's e-mail has gone. A step may be
skipped (the first call can be the pre-screen call). Only "could not reach"
can be reopened, by moving to "contacted" when the person is reached after all.

A request is overdue when it is still new and more than N working days
(Monday to Friday, less the holidays set) have passed after the day it came in,
counted in the study team's time zone: with N = 2, a request from Monday is
overdue on Thursday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple
from zoneinfo import ZoneInfo

from bot.settings import StaffSettings

NOT_CONTACTED = ("new", "notified")
STEPS = ("contacted", "call_done", "visit_booked", "consented")
ENDS = ("consented", "not_eligible", "not_reached", "withdrew")
REOPENABLE = {"not_reached": ("contacted",)}
CONTACT_STATUSES = ("contacted", "call_done", "visit_booked", "consented")
LABELS: Dict[str, str] = {
    "new": "New",
    "notified": "New (team e-mailed)",
    "contacted": "Contacted",
    "call_done": "Pre-screen call done",
    "visit_booked": "Visit booked",
    "consented": "Consented",
    "not_eligible": "Not eligible",
    "not_reached": "Could not reach",
    "withdrew": "Withdrew",
}
# The order the funnel shows the states in.
PIPELINE_ORDER = ("new", "notified", "contacted", "call_done", "visit_booked", "consented", "not_eligible",
                  "not_reached", "withdrew")


def next_statuses(status: str) -> Tuple[str, ...]:
    """The statuses a request in ``status`` may move to, in pipeline order."""
    if status in ENDS:
        return REOPENABLE.get(status, ())
    position = STEPS.index(status) if status in STEPS else -1
    later = STEPS[position + 1:]
    return tuple(s for s in PIPELINE_ORDER if s in later or (s in ENDS and s != "consented"))


def working_days_after(start: dt.date, end: dt.date, holidays: Sequence[dt.date] = ()) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    if end <= start:
        return 0
    days = (end - start).days
    whole_weeks, extra = divmod(days, 7)
    count = whole_weeks * 5
    for offset in range(1, extra + 1):
        if (start + dt.timedelta(days=whole_weeks * 7 + offset)).weekday() < 5:
            count += 1
    count -= sum(1 for h in holidays if start < h <= end and h.weekday() < 5)
    return count


@dataclass(frozen=True)
class Pipeline:
    """The rules with the study team's settings (time zone, holidays, N)."""

    settings: StaffSettings

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.timezone)

    def local_day(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.zone).date()

    def working_days_waited(self, since: dt.datetime, now: dt.datetime) -> int:
        return working_days_after(self.local_day(since), self.local_day(now), self.settings.holidays)

    def is_overdue(self, status: str, created_at: dt.datetime, now: dt.datetime) -> bool:
        return status in NOT_CONTACTED and self.working_days_waited(created_at, now) > self.settings.overdue_working_days

    def is_contact(self, status: str) -> bool:
        return status in CONTACT_STATUSES

    def check_move(self, old: str, new: str, reason: Optional[str]) -> None:
        if new not in LABELS:
            raise ValueError(f"There is no status called {new}.")
        if new not in next_statuses(old):
            raise ValueError(f"A request that is \"{LABELS[old]}\" cannot move to \"{LABELS[new]}\".")
        if new == "not_eligible" and not (reason or "").strip():
            raise ValueError("Say why the person is not eligible: the criterion, or a few words.")
