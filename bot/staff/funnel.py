"""The funnel: anonymous counts written while people screen, and the report the console draws.

The chat (actions/) calls ``FunnelRecorder``: a screening started, finished
with a verdict and the criteria that excluded, a hand-off. The pipeline adds a
state reached and the working days to first contact (bot.storage.followup).
Each event keeps only a trial, the Monday of its week and what happened: no
conversation, person, answer or time of day, so no consent is needed for it.
A failure to count never disturbs the chat: it is logged (by error type) and
the count is lost.
"""

from __future__ import annotations

import csv
import io
import logging
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Sequence, Tuple

from bot.staff.clock import Clock
from bot.staff.pipeline import PIPELINE_ORDER, Pipeline
from bot.storage.funnel import FunnelCount, FunnelRepository

log = logging.getLogger(__name__)

VERDICTS = ("likely_ineligible", "incomplete", "needs_review", "likely_eligible")


class FunnelRecorder:
    def __init__(self, repository: FunnelRepository, pipeline: Pipeline, clock: Clock):
        self.repository, self.pipeline, self.clock = repository, pipeline, clock

    def screening_started(self, trial_id: str) -> None:
        self._add(trial_id, [("started", "")])

    def screening_finished(self, trial_id: str, verdict: str, excluded_by: Iterable[str]) -> None:
        """The first result of a screening: its verdict and each criterion not met."""
        self._add(trial_id, [("finished", verdict), *(("excluded_by", cid) for cid in excluded_by)])

    def handed_off(self, trial_id: str) -> None:
        self._add(trial_id, [("handed_off", "")])

    def _add(self, trial_id: str, events: List[Tuple[str, str]]) -> None:
        try:
            self.repository.add(self.pipeline.local_day(self.clock()), trial_id, events)
        except Exception as error:  # noqa: BLE001 - counting must never disturb a person's screening
            log.error("funnel event not counted: %s", type(error).__name__)


@dataclass
class TrialWeek:
    started: int = 0
    finished: int = 0
    handed_off: int = 0
    verdicts: Dict[str, int] = field(default_factory=dict)
    excluded_by: Dict[str, int] = field(default_factory=dict)
    states: Dict[str, int] = field(default_factory=dict)
    days_to_first_contact: List[int] = field(default_factory=list)

    @property
    def median_days_to_first_contact(self):
        return statistics.median(self.days_to_first_contact) if self.days_to_first_contact else None


@dataclass(frozen=True)
class FunnelReport:
    """trial id -> week (Monday, ISO text) -> TrialWeek, plus the raw counts for the CSV."""

    by_trial: Dict[str, Dict[str, TrialWeek]]
    counts: Tuple[FunnelCount, ...]

    def totals(self, trial_id: str) -> TrialWeek:
        total = TrialWeek()
        for week in self.by_trial.get(trial_id, {}).values():
            total.started += week.started
            total.finished += week.finished
            total.handed_off += week.handed_off
            for name in ("verdicts", "excluded_by", "states"):
                merged = getattr(total, name)
                for key, value in getattr(week, name).items():
                    merged[key] = merged.get(key, 0) + value
            total.days_to_first_contact += week.days_to_first_contact
        return total


def build_report(counts: Sequence[FunnelCount]) -> FunnelReport:
    by_trial: Dict[str, Dict[str, TrialWeek]] = defaultdict(dict)
    for count in counts:
        week = by_trial[count.trial_id].setdefault(count.week_start.isoformat(), TrialWeek())
        if count.event in ("started", "handed_off"):
            setattr(week, count.event, getattr(week, count.event) + count.count)
        elif count.event == "finished":
            week.finished += count.count
            week.verdicts[count.detail] = week.verdicts.get(count.detail, 0) + count.count
        elif count.event == "excluded_by":
            week.excluded_by[count.detail] = week.excluded_by.get(count.detail, 0) + count.count
        elif count.event == "state":
            week.states[count.detail] = week.states.get(count.detail, 0) + count.count
        elif count.event == "first_contact":
            week.days_to_first_contact += [int(count.detail)] * count.count
    for weeks in by_trial.values():
        for week in weeks.values():
            week.states = {s: week.states[s] for s in PIPELINE_ORDER if s in week.states}
    return FunnelReport(by_trial=dict(by_trial), counts=tuple(counts))


def funnel_csv(report: FunnelReport) -> str:
    """Every count: week, trial, event, detail, count (numbers and ids only, so nothing to guard)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["week_starting", "trial", "event", "detail", "count"])
    for c in report.counts:
        writer.writerow([c.week_start.isoformat(), c.trial_id, c.event, c.detail, c.count])
    return out.getvalue()
