"""Score a (partial) set of answers against one trial's criteria.

Statuses of a criterion:

* ``met``: the person meets it (for an exclusion: does not have that condition);
* ``not_met``: an answer means it is not met; for a waiting time that has not
  ended yet, ``not_yet`` is true and ``wait_until`` gives the end date if known
  (the questions go on: only a lasting "not met" ends them);
* ``unknown``: it depends on an answer of "not sure";
* ``pending``: a question that decides it has not been asked yet;
* ``study_team``: only the study team can check it (tests, scans, judgement).

Verdicts: ``likely_ineligible`` (something not met), ``incomplete`` (questions
left), ``needs_review`` (nothing failed, something unknown), ``likely_eligible``
(every askable criterion met). None of them is a decision: the study team
decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import FrozenSet, List, Mapping, Optional, Tuple

from bot.screening.answers import AnswerType, AnswerValue, Question, rule_value
from bot.screening.catalog import Criterion, Trial


class Status(str, Enum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    PENDING = "pending"
    STUDY_TEAM = "study_team"


class Verdict(str, Enum):
    LIKELY_INELIGIBLE = "likely_ineligible"
    INCOMPLETE = "incomplete"
    NEEDS_REVIEW = "needs_review"
    LIKELY_ELIGIBLE = "likely_eligible"


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    status: Status
    not_yet: bool = False
    wait_until: Optional[dt.date] = None
    deciding: FrozenSet[str] = frozenset()


@dataclass(frozen=True)
class ScreeningResult:
    trial: Trial
    verdict: Verdict
    criteria: Tuple[CriterionResult, ...]
    next_question: Optional[str]

    def with_status(self, status: Status) -> List[CriterionResult]:
        return [result for result in self.criteria if result.status is status]

    @property
    def reasons(self) -> List[CriterionResult]:
        """The criteria that may exclude the person, in listing order."""
        return self.with_status(Status.NOT_MET)


def screen(
    trial: Trial,
    questions: Mapping[str, Question],
    answers: Mapping[str, AnswerValue],
    today: dt.date,
) -> ScreeningResult:
    """``answers`` are canonical values (see :mod:`bot.screening.answers`); ``today`` is the
    day "how long ago" answers count back from."""
    seen = {qid: rule_value(questions[qid], value) for qid, value in answers.items()}
    known = {qid: value for qid, value in seen.items() if value is not None}
    unanswered = frozenset(q for q in trial.question_order if q not in answers)
    results = tuple(_score(c, known, unanswered, questions, today) for c in trial.criteria)
    return ScreeningResult(
        trial=trial,
        verdict=_verdict(results),
        criteria=results,
        next_question=_next_question(trial, results),
    )


def _score(
    criterion: Criterion,
    known: Mapping[str, AnswerValue],
    unanswered: FrozenSet[str],
    questions: Mapping[str, Question],
    today: dt.date,
) -> CriterionResult:
    if criterion.rule is None:
        return CriterionResult(criterion, Status.STUDY_TEAM)
    evaluation = criterion.rule.evaluate(known, unanswered)
    if evaluation.value is True:
        return CriterionResult(criterion, Status.MET)
    if evaluation.value is False:
        if criterion.washout:
            return CriterionResult(
                criterion,
                Status.NOT_MET,
                not_yet=True,
                wait_until=_wait_ends(criterion, known, unanswered, questions, today),
            )
        return CriterionResult(criterion, Status.NOT_MET)
    if evaluation.deciding:
        return CriterionResult(criterion, Status.PENDING, deciding=evaluation.deciding)
    return CriterionResult(criterion, Status.UNKNOWN)


def _wait_ends(
    criterion: Criterion,
    known: Mapping[str, AnswerValue],
    unanswered: FrozenSet[str],
    questions: Mapping[str, Question],
    today: dt.date,
) -> Optional[dt.date]:
    """The first day the rule stops failing if only time passes, when time alone can do it.

    Every "how long ago" answer grows by the same number of days; the rule can
    only change where such an answer crosses one of the rule's numbers, so those
    crossings are the only days worth trying.
    """
    elapsed = {
        qid: Decimal(value)
        for qid, value in known.items()
        if qid in criterion.rule.symbols and questions[qid].type is AnswerType.TIME_SINCE and Decimal(value).is_finite()
    }
    candidates = sorted({limit - days for days in elapsed.values() for limit in criterion.rule.numbers if limit > days})
    for wait in candidates:
        later = dict(known)
        later.update({qid: days + wait for qid, days in elapsed.items()})
        if criterion.rule.evaluate(later, unanswered).value is not False:
            return today + dt.timedelta(days=int(wait))
    return None


def _verdict(results: Tuple[CriterionResult, ...]) -> Verdict:
    statuses = {result.status for result in results}
    if Status.NOT_MET in statuses:
        return Verdict.LIKELY_INELIGIBLE
    if Status.PENDING in statuses:
        return Verdict.INCOMPLETE
    if Status.UNKNOWN in statuses:
        return Verdict.NEEDS_REVIEW
    return Verdict.LIKELY_ELIGIBLE


def _next_question(trial: Trial, results: Tuple[CriterionResult, ...]) -> Optional[str]:
    # Once a criterion is not met for good the verdict cannot change, so nothing more is
    # asked. A waiting time that is not over is "not yet": the other questions still
    # matter, so the summary can say whether the wait is the only thing in the way.
    if any(result.status is Status.NOT_MET and not result.not_yet for result in results):
        return None
    deciding = {qid for result in results for qid in result.deciding}
    return next((qid for qid in trial.question_order if qid in deciding), None)
